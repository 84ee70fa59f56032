import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
    createProtocolConnection,
    InitializeRequest,
    type InitializeResult,
    ShutdownRequest,
    SocketMessageReader,
    SocketMessageWriter
} from 'vscode-languageserver-protocol/node';
import { LspClient } from '../../lsp-client/src/index.js';

const POOL = path.resolve(import.meta.dirname, '../bin/pool.js');

/** Listens where `pool lsp --socket`/`--pipe` connects, and initializes the server that connects. */
async function initializeOver(listen: (server: Server) => void, args: (server: Server) => string[]): Promise<InitializeResult> {
    const server = createServer();
    const connected = new Promise<Socket>(resolve => server.once('connection', resolve));
    listen(server);
    await new Promise(resolve => server.once('listening', resolve));
    const child = spawn(process.execPath, [POOL, 'lsp', ...args(server)], { stdio: ['ignore', 'ignore', 'inherit'] });
    try {
        const socket = await connected;
        const connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
        connection.listen();
        const result = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams still requires it; null defers to workspaceFolders.
            rootUri: null,
            capabilities: {},
            workspaceFolders: null
        });
        await connection.sendRequest(ShutdownRequest.type);
        connection.dispose();
        socket.destroy();
        return result;
    } finally {
        child.kill();
        server.close();
    }
}

describe('pool lsp', () => {
    let client: LspClient | undefined;
    const folders: string[] = [];
    afterEach(async () => {
        await client?.stop();
        client = undefined;
        for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    });

    it('serves the protocol over standard input and output by default, naming itself', async () => {
        client = await LspClient.start(POOL, [], { arguments: ['lsp'] });
        expect(client.initializeResult?.serverInfo?.name).toBe('pool');
        expect(client.initializeResult?.capabilities.hoverProvider).toBe(true);
    });

    it('connects to an editor listening on a TCP port (--socket=PORT)', async () => {
        const result = await initializeOver(
            server => server.listen(0, '127.0.0.1'),
            server => [`--socket=${String((server.address() as { port: number }).port)}`]
        );
        expect(result.capabilities.definitionProvider).toBe(true);
    });

    it('connects to an editor listening on a named pipe (--pipe=NAME)', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'pool-lsp-'));
        folders.push(folder);
        const pipe = path.join(folder, 'pool.sock');
        const result = await initializeOver(
            server => server.listen(pipe),
            () => [`--pipe=${pipe}`]
        );
        expect(result.capabilities.renameProvider).toBeTruthy();
    });
});
