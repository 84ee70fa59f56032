import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportDocument, escapeHtml, escapeMarkdown, renderHtml, renderMarkdown, reportText } from '../src/index.js';
import { EXAMPLES, loadReportData } from './support.js';
import { scratchFolder } from '../../../test/support/scratch.js';

describe('the sign-off structure of every report', () => {
    it('has a contents list of its sections, a version, and a signatory block per party in Markdown and HTML alike, in English and Welsh', async () => {
        for (const example of EXAMPLES) {
            const name = path.basename(example, '.pool');
            const data = await loadReportData(example);
            for (const lang of ['en', 'cy'] as const) {
                const text = reportText(lang);
                const document = buildReportDocument(data, { lang });
                const sections = document.blocks.flatMap(block => (block.kind === 'heading' && block.level === 2 ? [block.text] : []));
                // The contents list names every section after it, in order.
                const contentsAt = document.blocks.findIndex(block => block.kind === 'heading' && block.text === text.headings.contents);
                const contents = document.blocks[contentsAt + 1];
                expect(contents?.kind === 'list' ? contents.items : [], name).toEqual(sections.slice(sections.indexOf(text.headings.contents) + 1));
                const parties = data.signOff.required.length > 0 ? data.signOff.required : data.totals.byPartner.map(entry => entry.partner);
                const markdown = renderMarkdown(data, { lang });
                const html = renderHtml(data, { lang });
                expect(markdown).toContain(`## ${text.headings.contents}`);
                expect(markdown).toContain(`- **${text.labels.version}**: ${escapeMarkdown(document.identity!.version)}`);
                expect(html).toContain(`>${text.headings.signatures}</h2>`);
                for (const party of parties) {
                    const partnerName = data.partners.find(partner => partner.id === party)?.name ?? party;
                    const caption = text.sentences.signatoryCaption(partnerName);
                    // One block each: the chief executive and the section 151 officer, with blank name, signature and date.
                    expect(markdown, `${name} ${lang}: ${party}`).toContain(
                        [
                            `**${escapeMarkdown(caption)}**`,
                            '',
                            `| ${text.labels.role} | ${text.labels.name} | ${text.labels.signature} | ${text.labels.date} |`,
                            '| --- | --- | --- | --- |',
                            `| ${text.labels.chiefExecutive} |   |   |   |`,
                            `| ${text.labels.financeOfficer} |   |   |   |`
                        ].join('\n')
                    );
                    expect(html).toContain(`<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(caption)}</caption>`);
                }
            }
        }
    });

    it('writes partner kinds and status in words, never as keywords, in both languages', async () => {
        for (const example of EXAMPLES) {
            const data = await loadReportData(example);
            for (const lang of ['en', 'cy'] as const) {
                const markdown = renderMarkdown(data, { lang });
                const lines = markdown.split('\n');
                for (const partner of data.partners) {
                    const row = lines.find(line => line.startsWith(`| ${escapeMarkdown(partner.name)} | ${escapeMarkdown(partner.id)} |`));
                    expect(row, partner.id).toBeDefined();
                    if (partner.kind === null) continue;
                    const words = reportText(lang).sentences.kind(partner.kind);
                    expect(row).toContain(`| ${escapeMarkdown(words)} |`);
                }
                if (data.agreement?.status)
                    expect(markdown).toContain(`- **${reportText(lang).labels.status}**: ${reportText(lang).sentences.status(data.agreement.status)}`);
            }
        }
    });
    it('opens with a cover (reference, status, version, date), marks DRAFT in Markdown and HTML short of signed, and puts a summary before the contents', async () => {
        const generatedAt = '2026-12-03T12:00:00Z';
        for (const example of EXAMPLES) {
            const name = path.basename(example, '.pool');
            const data = await loadReportData(example);
            for (const status of ['draft', 'proposed', 'signed'] as const) {
                const restated = { ...data, agreement: data.agreement && { ...data.agreement, status } };
                for (const lang of ['en', 'cy'] as const) {
                    const text = reportText(lang);
                    const document = buildReportDocument(restated, { lang, generatedAt });
                    const identity = document.identity!;
                    const markdown = renderMarkdown(restated, { lang, generatedAt });
                    const html = renderHtml(restated, { lang, generatedAt });
                    const banner = text.sentences.draftBanner(identity.status);
                    // The notice comes straight under the title, before anything else, and only short of signed.
                    expect(markdown.startsWith(`# ${escapeMarkdown(document.title)}\n\n> **${escapeMarkdown(banner)}**`), `${name} ${status} ${lang}`).toBe(
                        status !== 'signed'
                    );
                    expect(html.includes(escapeHtml(banner)), `${name} ${status} ${lang}`).toBe(status !== 'signed');
                    const cover = [
                        `- **${text.labels.reference}**: ${escapeMarkdown(identity.reference)}`,
                        `- **${text.labels.status}**: ${escapeMarkdown(identity.status)}`,
                        `- **${text.labels.version}**: ${escapeMarkdown(identity.version)}`,
                        // A written version is printed as written, with the fingerprint beside it as the traceability figure.
                        ...(data.agreement?.version
                            ? [`- **${text.labels.textFingerprint}**: ${data.fingerprint.agreement.slice('sha256:'.length, 'sha256:'.length + 12)}`]
                            : []),
                        `- **${text.labels.date}**: ${lang === 'en' ? '3 December 2026' : '3 Rhagfyr 2026'}`
                    ].join('\n');
                    expect(identity.version, name).toBe(data.agreement?.version ?? data.fingerprint.agreement.slice('sha256:'.length, 'sha256:'.length + 12));
                    expect(markdown, `${name} ${status} ${lang}`).toContain(cover);
                    // The cover, then the summary on a page of its own, then the contents on another.
                    const headings = document.blocks.filter(block => block.kind === 'heading' && block.level === 2);
                    expect(headings.slice(0, 2).map(heading => heading.kind === 'heading' && [heading.text, heading.newPage])).toEqual([
                        [text.headings.overview, true],
                        [text.headings.contents, true]
                    ]);
                    expect(markdown.indexOf(cover)).toBeLessThan(markdown.indexOf(`## ${text.headings.overview}`));
                    expect(html).toContain(`class="govuk-heading-l pool-new-page" id="contents"`);
                }
            }
        }
    });

    it('says what a net benefit is set against: existing budgets counted in with the amount where contributions say which money is new, and that they may be otherwise', async () => {
        const agreement = (marks: readonly [string, string]) => `agreement "A" {
    period 2013/14 to 2014/15
    host council
}
partner council "Anytown Council" council
partner nhs "Anytown NHS" health
pool p "P" pooled {
    2013/14 {
        council £600,000 ${marks[0]}
        nhs     £400,000 ${marks[1]}
    }
}
savings of p {
    2013/14 { council £100,000  nhs £50,000 }
}
`;
        const folder = scratchFolder({ 'marked.pool': agreement(['existing', 'new']), 'unmarked.pool': agreement(['', '']) });
        const marked = await loadReportData(path.join(folder, 'marked.pool'));
        const unmarked = await loadReportData(path.join(folder, 'unmarked.pool'));
        expect(renderMarkdown(marked)).toContain(
            'The net benefit sets the projected savings against all the money put in, existing budgets included (£600,000 of it); the net benefit against new money only sets them against the new money alone.'
        );
        expect(renderMarkdown(marked)).toContain('- **Net benefit against new money only**: \\-£250,000');
        expect(renderMarkdown(marked, { lang: 'cy' })).toContain('gan gynnwys cyllidebau presennol (£600,000 ohono)');
        expect(renderMarkdown(unmarked)).toContain(
            'the contributions do not say which money is new, so the net benefit against new money alone cannot be shown.'
        );
        expect(renderMarkdown(unmarked)).not.toContain('Net benefit against new money only');
    });
});
