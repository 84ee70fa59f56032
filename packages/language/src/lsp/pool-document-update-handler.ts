import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocument } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

/**
 * Forgets a document when the editor closes it and nothing else says it is Pool: an untitled
 * buffer ("Pool: New agreement") has no `.pool` name, so once closed its language is unknown, and
 * keeping it would make the next rebuild fail (and the server exit). Closed files on disk stay:
 * other files may import them.
 */
export class PoolDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.serviceRegistry.hasServices(uri)) this.fireDocumentUpdate([], [uri]);
    }
}
