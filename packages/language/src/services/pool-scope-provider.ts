import { AstUtils, DefaultScopeProvider, MultiMapScope, type ReferenceInfo, type Scope, WorkspaceCache } from 'langium';
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
        return super.getScope(context);
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument<Document>(context.container);
        const key = `${referenceType}\u0000${document.uri.toString()}`;
        return this.importedScopes.get(key, () =>
            new MultiMapScope(this.indexManager.allElements(referenceType, this.imports.closureUris(document))));
    }
}
