import { existsSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { defaultAllowedSignersLookup, readAllowedSignersFile, SafeNodeFileSystem } from '@pool/files';
import { type AllowedSigners, isAgreementFileName, type Lang, POOLIGNORE, type PoolServices, SETTINGS_SECTION } from '@pool/language';
import { URI } from 'langium';
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
    const { shared, Pool } = startPoolLanguageServer({ connection, ...SafeNodeFileSystem });
    // Signed approvals are checked against the file `pool.allowedSigners` names, else `.poolsigners`
    // found upward from each agreement, as pool check does with and without --allowed-signers.
    allowedSignersFromTheSetting(connection, shared, Pool);
    watchUnlessTheClientDoes(shared);
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

/** How long file events are gathered before they are passed on together (an editor's save is several events). */
const WATCH_GATHER_MS = 100;

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
        const handler = shared.lsp.DocumentUpdateHandler;
        const waiting = new Map<string, FileEvent>();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const passOn = () => {
            const changes = [...waiting.values()];
            waiting.clear();
            handler.didChangeWatchedFiles?.({ changes });
        };
        for (const folder of folders) {
            try {
                const watcher = watch(folder, { recursive: true }, (_event, name) => {
                    if (!name) return;
                    const file = path.join(folder, name);
                    const base = path.basename(file);
                    if (!isAgreementFileName(base) && base !== POOLIGNORE) return;
                    if (file.split(path.sep).some(part => part === 'node_modules' || part === '.git')) return;
                    const uri = URI.file(file).toString();
                    waiting.set(uri, { uri, type: existsSync(file) ? FileChangeType.Changed : FileChangeType.Deleted });
                    clearTimeout(timer);
                    timer = setTimeout(passOn, WATCH_GATHER_MS);
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
