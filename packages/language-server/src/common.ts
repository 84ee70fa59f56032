import { createPoolServices, type PoolServices, TOOL_VERSION } from '@pool/language';
import { DocumentState } from 'langium';
import { startLanguageServer, type DefaultSharedModuleContext, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { guardConnection } from './guarded-connection.js';
import { registerReportRequests } from './report-requests.js';

// The custom requests are in `@pool/language-server/protocol` (protocol.ts), which clients import.

/** What a platform entry point (Node, browser worker) gives the server: a connection and a file system. */
export type PoolServerContext = DefaultSharedModuleContext & { readonly connection: Connection };

export interface PoolLanguageServer {
    readonly shared: LangiumSharedServices;
    readonly Pool: PoolServices;
}

/**
 * Creates the Pool services on a connection, registers the report requests (protocol.ts) and
 * starts listening. The same on every platform: only the connection and
 * the file system differ.
 */
export function startPoolLanguageServer(context: PoolServerContext): PoolLanguageServer {
    // Whatever a client sends, the server answers and stays up (see guarded-connection.ts).
    const connection = guardConnection(context.connection);
    const { shared, Pool } = createPoolServices({ ...context, connection });
    registerReportRequests(connection, shared, Pool);
    // The server names itself (`serverInfo`), so a client's log and its user can tell which server and version answer.
    const languageServer = shared.lsp.LanguageServer;
    const initialize = languageServer.initialize.bind(languageServer);
    languageServer.initialize = async params => ({ ...(await initialize(params)), serverInfo: { name: 'pool', version: TOOL_VERSION } });
    // A hover shows the problems at the cursor, so it waits for the checks, not only for linking:
    // a hover during a rebuild would otherwise leave the problem out.
    startLanguageServer(shared, { HoverProvider: DocumentState.Validated });
    return { shared, Pool };
}
