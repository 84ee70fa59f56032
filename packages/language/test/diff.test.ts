import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAgreements } from '../src/diff/agreement-diff.js';
import { REPO, workspace } from './helpers.js';

const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const GM = read('examples/registers/greater-manchester.pool');
const TF = read('examples/troubled-families.pool');
const BCF = read('examples/better-care-fund.pool');

/** The text with `pattern` replaced; fails the test if the example no longer has that text. */
function edit(text: string, pattern: RegExp, replacement: string): string {
    expect(text, `the example should contain ${pattern}`).toMatch(pattern);
    return text.replace(pattern, replacement);
}

async function diff(before: string, after: string, options: { lang?: 'en' | 'cy'; register?: [string, string] } = {}) {
    const [registerBefore, registerAfter] = options.register ?? [GM, GM];
    const old = await workspace({ 'registers/greater-manchester.pool': registerBefore, 'agreement.pool': before });
    const next = await workspace({ 'registers/greater-manchester.pool': registerAfter, 'agreement.pool': after });
    return diffAgreements(old.model('agreement.pool'), next.model('agreement.pool'), options.lang ?? 'en');
}

/** The sentences of the changes written in the text (not those Pool derives from them). */
async function written(before: string, after: string, options?: Parameters<typeof diff>[2]) {
    return (await diff(before, after, options)).changes.filter(change => !change.derived).map(change => change.sentence);
}

describe('the semantic diff of two versions of an agreement', () => {
    it('finds nothing between identical texts, even when an approval in them is already stale', async () => {
        expect(await diff(TF, TF)).toMatchObject({ changes: [], staleApprovals: [], findings: { introduced: [], resolved: [] } });
        const stale = edit(TF, /(fingerprint "sha256:)[0-9a-f]{4}/, '$1dead');
        expect(await diff(stale, stale)).toMatchObject({ changes: [], staleApprovals: [] });
    });

    it('finds nothing in a change of layout or comments', async () => {
        const relaid = TF.replace(/ {2,}/g, ' ')
            .replace(/\/\/[^\n]*/g, '// reworded')
            .replace(/£1,200,000/g, '£1.2m');
        const result = await diff(TF, relaid);
        expect(result.changes).toEqual([]);
    });

    it('names the line when money moves between two spend lines of the same year', async () => {
        let changed = edit(TF, /("Key worker teams" +)£1,400,000/, '$1£1,350,000');
        changed = edit(changed, /("Family intervention service" +)£600,000( {3}provided by ccg\n {4}"Independent evaluation" +£200,000)/, '$1£650,000$2');
        expect(await written(TF, changed)).toEqual([
            'Spending on "Key worker teams" from Troubled Families single pot in 2013/14 changes from £1,400,000 to £1,350,000 (−£50,000).',
            'Spending on "Family intervention service" from Troubled Families single pot in 2013/14 changes from £600,000 to £650,000 (+£50,000).'
        ]);
    });

    it('reports a contribution, a declared total changed by a penny, a commissioner and a payment split', async () => {
        let changed = edit(TF, /(2013\/14 \{\s*manchester +)£1,200,000/, '$1£1,100,000');
        changed = edit(changed, /total £6,150,000/, 'total £6,150,000.01');
        changed = edit(changed, /(£200,000 {3}commissioned by )dwp/, '$1manchester');
        changed = edit(changed, /2014\/15 upfront 40% results 60%/, '2014/15 upfront 50% results 50%');
        expect(await written(TF, changed)).toEqual([
            'The contribution of Manchester City Council to Troubled Families single pot in 2013/14 changes from £1,200,000 to £1,100,000 (−£100,000).',
            'The total declared for Troubled Families single pot over all years changes from £6,150,000 to £6,150,000.01 (+£0.01).',
            '"Independent evaluation" (Troubled Families single pot, 2013/14) is now commissioned by Manchester City Council instead of Department for Work and Pensions.',
            'The split of payments for Families turned around (turned_around) in 2014/15 changes from 40% upfront and 60% on results to 50% upfront and 50% on results.'
        ]);
    });

    it('gives what a share change is worth to each partner in pounds', async () => {
        const changed = edit(TF, /(\n +manchester +)40%(\n +gmp +)20%/, '$135%$225%');
        const result = await diff(TF, changed);
        expect(result.changes.filter(change => change.topic === 'share-line').map(change => change.sentence)).toEqual([
            'The share of Manchester City Council in the savings of Troubled Families single pot changes from 40% to 35% (−5 points).',
            'The share of Greater Manchester Police in the savings of Troubled Families single pot changes from 20% to 25% (+5 points).'
        ]);
        // Projected savings of £8.9m: five points are £445,000.
        expect(result.changes.filter(change => change.topic === 'share-effect')).toMatchObject([
            {
                derived: true,
                before: '3560000.00',
                after: '3115000.00',
                difference: '-445000.00',
                sentence: 'Manchester City Council now receives £3,115,000 of the savings of Troubled Families single pot instead of £3,560,000 (−£445,000).'
            },
            { derived: true, before: '1780000.00', after: '2225000.00', difference: '445000.00' }
        ]);
    });

    it('reports minimums, ring-fences, caps, covering, savings and actuals', async () => {
        let changed = edit(BCF, /minimum west_ccg +£14,200,000 in 2015\/16/, 'minimum west_ccg  £13,200,000 in 2015/16');
        changed = edit(changed, /(ringfence dfg +"[^"]*" +)£1\.85m/, '$1£1.9m');
        changed = edit(changed, /share overspend of bcf covering £1,500,000/, 'share overspend of bcf covering £1,600,000');
        changed = edit(changed, /(57\.5% +up to )£900,000/, '$1£950,000');
        changed = edit(changed, /actual 30,900 in 2015\/16 Q2/, 'actual 30,800 in 2015/16 Q2');
        const result = await diff(BCF, changed);
        expect(result.changes.filter(change => !change.derived).map(change => change.sentence)).toEqual([
            'The minimum contribution of NHS West Cheshire Clinical Commissioning Group to Better Care Fund pooled budget in 2015/16 changes from £14,200,000 to £13,200,000 (−£1,000,000).',
            'Ring-fence dfg of Better Care Fund pooled budget changes from £1,850,000 to £1,900,000 (+£50,000).',
            'The actual of Non-elective admissions to hospital, per year (admissions) for 2015/16 Q2 changes from 30,900 to 30,800.',
            'The share of overspends of Better Care Fund pooled budget is now written for £1,600,000 instead of £1,500,000 (+£100,000).',
            'The cap of NHS West Cheshire Clinical Commissioning Group in the share of overspends of Better Care Fund pooled budget changes from £900,000 to £950,000 (+£50,000).'
        ]);
        // The approvals recorded in the file no longer cover it.
        expect(result.staleApprovals.map(approval => approval.partner)).toEqual(['cwac', 'west_ccg', 'vale_ccg']);
        // A ring-fence of £1.9m with £1.85m of tagged spend is a new problem; nothing was wrong before.
        expect(result.findings.introduced.map(finding => finding.code)).toContain('ringfence-breached');
        expect(result.findings.resolved).toEqual([]);
    });

    it('follows a change made in an imported register into every agreement that imports it', async () => {
        const register = edit(GM, /"Greater Manchester Police"/, '"Greater Manchester Police Service"');
        expect(await written(TF, TF, { register: [GM, register] })).toEqual([
            'Partner gmp is renamed from "Greater Manchester Police" to "Greater Manchester Police Service".'
        ]);
    });

    it('says the same changes in Welsh, with the same figures', async () => {
        let changed = edit(TF, /(2013\/14 \{\s*manchester +)£1,200,000/, '$1£1,100,000');
        changed = edit(changed, /status proposed/, 'status draft');
        expect(await written(TF, changed, { lang: 'cy' })).toEqual([
            "Mae'r statws yn newid o arfaethedig i drafft.",
            'Mae cyfraniad Manchester City Council i Troubled Families single pot yn 2013/14 yn newid o £1,200,000 i £1,100,000 (−£100,000).'
        ]);
        // What programs read stays the same in every language.
        const result = await diff(TF, changed, { lang: 'cy' });
        expect(result.changes[1]).toMatchObject({
            topic: 'contribution',
            key: ['families', '2013/14', 'manchester', '0'],
            field: 'amount',
            before: '1200000.00',
            after: '1100000.00',
            difference: '-100000.00'
        });
    });
});
