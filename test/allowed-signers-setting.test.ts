import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { runPool } from './support/cli.js';
import { scratchFolder } from './support/scratch.js';
import { makeEd25519Key, SIGNING_AGREEMENT } from './support/signing.js';
import { withServer } from './support/lsp.js';

/**
 * The language server's `pool.allowedSigners` setting names the file `pool check --allowed-signers`
 * reads, by the same code: with the setting pointing at a file, the editor is told exactly what
 * the command says about the same agreement, and a change of the setting checks it again.
 */

const AGREEMENT = SIGNING_AGREEMENT;

let folder: string;
const agreement = () => path.join(folder, 'gm.pool');

beforeAll(() => {
    folder = scratchFolder({ 'gm.pool': AGREEMENT }, 'pool-signers-setting-');
    const key = makeEd25519Key(folder, 'council_key');
    mkdirSync(path.join(folder, 'keys'));
    writeFileSync(path.join(folder, 'keys/allowed'), `council ${key}\n`);
    writeFileSync(path.join(folder, 'keys/nhs-only'), `nhs ${key}\n`);
    const approved = runPool(['approve', 'gm.pool', '--partner', 'council', '--role', 'Chief Executive', '--key', 'council_key', '--date', '2026-12-03'], {
        cwd: folder
    });
    expect(approved.status, approved.stderr).toBe(0);
});

afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
});

/** What `pool check --allowed-signers FILE` says about the agreement: each finding's code and message. */
function checkWith(signers: string): string[] {
    const result = runPool(['check', '--format', 'json', '--allowed-signers', signers, 'gm.pool'], { cwd: folder });
    return (JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics.map(d => `${d.code}: ${d.message}`);
}

const said = (diagnostics: readonly { code?: unknown; message: string | { value: string } }[]) =>
    diagnostics.map(d => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`);

describe('pool.allowedSigners', () => {
    it('publishes the verdict pool check --allowed-signers gives on the same file, and follows a change of the setting', async () => {
        // Nothing verifies the signature without an allowed-signers file: the setting is what makes it pass.
        expect(said(JSON.parse(runPool(['check', '--format', 'json', 'gm.pool'], { cwd: folder }).stdout).diagnostics)).toEqual([
            expect.stringMatching(/^approval-signature: .*there is no allowed-signers file to check it against/)
        ]);
        expect(checkWith('keys/allowed')).toEqual([]);
        const refused = checkWith('keys/nhs-only');
        expect(refused).toEqual([
            expect.stringMatching(/^approval-signature: the key that signed for council .* is not allowed to sign for `council` in keys\/nhs-only$/)
        ]);

        await withServer([folder], { settings: { allowedSigners: 'keys/allowed' } }, async client => {
            expect(said(await client.diagnosticsFor(agreement(), published => published.length === 0))).toEqual(checkWith('keys/allowed'));
            await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pool: { allowedSigners: 'keys/nhs-only' } } });
            expect(said(await client.diagnosticsFor(agreement(), published => published.length > 0))).toEqual(refused);
            await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pool: { allowedSigners: 'keys/allowed' } } });
            expect(said(await client.diagnosticsFor(agreement(), published => published.length === 0))).toEqual([]);
            expect(client.loggedErrors).toEqual([]);
        });
    }, 60_000);
});
