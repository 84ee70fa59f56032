/**
 * Markdown for hovers and completion documentation. Text from the agreement (names, titles,
 * notes) is escaped so that it shows as written and cannot turn into markup or links.
 */

export { escapeMarkdown } from '../text/escape.js';

/** An id in a code span: ids never contain backticks. */
export function code(id: string): string {
    return `\`${id}\``;
}

export type Alignment = 'left' | 'right';

/** A Markdown table; figures are right-aligned so pounds line up. */
export function table(header: readonly string[], alignments: readonly Alignment[], rows: readonly (readonly string[])[]): string {
    const rule = alignments.map(alignment => (alignment === 'right' ? '--:' : ':--'));
    return [header, rule, ...rows].map(cells => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * A hover's Markdown for a client that shows only plain text: the markup taken out (emphasis, code
 * spans, table rules, section rules), table cells set apart by spaces, and the escapes and
 * character references that kept agreement text literal turned back into the characters written.
 */
export function markdownAsPlainText(markdown: string): string {
    return markdown
        .split('\n')
        .filter(line => !/^\|(\s*:?-+:?\s*\|)+$/.test(line))
        .map(line => {
            if (line === '---') return '';
            if (line.startsWith('| ') && line.endsWith(' |')) return line.slice(2, -2).split(' | ').join('   ');
            return line;
        })
        .join('\n')
        .replace(/(?<!\\)(\*\*|`)/g, '')
        .replace(/\\([\\`*_[\]|~!#:.+\-=/()])/g, '$1')
        .replace(/&#32;/g, ' ')
        .replace(/&#9;/g, '\t')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}
