import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
    ConfigurationRequest,
    createProtocolConnection,
    type Diagnostic,
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    InitializedNotification,
    InitializeRequest,
    type InitializeResult,
    LogMessageNotification,
    MessageType,
    type ProtocolConnection,
    PublishDiagnosticsNotification,
    RegistrationRequest,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';
import { SERVER } from './paths.js';

export interface LspClientOptions {
    /** Sent as `initializationOptions`. */
    readonly initializationOptions?: Record<string, unknown>;
    /** The client's `pool` settings; when given, the client serves `workspace/configuration`. */
    readonly settings?: Record<string, unknown>;
    /** The server to start (a Node module speaking LSP over stdio); the built `@pool/language-server` unless given. */
    readonly server?: string;
    /** Sent as the `locale` of `initialize`, as VS Code sends its display language. */
    readonly locale?: string;
}

/**
 * A real language client over stdio, for tests that must see what an editor sees: it starts the
 * built language server as a separate process and speaks LSP to it.
 */
export class LspClient {
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly waiters = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
    /** What the server answered to `initialize`. */
    initializeResult: InitializeResult | undefined;
    /** Errors the server logged (window/logMessage of type Error): a fault even if it answered. */
    readonly loggedErrors: string[] = [];
    /** Set when the server process ends. */
    exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

    private constructor(
        private readonly process: ChildProcess,
        readonly connection: ProtocolConnection
    ) {
        process.on('exit', (code, signal) => {
            this.exited = { code, signal };
        });
        connection.onNotification(LogMessageNotification.type, params => {
            if (params.type === MessageType.Error) this.loggedErrors.push(params.message);
        });
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            const waiting = this.waiters.get(params.uri) ?? [];
            this.waiters.delete(params.uri);
            for (const resolve of waiting) resolve(params.diagnostics);
        });
    }

    static async start(workspaceFolders: readonly string[], options: LspClientOptions = {}): Promise<LspClient> {
        const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const settings = options.settings;
        if (settings) {
            connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section === 'pool' ? settings : null)));
        }
        connection.onRequest(RegistrationRequest.type, () => undefined);
        connection.listen();
        const client = new LspClient(child, connection);
        client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams still requires it; null defers to workspaceFolders.
            rootUri: null,
            capabilities: {
                textDocument: { publishDiagnostics: { relatedInformation: true } },
                workspace: settings ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {}
            },
            initializationOptions: options.initializationOptions,
            ...(options.locale ? { locale: options.locale } : {}),
            workspaceFolders: workspaceFolders.map(folder => ({ uri: pathToFileURL(folder).toString(), name: folder }))
        });
        await connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    /** The diagnostics published for a file: the latest ones that satisfy `until`, waiting for them if need be. */
    async diagnosticsFor(file: string, until: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
        const uri = pathToFileURL(file).toString();
        const latest = this.diagnostics.get(uri);
        if (latest && until(latest)) return latest;
        for (;;) {
            const next = await new Promise<Diagnostic[]>(resolve => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]));
            if (until(next)) return next;
        }
    }

    /** Sends new `pool` settings, as an editor does when the user changes them. */
    async changeSettings(settings: Record<string, unknown>): Promise<void> {
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pool: settings } });
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

    /** Opens a document with the given text (no waiting). */
    async open(uri: string, text: string): Promise<void> {
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'pool', version: 1, text } });
    }

    /** Replaces the whole text of an open document and returns the diagnostics published for it next. */
    async change(uri: string, version: number, text: string): Promise<Diagnostic[]> {
        const published = this.nextDiagnostics(uri);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        return published;
    }

    /** The next diagnostics published for a document. */
    nextDiagnostics(uri: string): Promise<Diagnostic[]> {
        return new Promise<Diagnostic[]>(resolve => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]));
    }

    async close(uri: string): Promise<void> {
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** Sends a request; rejects if no answer comes within `timeoutMs`. */
    async request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
                reject(new Error(`no answer to ${method} within ${timeoutMs} ms`));
            }, timeoutMs);
        });
        try {
            return await Promise.race([this.connection.sendRequest<R>(method, params), timeout]);
        } finally {
            clearTimeout(timer);
        }
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
