import path from 'node:path';
import type { Change } from '@pool/language';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml, renderMarkdown, type ReportData, reportText, type SinceApprovedData } from '../src/index.js';
import { loadReportData } from './support.js';
import { REPO } from '../../../test/support/paths.js';

/**
 * The appendix as each format prints it, from the report data: the changes since the last
 * approved version as the data carries them (the CLI finds them; its tests make the git history),
 * or the one sentence that says why there are none to list.
 */

const LANGS = ['en', 'cy'] as const;
const NONE = ['no-approvals', 'no-repository', 'not-in-history', 'history-not-read'] as const;

let base: ReportData;
beforeAll(async () => {
    base = await loadReportData(path.join(REPO, 'examples/troubled-families.pool'));
});

const withSince = (sinceApproved: SinceApprovedData): ReportData => ({ ...base, sinceApproved });

const change = (sentence: string, derived: boolean, where: Change['where']): Change => ({
    topic: 'contribution',
    key: ['families', '2013/14', 'manchester'],
    field: 'amount',
    before: '1200000.00',
    after: '1300000.00',
    difference: '100000.00',
    derived,
    sentence,
    where
});

describe('the appendix', () => {
    it('ends every report and statement, after the signatures, with the checks, the changes since approval and the fingerprint in order', () => {
        for (const lang of LANGS) {
            const text = reportText(lang);
            for (const partner of [undefined, base.statements[0].partner]) {
                const markdown = renderMarkdown(base, { lang, partner });
                const order = [
                    `## ${text.headings.appendix}`,
                    `### ${text.headings.checks}`,
                    `### ${text.headings.sinceApproved}`,
                    `### ${text.headings.fingerprint}`
                ].map(heading => markdown.indexOf(`\n${heading}\n`));
                expect(
                    order.every(at => at > 0),
                    `${lang} ${partner}`
                ).toBe(true);
                expect([...order].sort((a, b) => a - b)).toEqual(order);
                expect(markdown.indexOf(`## ${text.headings.signatures}`)).toBeLessThan(order[0]);
            }
        }
    });

    it('says in one catalogue sentence why there are no changes to list, in Markdown and HTML, in English and Welsh', () => {
        for (const lang of LANGS) {
            const text = reportText(lang);
            for (const status of NONE) {
                const sentence = text.sentences.sinceApprovedNone(status, base.file);
                expect(sentence).toBeTruthy();
                expect(renderMarkdown(withSince({ status }), { lang })).toContain(`### ${text.headings.sinceApproved}\n\n${sentence}\n`);
                expect(renderHtml(withSince({ status }), { lang })).toContain(escapeHtml(sentence));
            }
        }
        // Four different sentences: each says its own reason.
        expect(new Set(NONE.map(status => reportText('en').sentences.sinceApprovedNone(status, base.file))).size).toBe(NONE.length);
    });

    it('names the approvals of the text as it stands: nothing has changed since', () => {
        const data = withSince({
            status: 'this-version',
            approvals: [
                { partner: 'manchester', approver: 'Chief Executive', date: '2013-04-02' },
                { partner: 'dwp', approver: 'Troubled Families Team', date: '2013-04-01' }
            ]
        });
        const markdown = renderMarkdown(data, { lang: 'en' });
        const manchester = base.partners.find(partner => partner.id === 'manchester')!.name;
        const dwp = base.partners.find(partner => partner.id === 'dwp')!.name;
        expect(markdown).toContain(
            `This is the text that ${manchester} (Chief Executive, 2013-04-02) and ${dwp} (Troubled Families Team, 2013-04-01) approved: nothing has changed since.`
        );
        expect(renderMarkdown(data, { lang: 'cy' })).toContain(
            `Dyma’r testun a gymeradwywyd gan ${manchester} (Chief Executive, 2013-04-02) a ${dwp} (Troubled Families Team, 2013-04-01): nid oes dim wedi newid ers hynny.`
        );
    });

    it('lists the changes written apart from the figures Pool works out from them, each with where it is written (a removal in the approved version)', () => {
        const data = withSince({
            status: 'compared',
            commit: 'a'.repeat(40),
            file: 'agreements/troubled-families.pool',
            approvals: [{ partner: 'manchester', approver: 'Chief Executive', date: '2013-04-02' }],
            changes: [
                change('The contribution rises by £100,000.', false, {
                    before: { file: 'troubled-families.pool', line: 9 },
                    after: { file: 'troubled-families.pool', line: 9 }
                }),
                change('A review date is removed.', false, { before: { file: 'troubled-families.pool', line: 4 }, after: null }),
                change('Manchester now bears £50,000 more of an overspend.', true, { before: null, after: { file: 'troubled-families.pool', line: 20 } })
            ]
        });
        const text = reportText('en');
        const markdown = renderMarkdown(data, { lang: 'en' });
        expect(markdown).toContain('as committed in aaaaaaaaaaaa (agreements/troubled-families.pool): 2 changes.');
        const written = markdown.indexOf(`**${text.sentences.sinceApprovedWrittenCaption}**`);
        const derived = markdown.indexOf(`**${text.sentences.sinceApprovedDerivedCaption}**`);
        expect(written).toBeGreaterThan(0);
        expect(derived).toBeGreaterThan(written);
        expect(markdown.slice(written, derived)).toContain('| The contribution rises by £100,000. | troubled-families.pool:9 |');
        expect(markdown.slice(written, derived)).toContain('| A review date is removed. | troubled-families.pool:4 in the approved version |');
        expect(markdown.slice(derived)).toContain('| Manchester now bears £50,000 more of an overspend. | troubled-families.pool:20 |');
        expect(renderMarkdown(data, { lang: 'cy' })).toContain('| A review date is removed. | troubled-families.pool:4 yn y fersiwn gymeradwy |');
        const html = renderHtml(data, { lang: 'en' });
        expect(html).toContain('<th scope="col"');
        expect(html).toContain('The contribution rises by £100,000.');
    });

    it('in a report made without the history (the editor), says when every approval is of earlier text that pool report lists the changes', async () => {
        const stale = await loadReportData(path.join(REPO, 'examples/invalid/approval-stale.pool'));
        expect(stale.sinceApproved).toEqual({ status: 'history-not-read' });
        expect(renderMarkdown(stale, { lang: 'en' })).toContain(reportText('en').sentences.sinceApprovedNone('history-not-read', stale.file));
        const none = await loadReportData(path.join(REPO, 'examples/invalid/proposed-without-approval.pool'));
        expect(none.sinceApproved).toEqual({ status: 'no-approvals' });
    });
});
