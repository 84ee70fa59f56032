import { describe, expect, it } from 'vitest';
import {
    allocate,
    formatMoney,
    formatPercent,
    parseAmount,
    parseFinancialYear,
    parsePercent,
    parsePeriod,
    parseQuantity,
    penceToDecimalString,
    Rational,
    yearLabel
} from '../src/money/index.js';
import { render } from '../src/i18n/index.js';

describe('parseAmount reads every written form exactly', () => {
    it.each([
        ['£1,200,000', undefined, 120_000_000n, 'GBP'],
        ['£1.2m', undefined, 120_000_000n, 'GBP'],
        ['£350k', undefined, 35_000_000n, 'GBP'],
        ['£1.25bn', undefined, 125_000_000_000n, 'GBP'],
        ['1200000', 'GBP', 120_000_000n, 'GBP'],
        ['1,200,000.50', 'GBP', 120_000_050n, 'GBP'],
        ['£0.10', undefined, 10n, 'GBP'],
        ['£1.234567m', undefined, 123_456_700n, 'GBP'],
        ['€2,000', undefined, 200_000n, 'EUR'],
        ['45000', undefined, 4_500_000n, undefined]
    ] as const)('%s %s is %d pence', (text, code, pence, currency) => {
        const parsed = parseAmount(text, code);
        expect(parsed.problems).toEqual([]);
        expect(parsed.pence).toBe(pence);
        expect(parsed.currency).toBe(currency);
    });

    it('reports a negative amount, whichever side of the symbol the sign is', () => {
        expect(parseAmount('-£5,000').problems).toEqual([{ kind: 'negative' }]);
        expect(parseAmount('£-5,000').problems).toEqual([{ kind: 'negative' }]);
        expect(parseAmount('-£5,000').pence).toBe(-500_000n);
    });

    it('reports more than two decimal places, counting the ones a suffix leaves', () => {
        expect(parseAmount('£10.005').problems).toEqual([{ kind: 'sub-penny', places: 3 }]);
        expect(parseAmount('£1.2345678912m').problems).toEqual([{ kind: 'sub-penny', places: 4 }]);
        expect(parseAmount('£1.23456789m').problems).toEqual([]);
    });

    it('reports digits grouped other than in threes', () => {
        expect(parseAmount('£12,00,000').problems).toEqual([{ kind: 'grouping' }]);
        expect(parseAmount('£1,2000').problems).toEqual([{ kind: 'grouping' }]);
        expect(parseAmount('£1200000').problems).toEqual([]);
    });

    it('reports a symbol and a code that disagree', () => {
        expect(parseAmount('£10', 'EUR').problems).toEqual([{ kind: 'conflicting-currency', symbol: 'GBP', code: 'EUR' }]);
    });
});

describe('sums never touch binary floating point', () => {
    it('£0.10 + £0.20 is exactly £0.30', () => {
        const sum = parseAmount('£0.10').pence! + parseAmount('£0.20').pence!;
        expect(sum).toBe(30n);
        expect(formatMoney(sum, { pence: 'always' })).toBe('£0.30');
        // The float version of the same sum is the bug this guards against.
        expect(0.1 + 0.2).not.toBe(0.3);
    });

    it('adds 9,999 lines of £1,234,567.89 to the penny', () => {
        let total = 0n;
        for (let i = 0; i < 9_999; i++) total += parseAmount('£1,234,567.89').pence!;
        expect(formatMoney(total)).toBe('£12,344,444,332.11');
        expect(penceToDecimalString(total)).toBe('12344444332.11');
    });
});

describe('formatMoney', () => {
    it.each([
        [120_000_000n, {}, '£1,200,000'],
        [120_000_050n, {}, '£1,200,000.50'],
        [120_000_000n, { pence: 'always' as const }, '£1,200,000.00'],
        [-500_000n, {}, '-£5,000'],
        [5n, {}, '£0.05'],
        [200_000n, { currency: 'EUR' as const }, '€2,000']
    ])('%d pence with %o is %s', (pence, options, text) => {
        expect(formatMoney(pence, options)).toBe(text);
    });
});

describe('allocate splits a whole into parts that add up to it exactly', () => {
    it('splits £100 three ways as £33.34, £33.33, £33.33 (largest remainder, first declared first)', () => {
        const parts = allocate(10_000n, [Rational.of(1), Rational.of(1), Rational.of(1)]);
        expect(parts).toEqual([3_334n, 3_333n, 3_333n]);
        expect(parts.reduce((a, b) => a + b)).toBe(10_000n);
    });

    it('gives the odd penny to the largest remainder, not the first', () => {
        // 10p split 1:2:7 → 1, 2, 7 exactly; 10p split 15%/15%/70% of 11p → 1.65, 1.65, 7.7.
        expect(allocate(11n, [Rational.of(15), Rational.of(15), Rational.of(70)])).toEqual([2n, 1n, 8n]);
    });

    it('splits by percentages with decimals', () => {
        const parts = allocate(100_000_000n, [Rational.parseDecimal('33.33'), Rational.parseDecimal('33.33'), Rational.parseDecimal('33.34')]);
        expect(parts).toEqual([33_330_000n, 33_330_000n, 33_340_000n]);
    });

    it('splits a negative total as its magnitude', () => {
        expect(allocate(-10_000n, [Rational.of(1), Rational.of(2)])).toEqual([-3_333n, -6_667n]);
    });

    it('refuses weights that sum to zero', () => {
        expect(() => allocate(100n, [Rational.ZERO])).toThrow(RangeError);
    });
});

describe('Rational', () => {
    it('rounds halves away from zero', () => {
        expect(Rational.of(5, 2).roundHalfAwayFromZero()).toBe(3n);
        expect(Rational.of(-5, 2).roundHalfAwayFromZero()).toBe(-3n);
        expect(Rational.of(7, 3).roundHalfAwayFromZero()).toBe(2n);
    });

    it('floors towards minus infinity', () => {
        expect(Rational.of(-7, 2).floor()).toBe(-4n);
        expect(Rational.of(7, 2).floor()).toBe(3n);
    });

    it('prints terminating decimals exactly and rounds the rest', () => {
        expect(Rational.parseDecimal('33.33').toDecimal()).toBe('33.33');
        expect(Rational.of(1, 3).toDecimal(4)).toBe('0.3333');
        expect(Rational.of(2, 3).toDecimal(2)).toBe('0.67');
    });
});

describe('percentages', () => {
    it('parses decimals exactly', () => {
        expect(parsePercent('33.33%').points!.equals(Rational.of(3333, 100))).toBe(true);
        expect(parsePercent('-10%').points!.equals(Rational.of(-10))).toBe(true);
    });

    it('marks a rounded percentage as approximate', () => {
        expect(formatPercent(Rational.of(25))).toBe('25%');
        expect(formatPercent(Rational.of(200, 3))).toBe('≈66.67%');
    });
});

describe('financial years', () => {
    it('reads 2013/14 and 1999/00', () => {
        expect(parseFinancialYear('2013/14').start).toBe(2013);
        expect(parseFinancialYear('1999/00').start).toBe(1999);
        expect(yearLabel(1999)).toBe('1999/00');
    });

    it.each(['2013/15', '2013/3', '2013/2014', '2013/13'])('rejects %s and says what to write', text => {
        const { start, problem } = parseFinancialYear(text);
        expect(start).toBeUndefined();
        // money/ states the problem as a catalogue key and its values; i18n/ words it in either language.
        expect(problem && render(problem, 'en')).toContain('2013/14');
        expect(problem && render(problem, 'cy')).toContain('2013/14');
    });

    it('reads a quarter, and says what a quarter is when it is not one', () => {
        expect(parsePeriod('2014/15', 'Q2')).toEqual({ year: 2014, quarter: 2 });
        const { quarter, quarterProblem } = parsePeriod('2014/15', 'Q5');
        expect(quarter).toBeUndefined();
        expect(quarterProblem && render(quarterProblem, 'en')).toBe(
            '`Q5` is not a quarter: write Q1 (April to June), Q2, Q3 or Q4 (January to March), or no quarter for the whole year'
        );
    });
});

describe('quantities', () => {
    it('reads outcome values with grouping, decimals and percent', () => {
        expect(parseQuantity('1,500').value!.equals(Rational.of(1500))).toBe(true);
        expect(parseQuantity('628.5').value!.equals(Rational.of(1257, 2))).toBe(true);
        expect(parseQuantity('81.2%').isPercent).toBe(true);
    });
});
