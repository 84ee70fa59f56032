import { startNodeLanguageServer } from './node-server.js';

// The Pool language server over stdio, IPC, a socket or a pipe, as the command line says
// (--stdio, --node-ipc, --socket=PORT, --pipe=NAME): what the VS Code extension and the tests start.
startNodeLanguageServer();
