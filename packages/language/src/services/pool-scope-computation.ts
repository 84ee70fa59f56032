import {
    type AstNode,
    type AstNodeDescription,
    Cancellation,
    DefaultScopeComputation,
    interruptAndCheck,
    type LangiumDocument,
    type LocalSymbols,
    MultiMap
} from 'langium';
import { forEachChild } from './ast-walk.js';

/**
 * The names each node makes visible inside it. Langium's default walks the whole tree and records
 * every named node under its container, including the thousands of spend lines (named by their
 * text) that nothing can refer to. Here only the file's declarations are recorded, in the same
 * order: partners, pools and outcomes, all children of the file, which are all a reference can
 * name. (A ring-fence is found through its pool by the scope provider, never through these.)
 */
export class PoolScopeComputation extends DefaultScopeComputation {
    /**
     * A declaration's description, made once: it is both exported (for importers) and a local
     * name, and a second copy for each of a register's 160,000 partners was 140 MB. Kept with the
     * root of the tree it was made in: a declaration an edit elsewhere left in place (see
     * `reparseBlock`) has moved, and its description works out its place once.
     */
    private readonly described = new WeakMap<AstNode, { readonly root: AstNode; readonly description: AstNodeDescription }>();

    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        const name = this.nameProvider.getName(node);
        if (name) exports.push(this.describe(node, name, document));
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const container = node.$container;
        const name = container ? this.nameProvider.getName(node) : undefined;
        if (container && name) symbols.add(container, this.describe(node, name, document));
    }

    private describe(node: AstNode, name: string, document: LangiumDocument): AstNodeDescription {
        const root = document.parseResult.value;
        const kept = this.described.get(node);
        const known = kept?.root === root ? kept.description : undefined;
        if (known && known.name === name && known.documentUri.toString() === document.uri.toString()) return known;
        const description = this.descriptions.createDescription(node, name, document);
        this.described.set(node, { root, description });
        return description;
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        await interruptAndCheck(cancelToken);
        return this.localSymbolsNow(document);
    }

    /** The same, at once: for a syntax tree parsed again outside a build (see {@link PoolDocumentBuilder}). */
    localSymbolsNow(document: LangiumDocument): LocalSymbols {
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        forEachChild(root, node => {
            this.addLocalSymbol(node, document, symbols);
        });
        return symbols;
    }
}
