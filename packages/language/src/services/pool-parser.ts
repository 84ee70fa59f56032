import type { IToken } from 'chevrotain';
import { type CompositeCstNode, type CstNode, CstNodeBuilder, createLangiumParser, type LangiumCoreServices, type LangiumParser } from 'langium';

/** What the builder changes in a node: Langium's own implementation types are not exported. */
interface MutableCstNode {
    container?: CompositeCstNode;
    content: CstNode[];
}

/**
 * Langium's syntax-tree builder, in time and stack linear in the size of the file.
 *
 * Langium's adds hidden tokens (comments, spaces) with `push(...nodes)` and `splice(i, 0,
 * ...nodes)`: one function argument per node, so past about 120,000 comment lines in a row the
 * stack overflows and the file cannot be parsed at all. And before each declaration it looks for
 * the declaration among its parent's children from the first, which is quadratic in the number of
 * declarations (most of the time of checking a register of 130,000 partners). This one adds
 * nodes in plain loops and looks from the end, where the node being built is.
 */
class LinearCstNodeBuilder extends CstNodeBuilder {
    /** How many of the lexer's hidden tokens have been taken (see {@link hiddenBefore}), by list. */
    private readonly taken = new WeakMap<IToken[], number>();

    /**
     * The hidden tokens before a token, from the lexer's list. Langium's parser takes them with
     * `splice(0, n)`, which moves the rest of the list each time: quadratic in the number of
     * comments (120,000 commented lines took nine seconds). This remembers where it got to instead.
     */
    hiddenBefore(hidden: IToken[], offset: number): IToken[] {
        const start = this.taken.get(hidden) ?? 0;
        let end = start;
        for (let token = hidden[end]; token !== undefined && token.startOffset <= offset; token = hidden[end]) end++;
        this.taken.set(hidden, end);
        return hidden.slice(start, end);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        const nodes: CstNode[] = [];
        // At the end the parser adds the lexer's whole list: only what was not taken before.
        for (const token of tokens.slice(this.taken.get(tokens) ?? 0)) nodes.push(this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A node not yet holding anything: the hidden tokens go just before it, in the nearest
        // ancestor where it (or the ancestor holding it) is not the first child.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        this.insertChildren(current, 0, nodes);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        const target = parent as unknown as MutableCstNode;
        for (const child of children) (child as unknown as MutableCstNode).container = parent;
        if (target.content.length === 0) {
            target.content = children.slice();
        } else {
            for (const child of children) target.content.push(child);
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        const target = parent as unknown as MutableCstNode;
        for (const child of children) (child as unknown as MutableCstNode).container = parent;
        const after = target.content.splice(index);
        for (const child of children) target.content.push(child);
        for (const node of after) target.content.push(node);
    }
}

/** Langium's parser, building its syntax tree with {@link LinearCstNodeBuilder}, in linear time. */
export function createPoolParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const builder = new LinearCstNodeBuilder();
    // The builder and the taking of hidden tokens are private parts of Langium's parser, replaced
    // here and nowhere else; test/hostile/pathological-times.test.ts fails if they stop working.
    const internals = parser as unknown as { nodeBuilder: CstNodeBuilder; lexerResult: { hidden: IToken[] }; extractHiddenTokens: (token: IToken) => IToken[] };
    internals.nodeBuilder = builder;
    internals.extractHiddenTokens = token => builder.hiddenBefore(internals.lexerResult.hidden, token.startOffset);
    return parser;
}
