import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LspClient } from '../packages/lsp-client/src/index.js';
import { checkJsonByFile, lspLines } from './support/check-json.js';
import { REPO, SERVER } from './support/paths.js';

/**
 * A file opened on its own (from a file manager, `code file.pool`, `nvim file.pool`): the client
 * sends no workspace folder, and the file's own folder is the root its imports are read from. The
 * editor then says what `pool check FILE` says, and an import that cannot be read is one error.
 */
const LOOSE = path.join(REPO, 'test/loose-files');

describe('a loose file, opened with no workspace folder', () => {
    let client: LspClient | undefined;
    afterEach(async () => {
        await client?.stop();
        client = undefined;
    });

    it.each(['agreement.pool', 'missing-register.pool'])('%s: the diagnostics of pool check, its imports read from its own folder', async name => {
        const file = path.join(LOOSE, name);
        const cli = checkJsonByFile([file], LOOSE);
        client = await LspClient.start(SERVER, []);
        expect(client.initializeResult).toBeDefined();
        const published = await client.openAndWaitForDiagnostics(file);
        expect(lspLines(published)).toEqual(cli.get(file));
        // Each imported file read is checked too, as pool check checks it.
        for (const [imported, lines] of cli) {
            if (imported !== file) expect(lspLines(await client.diagnosticsFor(imported))).toEqual(lines);
        }
    });

    it('an import that cannot be read is one error, on the import: no partner it would have declared is reported unknown', async () => {
        const file = path.join(LOOSE, 'missing-register.pool');
        client = await LspClient.start(SERVER, []);
        const published = await client.openAndWaitForDiagnostics(file);
        expect(published.map(d => `${String(d.code)}@${String(d.range.start.line + 1)}`)).toEqual(['import-not-found@9']);
        expect(client.loggedErrors).toEqual([]);
    });
});
