import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection,
    type Diagnostic,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    type ProtocolConnection,
    PublishDiagnosticsNotification,
    RegistrationRequest,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';
import { at } from './checked.js';

/**
 * The language server as editors run it: the bundled server the VS Code extension ships, when it
 * is built, else the server package's own entry point.
 */
export function languageServerEntry(repo: string): string {
    const candidates = ['packages/extension/dist/server.cjs', 'packages/language-server/out/node.js'].map(file => path.join(repo, file));
    const found = candidates.find(file => existsSync(file));
    if (!found) throw new Error(`the language server is not built (looked for ${candidates.join(' and ')}); run pnpm build`);
    return found;
}

/** A published diagnostics notification and when it arrived (performance.now()). */
export interface Arrival {
    readonly at: number;
    readonly diagnostics: Diagnostic[];
}

/**
 * A language client over stdio that records when diagnostics arrive, for timing what an editor
 * waits for: it starts the server as its own process, as an editor does.
 */
export class TimingLspClient {
    /** When the server process was spawned (performance.now()). */
    readonly startedAt: number;
    private readonly arrivals = new Map<string, Arrival[]>();
    private readonly waiters: { uri: string; after: number; until: (arrival: Arrival) => boolean; resolve: (arrival: Arrival) => void }[] = [];
    private versions = new Map<string, number>();

    private constructor(
        private readonly child: ChildProcess,
        private readonly connection: ProtocolConnection,
        startedAt: number
    ) {
        this.startedAt = startedAt;
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            const arrival = { at: performance.now(), diagnostics: params.diagnostics };
            const list = this.arrivals.get(params.uri) ?? [];
            list.push(arrival);
            this.arrivals.set(params.uri, list);
            for (let i = this.waiters.length - 1; i >= 0; i--) {
                const waiter = at(this.waiters, i);
                if (waiter.uri === params.uri && arrival.at >= waiter.after && waiter.until(arrival)) {
                    this.waiters.splice(i, 1);
                    waiter.resolve(arrival);
                }
            }
        });
        connection.onRequest(RegistrationRequest.type, () => undefined);
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    }

    static async start(serverEntry: string, workspaceFolder: string): Promise<TimingLspClient> {
        const startedAt = performance.now();
        const child = spawn(process.execPath, [serverEntry, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        connection.listen();
        const client = new TimingLspClient(child, connection, startedAt);
        await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams still requires it; null defers to workspaceFolders.
            rootUri: null,
            capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
            workspaceFolders: [{ uri: pathToFileURL(workspaceFolder).toString(), name: path.basename(workspaceFolder) }]
        });
        await connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    /** How many files have had diagnostics published. */
    get filesWithDiagnostics(): number {
        return this.arrivals.size;
    }

    /** Resolves with the first diagnostics for `file` published at or after `after` that satisfy `until`. */
    nextDiagnostics(file: string, after: number, until: (arrival: Arrival) => boolean = () => true): Promise<Arrival> {
        const uri = pathToFileURL(file).toString();
        const already = this.arrivals.get(uri)?.find(arrival => arrival.at >= after && until(arrival));
        if (already) return Promise.resolve(already);
        return new Promise(resolve => this.waiters.push({ uri, after, until, resolve }));
    }

    /**
     * Waits for the first diagnostics of `file`, then until none has arrived for `quietMs`: the
     * initial workspace check and the check on opening both publish, and an edit's timing must
     * not catch the second.
     */
    async settled(file: string, quietMs = 300): Promise<void> {
        await this.nextDiagnostics(file, 0);
        const uri = pathToFileURL(file).toString();
        for (;;) {
            const arrivals = this.arrivals.get(uri) ?? [];
            const last = at(arrivals, arrivals.length - 1).at;
            const wait = last + quietMs - performance.now();
            if (wait <= 0) return;
            await new Promise(resolve => setTimeout(resolve, wait));
        }
    }

    async open(file: string, text = readFileSync(file, 'utf8')): Promise<void> {
        const uri = pathToFileURL(file).toString();
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'pool', version: 1, text } });
    }

    /** Sends an incremental edit replacing the range with `text`; resolves when it is sent. */
    async edit(file: string, line: number, character: number, endCharacter: number, text: string): Promise<void> {
        const uri = pathToFileURL(file).toString();
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: { line, character }, end: { line, character: endCharacter } }, text }]
        });
    }

    /** The server's resident memory now, in bytes (Linux /proc; undefined elsewhere). */
    residentBytes(): number | undefined {
        try {
            const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
            const match = /VmRSS:\s+(\d+) kB/.exec(status);
            return match ? Number(match[1]) * 1024 : undefined;
        } catch {
            return undefined;
        }
    }

    async stop(): Promise<void> {
        const exited = new Promise<void>(resolve => {
            if (this.child.exitCode !== null) resolve();
            else
                this.child.once('exit', () => {
                    resolve();
                });
        });
        try {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, 5_000))]);
            await this.connection.sendNotification(ExitNotification.type);
        } catch {
            // The server is gone already.
        }
        const timer = setTimeout(() => this.child.kill(), 5_000);
        await exited;
        clearTimeout(timer);
        this.connection.dispose();
    }
}
