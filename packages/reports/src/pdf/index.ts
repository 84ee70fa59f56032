// Long: the PDF renderer lays out every kind of block, tagged for a screen reader, with the page rules (headings kept with what follows, no near-empty last page) and the running head, foot and DRAFT marking.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create as createFont, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import {
    type Block,
    buildReportDocument,
    type DocumentOptions,
    fromPortableDocument,
    type PortableReportDocument,
    type ReportDocument,
    type TableBlock
} from '../document.js';
import { encodeReportRecord, type ReportRecord } from '../record.js';
import type { ReportData } from '../report-data.js';
import { reportText } from '../strings.js';

/**
 * The report as a PDF, made without a browser: pdfkit lays out the same blocks as the HTML, the
 * charts are drawn as vectors from their SVG (svg-to-pdfkit), and DejaVu Sans is embedded so £,
 * ≈, – and Welsh letters (ŵ, ŷ) print. Tagged, so a screen reader can read it: H1–H3 headings, lists,
 * tables with column and row header cells, figures with the chart's described summary as their
 * alternative text, the document's language and title; rules, bars and running heads are artifacts.
 * Deterministic: the PDF's creation and modification dates
 * are the document's `generatedAt` (the command line's `SOURCE_DATE_EPOCH` when set) and its id
 * derives from them, so the same agreement made at the same stated time gives the same bytes.
 */
export async function renderPdf(data: ReportData, options: DocumentOptions & PdfOptions = {}): Promise<Uint8Array> {
    return renderPdfDocument(buildReportDocument(data, options), options);
}

/** The PDF of a document laid out elsewhere (the language server lays it out for the editor). */
export async function renderPortablePdf(document: PortableReportDocument, options: PdfOptions = {}): Promise<Uint8Array> {
    return renderPdfDocument(fromPortableDocument(document), options);
}

export interface PdfOptions {
    /**
     * A folder holding the DejaVu fonts the PDF embeds (`DejaVuSans.ttf`, `DejaVuSans-Bold.ttf`,
     * `DejaVuSansMono.ttf`), for a bundle that ships them beside itself (the VS Code extension).
     * By default they are read from the `dejavu-fonts-ttf` package.
     */
    readonly fontDirectory?: string;
    /** How the report was made, for `pool verify`: a `PoolReport` entry of the PDF's document information. */
    readonly record?: ReportRecord;
}

/** The file names of the embedded fonts, as `dejavu-fonts-ttf` ships them. */
export const PDF_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'] as const;

/**
 * The names the fonts are registered and chosen by: their own PostScript names. pdfkit keeps a font
 * it has opened under the name it was chosen by, unless a font of the same PostScript name is open
 * already (the document's default font is the body font, opened first); then it opens it again,
 * a font of its own in the PDF, on every switch to it. Chosen by its PostScript name, the open font is found.
 */
const BODY = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const MONO = 'DejaVuSansMono';
type TextFont = typeof BODY | typeof BOLD;
type FontName = TextFont | typeof MONO;

/** The embedded fonts, each parsed once per process: see `fontsFor`. */
interface Fonts {
    readonly regular: Font;
    readonly bold: Font;
    readonly mono: Font;
}
const parsedFonts = new Map<string, Fonts>();

/**
 * The fonts, read and parsed once per folder on first use (not on import, so a bundle can load
 * this module without them). Parsing a font's tables (its glyph substitution and positioning above
 * all) was a tenth of a report's time when each pass of each PDF parsed all three again.
 */
function parsedFontsIn(directory: string | undefined): Fonts {
    const folder = directory ?? path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    let parsed = parsedFonts.get(folder);
    if (!parsed) {
        const parse = (file: string): Font => {
            const font = createFont(readFileSync(path.join(folder, file)));
            if (!('layout' in font)) throw new TypeError(`${path.join(folder, file)} is a font collection, not a font`);
            return font;
        };
        parsed = { regular: parse(PDF_FONT_FILES[0]), bold: parse(PDF_FONT_FILES[1]), mono: parse(PDF_FONT_FILES[2]) };
        parsedFonts.set(folder, parsed);
    }
    return parsed;
}

/**
 * The fonts for one PDF (one pass): each shares its parsed tables with the font parsed once, but
 * has glyphs of its own. fontkit keeps a glyph object per glyph id with the characters it was first
 * reached from, and pdfkit maps the glyph back to those characters for copying text; a glyph reached
 * from two (DejaVu's dotless ı is also the i before a combining accent) must be mapped as it would
 * be in a font opened for this PDF alone, whatever PDF came before. So each PDF begins with no
 * glyphs (`_glyphs`, the cache fontkit fills), as a font opened from its file does, and its layout
 * engine, which makes glyphs, is made anew for it (a getter that fontkit caches on the object it is
 * read from, so never read on the shared font).
 */
function fontsFor(directory: string | undefined): Fonts {
    const parsed = parsedFontsIn(directory);
    const own = (font: Font): Font => Object.assign(Object.create(font) as Font, { _glyphs: {} });
    return { regular: own(parsed.regular), bold: own(parsed.bold), mono: own(parsed.mono) };
}

/** Fingerprints print small and monospaced, on one line, so they can be compared by eye. */
const isHash = (text: string) => /^(sha256:)?[0-9a-f]{64}$/.test(text);

const INK = '#0b0c0c';
const GREY = '#505a5f';
const RULE = '#b1b4b6';
const GREEN = '#00703c';
const RED = '#d4351c';
const MARGIN = 50;

/** No heading starts below this fraction of the page's height: a heading is kept with what follows it. */
const HEADING_LIMIT = 0.85;
/** The last page holds at least this fraction of a page of content, or begins a section of its own. */
const LAST_PAGE_FILL = 0.25;

export async function renderPdfDocument(laidOut: ReportDocument, options: PdfOptions = {}): Promise<Uint8Array> {
    const document = drawingChartsOnce(laidOut);
    // Laid out once; if that leaves a near-empty last page, laid out again with the last section
    // that fits the rule starting a page of its own (a deliberate section end). These passes only
    // measure where the headings fall: nothing of theirs is drawn that cannot move them, or written.
    const first = measure(document, options, new Set());
    const breakBefore = first.sectionForLastPage();
    const sectionBreaks: ReadonlySet<number> = breakBefore === undefined ? new Set() : new Set([breakBefore]);
    const settled = breakBefore === undefined ? first : measure(document, options, sectionBreaks);
    // Then once more, in full, with the page of each section in the contents: their room is kept in
    // every pass, so the numbers change no line and the pages stay where they were measured.
    const pdf = newPdf(document, options);
    const written = bytesOf(pdf);
    layOut(pdf, document, sectionBreaks, settled.sectionPages());
    return written;
}

/** The document with each chart's SVG drawn once, however many passes and measurements read it. */
function drawingChartsOnce(document: ReportDocument): ReportDocument {
    return {
        ...document,
        blocks: document.blocks.map(block => {
            if (block.kind !== 'chart') return block;
            let svg: string | undefined;
            return { ...block, svg: () => (svg ??= block.svg()) };
        })
    };
}

/**
 * A pass that only measures where the headings fall and where the content ends. It lays every
 * line out as the final pass does, on a PDF made the same way, but skips the work that moves
 * nothing: drawing the charts (a chart's box is sized from its viewBox, not by drawing it, and
 * what follows it is placed from that box), the structure tree (tagging marks content, it does
 * not move it) and the running heads and feet (drawn after the end of the content is taken); and
 * its PDF is never ended, so no font is subset and nothing compressed or written.
 */
function measure(document: ReportDocument, options: PdfOptions, breakBefore: ReadonlySet<number>): Layout {
    return layOut(newPdf(document, options), document, breakBefore, undefined);
}

/** The bytes `pdf` writes, once it is ended. */
function bytesOf(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    return new Promise<Uint8Array>((resolve, reject) => {
        pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
        pdf.on('end', () => {
            resolve(new Uint8Array(Buffer.concat(chunks)));
        });
        pdf.on('error', reject);
    });
}

/** An empty PDF for the document, with its fonts: the same for a measuring pass and the final one, so both lay lines out alike. */
function newPdf(document: ReportDocument, options: PdfOptions): PDFKit.PDFDocument {
    const FONTS = fontsFor(options.fontDirectory);
    // A document without a date (a library caller that gave none) keeps a fixed one, so its bytes do not vary.
    const date = new Date(document.generatedAt ?? 0);
    const pdf = new PDFDocument({
        size: 'A4',
        margin: MARGIN,
        bufferPages: true,
        lang: document.lang === 'cy' ? 'cy-GB' : 'en-GB',
        displayTitle: true,
        // Tagged: a screen reader reads the headings, lists, tables and figures from the structure tree.
        tagged: true,
        pdfVersion: '1.7',
        info: {
            Title: document.title,
            Creator: 'pool',
            Producer: 'pool',
            CreationDate: date,
            ModDate: date,
            ...(options.record ? { PoolReport: encodeReportRecord(options.record) } : {})
        },
        // Not pdfkit's default Helvetica: its metrics are a module pdfkit loads by a path a bundle does not keep.
        // The body font parsed once (see `fontsFor`): pdfkit opens a parsed font as it opens a file, though its types name only a file.
        font: FONTS.regular as unknown as string
    });
    pdf.registerFont(BODY, FONTS.regular);
    pdf.registerFont(BOLD, FONTS.bold);
    pdf.registerFont(MONO, FONTS.mono);
    return pdf;
}

/**
 * The document laid out on `pdf`, which the final pass (given the contents' page numbers) ends;
 * a measuring pass (without them) leaves it open. The layout says where its headings fell.
 */
function layOut(pdf: PDFKit.PDFDocument, document: ReportDocument, breakBefore: ReadonlySet<number>, contentsPages: readonly number[] | undefined): Layout {
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    const layout = new Layout(pdf, root, document, contentsPages === undefined);
    layout.title(document.title);
    document.blocks.forEach((block, index) => {
        const previous = document.blocks[index - 1];
        const contents = block.kind === 'list' && previous?.kind === 'heading' && previous.id === 'contents';
        if (contents) layout.contents(block.items, contentsPages);
        else layout.block(block, index, document.blocks[index + 1], breakBefore.has(index) || (block.kind === 'heading' && block.newPage === true));
    });
    layout.finish();
    return layout;
}

/** Where a heading of the document fell: its page (from 0) and the top of its text. */
interface Placed {
    readonly index: number;
    readonly page: number;
    readonly y: number;
}

class Layout {
    private readonly placed: Placed[] = [];
    private end = { page: 0, y: 0 };
    /** Lines of text measured on this PDF, by font, size, width and text: see `heightOf`. */
    private readonly lineCounts = new Map<string, number>();
    /** Widths of text measured on this PDF, by font, size and text: see `widthOf`. */
    private readonly widths = new Map<string, number>();

    constructor(
        private readonly pdf: PDFKit.PDFDocument,
        private readonly root: PDFKit.PDFStructureElement,
        private readonly document: ReportDocument,
        /** Only measuring where things fall (see `measure`): what moves nothing is not drawn. */
        private readonly measuring: boolean
    ) {}

    private get page(): number {
        const range = this.pdf.bufferedPageRange();
        return range.start + range.count - 1;
    }

    /** The page (from 1) of each section after the contents, in order: the numbers the contents list prints. */
    sectionPages(): number[] {
        const contentsAt = this.document.blocks.findIndex(block => block.kind === 'heading' && block.id === 'contents');
        return this.placed
            .filter(heading => {
                const block = this.document.blocks[heading.index];
                return heading.index > contentsAt && block?.kind === 'heading' && block.level === 2;
            })
            .map(heading => heading.page + 1);
    }

    /** The contents: each section with its page number at the right (room kept for it while the numbers are not yet known). */
    contents(items: readonly string[], pages: readonly number[] | undefined): void {
        const pdf = this.pdf;
        const numberWidth = 36;
        this.group('L', list => {
            pdf.font(BODY).fontSize(10).fillColor(INK);
            for (const [index, item] of items.entries()) {
                const textWidth = this.width - 14 - numberWidth;
                this.ensure(this.heightOf(BODY, 10, item, textWidth) + 4);
                const y = pdf.y;
                const page = pages?.[index];
                this.group(
                    'LI',
                    entry => {
                        this.tag('Lbl', () => pdf.text('•', MARGIN, y, { width: 10 }), entry);
                        this.tag('LBody', () => pdf.text(item, MARGIN + 14, y, { width: textWidth }), entry);
                        // The page number: an element of the item of its own, after the section's name.
                        if (page !== undefined) {
                            const after = pdf.y;
                            this.tag(
                                'Reference',
                                () => pdf.text(String(page), MARGIN + this.width - numberWidth, y, { width: numberWidth, align: 'right' }),
                                entry
                            );
                            pdf.y = after;
                        }
                    },
                    list
                );
                pdf.moveDown(0.25);
            }
        });
    }

    /**
     * When the last page holds less than a quarter of a page, the block index of the heading to
     * start a page with instead: the latest heading of the page before whose section, moved, fills
     * a quarter page (or the first heading of that page, if none does); a heading directly after
     * another moves with it.
     */
    sectionForLastPage(): number | undefined {
        const height = this.bottom - MARGIN;
        const lastFill = this.end.y - MARGIN;
        if (this.end.page === 0 || lastFill >= height * LAST_PAGE_FILL) return undefined;
        const before = this.placed.filter(heading => heading.page === this.end.page - 1);
        const fallback = before[0];
        if (!fallback) return undefined;
        let chosen: Placed = before.findLast(heading => this.bottom - heading.y + lastFill >= height * LAST_PAGE_FILL) ?? fallback;
        for (;;) {
            const previous = this.placed.find(heading => heading.index === chosen.index - 1);
            if (!previous || previous.page !== chosen.page) break;
            chosen = previous;
        }
        return chosen.index;
    }

    /**
     * Adds an element of the structure tree under `parent` (the document by default); `draw`
     * draws its content, marked as that element's, on the page.
     */
    private tag(type: string, draw: () => void, parent: PDFKit.PDFStructureElement = this.root, options: PDFKit.Mixins.StructureElementOptions = {}): void {
        // A measurement has no structure tree: marking content moves nothing.
        if (this.measuring) {
            draw();
            return;
        }
        const element = this.pdf.struct(type, options);
        parent.add(element);
        element.add(draw);
        element.end();
    }

    /** A grouping element (a list, a table, a row) under `parent`, its children added by `fill`. */
    private group(type: string, fill: (element: PDFKit.PDFStructureElement) => void, parent: PDFKit.PDFStructureElement = this.root): void {
        if (this.measuring) {
            fill(parent);
            return;
        }
        const element = this.pdf.struct(type);
        parent.add(element);
        fill(element);
        element.end();
    }

    /** Drawing that is not content (rules, bars, repeated table heads, running heads): an artifact a screen reader skips. */
    private artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
        if (this.measuring) {
            draw();
            return;
        }
        this.pdf.markContent('Artifact', type ? { type } : undefined);
        draw();
        this.pdf.endMarkedContent();
    }

    private get width(): number {
        return this.pdf.page.width - MARGIN * 2;
    }
    private get bottom(): number {
        return this.pdf.page.height - MARGIN;
    }

    /**
     * The height of `text` wrapped to `width` in `font` at `size` (which it leaves set), as pdfkit's
     * `heightOfString` gives it. A heading, a table's head and many rows are measured several times
     * on one PDF (for what must fit before them, then for themselves): about half the measurements
     * of a report were of a text measured already, each wrapped again. Only the number of lines is
     * kept: pdfkit adds the line height once a line to the current position and takes the position
     * away again, so the same sums are done here, from the position now, and the height is the same
     * to the last bit. Kept for this PDF alone, whose fonts already hold the words' layouts, so
     * measuring again would only have read them back.
     */
    private heightOf(font: FontName, size: number, text: string, width: number): number {
        const pdf = this.pdf.font(font).fontSize(size);
        const key = `${font}\u0000${size}\u0000${width}\u0000${text}`;
        const lineHeight = pdf.currentLineHeight(true);
        const lines = this.lineCounts.get(key);
        if (lines === undefined) {
            const height = pdf.heightOfString(text, { width });
            const counted = Math.round(height / lineHeight);
            // Kept only when the sums give pdfkit's height exactly (they always should).
            if (linesHeight(pdf.y, counted, lineHeight) === height) this.lineCounts.set(key, counted);
            return height;
        }
        return linesHeight(pdf.y, lines, lineHeight);
    }

    /** The width of `text` in `font` at `size` (which it leaves set), as pdfkit's `widthOfString` gives it, measured once per PDF. */
    private widthOf(font: FontName, size: number, text: string): number {
        const pdf = this.pdf.font(font).fontSize(size);
        const key = `${font}\u0000${size}\u0000${text}`;
        let width = this.widths.get(key);
        if (width === undefined) {
            width = pdf.widthOfString(text);
            this.widths.set(key, width);
        }
        return width;
    }

    /** Starts a new page unless `height` more points fit on this one. */
    private ensure(height: number): void {
        if (this.pdf.y + height > this.bottom) this.pdf.addPage();
    }

    title(text: string): void {
        this.tag('H1', () => {
            this.pdf.font(BOLD).fontSize(20).fillColor(INK).text(text, MARGIN, this.pdf.y, { width: this.width });
        });
        this.pdf.moveDown(0.6);
    }

    block(block: Block, index: number, next: Block | undefined, newPage: boolean): void {
        const pdf = this.pdf;
        switch (block.kind) {
            case 'heading': {
                const size = block.level === 2 ? 15 : 12;
                if (newPage) pdf.addPage();
                else {
                    pdf.moveDown(block.level === 2 ? 0.8 : 0.4);
                    // Kept with what follows, and never in the last 15 % of the page.
                    const height = this.heightOf(BOLD, size, block.text, this.width);
                    const lead = height + pdf.fontSize(10).currentLineHeight(true) * 0.3 + this.leadOf(next);
                    if (pdf.y + lead > this.bottom || pdf.y + height > pdf.page.height * HEADING_LIMIT) pdf.addPage();
                }
                this.placed.push({ index, page: this.page, y: pdf.y });
                const y = pdf.y;
                const height = this.heightOf(BOLD, size, block.text, this.width);
                this.tag(
                    `H${block.level}`,
                    () => {
                        pdf.font(BOLD).fontSize(size).fillColor(INK).text(block.text, MARGIN, y, { width: this.width });
                    },
                    this.root,
                    { bbox: [MARGIN, y, MARGIN + this.width, y + height] }
                );
                pdf.moveDown(0.3);
                return;
            }
            case 'paragraph':
                this.paragraph(block.text);
                return;
            case 'list':
                this.group('L', list => {
                    pdf.font(BODY).fontSize(10).fillColor(INK);
                    for (const item of block.items) {
                        this.ensure(this.heightOf(BODY, 10, item, this.width - 14) + 4);
                        const y = pdf.y;
                        this.group(
                            'LI',
                            entry => {
                                this.tag('Lbl', () => pdf.text('•', MARGIN, y, { width: 10 }), entry);
                                this.tag('LBody', () => pdf.text(item, MARGIN + 14, y, { width: this.width - 14 }), entry);
                            },
                            list
                        );
                        pdf.moveDown(0.25);
                    }
                });
                return;
            case 'summary':
                // A two-column table to a screen reader: each row's key is its header cell.
                this.group('Table', table => {
                    for (const [key, value] of block.rows) {
                        pdf.font(BODY).fontSize(10);
                        const keyWidth = this.width * 0.35;
                        const valueFont = isHash(value) ? MONO : BODY;
                        const valueHeight = this.heightOf(valueFont, isHash(value) ? 7 : 10, value, this.width - keyWidth);
                        const height = Math.max(this.heightOf(BOLD, 10, key, keyWidth - 8), valueHeight);
                        this.ensure(height + 8);
                        const y = pdf.y;
                        this.group(
                            'TR',
                            row => {
                                this.tag(
                                    'TH',
                                    () =>
                                        pdf
                                            .font(BOLD)
                                            .fontSize(10)
                                            .fillColor(INK)
                                            .text(key, MARGIN, y, { width: keyWidth - 8 }),
                                    row,
                                    { scope: 'Row' }
                                );
                                this.tag(
                                    'TD',
                                    () =>
                                        pdf
                                            .font(valueFont)
                                            .fontSize(isHash(value) ? 7 : 10)
                                            .fillColor(INK)
                                            .text(value, MARGIN + keyWidth, y, { width: this.width - keyWidth }),
                                    row
                                );
                            },
                            table
                        );
                        pdf.y = y + height + 4;
                        this.rule(MARGIN + this.width, 0.5);
                        pdf.y += 4;
                    }
                });
                pdf.moveDown(0.5);
                return;
            case 'verdict': {
                const height = this.heightOf(BOLD, 11, block.text, this.width - 16);
                this.ensure(height + 16);
                const y = pdf.y;
                this.artifact(() => pdf.rect(MARGIN, y, 4, height + 8).fill(block.passed ? GREEN : RED));
                this.tag('P', () =>
                    pdf
                        .font(BOLD)
                        .fontSize(11)
                        .fillColor(INK)
                        .text(block.text, MARGIN + 14, y + 4, { width: this.width - 16 })
                );
                pdf.y = y + height + 14;
                return;
            }
            case 'table':
                this.table(block);
                return;
            case 'chart': {
                const svg = block.svg();
                const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
                const [svgWidth, svgHeight] = size ? [Number(size[1]), Number(size[2])] : [600, 300];
                const width = Math.min(this.width, svgWidth * 0.75);
                const height = svgHeight * (width / svgWidth);
                this.ensure(height + 40);
                const y = pdf.y;
                // A figure whose alternative text is the chart's described summary; the table beside it holds the figures.
                this.tag(
                    'Figure',
                    () => {
                        // Not to measure: svg-to-pdfkit leaves the position alone, and the caption
                        // is placed below the box and sets its own font.
                        if (this.measuring) return;
                        // Sized by the viewBox alone, so the chart scales to the width given here.
                        SVGtoPDF(pdf, svg.replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, '<svg$1'), MARGIN, y, {
                            width,
                            height,
                            fontCallback: (_family, bold) => (bold ? BOLD : BODY),
                            warningCallback: () => undefined
                        });
                    },
                    this.root,
                    { alt: block.description }
                );
                pdf.y = y + height + 4;
                this.tag('Caption', () => pdf.font(BODY).fontSize(8.5).fillColor(GREY).text(block.title, MARGIN, pdf.y, { width: this.width }));
                pdf.fillColor(INK);
                pdf.moveDown(0.6);
                return;
            }
        }
    }

    /** A horizontal rule under what was just drawn, from the left margin to `end`. */
    private rule(end: number, width: number): void {
        this.artifact(() =>
            this.pdf
                .moveTo(MARGIN, this.pdf.y)
                .lineTo(end, this.pdf.y)
                .lineWidth(width)
                .strokeColor(width > 0.5 ? INK : RULE)
                .stroke()
        );
    }

    private paragraph(text: string): void {
        this.pdf.fillColor(INK);
        this.ensure(this.heightOf(BODY, 10, text, this.width));
        this.tag('P', () => this.pdf.font(BODY).fontSize(10).fillColor(INK).text(text, MARGIN, this.pdf.y, { width: this.width }));
        this.pdf.moveDown(0.5);
    }

    /** A table's column widths, font and the height of a row, as the table is drawn. */
    private tableMetrics(table: TableBlock) {
        const pdf = this.pdf;
        const columns = table.head.length;
        const fontSize = columns > 5 ? 8 : 9;
        pdf.fontSize(fontSize);
        const widths = this.columnWidths(table, fontSize);
        /** A row's cells with the width of their column: one for each heading, a missing cell empty. */
        const cellsOf = (cells: readonly string[]) =>
            widths.map((width, index) => ({ cell: cells[index] ?? '', width, align: table.numeric[index] ? ('right' as const) : ('left' as const) }));
        const cellFont = (cell: string, index: number, font: TextFont) => (isHash(cell) ? MONO : index === 0 ? BOLD : font);
        const cellSize = (cell: string) => (isHash(cell) ? 7 : fontSize);
        // A form's row with a cell to fill in by hand is tall enough to sign in.
        const rowHeight = (cells: readonly string[], font: TextFont) =>
            Math.max(
                largest(cellsOf(cells).map(({ cell, width }, index) => this.heightOf(cellFont(cell, index, font), cellSize(cell), cell, width - 6))) + 6,
                table.form && cells.includes('') ? 34 : 0
            );
        return { columns, fontSize, widths, cellsOf, cellFont, cellSize, rowHeight };
    }

    /** What a table needs on the page where it begins: its caption, its head and a first row. */
    private tableLead(table: TableBlock): number {
        const { fontSize, rowHeight } = this.tableMetrics(table);
        const caption = this.heightOf(BOLD, fontSize + 1, table.caption, this.width);
        return caption + rowHeight(table.head, BOLD) * 2 + 8;
    }

    private table(table: TableBlock): void {
        const pdf = this.pdf;
        const { columns, fontSize, widths, cellsOf, cellFont, cellSize, rowHeight } = this.tableMetrics(table);
        const x = (index: number) => MARGIN + widths.slice(0, index).reduce((a, b) => a + b, 0);
        const drawCell = (cell: string, index: number, font: TextFont, y: number) => {
            const width = widths[index] ?? 0;
            const align = table.numeric[index] ? 'right' : 'left';
            pdf.font(cellFont(cell, index, font))
                .fontSize(cellSize(cell))
                .fillColor(INK)
                .text(cell, x(index) + 3, y + 3, { width: width - 6, align });
        };
        /**
         * One row: in the structure tree a TR of header cells (the head: column headers) or of a
         * row header and data cells; the head repeated on a later page is an artifact, read once.
         */
        const drawRow = (cells: readonly string[], font: TextFont, rule: number, parent: PDFKit.PDFStructureElement, role: 'head' | 'body' | 'repeat') => {
            const height = rowHeight(cells, font);
            if (pdf.y + height > this.bottom) {
                pdf.addPage();
                drawRow(table.head, BOLD, 1, parent, 'repeat');
            }
            const y = pdf.y;
            if (role === 'repeat')
                this.artifact(() => {
                    cellsOf(cells).forEach(({ cell }, index) => {
                        drawCell(cell, index, font, y);
                    });
                }, 'Pagination');
            else
                this.group(
                    'TR',
                    row => {
                        cellsOf(cells).forEach(({ cell }, index) => {
                            const header = role === 'head' || index === 0;
                            this.tag(
                                header ? 'TH' : 'TD',
                                () => {
                                    drawCell(cell, index, font, y);
                                },
                                row,
                                header ? { scope: role === 'head' ? 'Column' : 'Row' } : {}
                            );
                        });
                    },
                    parent
                );
            pdf.y = y + height;
            this.rule(x(columns), rule);
        };
        // The caption is the table's heading: kept with its head and first row, never in the last 15 % of the page.
        const lead = this.tableLead(table);
        if (pdf.y + lead > this.bottom || pdf.y + 20 > pdf.page.height * HEADING_LIMIT) pdf.addPage();
        this.group('Table', element => {
            this.tag(
                'Caption',
                () =>
                    pdf
                        .font(BOLD)
                        .fontSize(fontSize + 1)
                        .fillColor(INK)
                        .text(table.caption, MARGIN, pdf.y, { width: this.width }),
                element
            );
            pdf.moveDown(0.2);
            this.group(
                'THead',
                head => {
                    drawRow(table.head, BOLD, 1, head, 'head');
                },
                element
            );
            this.group(
                'TBody',
                body => {
                    for (const cells of table.rows) drawRow(cells, BODY, 0.5, body, 'body');
                },
                element
            );
            if (table.foot && table.foot.length > 0) {
                const foot = table.foot;
                this.group(
                    'TFoot',
                    group => {
                        for (const cells of foot) drawRow(cells, BOLD, 0.5, group, 'body');
                    },
                    element
                );
            }
        });
        pdf.x = MARGIN;
        pdf.moveDown(0.8);
    }

    /**
     * Column widths: each column as wide as its widest cell when they fit; otherwise the columns
     * with the most wrappable text give up width, never below their longest word.
     */
    private columnWidths(table: TableBlock, fontSize: number): number[] {
        const rows = [table.head, ...table.rows, ...(table.foot ?? [])];
        const measure = (text: string) => (isHash(text) ? this.widthOf(MONO, 7, text) : this.widthOf(BOLD, fontSize, text));
        // For each column: its widest cell, and its longest word (a hash does not wrap).
        const columns = table.head.map((_, index) => {
            const texts = rows.map(cells => cells[index] ?? '');
            return {
                natural: largest(texts.map(text => measure(text))) + 8,
                minimum: largest(texts.flatMap(text => (isHash(text) ? [text] : text.split(/\s+/))).map(word => measure(word))) + 8
            };
        });
        const total = columns.reduce((sum, column) => sum + column.natural, 0);
        if (total <= this.width) {
            // Spare room goes to the first column (the names), up to a third of the spare.
            return columns.map((column, index) => (index === 0 ? column.natural + (this.width - total) / 3 : column.natural));
        }
        const excess = total - this.width;
        const give = (column: { natural: number; minimum: number }) => Math.max(0, column.natural - column.minimum);
        const available = columns.reduce((sum, column) => sum + give(column), 0);
        if (available >= excess) return columns.map(column => column.natural - excess * (give(column) / available));
        const scale = this.width / columns.reduce((sum, column) => sum + column.minimum, 0);
        return columns.map(column => column.minimum * scale);
    }

    /**
     * Ends the document: on every page a running head (the title) and foot (reference · status ·
     * version · page x of y) and, short of signed, DRAFT across the page; all artifacts. A
     * measuring pass only notes where the content ended.
     */
    finish(): void {
        const pdf = this.pdf;
        this.end = { page: this.page, y: pdf.y };
        // The running heads and feet are drawn over pages already laid out: they move nothing.
        if (this.measuring) return;
        const text = reportText(this.document.lang);
        const identity = this.document.identity;
        const range = pdf.bufferedPageRange();
        for (let index = range.start; index < range.start + range.count; index++) {
            pdf.switchToPage(index);
            const margins = { ...pdf.page.margins };
            pdf.page.margins.top = 0;
            pdf.page.margins.bottom = 0;
            if (identity?.draft) {
                this.artifact(() => {
                    const { width, height } = pdf.page;
                    pdf.save();
                    pdf.rotate(-50, { origin: [width / 2, height / 2] });
                    pdf.font(BOLD).fontSize(110).fillColor(RED).fillOpacity(0.1);
                    const wordWidth = pdf.widthOfString(text.watermark);
                    pdf.text(text.watermark, width / 2 - wordWidth / 2, height / 2 - 55, { lineBreak: false });
                    pdf.restore();
                }, 'Pagination');
            }
            this.artifact(() => {
                pdf.font(BODY).fontSize(8).fillColor(GREY).fillOpacity(1);
                pdf.text(this.document.title, MARGIN, MARGIN / 2 - 4, { width: this.width, align: 'left', lineBreak: false, height: 10, ellipsis: true });
                pdf.text(
                    identity
                        ? text.runningFoot(identity.reference, identity.status, identity.version, index + 1, range.count)
                        : text.pageOf(index + 1, range.count),
                    MARGIN,
                    pdf.page.height - MARGIN / 2 - 4,
                    {
                        width: this.width,
                        align: 'center',
                        lineBreak: false
                    }
                );
            }, 'Pagination');
            pdf.page.margins.top = margins.top;
            pdf.page.margins.bottom = margins.bottom;
        }
        pdf.end();
    }

    /** The height a block needs on the page where it begins: what a heading before it must be kept with. */
    private leadOf(block: Block | undefined): number {
        const pdf = this.pdf;
        if (!block) return 0;
        switch (block.kind) {
            case 'heading':
                return this.heightOf(BOLD, 12, block.text, this.width) + 40;
            case 'paragraph':
                return Math.min(this.heightOf(BODY, 10, block.text, this.width), pdf.currentLineHeight(true) * 3);
            case 'list':
                return this.heightOf(BODY, 10, block.items[0] ?? '', this.width - 14) + 4;
            case 'summary':
                return 30;
            case 'verdict':
                return this.heightOf(BOLD, 11, block.text, this.width - 16) + 16;
            case 'table':
                return this.tableLead(block);
            case 'chart': {
                const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(block.svg());
                const [svgWidth, svgHeight] = size ? [Number(size[1]), Number(size[2])] : [600, 300];
                const width = Math.min(this.width, svgWidth * 0.75);
                return svgHeight * (width / svgWidth) + 40;
            }
        }
    }
}

/** What pdfkit's `heightOfString` gives for `lines` lines from `y`: the line height added a line at a time, then `y` taken away. */
function linesHeight(y: number, lines: number, lineHeight: number): number {
    let end = y;
    for (let line = 0; line < lines; line++) end += lineHeight;
    return end - y;
}

/** The largest of some numbers, in a loop: a table can have more rows than a call has arguments. */
function largest(values: readonly number[]): number {
    let result = -Infinity;
    for (const value of values) if (value > result) result = value;
    return result;
}
