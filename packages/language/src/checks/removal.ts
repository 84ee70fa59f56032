import { type AstNode, type CstNode, CstUtils, GrammarUtils, isLeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * The facts a "remove this" quick fix needs (lsp/pool-code-actions.ts): the exact text to take out,
 * as a range of the finding's document, and that text as written (for the fix's title and to make
 * sure the document has not changed under it).
 */
export type Removal = {
    readonly remove: Range;
    readonly removed: string;
};

/**
 * The text of `node` to remove: all of it, or from the keyword `from` to the end of `property`
 * (`covering £40,000`, `up to £30,000`), or just `property`. Undefined when the syntax tree does not
 * hold those pieces (a clause cut short by a syntax error), so no fix is offered for it.
 */
export function removal(node: AstNode, options: { from?: string; property?: string } = {}): Removal | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const start = options.from
        ? GrammarUtils.findNodeForKeyword(cst, options.from)
        : options.property
          ? GrammarUtils.findNodeForProperty(cst, options.property)
          : cst;
    const end = options.property ? GrammarUtils.findNodeForProperty(cst, options.property) : cst;
    if (!start || !end || end.end < start.offset) return undefined;
    const text = cst.root.fullText.slice(start.offset, end.end);
    return { remove: { start: start.range.start, end: end.range.end }, removed: text };
}

/**
 * Whether two declarations are written the same way (ignoring the space between tokens), so that
 * removing the repeat changes nothing a reader or a check sees. One with a comment inside is never
 * the same: removing it would take the comment with it.
 */
export function writtenTheSame(first: AstNode, repeat: AstNode): boolean {
    const a = tokens(first.$cstNode);
    const b = tokens(repeat.$cstNode);
    if (a === undefined || b === undefined || b.hasComment) return false;
    return a.texts.length === b.texts.length && a.texts.every((text, index) => text === b.texts[index]);
}

function tokens(cst: CstNode | undefined): { texts: string[]; hasComment: boolean } | undefined {
    if (!cst) return undefined;
    const texts: string[] = [];
    let hasComment = false;
    for (const node of CstUtils.streamCst(cst)) {
        if (!isLeafCstNode(node)) continue;
        if (node.hidden) hasComment ||= /COMMENT/.test(node.tokenType.name);
        else texts.push(node.text);
    }
    // Comments are hidden tokens the syntax tree keeps only between its own nodes: look at the text too.
    hasComment ||= /\/\/|\/\*/.test(cst.text.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
    return { texts, hasComment };
}
