import { describe, expect, it } from 'vitest';
import { penceToDecimalString } from '../src/money/amount.js';
import { Rational } from '../src/money/rational.js';
import { HEADER, repoWorkspace, workspace } from './helpers.js';

const pounds = (pence: bigint | undefined) => (pence === undefined ? 'unknown' : penceToDecimalString(pence));

describe('the model of the Troubled Families example, against figures computed by hand', async () => {
    const ws = await repoWorkspace('examples/troubled-families.pool');
    const model = ws.model('examples/troubled-families.pool');
    const families = model.poolsById.get('families')!;

    it('has no diagnostics', () => {
        expect(ws.codes('examples/troubled-families.pool')).toEqual([]);
    });

    it('totals contributions per year', () => {
        expect([...families.years.values()].map(year => [year.year, pounds(year.income)])).toEqual([
            [2013, '2200000.00'],
            [2014, '2100000.00'],
            [2015, '1850000.00']
        ]);
        expect(pounds(families.income)).toBe('6150000.00');
    });

    it('totals contributions per partner, including partners from the imported register', () => {
        expect(Object.fromEntries([...families.byPartner].map(([id, pence]) => [id, pounds(pence)]))).toEqual({
            manchester: '3250000.00',
            gmp: '850000.00',
            ccg: '850000.00',
            dwp: '1200000.00'
        });
        expect(model.partners.get('gmp')?.name).toBe('Greater Manchester Police');
    });

    it('sets spend against income each year', () => {
        for (const year of families.years.values()) {
            expect(pounds(year.spend)).toBe(pounds(year.income));
            expect(year.balance).toBe(0n);
        }
    });

    it('computes net benefit, payback year and return per pound from the savings projection', () => {
        const savings = model.savings[0];
        expect(pounds(savings.total)).toBe('8900000.00');
        expect(pounds(savings.netBenefit)).toBe('2750000.00');
        expect(savings.paybackYear).toBe(2016);
        expect(savings.returnPerPound!.equals(Rational.of(178, 123))).toBe(true);
        expect(savings.returnPerPound!.toDecimal(2)).toBe('1.45');
    });

    it('splits the projected savings in pounds by the benefit share, reinvestment included', () => {
        const share = model.shares.find(s => s.kind === 'savings')!;
        expect(share.base?.pence).toBe(890_000_000n);
        expect(share.pounds!.byLine.map(pounds)).toEqual(['3560000.00', '1780000.00', '1335000.00', '1335000.00']);
        expect(pounds(share.pounds!.reinvested)).toBe('890000.00');
    });

    it('splits the stated overspend pro rata to contributions, to the penny, adding up to the whole', () => {
        const share = model.shares.find(s => s.kind === 'overspend')!;
        expect(share.lines.map(line => line.partnerId)).toEqual(['manchester', 'gmp', 'ccg', 'dwp']);
        // 500,000 × 3.25/6.15 = 264,227.642…, × 0.85/6.15 = 69,105.691…, × 1.2/6.15 = 97,560.975…:
        // rounded down, one penny is left over and goes to the largest remainder (dwp, .5609).
        expect(share.pounds!.byLine.map(pounds)).toEqual(['264227.64', '69105.69', '69105.69', '97560.98']);
        expect(share.pounds!.byLine.reduce((a, b) => a + b)).toBe(50_000_000n);
        expect(share.lines[0].points!.equals(Rational.of(100 * 325, 615))).toBe(true);
    });

    it('computes the payment implied by each payment-by-results target', () => {
        expect(pounds(model.outcomesById.get('turned_around')!.payment!.paymentAtTarget)).toBe('6000000.00');
        expect(pounds(model.outcomesById.get('into_work')!.payment!.paymentAtTarget)).toBe('240000.00');
    });
});

describe('the model across pools: the Essex Whole Place example', async () => {
    const ws = await repoWorkspace('examples/essex-whole-place.pool');
    const model = ws.model('examples/essex-whole-place.pool');

    it('totals every pool per year and per partner', () => {
        expect([...model.totals.byYear].map(([year, pence]) => [year, pounds(pence)])).toEqual([
            [2013, '9505000.00'],
            [2014, '10165000.00'],
            [2015, '10300000.00']
        ]);
        expect(pounds(model.totals.byPartner.get('ecc'))).toBe('12750000.00');
        expect(pounds(model.totals.income)).toBe('29970000.00');
    });

    it('reads £1.2m, £1.35m and £950k exactly', () => {
        const care = model.poolsById.get('care')!;
        expect(pounds(care.years.get(2015)!.byPartner.get('ecc'))).toBe('1350000.00');
        expect(pounds(model.poolsById.get('work')!.years.get(2014)!.byPartner.get('jobcentre'))).toBe('950000.00');
    });
});

describe('amounts that trip binary floating point', () => {
    it('£0.10 + £0.20 equals a declared total of £0.30', async () => {
        const ws = await workspace({
            'main.pool': `${HEADER}
pool p "Petty cash" pooled under section 75 {
    2013/14 { council £0.10  nhs £0.20  total £0.30 }
}`
        });
        expect(pounds(ws.model('main.pool').poolsById.get('p')!.income)).toBe('0.30');
        expect(ws.codes('main.pool')).toEqual([]);
    });

    it('1,000 lines of £1,234,567.89 total £1,234,567,890.00 exactly', async () => {
        const lines = Array.from({ length: 1000 }, (_, i) => `        ${i % 2 === 0 ? 'council' : 'nhs'} £1,234,567.89`).join('\n');
        const ws = await workspace({
            'main.pool': `${HEADER}
pool p "Big pot" pooled under section 75 {
    2013/14 {
${lines}
        total £1,234,567,890.00
    }
}`
        });
        expect(pounds(ws.model('main.pool').poolsById.get('p')!.income)).toBe('1234567890.00');
        expect(ws.codes('main.pool')).toEqual([]);
    });

    it('a total one penny out is reported with the exact gap', async () => {
        const ws = await workspace({
            'main.pool': `${HEADER}
pool p "Petty cash" pooled under section 75 {
    2013/14 { council £0.10  nhs £0.20  total £0.31 }
}`
        });
        expect(ws.diagnostics('main.pool').map(d => d.message)).toEqual(['contributions to p for 2013/14 sum to £0.30 but the total says £0.31: £0.01 short']);
    });
});

describe('a malformed amount makes figures that depend on it unknown, not wrong', () => {
    it('reports the bad amount and no total mismatch', async () => {
        const ws = await workspace({
            'main.pool': `${HEADER}
pool p "Pot" pooled under section 75 {
    2013/14 { council £100.005  nhs £50  total £150 }
}`
        });
        expect(ws.model('main.pool').poolsById.get('p')!.income).toBeUndefined();
        expect(ws.codes('main.pool')).toEqual(['bad-amount@9:23']);
    });
});

describe('spend by commissioner and by provider', () => {
    it('counts a line named for one partner as its own, a line named for several in full for each as joint, and lines naming none apart', async () => {
        const ws = await workspace({
            'main.pool': `${HEADER}
pool p "Pot" pooled under section 75 {
    2013/14 { council £600  nhs £400 }
}
spend p 2013/14 {
    "Home care" £300 commissioned by council provided by nhs
    "Care teams" £500 commissioned by council and nhs provided by council and nhs
    "Grants" £200
}`
        });
        const pool = ws.model('main.pool').poolsById.get('p')!;
        const rows = (parties: typeof pool.spendByCommissioner) => parties.map(party => [party.partnerId, pounds(party.alone), pounds(party.jointly)]);
        expect(rows(pool.spendByCommissioner)).toEqual([
            ['council', '300.00', '500.00'],
            ['nhs', '0.00', '500.00'],
            [undefined, '200.00', '0.00']
        ]);
        expect(rows(pool.spendByProvider)).toEqual([
            ['nhs', '300.00', '500.00'],
            ['council', '0.00', '500.00'],
            [undefined, '200.00', '0.00']
        ]);
    });
});

describe('the worked example of a share clause', () => {
    it('splits £1,000,000 by the percentages with the largest-remainder rule, pennies and all, and the parts make the whole', async () => {
        const ws = await workspace({
            'main.pool': `${HEADER}
partner police "Police" police
pool p "Pot" pooled under section 75 {
    2013/14 { council £600  nhs £400  police £100 }
}
share savings of p {
    council 33.33%
    nhs 33.33%
    police 33.34%
}
share overspend of p {
    council 50% up to £100,000
    nhs 50%
}`
        });
        const [savings, overspend] = ws.model('main.pool').shares;
        expect(savings.example?.byLine.map(pounds)).toEqual(['333300.00', '333300.00', '333400.00']);
        expect(savings.example?.liabilities).toBeUndefined();
        expect(overspend.example?.byLine.map(pounds)).toEqual(['500000.00', '500000.00']);
        expect(overspend.example?.liabilities?.byLine.map(pounds)).toEqual(['100000.00', '500000.00']);
        expect(pounds(overspend.example?.liabilities?.uncovered)).toBe('400000.00');
    });
});
