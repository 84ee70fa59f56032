import { describe, expect, it } from 'vitest';
import { renderHtml, renderJson, renderMarkdown } from '../src/index.js';
import { scratchFolder } from '../../../test/support/scratch.js';
import { EXAMPLES, loadReportData } from './support.js';
import path from 'node:path';

describe('renderHtml', () => {
    it('puts every partner, pool total and the verdict of each example on one self-contained page', async () => {
        for (const file of EXAMPLES) {
            const data = await loadReportData(file);
            const html = renderHtml(data);
            expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
            expect(html).toContain('All checks passed.');
            for (const partner of data.totals.byPartner) {
                const name = data.partners.find(entry => entry.id === partner.partner)!.name;
                expect(html, name).toContain(name.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
            }
            // No script, nothing fetched: a strict policy, and no src/href pointing anywhere.
            expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
            expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
            expect(html.match(/<svg /g)?.length ?? 0).toBeGreaterThan(0);
        }
    });

    it('shows the Troubled Families totals exactly, in a table with a total row', async () => {
        const html = renderHtml(await loadReportData(path.join(path.dirname(EXAMPLES[0]), 'troubled-families.pool')));
        expect(html).toContain(
            'Manchester City Council puts £1,200,000 in 2013/14, £1,100,000 in 2014/15 and £950,000 in 2015/16 into the Troubled Families single pot: £3,250,000 in all.'
        );
        expect(html).toMatch(
            /<tr class="govuk-table__row pool-total"><th scope="row" class="govuk-table__header">Total<\/th><td class="govuk-table__cell govuk-table__cell--numeric">£2,200,000<\/td><td class="govuk-table__cell govuk-table__cell--numeric">£2,100,000<\/td><td class="govuk-table__cell govuk-table__cell--numeric">£1,850,000<\/td><td class="govuk-table__cell govuk-table__cell--numeric">£6,150,000<\/td><\/tr>/
        );
    });

    it('is the same bytes every time for the same agreement, in HTML, Markdown and JSON', async () => {
        for (const file of EXAMPLES) {
            const [first, second] = [await loadReportData(file), await loadReportData(file)];
            for (const render of [renderHtml, renderMarkdown, renderJson]) {
                expect(render(second) === render(first), `${render.name} ${file}`).toBe(true);
            }
        }
    });

    it('shows hostile partner and pool names as text', async () => {
        const folder = scratchFolder({
            'a.pool': `agreement "<img src=x onerror=alert(1)>" {
    period 2013/14 to 2014/15
    host council
}
partner council "<script>alert(1)</script>" council
pool p "](javascript:alert(1))" aligned { 2013/14 { council £100 } }
`
        });
        const html = renderHtml(await loadReportData(path.join(folder, 'a.pool')));
        expect(html).not.toContain('<script>alert(1)</script>');
        expect(html).not.toContain('<img src=x');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('lets a webview add its own source to the policy, and nothing else', async () => {
        const data = await loadReportData(EXAMPLES[3]);
        expect(renderHtml(data, { webview: { cspSource: 'https://*.vscode-cdn.net' } })).toContain('style-src https://*.vscode-cdn.net');
        expect(renderHtml(data, { webview: { cspSource: "'unsafe-inline'; script-src *" } })).not.toContain('script-src *');
    });
});
