import { afterAll, beforeAll } from 'vitest';
import { LspClient, type LspClientOptions } from '../../packages/lsp-client/src/index.js';
import { SERVER } from './paths.js';

/**
 * Runs `body` with the language server started over `folders` (as an editor opening them), and stops
 * the server afterwards whether `body` passes or throws.
 */
export async function withServer<T>(folders: readonly string[], body: (client: LspClient) => Promise<T>): Promise<T>;
export async function withServer<T>(folders: readonly string[], options: LspClientOptions, body: (client: LspClient) => Promise<T>): Promise<T>;
export async function withServer<T>(
    folders: readonly string[],
    optionsOrBody: LspClientOptions | ((client: LspClient) => Promise<T>),
    maybeBody?: (client: LspClient) => Promise<T>
): Promise<T> {
    const [options, body] = typeof optionsOrBody === 'function' ? [{}, optionsOrBody] : [optionsOrBody, maybeBody];
    if (!body) throw new TypeError('withServer needs a body to run');
    const client = await LspClient.start(SERVER, folders, options);
    try {
        return await body(client);
    } finally {
        await client.stop();
    }
}

/**
 * The language server over `folders` (a function, as the folders are often made in a `beforeAll`)
 * for all the tests of the enclosing `describe` or file: started before them, stopped after.
 * `cleanUp` runs after the server stops (to remove a scratch folder).
 */
export function serverForTests(folders: () => readonly string[], options: LspClientOptions = {}, cleanUp?: () => void): () => LspClient {
    let client: LspClient | undefined;
    beforeAll(async () => {
        client = await LspClient.start(SERVER, folders(), options);
    });
    afterAll(async () => {
        await client?.stop();
        cleanUp?.();
    });
    return () => {
        if (!client) throw new Error('the language server starts in beforeAll; read it inside a test');
        return client;
    };
}
