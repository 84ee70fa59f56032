import { describe, expect, it } from 'vitest';
import { HEADER, workspace } from './helpers.js';

/**
 * Every clause the grammar accepts where it has no meaning is an error that says why
 * (clause-not-applicable), and the status of an agreement means what it says
 * (signed-without-approval, proposed-without-approval). The language reference lists each case.
 */

const POOL = `pool care "Care pot" pooled under section 75 {
    ringfence dfg "Disabled Facilities Grant" £10,000 in 2013/14
    2013/14 { council £100,000  nhs £50,000 }
    2014/15 { council £100,000  nhs £50,000 }
}
`;

async function messages(text: string, code: string): Promise<string[]> {
    const ws = await workspace({ 'main.pool': HEADER + POOL + text });
    return ws
        .diagnostics('main.pool')
        .filter(diagnostic => diagnostic.code === code)
        .map(diagnostic => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value));
}

describe('a clause where it has no meaning is an error that says why', () => {
    it.each([
        [
            'covering on a savings share',
            'share savings of care covering £5,000 { council 50%  nhs 50% }',
            /`covering` states the overspend or underspend a risk share is written for; a share of savings/
        ],
        ['covering on a benefits share', 'share benefits of care covering £5,000 { council 50%  nhs 50% }', /a share of benefits shares the projected savings/],
        ['reinvest on an overspend', 'share overspend of care { council 50%  nhs 40%  reinvest 10% }', /an overspend cannot be reinvested: `reinvest 10%`/],
        [
            'a cap on a savings line',
            'share savings of care { council 50% up to £1,000  nhs 50% }',
            /a cap \(`up to £1,000`\) limits what a partner bears of an overspend; in a share of savings it has no meaning/
        ],
        ['a cap on an underspend line', 'share underspend of care { council 50% up to £1,000  nhs 50% }', /in a share of underspend it has no meaning/],
        [
            'a percentage in a pro-rata share',
            'share overspend of care pro rata to contributions { council 40% }',
            /this share is pro rata to contributions, so the percentage of council \(Anytown Council\) comes from what it contributes and 40% would be ignored/
        ],
        [
            'an overspend of an outcome',
            'outcome admissions "Admissions" { baseline 10 in 2012/13  target 5 by 2014/15  reduce }\nshare overspend of admissions { council 50%  nhs 50% }',
            /an outcome has no overspend: a share of overspend applies to a pool, so name a pool instead of outcome admissions/
        ],
        [
            'reinvest in a share of an outcome',
            'outcome admissions "Admissions" { baseline 10 in 2012/13  target 5 by 2014/15  reduce  pays £100 per admission }\nshare savings of admissions { council 50%  nhs 40%  reinvest 10% }',
            /`reinvest 10%` puts money back into a pool, but this clause shares the payments of outcome admissions, which has no pool/
        ],
        [
            'two ring-fence tags on one line',
            'spend care 2013/14 { "Adaptations" £10,000 for dfg for dfg  "Care" £140,000 }',
            /a spend line is paid from one ring-fence, but "Adaptations" is tagged for `dfg` and `dfg`: split it into one line for each/
        ],
        [
            'a ring-fence tag of another year',
            'spend care 2013/14 { "Adaptations" £10,000 for dfg  "Care" £140,000 }\nspend care 2014/15 { "More adaptations" £5,000 for dfg  "Care" £145,000 }',
            /ring-fence dfg is for 2013\/14, but "More adaptations" is spent in 2014\/15, so the tag cannot count/
        ],
        [
            'a payment split in a year that pays nothing',
            'outcome admissions "Admissions" { baseline 10 in 2012/13  target 5 by 2014/15  reduce  pays £100 per admission { 2015/16 upfront 50% results 50% } }',
            /outcome admissions pays from 2013\/14 to 2014\/15, so a split for 2015\/16 applies to no payment/
        ],
        [
            'a payment split written twice',
            'outcome admissions "Admissions" { baseline 10 in 2012/13  target 5 by 2014/15  reduce  pays £100 per admission { 2013/14 upfront 50% results 50%  2013/14 upfront 40% results 60% } }',
            /outcome admissions already has a split for 2013\/14; only the first would count/
        ]
    ])('%s', async (_, text, expected) => {
        expect(await messages(text, 'clause-not-applicable')).toEqual([expect.stringMatching(expected)]);
    });

    it('section 75 on an aligned budget', async () => {
        const ws = await workspace({ 'main.pool': `${HEADER}pool care "Care pot" aligned under section 75 { 2013/14 { council £100  nhs £50 } }\n` });
        expect(
            ws
                .diagnostics('main.pool')
                .filter(d => d.code === 'clause-not-applicable')
                .map(d => d.message)
        ).toEqual([expect.stringMatching(/in an aligned budget each partner keeps its own money, so pool care cannot be under section 75/)]);
    });

    it('says nothing where each clause has its meaning', async () => {
        const text = `share overspend of care covering £40,000 pro rata to contributions { council up to £30,000 }
share underspend of care covering £20,000 { council 50%  nhs 40%  reinvest 10% }
share savings of care { council 60%  nhs 30%  reinvest 10% }
spend care 2013/14 { "Adaptations" £10,000 for dfg  "Care" £140,000 }
outcome admissions "Admissions" { baseline 10 in 2012/13  target 5 by 2014/15  reduce  pays £100 per admission { 2013/14 upfront 50% results 50%  2014/15 upfront 40% results 60% } }
`;
        expect(await messages(text, 'clause-not-applicable')).toEqual([]);
    });
});

describe('the status of an agreement means what it says', () => {
    const agreement = (status: string, approvals: string) => `agreement "A" {
    status ${status}
    period 2013/14 to 2014/15
    host council
}
partner council "Anytown Council" council
partner nhs "NHS Anytown CCG" health
partner fire "Anytown Fire and Rescue" fire
pool care "Care pot" pooled under "a pooling agreement" { 2013/14 { council £100  nhs £50  fire £0 } }
${approvals}`;

    async function statusFindings(status: string, approvals: (fingerprint: string) => string): Promise<string[]> {
        const draft = await workspace({ 'main.pool': agreement(status, '') });
        const fingerprint = draft.model('main.pool').fingerprint;
        const ws = await workspace({ 'main.pool': agreement(status, approvals(fingerprint)) });
        return ws
            .diagnostics('main.pool')
            .filter(d => /without-approval/.test(String(d.code)))
            .map(d => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
    }

    /** The quick fixes offered on the status's findings: each title with the text it writes. */
    async function statusFixes(status: string, approvals: (fingerprint: string) => string): Promise<string[]> {
        const draft = await workspace({ 'main.pool': agreement(status, '') });
        const fingerprint = draft.model('main.pool').fingerprint;
        const ws = await workspace({ 'main.pool': agreement(status, approvals(fingerprint)) });
        const document = ws.document('main.pool');
        const fixes: string[] = [];
        for (const diagnostic of ws.diagnostics('main.pool').filter(d => /without-approval/.test(String(d.code)))) {
            const actions =
                (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                    textDocument: { uri: document.uri.toString() },
                    range: diagnostic.range,
                    context: { diagnostics: [diagnostic], triggerKind: 1 }
                })) ?? [];
            for (const action of actions) {
                const edits = 'edit' in action ? (action.edit?.changes?.[document.uri.toString()] ?? []) : [];
                fixes.push(`${String(diagnostic.code)}: ${action.title} -> ${edits.map(edit => edit.newText).join(' ')}`);
            }
        }
        return fixes;
    }

    it('the status is lowered to what the recorded approvals support, and never where that would make a current approval stale', async () => {
        // No approval at all: draft, whether the text says signed or proposed (one fix per missing partner).
        expect(await statusFixes('signed', () => '')).toEqual([
            'signed-without-approval: Change the status to `draft`, which the recorded approvals support -> draft',
            'signed-without-approval: Change the status to `draft`, which the recorded approvals support -> draft'
        ]);
        expect(await statusFixes('proposed', () => '')).toEqual([
            'proposed-without-approval: Change the status to `draft`, which the recorded approvals support -> draft'
        ]);
        // Only approvals of an earlier text: proposed, which they support; changing the text stales nothing more.
        expect(
            await statusFixes(
                'signed',
                () => `approvals {
    council "Chief Executive" 2013-03-01 fingerprint "sha256:${'0'.repeat(64)}"
}`
            )
        ).toEqual([
            'signed-without-approval: Change the status to `proposed`, which the recorded approvals support -> proposed',
            'signed-without-approval: Change the status to `proposed`, which the recorded approvals support -> proposed'
        ]);
        // A current approval: the status is part of the text it approved, so no fix is offered.
        expect(
            await statusFixes(
                'signed',
                fingerprint => `approvals {
    council "Chief Executive" 2013-03-28 fingerprint "${fingerprint}"
}`
            )
        ).toEqual([]);
    });

    it('signed with no approvals names every contributing partner missing (not one that puts in nothing)', async () => {
        expect(await statusFindings('signed', () => '')).toEqual([
            expect.stringMatching(/^signed-without-approval: .*but council \(Anytown Council\) contributes and has not approved it/),
            expect.stringMatching(/^signed-without-approval: .*but nhs \(NHS Anytown CCG\) contributes and has not approved it/)
        ]);
    });

    it('signed with one current and one stale approval names the stale one, with its date', async () => {
        const findings = await statusFindings(
            'signed',
            fingerprint => `approvals {
    council "Chief Executive" 2013-03-28 fingerprint "${fingerprint}"
    nhs "Accountable Officer" 2013-03-01 fingerprint "sha256:${'0'.repeat(64)}"
}`
        );
        expect(findings).toEqual([
            expect.stringMatching(/^signed-without-approval: .*the approval that nhs \(NHS Anytown CCG\) gave on 2013-03-01 is of an earlier text/)
        ]);
    });

    it('signed with every contributing partner approving the current text is fine', async () => {
        expect(
            await statusFindings(
                'signed',
                fingerprint => `approvals {
    council "Chief Executive" 2013-03-28 fingerprint "${fingerprint}"
    nhs "Accountable Officer" 2013-03-29 fingerprint "${fingerprint}"
}`
            )
        ).toEqual([]);
    });

    it('proposed with no approvals warns; with one it does not; draft never does', async () => {
        expect(await statusFindings('proposed', () => '')).toEqual([
            expect.stringMatching(/^proposed-without-approval: the agreement says `status proposed` but no partner has approved it yet/)
        ]);
        expect(
            await statusFindings('proposed', fingerprint => `approvals {\n    council "Chief Executive" 2013-03-28 fingerprint "${fingerprint}"\n}`)
        ).toEqual([]);
        expect(await statusFindings('draft', () => '')).toEqual([]);
    });
});
