import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool, runPoolInProcess } from '../../../test/support/cli.js';
import { REPO } from '../../../test/support/paths.js';
import { scratchFolder } from '../../../test/support/scratch.js';
import { EXAMPLES, loadReportData, memoised, reportDataOnce } from './support.js';
import { figureAlternatives, poppler, readStructure, type StructElement } from './pdf-structure.js';
import { buildReportDocument, toPortableDocument } from '../src/index.js';
import { PDF_FONT_FILES, renderPdf, renderPortablePdf } from '../src/pdf/index.js';

/**
 * A guard against a hang, not a budget (speed lives in the benchmark): every example's PDF is laid
 * out twice, and beside the rest of the suite on two cores this took 150-180 s.
 */
const GUARD_MS = 600_000;

/** A PDF made for the tests, with what poppler reads from it, each read started as soon as the file is written. */
interface ReadPdf {
    readonly file: string;
    /** `pdfinfo`: page count, tagging, title. */
    readonly info: Promise<string>;
    readonly structure: Promise<StructElement[]>;
}

function readPdf(file: string): ReadPdf {
    const structure = readStructure(file);
    structure.catch(() => undefined);
    return { file, info: poppler('pdfinfo', [file]), structure };
}

/**
 * Each example's English PDF as `pool report` writes it (in this process), made once for the file:
 * the text test reads its pages and words, the screen reader's test its structure. Laying a PDF out
 * and reading its structure back are most of this file's time, and the English one was laid out
 * twice, once by each test, from the same agreement. Its structure is read in the background from
 * when it is written, while the text test lays out the next example.
 */
const REPORTS = scratchFolder({});
const englishReport = memoised(async (example: string) => {
    const file = path.join(REPORTS, `${path.basename(example, '.pool')}.pdf`);
    const result = await runPoolInProcess(['report', example, '--format', 'pdf', '-o', file]);
    expect(result.status, result.stderr).toBe(0);
    return readPdf(file);
});

/**
 * Each example's Welsh PDF, laid out once: the screen reader's test of one example starts the next
 * one's, so that its structure is read while this test's is checked.
 */
const welshReport = memoised(async (example: string) => {
    const file = path.join(REPORTS, `${path.basename(example, '.pool')}-cy.pdf`);
    writeFileSync(file, await renderPdf(await reportDataOnce(example), { lang: 'cy' }));
    return readPdf(file);
});

/** The text of a PDF as poppler's pdftotext reads it, in reading order. */
function pdfText(file: string): string {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pageCount(info: string): number {
    return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

describe('PDF reports', () => {
    it(
        'renders every page of each example and carries its text: title, totals, partners, verdict, chart labels',
        // `pool report` and `pool generate json` in this process: what they write is tested here, the
        // process boundary in the tests below and in the CLI's own.
        async () => {
            const folder = scratchFolder({});
            // Each example laid out and its JSON made in this process first, poppler reading each PDF
            // in the background meanwhile; then each checked.
            const made = [];
            for (const example of EXAMPLES) {
                const name = path.basename(example, '.pool');
                const report = await englishReport(example);
                const rendered = poppler('pdftoppm', ['-r', '30', '-png', report.file, path.join(folder, name)]);
                const text = poppler('pdftotext', ['-layout', report.file, '-']);
                const json = (await runPoolInProcess(['generate', 'json', example])).stdout;
                made.push({ name, report, rendered, text, json });
            }
            const texts = new Map<string, string>();
            for (const { name, report, rendered, text: read, json } of made) {
                const file = report.file;
                expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
                const pages = pageCount(await report.info);
                expect(pages, name).toBeGreaterThan(2);
                await rendered;
                // better-care-fund's pages, not better-care-fund-plan's.
                const images = readdirSync(folder).filter(entry => new RegExp(`^${name}-\\d+\\.png$`).test(entry));
                expect(images.length, name).toBe(pages);
                for (const image of images) expect(statSync(path.join(folder, image)).size).toBeGreaterThan(1000);
                const text = (await read).replace(/\s+/g, ' ');
                texts.set(name, text);
                const data = JSON.parse(json);
                expect(text).toContain(data.agreement.title.split(' ').slice(0, 3).join(' '));
                expect(text).toContain('All checks passed.');
                expect(text).toContain('Fingerprint');
                for (const file of data.fingerprint.files) expect(text).toContain(file.sha256);
                for (const entry of data.totals.byPartner) {
                    const partner = data.partners.find((candidate: { id: string }) => candidate.id === entry.partner);
                    expect(text, partner.name).toContain(partner.name.split(' ').slice(0, 2).join(' '));
                }
                // The charts are vectors: their axis titles are text in the PDF, not pixels.
                expect(text).toContain('Financial year');
                expect(text).toContain('End of period');
            }
            // One example's figures as the PDF prints them, from the text read above.
            const troubled = texts.get('troubled-families');
            expect(troubled).toContain('Total £2,200,000 £2,100,000 £1,850,000 £6,150,000');
            expect(troubled).toContain('Manchester City Council puts £1,200,000 in 2013/14');
        },
        GUARD_MS
    );

    it('prints Welsh letters and the pound sign with its embedded fonts', () => {
        const folder = scratchFolder({
            'cymru.pool': `agreement "Cytundeb Cronfa Gofal Integredig Gogledd Cymru" {
    period 2016/17 to 2016/17
    host ynys_mon
}
partner ynys_mon "Cyngor Sir Ynys Môn" council
partner betsi "Bwrdd Iechyd Prifysgol Betsi Cadwaladr — Gŵyl Dŷ" health
pool gofal "Cronfa Gofal Integredig" pooled under section 75 {
    2016/17 { ynys_mon £1,250,000.50  betsi £750,000 }
}
`
        });
        const file = path.join(folder, 'cymru.pdf');
        expect(runPool(['report', path.join(folder, 'cymru.pool'), '--format', 'pdf', '-o', file]).status).toBe(0);
        const text = pdfText(file);
        expect(text).toContain('Cyngor Sir Ynys Môn');
        expect(text).toContain('Gŵyl Dŷ');
        expect(text).toContain('£2,000,000.50');
        const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
        expect(fonts).toMatch(/DejaVuSans\s/);
        expect(
            fonts
                .split('\n')
                .slice(2)
                .filter(line => line.trim())
                .every(line => /\byes\s+yes\s+yes\b/.test(line))
        ).toBe(true);
    });

    it('is the same bytes every time for the same agreement with SOURCE_DATE_EPOCH set, and a statement per partner', async () => {
        // Once as a process of its own and once in this one, after other PDFs: nothing a process
        // has done before (fonts already parsed, text already measured) changes the bytes.
        const folder = scratchFolder({});
        const [first, second] = ['a.pdf', 'b.pdf'].map(name => path.join(folder, name));
        const env = { SOURCE_DATE_EPOCH: '1764720000' };
        const args = (file: string) => ['report', 'examples/better-care-fund.pool', '--format', 'pdf', '-o', file];
        expect(runPool(args(first), { env }).status).toBe(0);
        expect((await runPoolInProcess(args(second), { env })).status).toBe(0);
        expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
        const statements = path.join(folder, 'statements');
        expect((await runPoolInProcess(['report', 'examples/better-care-fund.pool', '--format', 'pdf', '--each-partner', '-o', statements])).status).toBe(0);
        expect(readdirSync(statements).sort()).toEqual(['cwac.pdf', 'vale_ccg.pdf', 'west_ccg.pdf']);
        const text = pdfText(path.join(statements, 'cwac.pdf')).replace(/\s+/g, ' ');
        expect(text).toContain('Cheshire West and Chester Council: statement under');
    });

    it('is the same PDF when laid out in the language server and drawn in the editor with the fonts it ships', async () => {
        // The editor's "Export report…" receives the laid-out document as JSON (charts drawn) and
        // draws it with fonts copied beside its bundle: the bytes must be those of `pool report`.
        const data = await loadReportData(path.join(REPO, 'examples/troubled-families.pool'));
        const fontsShipped = scratchFolder({});
        const dejavu = path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
        for (const font of PDF_FONT_FILES) copyFileSync(path.join(dejavu, font), path.join(fontsShipped, font));
        const generatedAt = '2026-12-03T12:00:00.000Z';
        const sent = JSON.parse(JSON.stringify(toPortableDocument(buildReportDocument(data, { lang: 'cy', generatedAt }))));
        const fromEditor = await renderPortablePdf(sent, { fontDirectory: fontsShipped });
        const direct = await renderPdf(data, { lang: 'cy', generatedAt });
        expect(Buffer.from(fromEditor).equals(Buffer.from(direct))).toBe(true);
        const file = path.join(fontsShipped, 'report.pdf');
        writeFileSync(file, fromEditor);
        const text = pdfText(file).replace(/\s+/g, ' ');
        expect(text).toContain('Greater Manchester Troubled Families Investment Agreement');
        expect(text).toContain('£2,200,000');
        // The date travels with the document: printed in words, and the PDF's own creation date.
        expect(text).toContain('3 Rhagfyr 2026');
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })).toMatch(
            /CreationDate:\s+Thu Dec {1,2}3 12:00:00 2026 UTC/
        );
    });

    it('says which font file is missing when the folder given lacks it', async () => {
        const data = await loadReportData(path.join(REPO, 'examples/troubled-families.pool'));
        const empty = scratchFolder({});
        await expect(renderPdf(data, { fontDirectory: empty })).rejects.toThrow(/DejaVuSans\.ttf/);
    });

    it('copies as the characters of its own text, whatever PDF was made before it in the same process', async () => {
        // DejaVu draws the dotless ı and the i before a combining dot above with one glyph. The fonts
        // are parsed once per process; the text copied from a PDF must still be its own: i and the dot.
        const folder = scratchFolder({});
        const paragraph = (text: string) => ({ lang: 'en' as const, title: 'Glyphs', blocks: [{ kind: 'paragraph' as const, text }] });
        writeFileSync(path.join(folder, 'dotless.pdf'), await renderPortablePdf(paragraph('Dotless ı here')));
        const dotted = path.join(folder, 'dotted.pdf');
        writeFileSync(dotted, await renderPortablePdf(paragraph('Dotted i\u0307 here')));
        const line = pdfText(dotted)
            .split('\n')
            .find(text => text.includes('Dotted'));
        expect(line?.replace(/\s+/g, '')).toBe('Dottedi\u0307here');
    });
});

describe('PDF reports a screen reader can read', () => {
    it.each(EXAMPLES.map(example => [path.basename(example, '.pool'), example]))(
        '%s is tagged, in the document language, with the headings, lists, table header cells and figure alternatives of the document',
        async (name, example) => {
            {
                const data = await reportDataOnce(example);
                const english = await englishReport(example);
                const welsh = await welshReport(example);
                // The next example's Welsh PDF is laid out while poppler reads this one's.
                const next = EXAMPLES[EXAMPLES.indexOf(example) + 1];
                if (next !== undefined) void welshReport(next);
                for (const lang of ['en', 'cy'] as const) {
                    const document = buildReportDocument(data, { lang });
                    // English: the report `pool report` wrote, which the text test reads too.
                    const { file, info: read, structure: readTree } = lang === 'en' ? english : welsh;
                    const info = await read;
                    expect(info, name).toMatch(/^Tagged:\s+yes$/m);
                    expect(info.replace(/\s+/g, ' ')).toContain(`Title: ${document.title}`);
                    expect(readFileSync(file).toString('latin1')).toContain(`/Lang (${lang === 'cy' ? 'cy-GB' : 'en-GB'})`);
                    const structure = await readTree;
                    const texts = (type: string) => structure.filter(element => element.type === type).map(element => element.text.replace(/\s+/g, ' '));
                    expect(texts('H1'), name).toEqual([document.title]);
                    const headings = document.blocks.filter(block => block.kind === 'heading');
                    for (const level of [2, 3] as const)
                        expect(texts(`H${level}`), `${name} H${level}`).toEqual(headings.filter(block => block.level === level).map(block => block.text));
                    // Every table: a Table with its caption and a header cell for each column, scoped to the column.
                    const tables = document.blocks.filter(block => block.kind === 'table');
                    expect(structure.filter(element => element.type === 'Table').length).toBeGreaterThanOrEqual(tables.length);
                    const columnHeaders = structure
                        .filter(element => element.type === 'TH' && element.attributes.includes('/Column'))
                        .map(element => element.text);
                    expect(columnHeaders).toEqual(tables.flatMap(table => table.head));
                    expect(texts('TD').length).toBeGreaterThan(0);
                    // Lists: a list item per sentence of the summary.
                    const items = document.blocks.filter(block => block.kind === 'list').flatMap(block => block.items);
                    expect(texts('LBody')).toEqual(items);
                    // Charts: a Figure each, its alternative text the chart's described summary.
                    const charts = document.blocks.filter(block => block.kind === 'chart');
                    expect(texts('Figure').length, name).toBe(charts.length);
                    expect(figureAlternatives(file), name).toEqual(charts.map(chart => chart.description));
                }
            }
        }
    );
});
