import {
    type BuildOptions,
    Cancellation,
    DefaultWorkspaceManager,
    DocumentState,
    interruptAndCheck,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type Stream,
    stream,
    type TextDocumentProvider,
    URI
} from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import type { Document } from '../generated/ast.js';
import { ImportGraph } from '../model/imports.js';

/**
 * Reads every `.pool` file in the workspace folders at start and checks them all, so problems
 * show for files not yet opened and an agreement is checked with everything it imports.
 * (Langium's initial build does not validate unless asked.)
 *
 * The files already open in the editor, with what they import, are read and checked first, so
 * their problems show within a moment of starting even in a workspace of a thousand files. A
 * file's checks see only it and its imports, so checking them first gives the same diagnostics.
 */
/** How long to let the editor's first notifications (the files it opens) arrive before reading the workspace. */
const OPEN_FILES_GRACE_MS = 20;

export class PoolWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
    private readonly textDocuments: TextDocumentProvider | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.textDocuments = services.workspace.TextDocuments;
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const documents = await this.performStartup(folders);
        await interruptAndCheck(cancelToken);
        // As Langium does, but the open files were checked already: checking them again would only
        // publish the same diagnostics twice.
        await this.documentBuilder.build(
            documents.filter(document => document.state < DocumentState.Validated),
            this.initialBuildOptions,
            cancelToken
        );
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        // An editor opens its files right after starting the server; let notifications already
        // received be handled, so that those files are known to be open.
        await new Promise(resolve => setTimeout(resolve, OPEN_FILES_GRACE_MS));
        const all = uris.toArray();
        const inWorkspace = new Map(all.map(uri => [uri.toString(), uri]));
        const first: LangiumDocument[] = [];
        const queue = all.filter(uri => this.textDocuments?.get(uri.toString()) !== undefined);
        const loaded = new Set<string>();
        for (let uri = queue.shift(); uri !== undefined; uri = queue.shift()) {
            if (loaded.has(uri.toString())) continue;
            loaded.add(uri.toString());
            const document = await this.langiumDocuments.getOrCreateDocument(uri);
            collector(document);
            first.push(document);
            for (const node of (document.parseResult.value as Document).imports ?? []) {
                const target = inWorkspace.get(ImportGraph.targetUri(document, node.path ?? '').toString());
                if (target) queue.push(target);
            }
        }
        if (first.length > 0) {
            await this.documentBuilder.build(first, this.initialBuildOptions);
        }
        await super.loadWorkspaceDocuments(
            stream(all).filter(uri => !loaded.has(uri.toString())),
            collector
        );
    }
}
