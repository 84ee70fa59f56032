import { existsSync, statSync, watch } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { defaultAllowedSignersLookup, readAllowedSignersFile, SafeNodeFileSystem, writeFileSafely } from '@pool/files';
import { type AllowedSigners, isAgreementFileName, type Lang, POOLIGNORE, PoolDocumentBuilder } from '@pool/language';
import { type PoolServices, SETTINGS_SECTION } from '@pool/language/editor';
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
    // Signed approvals are checked against the file `pool.allowedSigners` names, else `.poolsigners`
    // found upward from each agreement, as pool check does with and without --allowed-signers.
    allowedSignersFromTheSetting(connection, shared, Pool);
    watchUnlessTheClientDoes(shared);
    watchLooseFileFolders(shared, Pool);
    collectGarbageAfterDroppedTrees(shared);
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

/** How many syntax trees builds must drop for the server to collect its garbage at once. */
const COLLECT_AFTER_DROPPED_TREES = 100;

/**
 * Once a build has dropped the syntax trees of many closed files (the workspace read at start, the
 * importers of a register re-checked), what they held is garbage that V8 collects only when it
 * next needs room, and the server's resident memory stays where the build took it: on a workspace
 * of 1,000 agreements about 450 to 690 MB, against about 180 to 215 MB after a collection that
 * also gives the emptied heap back to the system. So the server asks for one then, once per such
 * build (a keystroke drops no tree): V8's "last resort" full collection where the runtime knows it
 * (Node 22), else a plain full one (which frees the heap but keeps its pages). Node gives the
 * collector to code only with `--expose-gc`, which is set here for a context of its own; where
 * that is refused, nothing is collected early.
 */
function collectGarbageAfterDroppedTrees(shared: LangiumSharedServices): void {
    const builder = shared.workspace.DocumentBuilder;
    if (!(builder instanceof PoolDocumentBuilder)) return;
    const collect = fullCollector();
    if (!collect) return;
    // Counted across builds: an edit can cancel a build that had dropped many.
    let dropped = 0;
    builder.onTreesDropped(count => {
        dropped += count;
        if (dropped < COLLECT_AFTER_DROPPED_TREES) return;
        dropped = 0;
        setImmediate(collect);
    });
}

function fullCollector(): (() => void) | undefined {
    try {
        v8.setFlagsFromString('--expose-gc');
        const gc = vm.runInNewContext('gc') as unknown;
        if (typeof gc !== 'function') return undefined;
        const collect = gc as (options?: { type: string; execution: string; flavor: string }) => void;
        return () => {
            const before = process.memoryUsage().heapUsed;
            collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
            // A runtime that does not know these options collects nothing with them.
            if (process.memoryUsage().heapUsed >= before) collect();
        };
    } catch {
        return undefined;
    }
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

/** A file's size and time of change, to notice an edit without reading it. */
function stampOf(file: string): string {
    try {
        const info = statSync(file);
        return `${String(info.size)}:${String(info.mtimeMs)}`;
    } catch {
        return 'unreadable';
    }
}

/**
 * `pool.allowedSigners`: the allowed-signers file named by the setting, a path relative to the
 * workspace folder a document is in (or absolute), read by the same code as
 * `pool check --allowed-signers` (`readAllowedSignersFile`). Read when the setting is first known
 * and whenever it changes, and again when the file changes on disk (noticed when a model is next
 * built); each read checks every document again. A file that cannot be read is logged and counts
 * as none, so a signed approval is then an error, never trusted. Without the setting, `.poolsigners`
 * is found upward from each agreement.
 */
function allowedSignersFromTheSetting(connection: Connection, shared: LangiumSharedServices, Pool: PoolServices): void {
    const fallback = defaultAllowedSignersLookup(false);
    let folders: string[] = [];
    let setting: string | undefined;
    /** What each file the setting names held when last read, and its stamp then. */
    const read = new Map<string, { readonly signers: AllowedSigners | undefined; readonly stamp: string }>();
    const reading = new Set<string>();

    const fileFor = (documentUri: string): string | undefined => {
        if (setting === undefined) return undefined;
        if (path.isAbsolute(setting)) return setting;
        const uri = URI.parse(documentUri);
        const document = uri.scheme === 'file' ? uri.fsPath : undefined;
        const folder = folders.find(candidate => document !== undefined && !path.relative(candidate, document).startsWith('..')) ?? folders[0];
        return folder === undefined ? undefined : path.resolve(folder, setting);
    };

    const recheckAll = async (): Promise<void> => {
        const uris = shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        // As if every document had changed: the models (which hold the signers) are built again, then checked.
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token));
    };

    /** Reads the file, then checks every document again with what it now holds. */
    const load = async (file: string, shown: string): Promise<void> => {
        if (reading.has(file)) return;
        reading.add(file);
        const stamp = stampOf(file);
        let signers: AllowedSigners | undefined;
        try {
            signers = await readAllowedSignersFile(file, shown);
        } catch (error) {
            connection.console.error(
                `Pool: cannot read the allowed-signers file ${shown} (pool.allowedSigners): ${error instanceof Error ? error.message : String(error)}`
            );
        }
        read.set(file, { signers, stamp });
        reading.delete(file);
        await recheckAll();
    };

    Pool.pool.AllowedSigners.set(documentUri => {
        const file = fileFor(documentUri);
        if (file === undefined || setting === undefined) return fallback(documentUri);
        const known = read.get(file);
        if (known?.stamp !== stampOf(file)) void load(file, setting);
        return known?.signers;
    });

    const settingChanged = async (): Promise<void> => {
        const now = await Pool.pool.Settings.allowedSigners();
        if (now === setting) return;
        setting = now;
        read.clear();
        if (now === undefined) return recheckAll();
        const files = path.isAbsolute(now) ? [now] : folders.map(folder => path.resolve(folder, now));
        for (const file of new Set(files)) await load(file, now);
    };
    shared.lsp.LanguageServer.onInitialize(params => {
        folders = (params.workspaceFolders ?? [])
            .map(folder => URI.parse(folder.uri))
            .filter(uri => uri.scheme === 'file')
            .map(uri => uri.fsPath);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        void settingChanged();
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === SETTINGS_SECTION) void settingChanged();
    });
}
