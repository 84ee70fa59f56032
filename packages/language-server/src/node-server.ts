import { existsSync, watch } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultAllowedSignersLookup, SafeNodeFileSystem, writeFileSafely } from '@pool/files';
import { isAgreementFileName, type Lang, POOLIGNORE, type PoolServices } from '@pool/language';
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import {
    type Connection,
    createConnection,
    createServerPipeTransport,
    createServerSocketTransport,
    IPCMessageReader,
    IPCMessageWriter,
    type FileEvent,
    FileChangeType,
    ProposedFeatures
} from 'vscode-languageserver/node';
import { startPoolLanguageServer } from './common.js';
import type { ReportWriter } from './report-command.js';

/**
 * How the server talks to its editor, as vscode-languageserver offers: standard input and output,
 * Node's IPC channel (a client that forked the server), a TCP port on this machine the client
 * listens on, or a named pipe (a Unix socket) the client listens on.
 */
export type PoolServerTransport =
    | { readonly kind: 'stdio' }
    | { readonly kind: 'node-ipc' }
    | { readonly kind: 'socket'; readonly port: number }
    | { readonly kind: 'pipe'; readonly name: string };

function connect(transport: PoolServerTransport | undefined): Connection {
    switch (transport?.kind) {
        // No transport named: vscode-languageserver reads it from the command line (--stdio, --node-ipc, --socket=, --pipe=).
        case undefined:
            return createConnection(ProposedFeatures.all);
        case 'stdio':
            return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
        case 'node-ipc':
            return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
        case 'socket': {
            const [reader, writer] = createServerSocketTransport(transport.port);
            return createConnection(ProposedFeatures.all, reader, writer);
        }
        case 'pipe': {
            const [reader, writer] = createServerPipeTransport(transport.name);
            return createConnection(ProposedFeatures.all, reader, writer);
        }
    }
}

/**
 * Starts the Pool language server in this Node process, reading files from disk as pool check
 * does (@pool/files). `node.ts` (the extension's and the tests' server) and `pool lsp` both start it
 * here. `language` is the language of its messages when the client names none. The process ends when the client sends `exit` or closes the connection.
 */
export function startNodeLanguageServer(transport?: PoolServerTransport, options: { readonly language?: Lang } = {}): Connection {
    const connection = connect(transport);
    const { shared, Pool } = startPoolLanguageServer({ connection, ...SafeNodeFileSystem, reports: privateReportFolder() });
    // Signed approvals are checked against `.poolsigners` found upward from each agreement, as pool check does.
    Pool.pool.AllowedSigners.set(defaultAllowedSignersLookup(false));
    watchUnlessTheClientDoes(shared);
    watchLooseFileFolders(shared, Pool);
    // The language of its messages until the client's `initialize` names one (`locale`).
    if (options.language) Pool.pool.Settings.setLanguage(options.language);

    // The last line of defence: a fault no handler caught is a bug in Pool, reported to the client's
    // log, but it does not stop the server, which goes on serving every other document.
    process.on('uncaughtException', error => {
        connection.console.error(`Pool language server: ${error.stack ?? error.message}`);
    });
    process.on('unhandledRejection', reason => {
        connection.console.error(`Pool language server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
    });
    return connection;
}

/**
 * Where the reports `pool.showReport` shows are written: a folder of the server's own, made on first
 * use under the system's temporary folder with a name no one can guess (`mkdtemp`, readable by this
 * user only), one file per agreement, replaced whole each time it is shown (`@pool/files`' writer). Nothing beside the agreement
 * is written, so showing a report never touches the workspace.
 */
function privateReportFolder(): ReportWriter {
    let folder: Promise<string> | undefined;
    return async (name, html) => {
        folder ??= mkdtemp(path.join(tmpdir(), 'pool-reports-'));
        // The agreement's file name, kept to letters, digits, dots, dashes and underscores.
        const file = path.join(await folder, `${name.replace(/[^\w.-]+/g, '-') || 'agreement'}.html`);
        await writeFileSafely(file, html, { mode: 0o600 });
        return pathToFileURL(file).toString();
    };
}

/** How long file events are gathered before they are passed on together (an editor's save is several events). */
const WATCH_GATHER_MS = 100;

/**
 * Takes in a change to a file seen on disk (an agreement or a `.poolignore`; anything else is
 * ignored) as if the client had sent it (`workspace/didChangeWatchedFiles`), gathered for a moment.
 */
function fileEventsTo(shared: LangiumSharedServices): (file: string) => void {
    const waiting = new Map<string, FileEvent>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const passOn = () => {
        const changes = [...waiting.values()];
        waiting.clear();
        shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
    };
    return file => {
        const base = path.basename(file);
        if (!isAgreementFileName(base) && base !== POOLIGNORE) return;
        const uri = URI.file(file).toString();
        waiting.set(uri, { uri, type: existsSync(file) ? FileChangeType.Changed : FileChangeType.Deleted });
        clearTimeout(timer);
        timer = setTimeout(passOn, WATCH_GATHER_MS);
    };
}

/**
 * A file opened from outside every workspace folder (a loose file) reads its imports from its own
 * folder, which no watcher of the client covers (a client watches its workspace folders, if any).
 * So, whatever the client can watch, the server watches the folders that an open loose file and
 * the files it imports (or names in an import that finds nothing yet) lie in, for as long as the
 * file is open: each folder by itself, not what is below it, since a loose file may sit in a
 * home folder. A changed register then re-checks the file, as in a workspace.
 */
function watchLooseFileFolders(shared: LangiumSharedServices, Pool: PoolServices): void {
    let roots: string[] = [];
    shared.lsp.LanguageServer.onInitialize(params => {
        roots = (params.workspaceFolders ?? [])
            .map(folder => URI.parse(folder.uri))
            .filter(uri => uri.scheme === 'file')
            .map(uri => uri.fsPath);
    });
    const inWorkspace = (file: string) => roots.some(root => !path.relative(root, file).startsWith('..'));
    const watched = new Map<string, ReturnType<typeof watch>>();
    const noteChange = fileEventsTo(shared);
    const update = () => {
        const wanted = new Set<string>();
        for (const open of shared.workspace.TextDocuments.all()) {
            const uri = URI.parse(open.uri);
            if (uri.scheme !== 'file' || inWorkspace(uri.fsPath)) continue;
            wanted.add(path.dirname(uri.fsPath));
            const document = shared.workspace.LangiumDocuments.getDocument(uri);
            if (!document) continue;
            const imports = Pool.pool.ImportGraph;
            for (const reached of imports.closure(document as Parameters<typeof imports.closure>[0])) {
                wanted.add(path.dirname(reached.uri.fsPath));
                for (const resolved of imports.directImports(reached)) if (resolved.uri.scheme === 'file') wanted.add(path.dirname(resolved.uri.fsPath));
            }
        }
        for (const [folder, watcher] of watched) {
            if (wanted.has(folder)) continue;
            watcher.close();
            watched.delete(folder);
        }
        for (const folder of wanted) {
            if (watched.has(folder) || inWorkspace(folder) || !existsSync(folder)) continue;
            try {
                const watcher = watch(folder, (_event, name) => {
                    if (name) noteChange(path.join(folder, name));
                });
                watcher.on('error', () => {
                    watcher.close();
                    watched.delete(folder);
                });
                watcher.unref();
                watched.set(folder, watcher);
            } catch (error) {
                console.error(`Pool cannot watch ${folder} for changes: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    };
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, update);
    shared.workspace.TextDocuments.onDidClose(() => {
        // After the closed document has left the list of open ones.
        setTimeout(update, 0);
    });
}

/**
 * The static fallback of file watching: a client that cannot register watchers dynamically
 * (`workspace.didChangeWatchedFiles.dynamicRegistration`) would never say that an imported
 * register or a `.poolignore` changed on disk, so the server watches its workspace folders itself
 * (Node's recursive `fs.watch`) and takes the changes in as if the client had sent them.
 */
function watchUnlessTheClientDoes(shared: LangiumSharedServices): void {
    let folders: string[] = [];
    let clientWatches = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
        folders = (params.workspaceFolders ?? [])
            .map(folder => URI.parse(folder.uri))
            .filter(uri => uri.scheme === 'file')
            .map(uri => uri.fsPath);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (clientWatches) return;
        const noteChange = fileEventsTo(shared);
        for (const folder of folders) {
            try {
                const watcher = watch(folder, { recursive: true }, (_event, name) => {
                    if (!name) return;
                    const file = path.join(folder, name);
                    if (file.split(path.sep).some(part => part === 'node_modules' || part === '.git')) return;
                    noteChange(file);
                });
                watcher.on('error', error => {
                    console.error(`Pool stopped watching ${folder} for changes: ${error.message}`);
                });
                watcher.unref();
            } catch (error) {
                console.error(`Pool cannot watch ${folder} for changes: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    });
}
