import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { REPO } from './support/paths.js';
import { withServer } from './support/lsp.js';

/**
 * An untitled buffer ("Pool: New agreement") has no `.pool` name: once the editor closes it, the
 * server must forget it, not fail on the next change to any other file.
 */
it('the server keeps working after an untitled agreement is closed', async () => {
    const examples = path.join(REPO, 'examples');
    await withServer([examples], async client => {
        const untitled = 'untitled:Untitled-1';
        await client.open(untitled, '');
        await client.change(untitled, 2, 'partner council "Anytown Council" council\n');
        await client.close(untitled);
        const file = path.join(examples, 'invalid/total-mismatch.pool');
        const uri = pathToFileURL(file).toString();
        await client.open(uri, readFileSync(file, 'utf8'));
        await client.diagnosticsFor(file, latest => latest.some(diagnostic => diagnostic.code === 'total-mismatch'));
        await client.change(uri, 2, 'partner nhs "NHS" health\n');
        // Checked again after the change: the server is alive and the mismatch has gone with the text.
        await client.diagnosticsFor(file, latest => !latest.some(diagnostic => diagnostic.code === 'total-mismatch'));
        expect(client.exited).toBeUndefined();
        expect(client.loggedErrors).toEqual([]);
    });
});
