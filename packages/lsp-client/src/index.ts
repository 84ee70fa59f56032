import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    type ClientCapabilities,
    ConfigurationRequest,
    createProtocolConnection,
    type Diagnostic,
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    type InitializeResult,
    LogMessageNotification,
    MessageType,
    type ProtocolConnection,
    PublishDiagnosticsNotification,
    type Range,
    RegistrationRequest,
    type RequestType,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

export interface LspClientOptions {
    /** Sent as `initializationOptions`. */
    readonly initializationOptions?: Record<string, unknown>;
    /** The client's `pool` settings: when given, the client says it serves `workspace/configuration` and answers with them. */
    readonly settings?: Record<string, unknown>;
    /** Sent as the `locale` of `initialize`, as VS Code sends its display language. */
    readonly locale?: string;
    /** The arguments after the server's module: `--stdio` unless told (`['lsp']` starts `pool lsp`). */
    readonly arguments?: readonly string[];
    /**
     * The client's capabilities, in place of the ones it declares by default. A client declaring
     * neither `workspace.configuration` nor `dynamicRegistration` must not be asked for them: see `answersRequests`.
     */
    readonly capabilities?: ClientCapabilities;
    /** Whether the client answers the server's requests (configuration, registration, progress); `false` for a minimal client that answers none. */
    readonly answersRequests?: boolean;
    /** Called with the connection before `initialize` is sent, to handle what the server may send from the start (progress, say). */
    readonly onConnection?: (connection: ProtocolConnection) => void;
}

/** Diagnostics the server published for a document, and when they arrived (`performance.now()`). */
export interface Arrival {
    readonly at: number;
    readonly diagnostics: Diagnostic[];
    /** The version of the document's text they were found in, when the server names it (an open document). */
    readonly version?: number;
}

interface Waiter {
    readonly uri: string;
    readonly accept: (arrival: Arrival) => boolean;
    readonly resolve: (arrival: Arrival) => void;
}

/** The requests a server may send its client (LSP 3.17), which a client that answers none receives and leaves unanswered. */
const SERVER_REQUESTS = [
    'workspace/configuration',
    'workspace/workspaceFolders',
    'client/registerCapability',
    'client/unregisterCapability',
    'window/workDoneProgress/create',
    'window/showMessageRequest',
    'window/showDocument',
    'workspace/applyEdit',
    'workspace/codeLens/refresh',
    'workspace/inlayHint/refresh',
    'workspace/inlineValue/refresh',
    'workspace/semanticTokens/refresh',
    'workspace/diagnostic/refresh',
    'workspace/foldingRange/refresh'
];

/** How many publications of one document are kept, for the timing questions about the past; a long fuzz run publishes without end. */
const KEPT_ARRIVALS = 1000;

/** A file's URI as the server sees it. */
export const fileUri = (file: string): string => pathToFileURL(file).toString();

/**
 * A language client over stdio, as an editor runs one: it starts a language server (a Node module
 * speaking LSP on `--stdio`) as its own process and talks to it over a real connection. The tests
 * use it to see what an editor sees; the benchmark to time it, so every publication of diagnostics
 * is kept with the moment it arrived.
 */
export class LspClient {
    private readonly arrivals = new Map<string, Arrival[]>();
    private readonly waiters: Waiter[] = [];
    private readonly versions = new Map<string, number>();
    /** What the server answered to `initialize`. */
    initializeResult: InitializeResult | undefined;
    /** Errors the server logged (`window/logMessage` of type Error): a fault even if it answered. */
    readonly loggedErrors: string[] = [];
    /** Every request the server sent the client, by method, in order (answered or not). */
    readonly requestsFromServer: { readonly method: string; readonly params: unknown }[] = [];
    /** Set when the server process ends. */
    exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

    private constructor(
        private readonly child: ChildProcess,
        readonly connection: ProtocolConnection,
        /** When the server process was started (`performance.now()`). */
        readonly startedAt: number
    ) {
        child.on('exit', (code, signal) => {
            this.exited = { code, signal };
        });
        connection.onNotification(LogMessageNotification.type, params => {
            if (params.type === MessageType.Error) this.loggedErrors.push(params.message);
        });
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.arrived(params.uri, {
                at: performance.now(),
                diagnostics: params.diagnostics,
                ...(params.version === undefined ? {} : { version: params.version })
            });
        });
    }

    /** Starts `server` on the workspace folders, initializes it and says it is initialized. */
    static async start(server: string, workspaceFolders: readonly string[], options: LspClientOptions = {}): Promise<LspClient> {
        const startedAt = performance.now();
        const child = spawn(process.execPath, [server, ...(options.arguments ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'inherit'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const settings = options.settings;
        const client = new LspClient(child, connection, startedAt);
        if (options.answersRequests === false) {
            // Kept, never answered: the server must carry on without an answer.
            for (const method of SERVER_REQUESTS)
                connection.onRequest(method, (params: unknown) => {
                    client.requestsFromServer.push({ method, params });
                    return new Promise<never>(() => undefined);
                });
        } else {
            connection.onRequest(ConfigurationRequest.type, params => {
                client.requestsFromServer.push({ method: ConfigurationRequest.method, params });
                return params.items.map(item => (settings && item.section === 'pool' ? settings : null));
            });
            connection.onRequest(RegistrationRequest.type, params => {
                client.requestsFromServer.push({ method: RegistrationRequest.method, params });
            });
        }
        options.onConnection?.(connection);
        connection.listen();
        client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams still requires it; null defers to workspaceFolders.
            rootUri: null,
            capabilities: options.capabilities ?? {
                textDocument: { publishDiagnostics: { relatedInformation: true } },
                workspace: settings ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {}
            },
            initializationOptions: options.initializationOptions,
            ...(options.locale ? { locale: options.locale } : {}),
            // No folders is a client with no workspace open (a loose file): `null`, as the protocol says.
            workspaceFolders: workspaceFolders.length === 0 ? null : workspaceFolders.map(folder => ({ uri: fileUri(folder), name: path.basename(folder) }))
        });
        await connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    private arrived(uri: string, arrival: Arrival): void {
        const kept = this.arrivals.get(uri) ?? [];
        kept.push(arrival);
        if (kept.length > KEPT_ARRIVALS) kept.splice(0, kept.length - KEPT_ARRIVALS);
        this.arrivals.set(uri, kept);
        for (let i = this.waiters.length - 1; i >= 0; i--) {
            const waiter = this.waiters[i];
            if (waiter?.uri === uri && waiter.accept(arrival)) {
                this.waiters.splice(i, 1);
                waiter.resolve(arrival);
            }
        }
    }

    /** The next publication for `uri` that `accept` takes. */
    private waitFor(uri: string, accept: (arrival: Arrival) => boolean): Promise<Arrival> {
        return new Promise(resolve => this.waiters.push({ uri, accept, resolve }));
    }

    /** How many documents have had diagnostics published. */
    get documentsWithDiagnostics(): number {
        return this.arrivals.size;
    }

    /** The diagnostics published for a file: the latest ones that satisfy `until`, waiting for them if need be. */
    async diagnosticsFor(file: string, until: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
        const uri = fileUri(file);
        const latest = this.arrivals.get(uri)?.at(-1);
        if (latest && until(latest.diagnostics)) return latest.diagnostics;
        return (await this.waitFor(uri, arrival => until(arrival.diagnostics))).diagnostics;
    }

    /** Every publication of diagnostics for a document so far, oldest first. */
    publications(uri: string): readonly Arrival[] {
        return this.arrivals.get(uri) ?? [];
    }

    /** The next diagnostics published for a document. */
    async nextDiagnostics(uri: string): Promise<Diagnostic[]> {
        return (await this.waitFor(uri, () => true)).diagnostics;
    }

    /**
     * The first diagnostics for `uri` published at or after `after` (`performance.now()`, 0 for any)
     * that satisfy `until`, with when they arrived: one already kept, else the next to arrive.
     */
    arrival(uri: string, after: number, until: (arrival: Arrival) => boolean = () => true): Promise<Arrival> {
        const accept = (arrival: Arrival) => arrival.at >= after && until(arrival);
        const already = this.arrivals.get(uri)?.find(accept);
        return already ? Promise.resolve(already) : this.waitFor(uri, accept);
    }

    /**
     * Waits for the first diagnostics of `uri`, then until none has arrived for `quietMs`: the
     * initial workspace check and the check on opening both publish, and the timing of an edit must
     * not catch the second.
     */
    async settled(uri: string, quietMs = 300): Promise<void> {
        await this.arrival(uri, 0);
        for (;;) {
            const last = this.arrivals.get(uri)?.at(-1)?.at ?? 0;
            const wait = last + quietMs - performance.now();
            if (wait <= 0) return;
            await new Promise(resolve => setTimeout(resolve, wait));
        }
    }

    /** Sends new `pool` settings, as an editor does when the user changes them. */
    async changeSettings(settings: Record<string, unknown>): Promise<void> {
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pool: settings } });
    }

    /** Opens a document with the given text, at version 1 (no waiting). */
    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'pool', version: 1, text } });
    }

    /** Opens a file as an editor would, waits for the diagnostics the server publishes for it, and closes it. */
    async openAndWaitForDiagnostics(file: string): Promise<Diagnostic[]> {
        const uri = fileUri(file);
        const published = this.nextDiagnostics(uri);
        await this.open(uri, await readFile(file, 'utf8'));
        const diagnostics = await published;
        await this.close(uri);
        return diagnostics;
    }

    /**
     * Replaces the whole text of an open document and returns the diagnostics published for that
     * text: a late answer about the text before, which the server marks with its older version, is passed over.
     */
    async change(uri: string, version: number, text: string): Promise<Diagnostic[]> {
        const published = this.waitFor(uri, arrival => arrival.version === undefined || arrival.version >= version).then(arrival => arrival.diagnostics);
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        return published;
    }

    /** Replaces `range` of an open document with `text`, at the next version, as typing does; resolves when it is sent. */
    async edit(uri: string, range: Range, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    }

    async close(uri: string): Promise<void> {
        this.versions.delete(uri);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** Sends a request; rejects if no answer comes within `timeoutMs`. */
    request<P, R>(type: RequestType<P, R, unknown>, params: P, timeoutMs: number): Promise<R>;
    /** Sends a request by its method name, with any parameters (a request the protocol does not type, or a malformed one on purpose). */
    request<R = unknown>(method: string, params: unknown, timeoutMs: number): Promise<R>;
    async request(type: RequestType<unknown, unknown, unknown> | string, params: unknown, timeoutMs: number): Promise<unknown> {
        const method = typeof type === 'string' ? type : type.method;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
                reject(new Error(`no answer to ${method} within ${timeoutMs} ms`));
            }, timeoutMs);
        });
        try {
            return await Promise.race([this.connection.sendRequest(method, params), timeout]);
        } finally {
            clearTimeout(timer);
        }
    }

    /** The server's resident memory now, in bytes (Linux `/proc`; undefined elsewhere). */
    residentBytes(): number | undefined {
        try {
            const status = readFileSync(`/proc/${String(this.child.pid)}/status`, 'utf8');
            const match = /VmRSS:\s+(\d+) kB/.exec(status);
            return match ? Number(match[1]) * 1024 : undefined;
        } catch {
            return undefined;
        }
    }

    /** Asks the server to shut down and exit, as an editor does; ends the process if it has not gone within five seconds. */
    async stop(): Promise<void> {
        const exited = new Promise<void>(resolve => {
            if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
            else
                this.child.once('exit', () => {
                    resolve();
                });
        });
        // The wait for the shutdown's answer is cleared once it comes: a five-second timer left behind
        // kept a process that had stopped its last server (the benchmark) from exiting for up to five seconds.
        let answerWait: NodeJS.Timeout | undefined;
        try {
            await Promise.race([
                this.connection.sendRequest(ShutdownRequest.type),
                new Promise(resolve => {
                    answerWait = setTimeout(resolve, 5_000);
                })
            ]);
            await this.connection.sendNotification(ExitNotification.type);
        } catch {
            // The server is gone already.
        } finally {
            clearTimeout(answerWait);
        }
        const timer = setTimeout(() => this.child.kill(), 5_000);
        await exited;
        clearTimeout(timer);
        this.connection.dispose();
    }
}
