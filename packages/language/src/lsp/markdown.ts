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
