import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from '../packages/lsp-client/src/index.js';
import { checkJsonByFile, lspLines } from './support/check-json.js';
import { REPO, SERVER } from './support/paths.js';

/**
 * One file set for the editor and CI: a workspace with `.poolignore` files (at the top and in a
 * subfolder; one leaves out a folder whose register an agreement still imports) is checked by the
 * language server file for file as `pool check --format json .` checks it, and a change to a
 * `.poolignore` changes what the server checks.
 */
const FIXTURE = path.join(REPO, 'test/poolignore-workspace');

/** Waits until the server has published for exactly `files` and then nothing more for a moment. */
async function publishedFor(client: LspClient, files: readonly string[]): Promise<void> {
    for (const file of files) await client.settled(fileUri(file));
}

describe('the language server checks the files pool check checks', () => {
    let client: LspClient | undefined;
    let scratch: string | undefined;
    afterEach(async () => {
        await client?.stop();
        client = undefined;
        if (scratch) rmSync(scratch, { recursive: true, force: true });
        scratch = undefined;
    });

    it('publishes, file by file, what pool check --format json says of the workspace, and nothing for the files .poolignore leaves out', async () => {
        const cli = await checkJsonByFile(['.'], FIXTURE);
        expect([...cli.keys()].map(file => path.relative(FIXTURE, file)).sort()).toEqual(['agreement.pool', 'nested/current.pool', 'vendor/partners.pool']);
        client = await LspClient.start(SERVER, [FIXTURE]);
        await publishedFor(client, [...cli.keys()]);
        for (const [file, lines] of cli) expect({ file, lines: lspLines(await client.diagnosticsFor(file)) }).toEqual({ file, lines });
        expect(client.documentsWithDiagnostics).toBe(cli.size);
    });

    it('follows a change to .poolignore: files it lets in are checked, files it leaves out are cleared', async () => {
        scratch = mkdtempSync(path.join(tmpdir(), 'pool-poolignore-'));
        cpSync(FIXTURE, scratch, { recursive: true });
        client = await LspClient.start(SERVER, [scratch]);
        const before = await checkJsonByFile(['.'], scratch);
        await publishedFor(client, [...before.keys()]);

        // drafts/ let in, nested/current.pool left out.
        writeFileSync(path.join(scratch, '.poolignore'), 'scratch.pool\nvendor/\n');
        writeFileSync(path.join(scratch, 'nested/.poolignore'), 'old.pool\ncurrent.pool\n');
        // Listening before anything else is awaited: the server's answer to the change must not come unheard.
        const broken = path.join(scratch, 'drafts/broken.pool');
        const current = path.join(scratch, 'nested/current.pool');
        const brokenPublished = client.diagnosticsFor(broken, diagnostics => diagnostics.length > 0);
        const currentCleared = client.nextDiagnostics(fileUri(current));
        const after = await checkJsonByFile(['.'], scratch);
        expect([...after.keys()].map(file => path.relative(scratch!, file)).sort()).toEqual(['agreement.pool', 'drafts/broken.pool', 'vendor/partners.pool']);
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [
                { uri: fileUri(path.join(scratch, '.poolignore')), type: FileChangeType.Changed },
                { uri: fileUri(path.join(scratch, 'nested/.poolignore')), type: FileChangeType.Changed }
            ]
        });
        expect(lspLines(await brokenPublished)).toEqual(after.get(broken));
        expect(await currentCleared).toEqual([]);
        for (const [file, lines] of after) expect({ file, lines: lspLines(await client.diagnosticsFor(file)) }).toEqual({ file, lines });
    });
});
