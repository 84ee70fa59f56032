import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAgreements } from '../src/diff/agreement-diff.js';
import { REPO, workspace } from './helpers.js';

const REGISTER = readFileSync(path.join(REPO, 'examples/registers/greater-manchester.pool'), 'utf8');
const ORIGINAL = readFileSync(path.join(REPO, 'examples/troubled-families.pool'), 'utf8');

/** The text with `pattern` replaced; fails the test if the example no longer has that text. */
function edit(text: string, pattern: RegExp, replacement: string): string {
    expect(text, `the example should contain ${pattern}`).toMatch(pattern);
    return text.replace(pattern, replacement);
}

async function diff(before: string, after: string, lang: 'en' | 'cy' = 'en') {
    const old = await workspace({ 'registers/greater-manchester.pool': REGISTER, 'agreement.pool': before });
    const next = await workspace({ 'registers/greater-manchester.pool': REGISTER, 'agreement.pool': after });
    return diffAgreements(old.model('agreement.pool'), next.model('agreement.pool'), lang);
}

describe('the semantic diff of two versions of an agreement', () => {
    it('finds nothing between identical texts', async () => {
        expect((await diff(ORIGINAL, ORIGINAL)).sentences).toEqual([]);
    });

    it('reports changed contributions with the difference in pounds, and the spend that moved with them', async () => {
        let changed = edit(ORIGINAL, /(2013\/14 \{\s*manchester +)£1,200,000/, '$1£1,100,000');
        changed = edit(changed, /(total +)£2,200,000( +\/\/ checked)/, '$1£2,100,000$2');
        changed = edit(changed, /("Key worker teams" +)£1,400,000/, '$1£1,300,000');
        const result = await diff(ORIGINAL, changed);
        expect(result.contributions).toEqual([
            {
                pool: 'families',
                poolTitle: 'Troubled Families single pot',
                partner: 'manchester',
                partnerName: 'Manchester City Council',
                year: 2013,
                before: 120_000_000n,
                after: 110_000_000n,
                difference: -10_000_000n
            }
        ]);
        expect(result.sentences).toEqual([
            "Manchester City Council's contribution to Troubled Families single pot in 2013/14 changes from £1,200,000 to £1,100,000 (−£100,000).",
            'Spending from Troubled Families single pot in 2013/14 changes from £2,200,000 to £2,100,000 (−£100,000).'
        ]);
    });

    it('reports shares changed, partners joining and outcomes retargeted', async () => {
        let changed = edit(
            ORIGINAL,
            /(partner dwp +"Department for Work and Pensions" +central-government)/,
            '$1\npartner moj "Ministry of Justice" central-government'
        );
        changed = edit(changed, /(\n +manchester +)40%(\n +gmp +)20%/, '$135%$225%');
        changed = edit(changed, /target 1,500 by 2015\/16/, 'target 1,800 by 2015/16');
        const result = await diff(ORIGINAL, changed);
        expect(result.sentences).toEqual([
            'Ministry of Justice (moj, central-government) joins.',
            "Manchester City Council's share of savings of families: 40% → 35%.",
            "Greater Manchester Police's share of savings of families: 20% → 25%.",
            'Families turned around (turned_around) is retargeted: increase to 1,500 by 2015/16 → increase to 1,800 by 2015/16.'
        ]);
        expect(result.partners).toEqual([{ kind: 'joined', id: 'moj', name: 'Ministry of Justice' }]);
        expect(result.outcomes[0]).toMatchObject({ kind: 'retargeted', before: 'increase to 1,500 by 2015/16', after: 'increase to 1,800 by 2015/16' });
    });

    it('reports header changes, pools added and outcomes removed', async () => {
        const changed =
            ORIGINAL.replace('status proposed', 'status signed').replace(/outcome callouts[\s\S]*?\n}\n/, '') +
            '\npool evaluation "Evaluation fund" aligned { 2013/14 { dwp £25,000 } }\n';
        const result = await diff(ORIGINAL, changed);
        expect(result.sentences).toEqual([
            "The agreement's status changes from proposed to signed.",
            'A new aligned pool, Evaluation fund (evaluation), is added with contributions of £25,000.',
            'Department for Work and Pensions now puts £25,000 into Evaluation fund in 2013/14.',
            'The outcome Police call-outs per family per year (callouts) is removed.'
        ]);
    });

    it('says the same changes in Welsh, with the same figures', async () => {
        let changed = edit(
            ORIGINAL,
            /(partner dwp +"Department for Work and Pensions" +central-government)/,
            '$1\npartner moj "Ministry of Justice" central-government'
        );
        changed = edit(changed, /(\n +manchester +)40%(\n +gmp +)20%/, '$135%$225%');
        changed = edit(changed, /target 1,500 by 2015\/16/, 'target 1,800 by 2015/16');
        changed = edit(changed, /(2013\/14 \{\s*manchester +)£1,200,000/, '$1£1,100,000');
        changed =
            changed.replace('status proposed', 'status signed').replace(/outcome callouts[\s\S]*?\n}\n/, '') +
            '\npool evaluation "Evaluation fund" aligned { 2013/14 { dwp £25,000 } }\n';
        const result = await diff(ORIGINAL, changed, 'cy');
        expect(result.sentences).toEqual([
            'Mae statws y cytundeb yn newid o proposed i signed.',
            'Mae Ministry of Justice (moj, central-government) yn ymuno.',
            'Mae cyfraniad Manchester City Council i Troubled Families single pot yn 2013/14 yn newid o £1,200,000 i £1,100,000 (−£100,000).',
            'Ychwanegir cronfa newydd (alinedig), Evaluation fund (evaluation), gyda chyfraniadau o £25,000.',
            'Mae Department for Work and Pensions bellach yn cyfrannu £25,000 i Evaluation fund yn 2013/14.',
            'Cyfran Manchester City Council o arbedion families: 40% → 35%.',
            'Cyfran Greater Manchester Police o arbedion families: 20% → 25%.',
            'Dilëir y canlyniad Police call-outs per family per year (callouts).',
            'Mae targed Families turned around (turned_around) yn newid: cynyddu i 1,500 erbyn 2015/16 → cynyddu i 1,800 erbyn 2015/16.'
        ]);
        expect(result.outcomes[1]).toMatchObject({ kind: 'retargeted', before: 'cynyddu i 1,500 erbyn 2015/16', after: 'cynyddu i 1,800 erbyn 2015/16' });
        // What programs read stays the same in every language.
        expect(result.shares[0]).toMatchObject({ clause: 'savings of families', partner: 'manchester', before: '40%', after: '35%' });
    });
});
