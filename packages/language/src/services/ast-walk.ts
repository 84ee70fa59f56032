import { type AstNode, isAstNode, isMultiReference, isReference, type ReferenceInfo } from 'langium';

/*
 * Plain loops over a syntax tree, visiting exactly what Langium's `streamAst` and
 * `streamReferences` visit, in the same order (depth first, each node's properties in key order),
 * without their lazy streams: on a 20,000-line agreement those streams were a large part of the
 * time of every keystroke. packages/language/test/ast-walk.test.ts holds them to the same results.
 */

/** Every node of the tree, the root first, in the order of `AstUtils.streamAst`. */
export function allNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        forEachChild(node, visit);
    };
    visit(root);
    return nodes;
}

/** The nodes directly contained in `node`, in the order of `AstUtils.streamContents`. */
export function forEachChild(node: AstNode, visit: (child: AstNode) => void): void {
    const record = node as unknown as Record<string, unknown>;
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value = record[property];
        if (isAstNode(value)) {
            visit(value);
        } else if (Array.isArray(value)) {
            for (const element of value) {
                if (isAstNode(element)) visit(element);
            }
        }
    }
}

/** The cross-references held by `node`, in the order of `AstUtils.streamReferences`. */
export function forEachReference(node: AstNode, visit: (reference: ReferenceInfo) => void): void {
    const record = node as unknown as Record<string, unknown>;
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value = record[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element, index) => {
                if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
            });
        }
    }
}

/** The references of each syntax tree, found once: by its root. */
const referencesByTree = new WeakMap<AstNode, readonly ReferenceInfo[]>();
/** The references under each declaration (each child of a root), found once: by the declaration. */
const referencesByDeclaration = new WeakMap<AstNode, readonly ReferenceInfo[]>();

/**
 * Every cross-reference of the tree, in the order of `streamAst` and `streamReferences`, walked
 * once per tree: the linker and the index's reference descriptions both go through them after
 * every keystroke, and a tree's references never change once it is parsed (linking fills in
 * their targets, which are read from them when used). They are found declaration by declaration,
 * and a declaration's are kept with it: an edit inside one declaration makes a new tree that keeps
 * the others (see `reparseBlock`), whose references are not looked for again.
 */
export function referencesOf(root: AstNode): readonly ReferenceInfo[] {
    let found = referencesByTree.get(root);
    if (!found) {
        const references: ReferenceInfo[] = [];
        forEachReference(root, reference => references.push(reference));
        forEachChild(root, declaration => {
            let under = referencesByDeclaration.get(declaration);
            if (!under) {
                const list: ReferenceInfo[] = [];
                for (const node of allNodes(declaration)) forEachReference(node, reference => list.push(reference));
                referencesByDeclaration.set(declaration, (under = list));
            }
            for (const reference of under) references.push(reference);
        });
        referencesByTree.set(root, (found = references));
    }
    return found;
}
