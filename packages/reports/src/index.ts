// Browser-safe: nothing here (or imported from here) reads files or starts processes. The PDF
// renderer, which needs Node, is the separate entry `@pool/reports/pdf`.
export * from './report-data.js';
export {
    buildReportDocument,
    fromPortableDocument,
    toPortableDocument,
    type Block,
    type ChartBlock,
    type DocumentOptions,
    type PortableReportDocument,
    type ReportDocument,
    type TableBlock
} from './document.js';
export { renderHtml, renderHtmlDocument, type HtmlOptions } from './html.js';
export { escapeHtml, escapeMarkdown, markdownCode } from './escape.js';
export { REPORT_TEXT, reportText, type ReportLang, type ReportText } from './strings.js';
export { renderMarkdown, renderMarkdownDocument } from './markdown.js';
export { renderJson } from './json.js';
export { encodeReportRecord, findReportRecord, type JsonReportRecord, type ReportRecord } from './record.js';
