import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocument } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import { PoolDocumentBuilder } from '../services/pool-document-builder.js';

/**
 * Forgets a document when the editor closes it and nothing else says it is Pool: an untitled
 * buffer ("Pool: New agreement") has no `.pool` name, so once closed its language is unknown, and
 * keeping it would make the next rebuild fail (and the server exit). Closed files on disk stay:
 * other files may import them.
 */
export class PoolDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    /** Requests about the document wait for the rebuild of this change (see PoolDocumentBuilder). */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.documentBuilder instanceof PoolDocumentBuilder) this.documentBuilder.textChanged(URI.parse(change.document.uri));
        super.didChangeContent(change);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.serviceRegistry.hasServices(uri)) this.fireDocumentUpdate([], [uri]);
    }
}
