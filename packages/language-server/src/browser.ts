/// <reference lib="webworker" />
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { ClientFileSystemProvider } from './client-file-system.js';
import { startPoolLanguageServer } from './common.js';

// The Pool language server in a web worker (VS Code for the Web, the playground). Same services and
// requests as the Node server; only the connection and the file system differ: files are read through
// the client, so imports resolve against the editor's own file system.
declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const fileSystem = new ClientFileSystemProvider(connection);
const { shared } = startPoolLanguageServer({ connection, fileSystemProvider: () => fileSystem });
// A changed file must be read again from the client, not answered from what it said before.
shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
    fileSystem.forget(params.changes.map(change => change.uri));
});

// The last line of defence, as in the Node server: a fault no handler caught is logged, and the
// worker goes on.
self.addEventListener('unhandledrejection', event => {
    event.preventDefault();
    connection.console.error(`Pool language server: ${event.reason instanceof Error ? (event.reason.stack ?? event.reason.message) : String(event.reason)}`);
});
