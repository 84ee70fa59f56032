import type { Lang } from '@pool/language';
import type { PoolServerTransport } from '@pool/language-server/node-server';
import { UsageError } from '../files.js';
import { message } from '../i18n/index.js';

export interface LspOptions {
    readonly stdio?: boolean;
    readonly socket?: string;
    readonly pipe?: string;
    readonly nodeIpc?: boolean;
}

/** The one channel the options name (standard input and output when none is named); more than one is a usage error. */
function chosenTransport(options: LspOptions): PoolServerTransport {
    const chosen: PoolServerTransport[] = [];
    if (options.stdio) chosen.push({ kind: 'stdio' });
    if (options.nodeIpc) chosen.push({ kind: 'node-ipc' });
    if (options.pipe !== undefined) chosen.push({ kind: 'pipe', name: options.pipe });
    if (options.socket !== undefined) {
        const port = /^\d{1,5}$/.test(options.socket) ? Number(options.socket) : Number.NaN;
        if (!(port >= 1 && port <= 65535)) throw new UsageError(message('cli.lsp.bad-port', { port: options.socket }));
        chosen.push({ kind: 'socket', port });
    }
    if (chosen.length > 1) throw new UsageError(message('cli.lsp.one-transport', {}));
    return chosen[0] ?? { kind: 'stdio' };
}

/**
 * `pool lsp`: the language server in this process, over the chosen channel. It resolves only when
 * the connection ends; the server ends the process when the editor says `exit`.
 */
export async function runLsp(options: LspOptions, lang: Lang): Promise<never> {
    const transport = chosenTransport(options);
    // Loaded only for this command: no other command needs the server.
    const { startNodeLanguageServer } = await import('@pool/language-server/node-server');
    const connection = startNodeLanguageServer(transport, { language: lang });
    return new Promise<never>(() => {
        // The server runs until the editor ends it (`exit`, or the channel closing), which ends the process.
        connection.onExit(() => undefined);
    });
}
