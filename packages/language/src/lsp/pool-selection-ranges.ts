import { type CstNode, CstUtils, type LangiumDocument } from 'langium';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';

/**
 * Expand selection (`textDocument/selectionRange`): from the word at each position out through
 * every construct of the syntax that holds it (an amount, its contribution line, the year block,
 * the pool, the file's declarations), each range once. Read from the parser's tree, so it follows
 * the grammar wherever the text parses; a position in no construct selects the whole file.
 */
export function selectionRanges(document: LangiumDocument, positions: readonly Position[]): SelectionRange[] {
    const text = document.textDocument;
    const whole: Range = { start: { line: 0, character: 0 }, end: text.positionAt(text.getText().length) };
    const root = document.parseResult.value.$cstNode;
    return positions.map(position => {
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, text.offsetAt(position)) : undefined;
        // Outermost first (the file's own tree), so each range is the parent of the next.
        const ranges: Range[] = [];
        const chain: CstNode[] = [];
        for (let node: CstNode | undefined = leaf; node; node = node.container) chain.push(node);
        for (const node of chain.reverse()) {
            const last = ranges[ranges.length - 1];
            if (!last || (!sameRange(last, node.range) && contains(last, node.range))) ranges.push(node.range);
        }
        let selection: SelectionRange | undefined;
        for (const range of ranges) selection = selection ? { range, parent: selection } : { range };
        return selection ?? { range: whole };
    });
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: Range, inner: Range): boolean {
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
