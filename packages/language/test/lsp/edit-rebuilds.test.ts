import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { afterEach, assert, describe, expect, it, vi } from 'vitest';
import { createPoolServices } from '../../src/services/pool-module.js';
import { PoolDocumentUpdateHandler } from '../../src/lsp/pool-document-update-handler.js';

/**
 * When the editor's edits are checked. The pause the server waits for in a burst of edits is a
 * timer, which these tests hold still (fake timers): an edit checked without the timer advancing
 * did not wait for it.
 */
describe('an edit in the editor', () => {
    const text = 'agreement "A" {\n    period 2015/16 to 2015/16\n    board "B"\n}\npartner council "C" council\n';

    async function editor() {
        const { shared } = createPoolServices(EmptyFileSystem);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const handler = shared.lsp.DocumentUpdateHandler;
        assert(handler instanceof PoolDocumentUpdateHandler);
        const builder = shared.workspace.DocumentBuilder;
        const uri = URI.parse('file:///workspace/a.pool');
        const documents = shared.workspace.TextDocuments;
        let version = 1;
        const edit = (next: string) => {
            const document = TextDocument.create(uri.toString(), 'pool', version++, next);
            documents.set(document);
            handler.didChangeContent({ document });
        };
        edit(text);
        await builder.waitUntil(DocumentState.Validated, uri);
        // Longer than a burst's gap since that edit, as between a person's keystrokes.
        await new Promise(resolve => setTimeout(resolve, 50));
        const update = vi.spyOn(builder, 'update');
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const checkedText = async () => {
            await builder.waitUntil(DocumentState.Validated, uri);
            return shared.workspace.LangiumDocuments.getDocument(uri)?.parseResult.value.$cstNode?.root.fullText;
        };
        return { edit, update, checkedText };
    }

    /** Lets what is already due run (promises, I/O), but no timer: the pause does not run out. */
    const settle = () => new Promise(resolve => setImmediate(resolve));

    afterEach(() => {
        vi.useRealTimers();
    });

    it('is checked at once after a quiet spell, without waiting for a pause in typing', async () => {
        const { edit, update, checkedText } = await editor();
        const typed = text.replace('"B"', '"Board"');
        edit(typed);
        await settle();
        expect(update).toHaveBeenCalledTimes(1);
        expect(await checkedText()).toBe(typed);
    });

    it('in a burst of fifty edits is checked twice, not fifty times, ending with the last text', async () => {
        const { edit, update, checkedText } = await editor();
        let current = text;
        for (let i = 0; i < 50; i++) {
            current = current.replace(/"B[^"]*"/, `"B${i}"`);
            edit(current);
        }
        // The first edit is checked at once; the rest of the burst waits for the pause.
        await settle();
        expect(update).toHaveBeenCalledTimes(1);
        await vi.advanceTimersByTimeAsync(1000);
        expect(await checkedText()).toBe(current);
        expect(update).toHaveBeenCalledTimes(2);
    });
});
