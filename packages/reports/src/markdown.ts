import { type Block, buildReportDocument, type DocumentOptions, type ReportDocument, type TableBlock } from './document.js';
import { escapeMarkdown } from './escape.js';
import type { ReportData } from './report-data.js';
import { encodeReportRecord, type ReportRecord } from './record.js';

/**
 * The report as Markdown (GitHub-flavoured tables). Agreement text is escaped, so a name can
 * never become a link, an image, emphasis, a table cell or HTML. Charts appear as their text
 * alternative: the caption and the described summary; the figures are in the tables.
 */
export function renderMarkdown(data: ReportData, options: DocumentOptions & { readonly record?: ReportRecord } = {}): string {
    return renderMarkdownDocument(buildReportDocument(data, options), options.record);
}

/** With a record of how it was made (for `pool verify`), as a comment on the last line, which readers do not show. */
export function renderMarkdownDocument(document: ReportDocument, record?: ReportRecord): string {
    const out = [`# ${escapeMarkdown(document.title)}`, ''];
    for (const block of document.blocks) {
        // Line by line: a table of a large register has more lines than a call has arguments.
        for (const line of renderBlock(block)) out.push(line);
        out.push('');
    }
    if (record) out.push(`<!-- ${encodeReportRecord(record)} -->`);
    const text = out.join('\n').replace(/\n{3,}/g, '\n\n');
    // One newline at the end. Not `replace(/\n*$/, '\n')`: that pattern tries again from every
    // newline of a run that does not end the text, which is quadratic in the run.
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
    return `${text.slice(0, end)}\n`;
}

function renderBlock(block: Block): string[] {
    switch (block.kind) {
        case 'heading':
            return [`${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`];
        case 'paragraph':
            return [escapeMarkdown(block.text)];
        case 'list':
            return block.items.map(item => `- ${escapeMarkdown(item)}`);
        case 'summary':
            return block.rows.map(([key, value]) => `- **${escapeMarkdown(key)}**: ${escapeMarkdown(value)}`);
        case 'verdict':
            return [`> **${escapeMarkdown(block.text)}**`];
        case 'table':
            return renderTable(block);
        case 'chart':
            return [`*${escapeMarkdown(block.description)}*`];
    }
}

function renderTable(table: TableBlock): string[] {
    const row = (cells: readonly string[], bold: boolean) =>
        `| ${cells.map(cell => (cell === '' ? ' ' : bold ? `**${escapeMarkdown(cell)}**` : escapeMarkdown(cell))).join(' | ')} |`;
    return [
        `**${escapeMarkdown(table.caption)}**`,
        '',
        row(table.head, false),
        `| ${table.numeric.map(numeric => (numeric ? '---:' : '---')).join(' | ')} |`,
        ...table.rows.map(cells => row(cells, false)),
        ...(table.foot ?? []).map(cells => row(cells, true))
    ];
}
