import { DocumentState, type LangiumDocument, type LangiumSharedCoreServices, type TextDocumentProvider } from 'langium';
import type { Document } from '../generated/ast.js';
import { buildAgreementModel } from './build-model.js';
import type { ImportGraph } from './imports.js';
import type { AgreementModel } from './types.js';
import type { AllowedSigners } from './allowed-signers.js';
import { KeptReadings } from './values.js';

/**
 * Where signed approvals' allowed signers come from. The checks read no files (they also run in a
 * browser), so the CLI (`--allowed-signers FILE`, or `.poolsigners` found upward from
 * the agreement) and the language server read the file and set the lookup here before checking.
 */
export class AllowedSignersSource {
    private lookup: (documentUri: string) => AllowedSigners | undefined = () => undefined;

    /** Sets how a document's allowed signers are found; models built afterwards use it. */
    set(lookup: (documentUri: string) => AllowedSigners | undefined): void {
        this.lookup = lookup;
    }

    forDocument(documentUri: string): AllowedSigners | undefined {
        return this.lookup(documentUri);
    }
}

/** How many models of files not open in an editor are kept, the most recently used first. */
export const RECENT_MODELS = 32;

/**
 * Hands out the computed model of a document, built once per state of the workspace: any change
 * to any document clears them all, so a model never mixes old and new text.
 *
 * The models of files open in the editor are kept (hovers, lenses and hints read them on every
 * request); of the rest only the most recently used few: each is needed once, to check its file,
 * and keeping a model for every file of a large workspace held most of the server's memory.
 *
 * A model is kept only if it was built from linked documents. A request can ask for the model of a
 * document that a rebuild has parsed again but not yet linked (rename looks for a clash in every
 * file that sees the renamed one): kept, that model, with its references unresolved, was what
 * the checks then read, and the editor showed findings `pool check` did not (the language-server
 * fuzz found it).
 */
export class AgreementModelProvider {
    private readonly models = new Map<string, AgreementModel>();
    /** What the models built so far read from declarations alone, for the next (an edit leaves most declarations' syntax nodes as they were). */
    private readonly readings = new KeptReadings();
    private readonly textDocuments: TextDocumentProvider | undefined;

    constructor(
        shared: LangiumSharedCoreServices,
        private readonly imports: () => ImportGraph,
        private readonly signers: () => AllowedSignersSource = () => new AllowedSignersSource()
    ) {
        this.textDocuments = shared.workspace.TextDocuments;
        shared.workspace.DocumentBuilder.onUpdate(() => {
            this.models.clear();
        });
    }

    getModel(document: LangiumDocument<Document>): AgreementModel {
        const key = document.uri.toString();
        let model = this.models.get(key);
        if (model) {
            // Most recently used last.
            this.models.delete(key);
        } else {
            model = buildAgreementModel(document, this.imports(), this.signers().forDocument(document.uri.toString()), this.readings);
            if (
                !this.imports()
                    .closure(document)
                    .every(each => each.state >= DocumentState.Linked)
            )
                return model;
        }
        this.models.set(key, model);
        this.forgetLeastRecent();
        return model;
    }

    private forgetLeastRecent(): void {
        let closed = 0;
        for (const key of this.models.keys()) {
            if (!this.isOpen(key)) closed++;
        }
        for (const key of this.models.keys()) {
            if (closed <= RECENT_MODELS) break;
            if (this.isOpen(key)) continue;
            this.models.delete(key);
            closed--;
        }
    }

    private isOpen(uri: string): boolean {
        return this.textDocuments?.get(uri) !== undefined;
    }
}
