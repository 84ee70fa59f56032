import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import type { Document } from '../generated/ast.js';
import type { PoolServices } from './pool-module.js';

/**
 * A document's meaning depends on the files it imports even where it names nothing in them (a
 * duplicate id, a new file at a missing import's path), so a change to an imported file re-checks
 * every file that imports it.
 */
export class PoolDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) {
            return true;
        }
        const services = this.serviceRegistry.getServices(document.uri) as PoolServices;
        return services.pool?.ImportGraph.dependsOn(document as LangiumDocument<Document>, changedUris) ?? false;
    }
}
