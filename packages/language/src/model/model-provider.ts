import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { WorkspaceCache } from 'langium';
import type { Document } from '../generated/ast.js';
import { buildAgreementModel } from './build-model.js';
import type { ImportGraph } from './imports.js';
import type { AgreementModel } from './types.js';

/**
 * Hands out the computed model of a document, built once per state of the workspace: any change
 * to any document clears the cache, so a model never mixes old and new text.
 */
export class AgreementModelProvider {
    private readonly cache: WorkspaceCache<string, AgreementModel>;

    constructor(shared: LangiumSharedCoreServices, private readonly imports: () => ImportGraph) {
        this.cache = new WorkspaceCache(shared);
    }

    getModel(document: LangiumDocument<Document>): AgreementModel {
        return this.cache.get(document.uri.toString(), () => buildAgreementModel(document, this.imports()));
    }
}
