import { sha256 } from '@noble/hashes/sha2.js';
import { GOVUK_CSS } from './generated/govuk-styles.js';
import { type Block, buildReportDocument, type DocumentOptions, type ReportDocument, type TableBlock } from './document.js';
import { escapeHtml } from './escape.js';
import type { ReportData } from './report-data.js';
import { encodeReportRecord, type ReportRecord } from './record.js';
import { reportText } from './strings.js';

export interface HtmlOptions extends DocumentOptions {
    /** How the report was made, for `pool verify` (a `<meta name="pool-report">`). */
    readonly record?: ReportRecord;
    /** For a VS Code webview: its `cspSource`, allowed alongside the report's own style sheet. */
    readonly webview?: { readonly cspSource: string };
}

/** Report styles on top of GOV.UK Frontend's: figures line up, charts scale, print is clean. */
const REPORT_CSS = `
.pool-figure{margin:0 0 30px 0}
.pool-figure svg{max-width:100%;height:auto}
.pool-figure figcaption{margin-top:10px}
.govuk-table__cell--numeric,.govuk-table__header--numeric{white-space:nowrap}
.pool-table-wrap{overflow-x:auto}
.pool-total th,.pool-total td{font-weight:700}
.pool-code{font-family:monospace;word-break:break-all}
.pool-verdict--passed{border-color:#00703c}
.pool-verdict--failed{border-color:#d4351c}
@media print{.pool-new-page{break-before:page}.govuk-skip-link{display:none}.pool-figure,.govuk-table,.govuk-summary-list{break-inside:avoid}body{background:#fff}}
`;

const STYLES = GOVUK_CSS + REPORT_CSS;
const STYLE_HASH = `'sha256-${base64(sha256(new TextEncoder().encode(STYLES)))}'`;

/**
 * The report as one self-contained HTML page styled after the GOV.UK Design System: no script,
 * nothing fetched (a Content-Security-Policy forbids both), every piece of agreement text escaped.
 */
export function renderHtml(data: ReportData, options: HtmlOptions = {}): string {
    return renderHtmlDocument(buildReportDocument(data, options), options);
}

export function renderHtmlDocument(document: ReportDocument, options: HtmlOptions = {}): string {
    const text = reportText(document.lang);
    const extra = options.webview ? ` ${sanitiseCspSource(options.webview.cspSource)}` : '';
    const csp = `default-src 'none'; style-src${extra} ${STYLE_HASH}; img-src${extra} data:${extra ? `; font-src${extra}` : ''}; base-uri 'none'; form-action 'none'`;
    const body = document.blocks.map(block => renderBlock(block)).join('\n');
    return `<!DOCTYPE html>
<html lang="${document.lang}" class="govuk-template">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.record ? `<meta name="pool-report" content="${encodeReportRecord(options.record)}">\n` : ''}<title>${escapeHtml(document.title)}</title>
<style>${STYLES}</style>
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">${escapeHtml(text.skipLink)}</a>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-xl">${escapeHtml(document.title)}</h1>
${body}
</main>
</div>
</body>
</html>
`;
}

/** A webview's cspSource is a list of sources (scheme and host, or 'self'); anything else is dropped rather than trusted. */
function sanitiseCspSource(source: string): string {
    return source
        .split(/\s+/)
        .filter(token => token === "'self'" || /^[a-z][a-z0-9+.-]*:(\/\/)?[a-z0-9.*:-]*$/i.test(token))
        .join(' ');
}

function renderBlock(block: Block): string {
    switch (block.kind) {
        case 'heading': {
            const size = block.level === 2 ? 'l' : 'm';
            // A heading that starts a page in the PDF starts one when the page is printed, too.
            return `<h${block.level} class="govuk-heading-${size}${block.newPage ? ' pool-new-page' : ''}"${block.id ? ` id="${escapeHtml(block.id)}"` : ''}>${escapeHtml(block.text)}</h${block.level}>`;
        }
        case 'paragraph':
            return `<p class="govuk-body">${escapeHtml(block.text)}</p>`;
        case 'list':
            return `<ul class="govuk-list govuk-list--bullet">\n${block.items.map(item => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
        case 'summary':
            return `<dl class="govuk-summary-list">\n${block.rows
                .map(
                    ([key, value]) =>
                        `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${escapeHtml(key)}</dt><dd class="govuk-summary-list__value${/^sha256:/.test(value) ? ' pool-code' : ''}">${escapeHtml(value)}</dd></div>`
                )
                .join('\n')}\n</dl>`;
        case 'verdict':
            return `<div class="govuk-inset-text ${block.passed ? 'pool-verdict--passed' : 'pool-verdict--failed'}"><p class="govuk-body govuk-!-font-weight-bold">${escapeHtml(block.text)}</p></div>`;
        case 'table':
            return renderTable(block);
        case 'chart':
            return `<figure class="pool-figure" aria-describedby="${escapeHtml(block.id)}-description">\n${block.svg()}\n<figcaption class="govuk-body-s"><span id="${escapeHtml(block.id)}">${escapeHtml(block.title)}</span><span class="govuk-visually-hidden" id="${escapeHtml(block.id)}-description"> ${escapeHtml(block.description)}</span></figcaption>\n</figure>`;
    }
}

function renderTable(table: TableBlock): string {
    const cellClass = (numeric: boolean | undefined, kind: 'header' | 'cell') => `govuk-table__${kind}${numeric ? ` govuk-table__${kind}--numeric` : ''}`;
    const head = table.head.map((label, index) => `<th scope="col" class="${cellClass(table.numeric[index], 'header')}">${escapeHtml(label)}</th>`).join('');
    const row = (cells: readonly string[], total: boolean) =>
        `<tr class="govuk-table__row${total ? ' pool-total' : ''}">${cells
            .map((cell, index) =>
                index === 0
                    ? `<th scope="row" class="${cellClass(false, 'header')}">${escapeHtml(cell)}</th>`
                    : `<td class="${cellClass(table.numeric[index], 'cell')}">${escapeHtml(cell)}</td>`
            )
            .join('')}</tr>`;
    const foot =
        table.foot && table.foot.length > 0 ? `\n<tfoot class="govuk-table__body">\n${table.foot.map(cells => row(cells, true)).join('\n')}\n</tfoot>` : '';
    // A wide table scrolls on a narrow screen; keyboard users can focus it to scroll it too.
    return `<div class="pool-table-wrap" role="region" aria-label="${escapeHtml(table.caption)}" tabindex="0"><table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(table.caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>
<tbody class="govuk-table__body">
${table.rows.map(cells => row(cells, false)).join('\n')}
</tbody>${foot}
</table></div>`;
}

function base64(bytes: Uint8Array): string {
    // Character by character: spreading the bytes into one call overflows the stack for a large image.
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
}
