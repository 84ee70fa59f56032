import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { assert, describe, expect, it } from 'vitest';
import { createPoolServices } from '../../src/services/pool-module.js';
import { PoolDocumentBuilder } from '../../src/services/pool-document-builder.js';

/**
 * An editor sends an edit and at once a request (typing `host ` triggers completion). The request
 * must be answered from the edited text: while the rebuild that takes the edit in is still queued
 * behind a running build, the document's state is that of the old text.
 */
describe('a request about a document the editor has just changed', () => {
    const before = 'agreement "A" {\n    period 2015/16 to 2015/16\n    board "B"\n}\npartner council "C" council\n';
    const after = before.replace('    board "B"', '    host ');

    it('waits for the rebuild of the edit instead of answering from the text before it', async () => {
        const { shared } = createPoolServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        expect(builder).toBeInstanceOf(PoolDocumentBuilder);
        assert(builder instanceof PoolDocumentBuilder);
        const uri = URI.parse('file:///workspace/a.pool');
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'pool', 1, before));
        await builder.update([uri], []);
        const document = shared.workspace.LangiumDocuments.getDocument(uri)!;
        expect(document.state).toBeGreaterThanOrEqual(DocumentState.Linked);

        // The edit arrives; its rebuild is not yet running.
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'pool', 2, after));
        builder.textChanged(uri);
        let parsedText: string | undefined;
        const answered = builder.waitUntil(DocumentState.Linked, uri).then(() => {
            parsedText = document.parseResult.value.$cstNode?.root.fullText;
        });
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(parsedText, 'answered from the text before the edit').toBeUndefined();

        await builder.update([uri], []);
        await answered;
        expect(parsedText).toBe(after);
    });

    it('is cancelled with the request while it waits', async () => {
        const { shared } = createPoolServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        assert(builder instanceof PoolDocumentBuilder);
        const uri = URI.parse('file:///workspace/b.pool');
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'pool', 1, before));
        await builder.update([uri], []);
        builder.textChanged(uri);
        const { CancellationTokenSource } = await import('vscode-languageserver');
        const source = new CancellationTokenSource();
        const waiting = builder.waitUntil(DocumentState.Linked, uri, source.token);
        source.cancel();
        await expect(waiting).rejects.toThrow();
        // The next rebuild still lets later requests through.
        await builder.update([uri], []);
        await expect(builder.waitUntil(DocumentState.Linked, uri)).resolves.toBe(uri);
    });
});

/**
 * Found by the language-server fuzz: a question about a file (an outline, folding, formatting)
 * went unanswered until that file was next edited. The build that parsed the file was cancelled
 * right then, by the rebuild for an edit of another file whose pause ran out during the parse;
 * Langium then skipped telling the rest of the listeners, and later builds skip a state the file
 * already has, so the question waiting for it was never told.
 */
describe('a build cancelled just as a document reaches a state', () => {
    const text = 'partner council "C" council\n';

    it('still tells every request waiting for that document, and the build stops', async () => {
        const { shared } = createPoolServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        assert(builder instanceof PoolDocumentBuilder);
        const uri = URI.parse('file:///workspace/register.pool');
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'pool', 1, text));
        await builder.update([uri], []);

        // The edit, a request waiting for the document to be parsed with it, and a rebuild of it.
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'pool', 2, `${text}// edited\n`));
        builder.textChanged(uri);
        const { CancellationTokenSource } = await import('vscode-languageserver');
        const build = new CancellationTokenSource();
        // The next write arrives the moment the document is parsed: the first listener told cancels the build.
        const cancelling = builder.onDocumentPhase(DocumentState.Parsed, () => {
            build.cancel();
        });
        const rebuild = builder.update([uri], [], build.token);
        let told = false;
        const waiting = builder.waitUntil(DocumentState.Parsed, uri).then(() => {
            told = true;
        });
        await rebuild.catch(() => undefined);
        cancelling.dispose();
        // Nothing else is coming for this document: the request must have been told already.
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(told, 'the request waiting for the document was never told it was parsed').toBe(true);
        await waiting;
        const document = shared.workspace.LangiumDocuments.getDocument(uri)!;
        expect(document.parseResult.value.$cstNode?.root.fullText).toBe(`${text}// edited\n`);
        // The cancelled build stopped where it was: the document went no further than parsed.
        expect(document.state).toBe(DocumentState.Parsed);
    });
});
