import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, LspClient } from '../packages/lsp-client/src/index.js';
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
        const cli = await checkJsonByFile([file], LOOSE);
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

    it('is checked again when a register beside it changes on disk, though no client watcher covers its folder', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'pool-loose-'));
        try {
            cpSync(LOOSE, folder, { recursive: true });
            const file = path.join(folder, 'agreement.pool');
            const register = path.join(folder, 'registers/partners.pool');
            // As VS Code does: the client watches files itself, but only in its workspace folders, and it has none.
            client = await LspClient.start(SERVER, [], {
                capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } }
            });
            const uri = fileUri(file);
            await client.open(uri, readFileSync(file, 'utf8'));
            const codes = (diagnostics: { code?: number | string }[]) => diagnostics.map(d => String(d.code));
            const before = codes(await client.diagnosticsFor(file, published => published.length > 0));
            expect(before).toContain('total-mismatch');
            expect(before).not.toContain('unknown-reference');
            // The police leave the register: the agreement's lines for them now name no partner.
            writeFileSync(register, readFileSync(register, 'utf8').replace(/^partner police.*\n/m, ''));
            const after = await client.diagnosticsFor(file, published => published.some(d => d.code === 'unknown-reference'));
            // Its contribution line and its share.
            expect(after.filter(d => d.code === 'unknown-reference').map(d => d.range.start.line + 1)).toEqual([16, 24]);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
