import type { AstNode, CompositeCstNode, CstNode, LangiumParser, ParseResult } from 'langium';

/**
 * What is read and changed in Langium's syntax nodes (`cst-node-builder.ts`), whose classes keep
 * these private: a leaf's token positions, a composite's children, its cached range and its
 * syntax tree node, and the root's text. {@link reparseBlock} checks that they are there before
 * changing anything, and parses the whole text if they are not.
 */
interface LeafFields {
    container?: CompositeCstNode;
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

interface CompositeFields {
    container?: CompositeCstNode;
    content: CstNode[];
    _rangeCache: unknown;
    _astNode: AstNode | undefined;
}

interface RootFields extends CompositeFields {
    _text: string;
}

/** A composite holds its children in an array of its own; a leaf has none. */
function isLeaf(node: CstNode): node is CstNode & LeafFields {
    return !Array.isArray((node as Partial<CompositeFields>).content);
}

function hasLeafFields(node: CstNode): boolean {
    const fields = node as unknown as Partial<LeafFields>;
    return (
        typeof fields._offset === 'number' &&
        typeof fields._length === 'number' &&
        typeof fields._startLine === 'number' &&
        typeof fields._startColumn === 'number' &&
        typeof fields._endLine === 'number' &&
        typeof fields._endColumn === 'number'
    );
}

function hasCompositeFields(node: CstNode): boolean {
    return '_rangeCache' in node && '_astNode' in node && Array.isArray((node as unknown as Partial<CompositeFields>).content);
}

/**
 * Calls `visit` with each leaf under `node`, in order; with `forgetRanges`, also forgets each
 * composite's cached range (its leaves are about to move).
 */
function forEachLeaf(node: CstNode, visit: (leaf: CstNode & LeafFields) => void, forgetRanges = false): void {
    if (isLeaf(node)) {
        visit(node);
        return;
    }
    if (forgetRanges) (node as unknown as CompositeFields)._rangeCache = undefined;
    for (const child of (node as unknown as CompositeFields).content) forEachLeaf(child, visit, forgetRanges);
}

/**
 * The declarations' syntax nodes found by {@link allOfClasses} to be made of nodes of the leaf
 * class given with each (and of composites of the node's own class): a declaration kept from one
 * tree to the next keeps its nodes (only their positions move), so it is not walked again at each
 * edit after it. Weak, so that a dropped tree is not kept by it.
 */
const checkedDeclarations = new WeakMap<CstNode, object>();

/** {@link allOfClasses} for a declaration, remembered for the declaration's syntax node. */
function declarationOfClasses(node: CstNode, leaf: object, composite: object): boolean {
    if (checkedDeclarations.get(node) === leaf && Object.getPrototypeOf(node) === composite) return true;
    if (!allOfClasses(node, leaf, composite)) return false;
    checkedDeclarations.set(node, leaf);
    return true;
}

/**
 * Whether every node under `node` is a leaf of `leaf`'s class or a composite of `composite`'s,
 * whose fields were checked on those two: the nodes after the edit are all moved, so all must be
 * known before the first is.
 */
function allOfClasses(node: CstNode, leaf: object, composite: object): boolean {
    const prototype = Object.getPrototypeOf(node) as object;
    if (prototype === leaf) return true;
    if (prototype !== composite) return false;
    for (const child of (node as unknown as CompositeFields).content) if (!allOfClasses(child, leaf, composite)) return false;
    return true;
}

/** Whether the character at `index` is space between tokens (or there is none). */
function spaceOrEdge(text: string, index: number): boolean {
    if (index < 0 || index >= text.length) return true;
    return /\s/.test(text.charAt(index));
}

/**
 * Whether every leaf's line and column are those of its offset in `text`, counting line breaks as
 * Chevrotain does by default (`\n`, `\r\n`, `\r`): true of every token the grammar has, but the
 * positions are moved below by that count, so it is checked rather than assumed.
 */
function positionsAgree(text: string, leaves: readonly LeafFields[]): boolean {
    let line = 0;
    let lineStart = 0;
    let at = 0;
    const advance = (to: number): void => {
        for (; at < to; at++) {
            const char = text.charCodeAt(at);
            if (char === 10 || (char === 13 && text.charCodeAt(at + 1) !== 10)) {
                line++;
                lineStart = at + 1;
            }
        }
    };
    for (const leaf of leaves) {
        if (leaf._offset < at) return false;
        advance(leaf._offset);
        if (leaf._startLine !== line || leaf._startColumn !== leaf._offset - lineStart) return false;
        advance(leaf._offset + leaf._length);
        if (leaf._endLine !== line || leaf._endColumn !== at - lineStart) return false;
    }
    return true;
}

/** How many characters {@link changedSpan} compares at once, as strings, before it compares them one by one. */
const CHUNK = 1024;

/**
 * Where two texts first differ, and where the first's common suffix with the second begins. The
 * common parts are skipped a chunk at a time (a comparison of two strings, made in the engine's
 * own code), then a character at a time within the chunk that differs: comparing a 20,000-line
 * file character by character took a millisecond or two at every keystroke.
 */
function changedSpan(before: string, after: string): { start: number; oldEnd: number } {
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
    while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    let suffix = 0;
    while (
        suffix + CHUNK <= shorter - start &&
        before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)
    )
        suffix += CHUNK;
    while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
    return { start, oldEnd: before.length - suffix };
}

/**
 * The parse of `text` made from the parse of the text before an edit, when the edit lies within
 * one declaration of the file (a partner, a pool, an outcome, ...): that declaration's text is
 * parsed alone with its own rule, its syntax tree put in the place of the old one, and every
 * position after it moved. Undefined whenever that cannot be the whole parse's result for certain,
 * so that the caller parses the whole text: the text before had syntax errors; the edit is not
 * strictly inside one declaration, or touches its first or last character; the declaration is not
 * set apart by space; its new text has a syntax error, ends early or becomes another kind of
 * declaration; or a position would not be the one the whole parse gives.
 *
 * The tree before is changed in place: its declarations other than the edited one are moved to
 * the new tree (a new root, holding them as they were), those after the edit with their positions
 * moved; so it must not be used again. (The edited declaration's old nodes are left as they were,
 * with the text before the edit, for whatever still points at them until it is linked again.)
 */
export function reparseBlock(previous: ParseResult, text: string, parser: LangiumParser): ParseResult | undefined {
    if (previous.parserErrors.length > 0 || previous.lexerErrors.length > 0) return undefined;
    if ((previous.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const oldRoot = previous.value;
    const oldRootCst = oldRoot.$cstNode;
    if (!oldRootCst || oldRootCst.container !== undefined || !hasCompositeFields(oldRootCst) || !('_text' in oldRootCst)) return undefined;
    const oldText = oldRootCst.root.fullText;
    if (oldText === text) return undefined;
    const { start, oldEnd } = changedSpan(oldText, text);

    // The declaration the edit lies strictly inside.
    const siblings = (oldRootCst as unknown as CompositeFields).content;
    let low = 0;
    let high = siblings.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if ((siblings[middle]?.offset ?? Infinity) < start) low = middle;
        else high = middle - 1;
    }
    const index = low;
    const block = siblings[index];
    if (!block || block.hidden || isLeaf(block) || !hasCompositeFields(block)) return undefined;
    if (!(block.offset < start && oldEnd < block.end)) return undefined;
    if (!spaceOrEdge(oldText, block.offset - 1) || !spaceOrEdge(oldText, block.end)) return undefined;
    const oldNode = (block as unknown as CompositeFields)._astNode;
    if (!oldNode || oldNode.$container !== oldRoot || oldNode.$containerProperty === undefined) return undefined;
    const property = oldNode.$containerProperty;
    const list = (oldRoot as unknown as Record<string, unknown>)[property];
    if (!Array.isArray(list) || oldNode.$containerIndex === undefined || list[oldNode.$containerIndex] !== oldNode) return undefined;

    const delta = text.length - oldText.length;
    const blockText = text.slice(block.offset, block.end + delta);
    const sub = parser.parse(blockText, { rule: oldNode.$type });
    if (sub.parserErrors.length > 0 || sub.lexerErrors.length > 0 || (sub.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const newNode = sub.value;
    const newCst = newNode.$cstNode;
    if (newNode.$type !== oldNode.$type || !newCst || !hasCompositeFields(newCst)) return undefined;
    const newLeaves: (CstNode & LeafFields)[] = [];
    let leavesKnown = true;
    forEachLeaf(
        newCst,
        leaf => {
            leavesKnown &&= hasLeafFields(leaf);
            newLeaves.push(leaf);
        },
        true
    );
    const lastNew = newLeaves.at(-1);
    // The declaration's text must be all tokens of it, from its first character to its last.
    if (!leavesKnown || newLeaves[0]?._offset !== 0 || !lastNew || lastNew._offset + lastNew._length !== blockText.length || lastNew.hidden) return undefined;
    if (!positionsAgree(blockText, newLeaves)) return undefined;
    const oldLeaves: (CstNode & LeafFields)[] = [];
    forEachLeaf(block, leaf => {
        leavesKnown &&= hasLeafFields(leaf);
        oldLeaves.push(leaf);
    });
    const firstOld = oldLeaves[0];
    const lastOld = oldLeaves.at(-1);
    if (!leavesKnown || !firstOld || !lastOld || firstOld._offset !== block.offset) return undefined;
    const after = siblings.slice(index + 1);
    const leafClass = Object.getPrototypeOf(firstOld) as object;
    const compositeClass = Object.getPrototypeOf(block) as object;
    if (!after.every(sibling => declarationOfClasses(sibling, leafClass, compositeClass))) return undefined;

    // Nothing has been changed up to here; from here on, nothing can fail.
    const line = firstOld._startLine;
    const column = firstOld._startColumn;
    for (const leaf of newLeaves) {
        if (leaf._startLine === 0) leaf._startColumn += column;
        if (leaf._endLine === 0) leaf._endColumn += column;
        leaf._startLine += line;
        leaf._endLine += line;
        leaf._offset += block.offset;
    }
    const oldEndLine = lastOld._endLine;
    const lines = lastNew._endLine - oldEndLine;
    const columns = lastNew._endColumn - lastOld._endColumn;
    const move = (leaf: LeafFields): void => {
        if (leaf._startLine === oldEndLine) leaf._startColumn += columns;
        if (leaf._endLine === oldEndLine) leaf._endColumn += columns;
        leaf._startLine += lines;
        leaf._endLine += lines;
        leaf._offset += delta;
    };
    for (const sibling of after) forEachLeaf(sibling, move, true);

    // The edited declaration's new syntax node, in the place (and with the grammar element) of the
    // old one, which is left as it was, in the old tree.
    const Composite = (block as object).constructor as new () => CompositeCstNode;
    const replacement = new Composite();
    const target = replacement as unknown as CompositeFields;
    target.content = (newCst as unknown as CompositeFields).content;
    for (const child of target.content) (child as unknown as CompositeFields).container = replacement;
    target._astNode = newNode;
    (replacement as { grammarSource?: unknown }).grammarSource = block.grammarSource;
    (newNode as { $cstNode?: CstNode }).$cstNode = replacement;

    // A new root, so that nothing kept by the old one's identity (its references, its import
    // targets) is taken for this one's.
    const root: Record<string, unknown> = { ...(oldRoot as unknown as Record<string, unknown>) };
    delete root['$document'];
    const replaced = list.slice();
    replaced[oldNode.$containerIndex] = newNode;
    root[property] = replaced;
    const newRoot = root as unknown as AstNode;
    Object.assign(newNode, { $container: newRoot, $containerProperty: property, $containerIndex: oldNode.$containerIndex });
    for (const [key, value] of Object.entries(root)) {
        if (key.startsWith('$') || !Array.isArray(value)) continue;
        for (const child of value as AstNode[]) (child as { $container?: AstNode }).$container = newRoot;
    }
    const RootCst = (oldRootCst as object).constructor as new (input: string) => CompositeCstNode;
    const rootCst = new RootCst(text);
    const rootFields = rootCst as unknown as RootFields;
    rootFields.content = siblings.slice();
    rootFields.content[index] = replacement;
    for (const child of rootFields.content) (child as unknown as CompositeFields).container = rootCst;
    rootFields._astNode = newRoot;
    (rootCst as { grammarSource?: unknown }).grammarSource = oldRootCst.grammarSource;
    (newRoot as { $cstNode?: CstNode }).$cstNode = rootCst;
    return { value: newRoot, parserErrors: [], lexerErrors: [], lexerReport: sub.lexerReport };
}
