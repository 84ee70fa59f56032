import { defaultAllowedSignersLookup, SafeNodeFileSystem } from '@pool/files';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startPoolLanguageServer } from './common.js';

// The Pool language server over stdio or IPC (the client chooses with --stdio / --node-ipc), reading
// files from disk as pool check does (@pool/files).
const connection = createConnection(ProposedFeatures.all);
const { Pool } = startPoolLanguageServer({ connection, ...SafeNodeFileSystem });
// Signed approvals are checked against `.poolsigners` found upward from each agreement, as pool check does.
Pool.pool.AllowedSigners.set(defaultAllowedSignersLookup(false));

// The last line of defence: a fault no handler caught is a bug in Pool, reported to the client's
// log, but it does not stop the server, which goes on serving every other document.
process.on('uncaughtException', error => {
    connection.console.error(`Pool language server: ${error.stack ?? error.message}`);
});
process.on('unhandledRejection', reason => {
    connection.console.error(`Pool language server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
