import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    DefaultScopeProvider,
    EMPTY_SCOPE,
    type IndexManager,
    type LangiumDocument,
    MultiMapScope,
    type ReferenceInfo,
    type Scope,
    type Stream,
    stream,
    WorkspaceCache
} from 'langium';
import { type Document, isContribution, isPool, isSpendLine, isSpendMinimum, isStreamShare, type Pool } from '../generated/ast.js';
import type { ImportGraph } from '../model/imports.js';
import type { PoolCoreServices } from './pool-core-module.js';

/**
 * Names are visible in the file that declares them and in every file that imports it, directly or
 * transitively; nothing else in the workspace is visible. Ring-fences are visible in the spend
 * lines of their own pool.
 *
 * The scopes mean exactly what Langium's default ones mean (the names declared in each enclosing
 * node, innermost first, then the imports), but each is built once per node and reference type
 * and looks names up in a map: the default builds a fresh chain of filtered streams for every
 * reference and scans it, which made linking a 20,000-line agreement quadratic in its names.
 */
/**
 * Names that live inside a pool (ring-fences, funding streams, purposes) are visible where that
 * pool is written about: its own body, and the spend blocks that name it. The nodes in scope, or
 * undefined for any other reference.
 */
function poolNamesFor(context: ReferenceInfo): readonly AstNode[] | undefined {
    const { container, property } = context;
    const spendPool = (line: AstNode | undefined): Pool | undefined => (isSpendLine(line) ? line.$container?.pool?.ref : undefined);
    if (isSpendLine(container) && property === 'ringfences') return spendPool(container)?.ringfences ?? [];
    if (isSpendLine(container) && property === 'purposes') return spendPool(container)?.purposes ?? [];
    if (isStreamShare(container)) return spendPool(container.$container)?.streams ?? [];
    if (isContribution(container) && property === 'stream') {
        const pool = container.$container?.$container;
        return isPool(pool) ? (pool.streams ?? []) : [];
    }
    if (isSpendMinimum(container) && property === 'stream') return container.$container?.streams ?? [];
    if (isSpendMinimum(container) && property === 'purpose') return container.$container?.purposes ?? [];
    return undefined;
}

export class PoolScopeProvider extends DefaultScopeProvider {
    private readonly imports: ImportGraph;
    private readonly importedScopes: WorkspaceCache<string, Scope>;
    /**
     * Per document and reference type: the scope seen from each node that declares names. Keyed by
     * the document itself, not a string made of its address, which was made and hashed again for
     * every reference linked.
     */
    private readonly nodeScopes: WorkspaceCache<LangiumDocument, Map<string, Map<AstNode, Scope>>>;
    /** Position of each document in the index, which orders the imported names as the index does. */
    private readonly indexOrder: WorkspaceCache<string, Map<string, number>>;
    /** Per reference type and file: the names the file declares. */
    private readonly fileScopes: WorkspaceCache<string, FileScope>;

    constructor(services: PoolCoreServices) {
        super(services);
        this.imports = services.pool.ImportGraph;
        this.importedScopes = new WorkspaceCache(services.shared);
        this.nodeScopes = new WorkspaceCache(services.shared);
        this.indexOrder = new WorkspaceCache(services.shared);
        this.fileScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const inPool = poolNamesFor(context);
        if (inPool !== undefined) return this.createScopeForNodes(inPool);
        let referenceType: string;
        try {
            referenceType = this.reflection.getReferenceType(context);
        } catch {
            // While text is half-typed, error recovery can leave a node where the grammar expects a
            // name (completion then asks for the scope of, say, an amount): nothing is in scope.
            return EMPTY_SCOPE;
        }
        const document = AstUtils.getDocument<Document>(context.container);
        const localSymbols = document.localSymbols;
        if (!localSymbols) return this.getGlobalScope(referenceType, context);
        const byType = this.nodeScopes.get(document, () => new Map());
        let scopes = byType.get(referenceType);
        if (!scopes) {
            scopes = new Map();
            byType.set(referenceType, scopes);
        }
        // The nearest enclosing node that declares names decides the scope.
        let current: AstNode | undefined = context.container;
        while (current && !localSymbols.has(current)) current = current.$container;
        if (!current) return this.getGlobalScope(referenceType, context);
        return this.scopeAt(current, referenceType, context, scopes);
    }

    /** The scope seen from `node` (which declares names): its own names, then those of the nodes around it, then the imports. */
    private scopeAt(node: AstNode, referenceType: string, context: ReferenceInfo, scopes: Map<AstNode, Scope>): Scope {
        const cached = scopes.get(node);
        if (cached) return cached;
        // The scope computation gives every document its local symbols before linking; without them no name is visible.
        const localSymbols = AstUtils.getDocument(node).localSymbols;
        if (!localSymbols) return EMPTY_SCOPE;
        let outer: AstNode | undefined = node.$container;
        while (outer && !localSymbols.has(outer)) outer = outer.$container;
        const outerScope = outer ? this.scopeAt(outer, referenceType, context, scopes) : this.getGlobalScope(referenceType, context);
        const own = localSymbols
            .getStream(node)
            .filter(description => this.reflection.isSubtype(description.type, referenceType))
            .toArray();
        const scope = own.length > 0 ? new IndexedScope(own, outerScope) : outerScope;
        scopes.set(node, scope);
        return scope;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument<Document>(context.container);
        const key = `${referenceType}\u0000${document.uri.toString()}`;
        return this.importedScopes.get(key, () => {
            // Langium's index can list one file's names; an index that cannot is asked for all of them.
            const describe = (this.indexManager as IndexManager & { getFileDescriptions?: FileDescriptions }).getFileDescriptions?.bind(this.indexManager);
            if (!describe) {
                return new MultiMapScope(this.indexManager.allElements(referenceType, this.imports.closureUris(document)));
            }
            // One scope per file, shared by every file that imports it (a register imported by a
            // thousand agreements is mapped once), chained in the index's order of documents.
            const files = this.visibleDocuments(document, describe).map(uri =>
                this.fileScopes.get(`${referenceType}\u0000${uri}`, () => {
                    const descriptions = describe(uri, referenceType);
                    return { descriptions, scope: new MultiMapScope(descriptions) };
                })
            );
            return new ImportedScope(files);
        });
    }

    /**
     * This document and everything it imports that declares names, in the index's order of
     * documents (as `IndexManager.allElements` gives them) but without walking the whole index.
     */
    private visibleDocuments(document: LangiumDocument<Document>, describe: FileDescriptions): string[] {
        const uris = this.imports.closureUris(document);
        let order = this.indexOrder.get('', () => this.documentsInIndexOrder());
        // Documents indexed since the order was taken (the editor checks open files before the rest).
        if ([...uris].some(uri => !order.has(uri) && describe(uri).length > 0)) {
            order = this.documentsInIndexOrder();
            this.indexOrder.set('', order);
        }
        return [...uris]
            .flatMap(uri => {
                const position = order.get(uri);
                return position === undefined ? [] : [{ uri, position }];
            })
            .sort((a, b) => a.position - b.position)
            .map(({ uri }) => uri);
    }

    /** Each document with exported names, by its position in the index. */
    private documentsInIndexOrder(): Map<string, number> {
        const positions = new Map<string, number>();
        let position = 0;
        for (const description of this.indexManager.allElements()) {
            const uri = description.documentUri.toString();
            if (!positions.has(uri)) positions.set(uri, position++);
        }
        return positions;
    }
}

/**
 * A scope over a fixed list of names with a map for lookups; in every other respect (order of
 * `getAllElements`, the first declaration of a name winning, falling back to the outer scope) the
 * same as Langium's `StreamScope`.
 */
class IndexedScope implements Scope {
    private readonly byName = new Map<string, AstNodeDescription[]>();

    constructor(
        private readonly elements: readonly AstNodeDescription[],
        private readonly outerScope: Scope
    ) {
        for (const element of elements) {
            const list = this.byName.get(element.name);
            if (list) list.push(element);
            else this.byName.set(element.name, [element]);
        }
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name)?.[0] ?? this.outerScope.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.byName.get(name) ?? []).concat(this.outerScope.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.elements).concat(this.outerScope.getAllElements());
    }
}

type FileDescriptions = (uri: string, nodeType?: string) => AstNodeDescription[];

interface FileScope {
    readonly descriptions: readonly AstNodeDescription[];
    readonly scope: MultiMapScope;
}

/**
 * The names declared in a file and the files it imports: each file's own map, asked in turn, so
 * the first declaration of a name in the files' order wins, exactly as in one `MultiMapScope` over
 * all of them (which `getAllElements` still builds, for the order completion lists them in).
 */
class ImportedScope implements Scope {
    private combined: MultiMapScope | undefined;

    constructor(private readonly files: readonly FileScope[]) {}

    getElement(name: string): AstNodeDescription | undefined {
        for (const file of this.files) {
            const found = file.scope.getElement(name);
            if (found) return found;
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.files).flatMap(file => file.scope.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        this.combined ??= new MultiMapScope(this.files.flatMap(file => file.descriptions));
        return this.combined.getAllElements();
    }
}
