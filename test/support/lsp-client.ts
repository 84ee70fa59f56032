import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, type Diagnostic, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification,
    InitializeRequest, type ProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node';
import { SERVER } from './paths.js';

/**
 * A real language client over stdio, for tests that must see what an editor sees: it starts the
 * built language server as a separate process and speaks LSP to it.
 */
export class LspClient {
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly waiters = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();

    private constructor(private readonly process: ChildProcess, readonly connection: ProtocolConnection) {
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            const waiting = this.waiters.get(params.uri) ?? [];
            this.waiters.delete(params.uri);
            for (const resolve of waiting) resolve(params.diagnostics);
        });
    }

    static async start(workspaceFolders: readonly string[]): Promise<LspClient> {
        const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        connection.listen();
        const client = new LspClient(child, connection);
        await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: null,
            capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
            workspaceFolders: workspaceFolders.map(folder => ({ uri: pathToFileURL(folder).toString(), name: folder }))
        });
        await connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    /** Opens a file as an editor would and waits for the diagnostics the server publishes for it. */
    async openAndWaitForDiagnostics(file: string): Promise<Diagnostic[]> {
        const uri = pathToFileURL(file).toString();
        const text = await readFile(file, 'utf8');
        const published = new Promise<Diagnostic[]>(resolve => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]));
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'pool', version: 1, text } });
        const diagnostics = await published;
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        return diagnostics;
    }

    async stop(): Promise<void> {
        try {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
        } finally {
            this.connection.dispose();
            this.process.kill();
        }
    }
}
