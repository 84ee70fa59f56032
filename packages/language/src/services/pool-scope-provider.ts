import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMapScope, type ReferenceInfo, type Scope, WorkspaceCache } from 'langium';
import { type Document, isSpendLine } from '../generated/ast.js';
import type { ImportGraph } from '../model/imports.js';
import type { PoolServices } from './pool-module.js';

/**
 * Names are visible in the file that declares them and in every file that imports it, directly or
 * transitively; nothing else in the workspace is visible. Ring-fences are visible in the spend
 * lines of their own pool.
 */
export class PoolScopeProvider extends DefaultScopeProvider {
    private readonly imports: ImportGraph;
    private readonly importedScopes: WorkspaceCache<string, Scope>;

    constructor(services: PoolServices) {
        super(services);
        this.imports = services.pool.ImportGraph;
        this.importedScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        if (isSpendLine(context.container) && context.property === 'ringfences') {
            const pool = context.container.$container?.pool?.ref;
            return this.createScopeForNodes(pool?.ringfences ?? []);
        }
        if (!this.isReference(context)) {
            // While text is half-typed, error recovery can leave a node where the grammar expects a
            // name (completion then asks for the scope of, say, an amount): nothing is in scope.
            return EMPTY_SCOPE;
        }
        return super.getScope(context);
    }

    private isReference(context: ReferenceInfo): boolean {
        try {
            this.reflection.getReferenceType(context);
            return true;
        } catch {
            return false;
        }
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument<Document>(context.container);
        const key = `${referenceType}\u0000${document.uri.toString()}`;
        return this.importedScopes.get(key, () =>
            new MultiMapScope(this.indexManager.allElements(referenceType, this.imports.closureUris(document))));
    }
}
