import { createPoolServices, type PoolServices } from '@pool/language';
import { startLanguageServer, type DefaultSharedModuleContext, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';

/** What a platform entry point (Node, browser worker) gives the server: a connection and a file system. */
export type PoolServerContext = DefaultSharedModuleContext & { readonly connection: Connection };

export interface PoolLanguageServer {
    readonly shared: LangiumSharedServices;
    readonly Pool: PoolServices;
}

/**
 * Creates the Pool services on a connection, registers the custom requests and starts listening.
 * The same on every platform: only the connection and the file system differ.
 */
export function startPoolLanguageServer(context: PoolServerContext): PoolLanguageServer {
    const { shared, Pool } = createPoolServices(context);
    startLanguageServer(shared);
    return { shared, Pool };
}
