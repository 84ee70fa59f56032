import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/support/scratch.js';
import { buildReportDocument, reportText } from '../src/index.js';
import { renderPdf } from '../src/pdf/index.js';
import { poppler, readStructure, type StructElement } from './pdf-structure.js';
import { EXAMPLES, memoised, reportDataOnce } from './support.js';

const MARGIN = 50;

/**
 * Each example read and each of its PDFs laid out once for the whole file, written where the tests
 * only read them: three tests read the same English PDF of each example, and laying a PDF out was
 * most of this file's time. The same call makes the same bytes (the document has no date here).
 */
const PDF_FOLDER = scratchFolder({});
type PdfOptions = { lang?: 'en' | 'cy'; partner?: string };
const pdfKey = (name: string, options: PdfOptions = {}): string => `${name}-${options.lang ?? 'en'}-${options.partner ?? 'agreement'}`;
const pdfOf = memoised<[name: string, example: string, options?: PdfOptions], LaidOut>(
    async (name, example, options = {}) => {
        const written = path.join(PDF_FOLDER, `${pdfKey(name, options)}.pdf`);
        writeFileSync(written, await renderPdf(await reportDataOnce(example), options));
        return laidOut(written);
    },
    (name, _example, options) => pdfKey(name, options)
);

/**
 * A PDF written for the tests and what poppler reads from it, each read made once for the file:
 * the tests of headings and of the running head and foot read the same words of the same PDF.
 * A read runs in a process of its own, so that one can be started ahead, beside the test before
 * the one that needs it (reading a report's structure takes poppler seconds).
 */
interface LaidOut {
    readonly file: string;
    /** `pdftotext -layout`, page by page, each page's text as `-f n -l n` prints it. */
    readonly pages: () => Promise<string[]>;
    readonly words: () => Promise<PageWords[]>;
    readonly structure: () => Promise<StructElement[]>;
}

function laidOut(file: string): LaidOut {
    return {
        file,
        pages: memoised(async () =>
            (await poppler('pdftotext', ['-layout', file, '-']))
                .split('\f')
                .slice(0, -1)
                .map(page => `${page}\f`)
        ),
        words: memoised(async () => wordsOf(await poppler('pdftotext', ['-bbox', file, '-']))),
        structure: memoised(() => readStructure(file))
    };
}

interface Word {
    readonly text: string;
    readonly yMin: number;
    readonly yMax: number;
}

interface PageWords {
    readonly height: number;
    readonly words: Word[];
}

/** The words of each page with their boxes (points from the top left), from poppler's `pdftotext -bbox`. */
function wordsOf(xml: string): PageWords[] {
    return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(page => ({
        height: Number(page[1]),
        words: [...page[2].matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(word => ({
            yMin: Number(word[1]),
            yMax: Number(word[2]),
            text: word[3]
                .replace(/&amp;/g, '&')
                .replace(/&lt;/g, '<')
                .replace(/&gt;/g, '>')
                .replace(/&quot;/g, '"')
                .replace(/&apos;/g, "'")
        }))
    }));
}

/** Of each page rendered at 20 dpi, how many pixels carry the watermark's faint red tint. */
async function tintedPixels(file: string, folder: string): Promise<number[]> {
    const prefix = path.join(folder, path.basename(file, '.pdf'));
    await poppler('pdftoppm', ['-r', '20', file, prefix]);
    const pages = readdirSync(folder)
        .filter(name => name.startsWith(`${path.basename(prefix)}-`) && name.endsWith('.ppm'))
        .sort((a, b) => Number(/-(\d+)\.ppm$/.exec(a)![1]) - Number(/-(\d+)\.ppm$/.exec(b)![1]));
    return pages.map(name => {
        // Binary PPM (P6): a header of four tokens, then RGB bytes.
        const bytes = readFileSync(path.join(folder, name));
        let offset = 0;
        for (let tokens = 0; tokens < 4;) {
            while (/\s/.test(String.fromCharCode(bytes[offset]))) offset++;
            while (!/\s/.test(String.fromCharCode(bytes[offset]))) offset++;
            tokens++;
        }
        offset++;
        let tinted = 0;
        for (let index = offset; index + 2 < bytes.length; index += 3) {
            const [red, green, blue] = [bytes[index], bytes[index + 1], bytes[index + 2]];
            if (red >= 240 && red - green >= 8 && red - blue >= 8 && green >= 215) tinted++;
        }
        return tinted;
    });
}

describe('PDF page layout', () => {
    it('has examples both signed and short of signed, so both markings are tested', async () => {
        const statuses = await Promise.all(EXAMPLES.map(async example => (await reportDataOnce(example)).agreement?.status));
        expect(statuses).toContain('signed');
        expect(statuses.some(status => status !== 'signed')).toBe(true);
    });

    const examples = EXAMPLES.map(example => [path.basename(example, '.pool'), example]);

    it.each(examples)(
        '%s: puts the cover, the summary and the contents each on a page, and the contents gives the page each section starts on',
        async (name, example) => {
            const data = await reportDataOnce(example);
            const document = buildReportDocument(data);
            const pdf = await pdfOf(name, example);
            // The next tests read this PDF's structure and words: poppler starts on them now, beside this test.
            void pdf.structure();
            void pdf.words();
            const pages = await pdf.pages();
            const pageText = (page: number) => {
                expect(page, `${name}: page ${page} of ${pages.length}`).toBeLessThanOrEqual(pages.length);
                return pages[page - 1];
            };
            const squeeze = (text: string) => text.replace(/\s+/g, '');
            // The running head, then the first line of the page's own text.
            const firstLines = (page: number) =>
                pageText(page)
                    .split('\n')
                    .filter(line => line.trim() !== '')
                    .slice(0, 2)
                    .join(' ');
            const text = reportText('en');
            // The cover is page 1, the summary starts page 2, the contents page 3.
            expect(squeeze(pageText(1))).not.toContain(squeeze(text.headings.overview));
            expect(firstLines(2)).toContain(text.headings.overview);
            expect(firstLines(3)).toContain(text.headings.contents);
            const contentsAt = document.blocks.findIndex(block => block.kind === 'heading' && block.id === 'contents');
            const sections = document.blocks.slice(contentsAt + 1).flatMap(block => (block.kind === 'heading' && block.level === 2 ? [block.text] : []));
            const lines = pageText(3).split('\n');
            for (const section of sections) {
                const line = lines.find(candidate => squeeze(candidate).includes(squeeze(section)) && /\d\s*$/.test(candidate));
                expect(line, `${name}: ${section}`).toBeDefined();
                const page = Number(/(\d+)\s*$/.exec(line!)?.[1]);
                expect(page, `${name}: ${section}`).toBeGreaterThanOrEqual(3);
                // The section's heading is on the page the contents gives.
                expect(squeeze(pageText(page)), `${name}: ${section} on page ${page}`).toContain(squeeze(section));
            }
        }
    );
    it.each(examples)(
        '%s: keeps every heading out of the last 15 % of its page, and ends on a page at least a quarter full or beginning a section',
        async (name, example) => {
            {
                const data = await reportDataOnce(example);
                const pdfs = [];
                for (const partner of [undefined, data.statements[0]?.partner]) {
                    const pdf = await pdfOf(name, example, { partner });
                    // Both PDFs read at once, in processes of their own.
                    void pdf.structure();
                    void pdf.words();
                    pdfs.push(pdf);
                }
                for (const pdf of pdfs) {
                    const pages = await pdf.words();
                    const height = pages[0].height;
                    // Each heading's layout box, bottom edge from the foot of the page (PDF coordinates).
                    const headings = (await pdf.structure()).filter(element => /^H[1-3]$/.test(element.type));
                    expect(headings.length).toBeGreaterThan(3);
                    for (const heading of headings) {
                        const box = /\/BBox \[([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)\]/.exec(heading.attributes);
                        if (heading.type === 'H1') continue;
                        expect(box, `${name}: ${heading.text}`).not.toBeNull();
                        expect(Number(box![2]), `${name}: "${heading.text}" ends in the last 15 % of its page`).toBeGreaterThanOrEqual(height * 0.15);
                    }
                    // The last page: content (between the running head and foot) fills a quarter of the
                    // page, or the page begins with a heading (a section deliberately started afresh).
                    const last = pages.at(-1)!;
                    const content = last.words.filter(word => word.yMin >= MARGIN - 2 && word.yMax <= height - MARGIN + 2);
                    expect(content.length, name).toBeGreaterThan(0);
                    const fill = (Math.max(...content.map(word => word.yMax)) - MARGIN) / (height - 2 * MARGIN);
                    if (fill < 0.25) {
                        const top = Math.min(...content.map(word => word.yMin));
                        const firstLine = content
                            .filter(word => word.yMin < top + 2)
                            .map(word => word.text)
                            .join(' ');
                        expect(top, `${name}: last page ${Math.round(fill * 100)} % full`).toBeLessThan(MARGIN + 2);
                        expect(
                            headings.some(heading => heading.text.startsWith(firstLine)),
                            `${name}: last page ${Math.round(fill * 100)} % full and begins "${firstLine}", not a heading`
                        ).toBe(true);
                    }
                }
            }
        }
    );

    it.each(examples)(
        '%s: prints on every page the title at the head and reference · status · version · page x of y at the foot, and DRAFT across it short of signed',
        async (name, example) => {
            const folder = scratchFolder({});
            {
                const data = await reportDataOnce(example);
                // Welsh for one example: the words differ, the layout rules do not.
                for (const lang of name === 'troubled-families' ? (['en', 'cy'] as const) : (['en'] as const)) {
                    const document = buildReportDocument(data, { lang });
                    const pdf = await pdfOf(name, example, { lang });
                    const tinting = tintedPixels(pdf.file, folder);
                    tinting.catch(() => undefined);
                    const pages = await pdf.words();
                    const identity = document.identity!;
                    expect(identity.reference).toBe(data.agreement?.reference ?? data.file);
                    // The version as written (`version "0.3"`), otherwise the fingerprint's first twelve hex digits.
                    expect(identity.version).toBe(data.agreement?.version ?? data.fingerprint.agreement.replace('sha256:', '').slice(0, 12));
                    pages.forEach((page, index) => {
                        const head = page.words.filter(word => word.yMax < MARGIN - 5);
                        const foot = page.words.filter(word => word.yMin > page.height - MARGIN + 5);
                        expect(
                            head
                                .map(word => word.text)
                                .join(' ')
                                .startsWith(document.title.slice(0, 30).trim())
                        ).toBe(true);
                        expect(foot.map(word => word.text).join(' ')).toBe(
                            reportText(lang).runningFoot(identity.reference, identity.status, identity.version, index + 1, pages.length)
                        );
                    });
                    const tinted = await tinting;
                    expect(tinted.length).toBe(pages.length);
                    const signed = data.agreement?.status === 'signed';
                    expect(identity.draft).toBe(!signed);
                    if (signed)
                        expect(
                            tinted.every(count => count === 0),
                            `${name}: signed, yet marked`
                        ).toBe(true);
                    else {
                        expect(
                            tinted.every(count => count > 150),
                            `${name}: pixels of the watermark on each page ${tinted.join(', ')}`
                        ).toBe(true);
                    }
                }
            }
        }
    );
});
