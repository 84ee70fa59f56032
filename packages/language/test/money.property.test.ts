import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, formatMoney, parseAmount, parsePercent, penceToDecimalString, Rational, sumRationals } from '../src/money/index.js';
import { HEADER, workspace } from './helpers.js';

/**
 * Property tests of the money model against an independent oracle: plain BigInt arithmetic on
 * pence generated here, never parsed from text. Amounts go up to £10 billion.
 */

const MAX_PENCE = 1_000_000_000_000n; // £10,000,000,000.00
const pence = fc.bigInt({ min: 0n, max: MAX_PENCE });
const RUNS = { numRuns: 300 };

/** Writes whole pence in one of the forms a user may type, exactly. */
function written(value: bigint, form: number): string {
    const pounds = value / 100n;
    const rest = value % 100n;
    const grouped = pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const decimals = rest === 0n ? '' : `.${rest.toString().padStart(2, '0')}`;
    switch (form % 5) {
        case 0:
            return `£${grouped}${decimals}`;
        case 1:
            return `£${pounds}${decimals}`;
        case 2:
            return `${pounds}${decimals} GBP`;
        case 3: {
            // £X.XXm when the value is a whole number of pounds writable that way.
            if (rest === 0n && pounds % 10_000n === 0n) {
                const millions = Rational.of(pounds, 1_000_000n).toDecimal(2);
                return `£${millions}m`;
            }
            return `£${grouped}${decimals}`;
        }
        default: {
            if (rest === 0n && pounds % 10n === 0n) return `£${Rational.of(pounds, 1000n).toDecimal(2)}k`;
            return `£${grouped}${decimals}`;
        }
    }
}

describe('amount parsing and printing', () => {
    it('prints and reads back every amount to the penny', () => {
        fc.assert(
            fc.property(pence, value => {
                const text = formatMoney(value);
                const parsed = parseAmount(text);
                expect(parsed.problems).toEqual([]);
                expect(parsed.pence).toBe(value);
            }),
            RUNS
        );
    });

    it('reads every written form (grouped, plain, currency code, millions, thousands) exactly', () => {
        fc.assert(
            fc.property(pence, fc.nat(4), (value, form) => {
                const text = written(value, form);
                const [number, code] = text.split(' ');
                expect(parseAmount(number, code).pence, text).toBe(value);
            }),
            RUNS
        );
    });

    it('reads pounds and up to two places of pence as the general rule of exact fractions does, problems included', () => {
        // The common case takes a short way (pence straight from the digits); every amount it
        // takes must come out as the rule for any decimal says: value in lowest terms, pence,
        // sign and problems.
        const amount = fc.record({
            sign: fc.constantFrom('', '-'),
            symbol: fc.constantFrom('', '£', '$', '€'),
            signAfter: fc.constantFrom('', '-'),
            whole: fc.stringMatching(/^[0-9][0-9,]{0,20}$/),
            fraction: fc.constantFrom(undefined, '', '0', '5', '00', '07', '10', '99'),
            code: fc.constantFrom(undefined, 'GBP', 'EUR')
        });
        fc.assert(
            fc.property(amount, ({ sign, symbol, signAfter, whole, fraction, code }) => {
                const text = `${sign}${symbol}${signAfter}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
                const parsed = parseAmount(text, code);
                if (parsed.problems.some(problem => problem.kind === 'too-large' || problem.kind === 'malformed')) {
                    expect(parsed.pence).toBeUndefined();
                    return;
                }
                const digits = whole.replace(/,/g, '');
                const magnitude = Rational.parseDecimal(`${digits}${fraction ? `.${fraction}` : ''}`);
                const negative = (sign === '-') !== (signAfter === '-');
                const value = negative ? magnitude.neg() : magnitude;
                expect(parsed.value?.num).toBe(value.num);
                expect(parsed.value?.den).toBe(value.den);
                expect(parsed.pence).toBe(value.mul(Rational.HUNDRED).num);
                expect(parsed.problems.some(problem => problem.kind === 'negative')).toBe(negative && !value.isZero());
                expect(parsed.problems.some(problem => problem.kind === 'grouping')).toBe(whole.includes(',') && !/^[0-9]{1,3}(,[0-9]{3})*$/.test(whole));
            }),
            { numRuns: 2000 }
        );
    });

    it('agrees with the decimal string given to machines', () => {
        fc.assert(
            fc.property(pence, value => {
                const decimal = penceToDecimalString(value);
                expect(BigInt(decimal.replace('.', ''))).toBe(value);
                expect(decimal).toMatch(/^\d+\.\d\d$/);
            }),
            RUNS
        );
    });

    it('reads percentages with up to four decimals exactly', () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 1_000_000 }), hundredthsOfBasisPoint => {
                const value = Rational.of(hundredthsOfBasisPoint, 10_000);
                const parsed = parsePercent(`${value.toDecimal(4)}%`);
                expect(parsed.points!.equals(value)).toBe(true);
            }),
            RUNS
        );
    });
});

describe('splitting a whole into parts (the rounding rule)', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }).filter(ws => ws.some(w => w > 0));

    it('parts always add up to the whole, and each is within a penny of its exact share', () => {
        fc.assert(
            fc.property(pence, weights, (total, ws) => {
                const parts = allocate(
                    total,
                    ws.map(w => Rational.of(w))
                );
                expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
                const weightSum = BigInt(ws.reduce((a, b) => a + b, 0));
                parts.forEach((part, i) => {
                    // Oracle: exact share = total × w / Σw; the part is its floor or its floor + 1p.
                    const floor = (total * BigInt(ws[i])) / weightSum;
                    expect(part === floor || part === floor + 1n, `part ${i}`).toBe(true);
                });
            }),
            RUNS
        );
    });

    it('gives the left-over pennies to the largest remainders, earlier parts first among equals', () => {
        fc.assert(
            fc.property(pence, weights, (total, ws) => {
                const parts = allocate(
                    total,
                    ws.map(w => Rational.of(w))
                );
                const weightSum = BigInt(ws.reduce((a, b) => a + b, 0));
                const remainders = ws.map(w => (total * BigInt(w)) % weightSum);
                const bumped = parts.map((part, i) => part !== (total * BigInt(ws[i])) / weightSum);
                for (let i = 0; i < ws.length; i++) {
                    for (let j = 0; j < ws.length; j++) {
                        // A part that did not get a penny never has a larger remainder than one that did.
                        if (bumped[i] && !bumped[j]) {
                            expect(remainders[i] > remainders[j] || (remainders[i] === remainders[j] && i < j)).toBe(true);
                        }
                    }
                }
            }),
            RUNS
        );
    });
});

describe('fractions: splits and sums by weights over any denominators', () => {
    // Numerators and denominators on both sides of 2^53, where the greatest common divisor leaves `number` for BigInt.
    const big = fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 1n, max: 1n << 70n }));
    const fraction = fc.tuple(fc.oneof(fc.constant(0n), big), big).map(([num, den]) => Rational.of(num, den));
    const fractions = fc.array(fraction, { minLength: 1, maxLength: 31 });

    /** The rounding rule worked with fractions, step by step: each exact part, its floor and its remainder. */
    function oracleSplit(total: bigint, weights: readonly Rational[]): bigint[] {
        const weightSum = weights.reduce((sum, weight) => sum.add(weight), Rational.ZERO);
        const exact = weights.map(weight => Rational.of(total).mul(weight).div(weightSum));
        const floors = exact.map(part => part.floor());
        const leftOver = total - floors.reduce((sum, part) => sum + part, 0n);
        const order = exact
            .map((part, index) => ({ index, remainder: part.sub(Rational.of(floors[index])) }))
            .sort((a, b) => b.remainder.compare(a.remainder) || a.index - b.index)
            .slice(0, Number(leftOver))
            .map(part => part.index);
        return floors.map((floor, index) => floor + (order.includes(index) ? 1n : 0n));
    }

    it('splits by fractional weights (a pro-rata share) as the fractions do, penny for penny', () => {
        fc.assert(
            fc.property(pence, fractions, (total, weights) => {
                fc.pre(weights.some(weight => weight.sign() > 0));
                expect(allocate(total, weights)).toEqual(oracleSplit(total, weights));
                expect(allocate(-total, weights)).toEqual(oracleSplit(total, weights).map(part => -part));
            }),
            RUNS
        );
    });

    it('adds fractions to the same reduced fraction as adding them one by one', () => {
        const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
        fc.assert(
            fc.property(fc.array(fc.tuple(fraction, fc.boolean()), { maxLength: 31 }), signed => {
                const values = signed.map(([value, negative]) => (negative ? value.neg() : value));
                const sum = sumRationals(values);
                const oneByOne = values.reduce((total, value) => total.add(value), Rational.ZERO);
                expect([sum.num, sum.den]).toEqual([oneByOne.num, oneByOne.den]);
                expect(sum.den > 0n && gcd(sum.num < 0n ? -sum.num : sum.num, sum.den)).toBe(1n);
            }),
            RUNS
        );
    });
});

describe('the model adds up contributions exactly, per year, per partner and overall', () => {
    const contribution = fc.record({ partner: fc.constantFrom('council', 'nhs'), year: fc.integer({ min: 2013, max: 2015 }), pence, form: fc.nat(4) });

    it('matches the oracle for random agreements', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(contribution, { minLength: 1, maxLength: 40 }), async lines => {
                const years = [2013, 2014, 2015];
                const blocks = years
                    .map(year => {
                        const body = lines
                            .filter(line => line.year === year)
                            .map(line => `        ${line.partner} ${written(line.pence, line.form)}`)
                            .join('\n');
                        return `    ${year}/${(year + 1) % 100} {\n${body}\n    }`;
                    })
                    .join('\n');
                const ws = await workspace({ 'main.pool': `${HEADER}\npool p "P" aligned {\n${blocks}\n}\n` });
                const model = ws.model('main.pool');
                const pool = model.poolsById.get('p')!;
                const oracle = (filter: (line: (typeof lines)[number]) => boolean) => lines.filter(filter).reduce((sum, line) => sum + line.pence, 0n);
                expect(pool.income).toBe(oracle(() => true));
                for (const year of years) {
                    expect(pool.years.get(year)?.income ?? 0n, `year ${year}`).toBe(oracle(line => line.year === year));
                }
                for (const partner of ['council', 'nhs']) {
                    expect(pool.byPartner.get(partner) ?? 0n, partner).toBe(oracle(line => line.partner === partner));
                }
                expect(ws.codes('main.pool').filter(code => !/^(empty-pool|unused-partner)@/.test(code))).toEqual([]);
            }),
            { numRuns: 40 }
        );
    });

    it('splits shares in pounds so that they add up to the amount shared', async () => {
        await fc.assert(
            fc.asyncProperty(pence, fc.integer({ min: 0, max: 10_000 }), async (covering, councilBasisPoints) => {
                const council = Rational.of(councilBasisPoints, 100).toDecimal(2);
                const nhs = Rational.of(10_000 - councilBasisPoints, 100).toDecimal(2);
                const ws = await workspace({
                    'main.pool': `${HEADER}
pool p "P" pooled under section 75 { 2013/14 { council £1  nhs £1 } }
share overspend of p covering ${formatMoney(covering)} { council ${council}%  nhs ${nhs}% }
`
                });
                const share = ws.model('main.pool').shares[0];
                expect(share.pounds!.byLine.reduce((a, b) => a + b, 0n) + share.pounds!.reinvested).toBe(covering);
                const exactCouncil = (covering * BigInt(councilBasisPoints)) / 10_000n;
                expect(share.pounds!.byLine[0] - exactCouncil).toBeLessThanOrEqual(1n);
                expect(share.pounds!.byLine[0] - exactCouncil).toBeGreaterThanOrEqual(0n);
            }),
            { numRuns: 40 }
        );
    });
});
