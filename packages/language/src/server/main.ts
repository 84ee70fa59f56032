import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createPoolServices } from '../services/pool-module.js';

// The Pool language server over stdio or IPC (the client chooses with --stdio / --node-ipc).
const connection = createConnection(ProposedFeatures.all);
const { shared } = createPoolServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
