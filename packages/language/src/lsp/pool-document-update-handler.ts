import { type FileSystemProvider, URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import { PoolDocumentBuilder } from '../services/pool-document-builder.js';
import { PoolDocumentFactory } from '../services/pool-document-factory.js';
import { FileRefusedError } from '../text/agreement-file.js';

/**
 * Forgets a document when the editor closes it and nothing else says it is Pool: an untitled
 * buffer ("Pool: New agreement") has no `.pool` name, so once closed its language is unknown, and
 * keeping it would make the next rebuild fail (and the server exit). Closed files on disk stay:
 * other files may import them.
 */
export class PoolDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly factory: PoolDocumentFactory | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        const factory = services.workspace.LangiumDocumentFactory;
        this.factory = factory instanceof PoolDocumentFactory ? factory : undefined;
    }

    /** A file opened or saved is read from disk as pool check would read it (see {@link checkOnDisk}). */
    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        void this.checkOnDisk(event.document.uri);
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        void this.checkOnDisk(event.document.uri);
    }

    /**
     * The editor decodes a file as it likes (replacement characters, a guessed Latin-1), while
     * `pool check` refuses one that is not UTF-8: so the file on disk is read as the CLI reads it,
     * and while it is not UTF-8 text the editor shows the same error the CLI gives instead of
     * checking what the editor made of it.
     */
    private async checkOnDisk(uriText: string): Promise<void> {
        const uri = URI.parse(uriText);
        if (uri.scheme !== 'file' || !this.factory) return;
        let refusal;
        try {
            await this.fileSystem.readFile(uri);
        } catch (error) {
            if (error instanceof FileRefusedError && error.refusal.kind === 'not-text') refusal = error.refusal;
        }
        if (this.factory.setRefusalOnDisk(uri, refusal)) this.fireDocumentUpdate([uri], []);
    }

    /** Requests about the document wait for the rebuild of this change (see PoolDocumentBuilder). */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.documentBuilder instanceof PoolDocumentBuilder) this.documentBuilder.textChanged(URI.parse(change.document.uri));
        super.didChangeContent(change);
    }


    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // Closed, it is read from disk again, and refused there if it must be.
        this.factory?.setRefusalOnDisk(uri, undefined);
        if (!this.serviceRegistry.hasServices(uri)) this.fireDocumentUpdate([], [uri]);
    }
}
