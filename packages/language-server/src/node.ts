import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startPoolLanguageServer } from './common.js';

// The Pool language server over stdio or IPC (the client chooses with --stdio / --node-ipc).
startPoolLanguageServer({ connection: createConnection(ProposedFeatures.all), ...NodeFileSystem });
