import { SafeNodeFileSystem } from '@pool/files';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startPoolLanguageServer } from './common.js';

// The Pool language server over stdio or IPC (the client chooses with --stdio / --node-ipc), reading
// files from disk as pool check does (@pool/files).
startPoolLanguageServer({ connection: createConnection(ProposedFeatures.all), ...SafeNodeFileSystem });
