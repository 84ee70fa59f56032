import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
    CodeLensRequest,
    ExecuteCommandRequest,
    MessageType,
    ShowDocumentRequest,
    type ShowDocumentParams,
    ShowMessageNotification,
    type ShowMessageParams
} from 'vscode-languageserver-protocol';
import { LspClient } from '../packages/lsp-client/src/index.js';
import { SERVER } from './support/paths.js';
import { scratchFolder } from './support/scratch.js';

/**
 * The code lens over a pool runs a command any editor can run: the server's `pool.showReport`,
 * through `workspace/executeCommand`. Tried from the plain LSP client (not VS Code): the server
 * writes the report and asks the client to open it when the client says it can show documents,
 * says where it is when the client cannot, and leaves the lens to the client's own command when
 * the client names one.
 */

const AGREEMENT = `agreement "Anytown Better Care Fund" {
    period 2015/16 to 2015/16
    host council
}
partner council "Anytown Council" council
partner nhs "NHS Anytown CCG" health
pool bcf "Better Care Fund" pooled {
    2015/16 {
        council £1,200,000
        nhs       £500,000
    }
}
`;

const root = scratchFolder({ 'anytown.pool': AGREEMENT }, 'pool-lens-');
const uri = pathToFileURL(path.join(root, 'anytown.pool')).toString();
let client: LspClient | undefined;
/** The folders the server wrote reports into, removed after the tests. */
const written: string[] = [];

afterEach(async () => {
    await client?.stop();
    client = undefined;
});

afterAll(() => {
    for (const folder of [root, ...written]) rmSync(folder, { recursive: true, force: true });
});

async function lensCommand(started: LspClient) {
    await started.open(uri, AGREEMENT);
    const lenses = await started.request(CodeLensRequest.type, { textDocument: { uri } }, 20_000);
    expect(lenses).toHaveLength(1);
    return lenses![0].command!;
}

/** Runs a lens's command as an editor does, and reads the report it wrote. */
async function run(started: LspClient, command: { command: string; arguments?: unknown[] }) {
    const result = await started.request<{ uri: string; shown: boolean }>(
        ExecuteCommandRequest.method,
        { command: command.command, arguments: command.arguments },
        30_000
    );
    const file = fileURLToPath(result.uri);
    written.push(path.dirname(file));
    return { result, file, html: readFileSync(file, 'utf8') };
}

describe('the code lens command, from a client that is not VS Code', () => {
    it('is the server’s own command, announced in executeCommandProvider, and opens the report outside the editor', async () => {
        client = await LspClient.start(SERVER, [root], { capabilities: { window: { showDocument: { support: true } } } });
        const started = client;
        expect(started.initializeResult?.capabilities.executeCommandProvider?.commands).toEqual(['pool.showReport']);
        const shown: ShowDocumentParams[] = [];
        started.connection.onRequest(ShowDocumentRequest.type, params => {
            shown.push(params);
            return { success: true };
        });
        const command = await lensCommand(started);
        expect(command).toEqual({ title: '£1,700,000 in, £0 spent — open report', command: 'pool.showReport', arguments: [uri] });

        const { result, file, html } = await run(started, command);
        expect(result.shown).toBe(true);
        expect(shown).toEqual([{ uri: result.uri, external: true }]);
        expect(path.basename(file)).toBe('anytown.html');
        // Beside nothing of the user's: in a folder of the server's own, readable by this user only.
        expect(path.dirname(file)).not.toBe(root);
        expect(existsSync(path.join(root, 'anytown.html'))).toBe(false);
        expect(readFileSync(file).length).toBeGreaterThan(0);
        expect(html).toContain('<html');
        expect(html).toContain('Anytown Better Care Fund');
        expect(html).toContain('£1,700,000');
    });

    it('says where the report is when the client cannot show documents', async () => {
        client = await LspClient.start(SERVER, [root], { locale: 'cy' });
        const started = client;
        const messages: ShowMessageParams[] = [];
        started.connection.onNotification(ShowMessageNotification.method, (params: ShowMessageParams) => {
            messages.push(params);
        });
        const command = await lensCommand(started);
        expect(command.command).toBe('pool.showReport');
        const { result, file, html } = await run(started, command);
        expect(result.shown).toBe(false);
        expect(started.requestsFromServer.map(request => request.method)).not.toContain(ShowDocumentRequest.method);
        // In the client's language, as the report is.
        expect(html).toContain('lang="cy"');
        await expect.poll(() => messages).toEqual([{ type: MessageType.Info, message: `Mae'r adroddiad yn ${file}; agorwch ef mewn porwr gwe.` }]);
    });

    it('refuses a command without a document, in one line, and the server carries on', async () => {
        client = await LspClient.start(SERVER, [root]);
        await expect(client.request(ExecuteCommandRequest.method, { command: 'pool.showReport', arguments: [] }, 20_000)).rejects.toThrow(
            'pool.showReport needs the URI of a Pool agreement the language server has open or in its workspace'
        );
        await expect(
            client.request(ExecuteCommandRequest.method, { command: 'pool.showReport', arguments: ['file:///nowhere/x.pool'] }, 20_000)
        ).rejects.toThrow('file:///nowhere/x.pool is not a Pool agreement the language server has open or in its workspace');
        expect((await lensCommand(client)).command).toBe('pool.showReport');
    });

    it('runs the client’s own report command when the client names one (the VS Code extension’s preview)', async () => {
        client = await LspClient.start(SERVER, [root], { initializationOptions: { reportCommand: 'pool.openReportPreview' } });
        expect((await lensCommand(client)).command).toBe('pool.openReportPreview');
    });
});
