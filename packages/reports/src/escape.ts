// The reports escape agreement text with the language package's helpers, one per context, so a
// report, a diff, a hover and the command line escape it alike.
export { chartString, escapeHtml, escapeMarkdown, markdownCode } from '@pool/language';
