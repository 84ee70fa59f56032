import { SafeNodeFileSystem } from '@pool/files';
import type { Lang } from '@pool/language';
import {
    type Connection,
    createConnection,
    createServerPipeTransport,
    createServerSocketTransport,
    IPCMessageReader,
    IPCMessageWriter,
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
    const { Pool } = startPoolLanguageServer({ connection, ...SafeNodeFileSystem });
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
