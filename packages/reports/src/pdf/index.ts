import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

/**
 * The report as a PDF, made without a browser: pdfkit lays out the same blocks as the HTML, the
 * charts are drawn as vectors from their SVG (svg-to-pdfkit), and DejaVu Sans is embedded so £,
 * ≈, – and Welsh letters (ŵ, ŷ) print. Deterministic: the PDF's creation and modification dates
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

interface Fonts {
    readonly regularFile: string;
    readonly regular: Buffer;
    readonly bold: Buffer;
    readonly mono: Buffer;
}
const loadedFonts = new Map<string, Fonts>();

/** The fonts, read once per folder on first use (not on import, so a bundle can load this module without them). */
function fonts(directory: string | undefined): Fonts {
    const folder = directory ?? path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    let loaded = loadedFonts.get(folder);
    if (!loaded) {
        const read = (file: string) => readFileSync(path.join(folder, file));
        loaded = {
            regularFile: path.join(folder, PDF_FONT_FILES[0]),
            regular: read(PDF_FONT_FILES[0]),
            bold: read(PDF_FONT_FILES[1]),
            mono: read(PDF_FONT_FILES[2])
        };
        loadedFonts.set(folder, loaded);
    }
    return loaded;
}

/** Fingerprints print small and monospaced, on one line, so they can be compared by eye. */
const isHash = (text: string) => /^(sha256:)?[0-9a-f]{64}$/.test(text);

const INK = '#0b0c0c';
const GREY = '#505a5f';
const RULE = '#b1b4b6';
const GREEN = '#00703c';
const RED = '#d4351c';
const MARGIN = 50;

export async function renderPdfDocument(document: ReportDocument, options: PdfOptions = {}): Promise<Uint8Array> {
    const FONTS = fonts(options.fontDirectory);
    // A document without a date (a library caller that gave none) keeps a fixed one, so its bytes do not vary.
    const date = new Date(document.generatedAt ?? 0);
    const pdf = new PDFDocument({
        size: 'A4',
        margin: MARGIN,
        bufferPages: true,
        lang: document.lang === 'cy' ? 'cy-GB' : 'en-GB',
        displayTitle: true,
        info: {
            Title: document.title,
            Creator: 'pool',
            Producer: 'pool',
            CreationDate: date,
            ModDate: date,
            ...(options.record ? { PoolReport: encodeReportRecord(options.record) } : {})
        },
        // Not pdfkit's default Helvetica: its metrics are a module pdfkit loads by a path a bundle does not keep.
        font: FONTS.regularFile
    });
    pdf.registerFont('body', FONTS.regular);
    pdf.registerFont('bold', FONTS.bold);
    pdf.registerFont('mono', FONTS.mono);
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
        pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
        pdf.on('end', () => {
            resolve();
        });
        pdf.on('error', reject);
    });
    const layout = new Layout(pdf);
    layout.title(document.title);
    for (const block of document.blocks) layout.block(block);
    layout.pageNumbers();
    pdf.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
}

class Layout {
    constructor(private readonly pdf: PDFKit.PDFDocument) {}

    private get width(): number {
        return this.pdf.page.width - MARGIN * 2;
    }
    private get bottom(): number {
        return this.pdf.page.height - MARGIN;
    }

    /** Starts a new page unless `height` more points fit on this one. */
    private ensure(height: number): void {
        if (this.pdf.y + height > this.bottom) this.pdf.addPage();
    }

    title(text: string): void {
        this.pdf.font('bold').fontSize(20).fillColor(INK).text(text, MARGIN, this.pdf.y, { width: this.width });
        this.pdf.moveDown(0.6);
    }

    block(block: Block): void {
        const pdf = this.pdf;
        switch (block.kind) {
            case 'heading': {
                const size = block.level === 2 ? 15 : 12;
                this.ensure(size * 4);
                pdf.moveDown(block.level === 2 ? 0.8 : 0.4);
                pdf.font('bold').fontSize(size).fillColor(INK).text(block.text, MARGIN, pdf.y, { width: this.width });
                pdf.moveDown(0.3);
                return;
            }
            case 'paragraph':
                this.paragraph(block.text);
                return;
            case 'list':
                pdf.font('body').fontSize(10).fillColor(INK);
                for (const item of block.items) {
                    this.ensure(pdf.heightOfString(item, { width: this.width - 14 }) + 4);
                    const y = pdf.y;
                    pdf.text('•', MARGIN, y, { width: 10 });
                    pdf.text(item, MARGIN + 14, y, { width: this.width - 14 });
                    pdf.moveDown(0.25);
                }
                return;
            case 'summary':
                for (const [key, value] of block.rows) {
                    pdf.font('body').fontSize(10);
                    const keyWidth = this.width * 0.35;
                    const valueFont = isHash(value) ? 'mono' : 'body';
                    pdf.font(valueFont).fontSize(isHash(value) ? 7 : 10);
                    const valueHeight = pdf.heightOfString(value, { width: this.width - keyWidth });
                    pdf.fontSize(10);
                    const height = Math.max(pdf.font('bold').heightOfString(key, { width: keyWidth - 8 }), valueHeight);
                    this.ensure(height + 8);
                    const y = pdf.y;
                    pdf.font('bold')
                        .fillColor(INK)
                        .text(key, MARGIN, y, { width: keyWidth - 8 });
                    pdf.font(valueFont)
                        .fontSize(isHash(value) ? 7 : 10)
                        .text(value, MARGIN + keyWidth, y, { width: this.width - keyWidth });
                    pdf.y = y + height + 4;
                    pdf.moveTo(MARGIN, pdf.y)
                        .lineTo(MARGIN + this.width, pdf.y)
                        .lineWidth(0.5)
                        .strokeColor(RULE)
                        .stroke();
                    pdf.y += 4;
                }
                pdf.moveDown(0.5);
                return;
            case 'verdict': {
                pdf.font('bold').fontSize(11);
                const height = pdf.heightOfString(block.text, { width: this.width - 16 });
                this.ensure(height + 16);
                const y = pdf.y;
                pdf.rect(MARGIN, y, 4, height + 8).fill(block.passed ? GREEN : RED);
                pdf.fillColor(INK).text(block.text, MARGIN + 14, y + 4, { width: this.width - 16 });
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
                // Sized by the viewBox alone, so the chart scales to the width given here.
                SVGtoPDF(pdf, svg.replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, '<svg$1'), MARGIN, y, {
                    width,
                    height,
                    fontCallback: (_family, bold) => (bold ? 'bold' : 'body'),
                    warningCallback: () => undefined
                });
                pdf.y = y + height + 4;
                pdf.font('body').fontSize(8.5).fillColor(GREY).text(block.description, MARGIN, pdf.y, { width: this.width });
                pdf.fillColor(INK);
                pdf.moveDown(0.6);
                return;
            }
        }
    }

    private paragraph(text: string): void {
        this.pdf.font('body').fontSize(10).fillColor(INK);
        this.ensure(this.pdf.heightOfString(text, { width: this.width }));
        this.pdf.text(text, MARGIN, this.pdf.y, { width: this.width });
        this.pdf.moveDown(0.5);
    }

    private table(table: TableBlock): void {
        const pdf = this.pdf;
        const columns = table.head.length;
        const fontSize = columns > 5 ? 8 : 9;
        pdf.fontSize(fontSize);
        const widths = this.columnWidths(table, fontSize);
        const x = (index: number) => MARGIN + widths.slice(0, index).reduce((a, b) => a + b, 0);
        /** A row's cells with the width of their column: one for each heading, a missing cell empty. */
        const cellsOf = (cells: readonly string[]) =>
            widths.map((width, index) => ({ cell: cells[index] ?? '', width, align: table.numeric[index] ? ('right' as const) : ('left' as const) }));
        const cellFont = (cell: string, index: number, font: 'body' | 'bold') => (isHash(cell) ? 'mono' : index === 0 ? 'bold' : font);
        const cellSize = (cell: string) => (isHash(cell) ? 7 : fontSize);
        const rowHeight = (cells: readonly string[], font: 'body' | 'bold') =>
            largest(
                cellsOf(cells).map(({ cell, width }, index) =>
                    pdf
                        .font(cellFont(cell, index, font))
                        .fontSize(cellSize(cell))
                        .heightOfString(cell, { width: width - 6 })
                )
            ) + 6;
        const drawRow = (cells: readonly string[], font: 'body' | 'bold', rule: number) => {
            const height = rowHeight(cells, font);
            if (pdf.y + height > this.bottom) {
                pdf.addPage();
                drawHead();
            }
            const y = pdf.y;
            cellsOf(cells).forEach(({ cell, width, align }, index) => {
                pdf.font(cellFont(cell, index, font))
                    .fontSize(cellSize(cell))
                    .fillColor(INK)
                    .text(cell, x(index) + 3, y + 3, { width: width - 6, align });
            });
            pdf.y = y + height;
            const end = x(columns);
            pdf.moveTo(MARGIN, pdf.y)
                .lineTo(end, pdf.y)
                .lineWidth(rule)
                .strokeColor(rule > 0.5 ? INK : RULE)
                .stroke();
        };
        const drawHead = () => {
            drawRow(table.head, 'bold', 1);
        };
        pdf.font('bold').fontSize(fontSize + 1);
        this.ensure(pdf.heightOfString(table.caption, { width: this.width }) + rowHeight(table.head, 'bold') * 2 + 8);
        pdf.fillColor(INK).text(table.caption, MARGIN, pdf.y, { width: this.width });
        pdf.moveDown(0.2);
        drawHead();
        for (const cells of table.rows) drawRow(cells, 'body', 0.5);
        for (const cells of table.foot ?? []) drawRow(cells, 'bold', 0.5);
        pdf.x = MARGIN;
        pdf.moveDown(0.8);
    }

    /**
     * Column widths: each column as wide as its widest cell when they fit; otherwise the columns
     * with the most wrappable text give up width, never below their longest word.
     */
    private columnWidths(table: TableBlock, fontSize: number): number[] {
        const pdf = this.pdf;
        const rows = [table.head, ...table.rows, ...(table.foot ?? [])];
        const measure = (text: string) =>
            isHash(text) ? pdf.font('mono').fontSize(7).widthOfString(text) : pdf.font('bold').fontSize(fontSize).widthOfString(text);
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

    /** "Page 3 of 7" at the foot of every page. */
    pageNumbers(): void {
        const range = this.pdf.bufferedPageRange();
        for (let index = range.start; index < range.start + range.count; index++) {
            this.pdf.switchToPage(index);
            const bottomMargin = this.pdf.page.margins.bottom;
            this.pdf.page.margins.bottom = 0;
            this.pdf
                .font('body')
                .fontSize(8)
                .fillColor(GREY)
                .text(`${index + 1} / ${range.count}`, MARGIN, this.pdf.page.height - MARGIN / 2 - 4, { width: this.width, align: 'center', lineBreak: false });
            this.pdf.page.margins.bottom = bottomMargin;
        }
    }
}

/** The largest of some numbers, in a loop: a table can have more rows than a call has arguments. */
function largest(values: readonly number[]): number {
    let result = -Infinity;
    for (const value of values) if (value > result) result = value;
    return result;
}
