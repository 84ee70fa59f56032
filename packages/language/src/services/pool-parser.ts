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
export class LinearCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        const nodes: CstNode[] = [];
        for (const token of tokens) nodes.push(this.createLeafNode(token, true));
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

/** Langium's parser, building its syntax tree with {@link LinearCstNodeBuilder}. */
export function createPoolParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // The builder is a private field of Langium's parser; replaced here, the only place that does.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new LinearCstNodeBuilder();
    return parser;
}
