// A string in a chart's expressions, escaped by the language package's helper for that context.
export { chartString } from '@pool/language';

/** Agreement text as HTML text or attribute content: nothing in it can become markup. */
export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Agreement text as Markdown text: no emphasis, code, link, image, table cell, strikethrough or
 * HTML can come out of it, and line breaks become spaces so it cannot start a block. The
 * characters that make inline syntax are backslash-escaped (CommonMark allows escaping any ASCII
 * punctuation) and `<`, `>` and `&` become entities; a leading character that could start a
 * heading, list or quote is escaped too, and so is anything GitHub would turn into a link.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[\\`*_[\]|~]/g, character => `\\${character}`)
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        // GitHub turns bare URLs into links: break the pattern it looks for, not the text shown.
        .replace(/:\/\//g, ':\\/\\/').replace(/\bwww\./gi, match => `${match.slice(0, 3)}\\.`)
        .replace(/^([#+\-=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
}
