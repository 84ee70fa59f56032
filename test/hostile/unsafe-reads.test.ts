import { spawnSync } from 'node:child_process';
import { openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/paths.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';
import { withServer } from '../support/lsp.js';

/**
 * Finding 5, unsafe reads: a `.poolignore` that was a named pipe hung `pool check`; one linked to
 * `/dev/urandom` read 1.15 GB. A 1.5 GB `.pool` file was read whole before it was refused, and
 * the 10 MiB limit counted characters, not bytes. (And, from finding 13, a Latin-1 file was read
 * silently in the editor while `pool check` refused it.)
 */
function pool(args: readonly string[], cwd: string) {
    const start = Date.now();
    const result = spawnSync('/usr/bin/time', ['-f', 'pool-memory %M', process.execPath, CLI, ...args], {
        cwd,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1' }
    });
    const memory = Number(/pool-memory (\d+)/.exec(result.stderr)?.[1]) / 1024;
    return {
        status: result.status,
        stdout: result.stdout,
        stderr: result.stderr.replace(/(Command exited with non-zero status \d+\n)?pool-memory \d+\n/, ''),
        seconds: (Date.now() - start) / 1000,
        megabytes: memory
    };
}

describe('.poolignore that is not a file', () => {
    it('is refused at once, with the reason, when it is a named pipe', () => {
        const root = scratchFolder({ 'a.pool': CLEAN_AGREEMENT });
        expect(spawnSync('mkfifo', [path.join(root, '.poolignore')]).status).toBe(0);
        const result = pool(['check', '.'], root);
        expect(result.stderr).toBe('pool: cannot read .poolignore: it is a named pipe (FIFO), not a file\n');
        expect(result.status).toBe(2);
        expect(result.seconds).toBeLessThan(30);
    });

    it('is refused at once when it leads to /dev/urandom, reading nothing of it', () => {
        const root = scratchFolder({ 'a.pool': CLEAN_AGREEMENT });
        symlinkSync('/dev/urandom', path.join(root, '.poolignore'));
        const result = pool(['check', '.'], root);
        expect(result.stderr).toBe('pool: cannot read .poolignore: it is a device, not a file\n');
        expect(result.status).toBe(2);
        expect(result.megabytes).toBeLessThan(300);
    });
});

describe('agreements larger than Pool reads', () => {
    it('measures a 1.5 GB file before reading it, and refuses it in a moment', () => {
        const root = scratchFolder({});
        // A sparse file: 1.5 GB long, nothing on the disk.
        const handle = openSync(path.join(root, 'huge.pool'), 'w');
        ftruncateSync(handle, 1_500_000_000);
        closeSync(handle);
        const result = pool(['check', 'huge.pool'], root);
        expect(result.stdout).toContain('huge.pool:1:1: error[file-too-large]: this file is 1430.5 MiB, more than the 10 MiB Pool reads');
        expect(result.status).toBe(1);
        expect(result.megabytes).toBeLessThan(300);
        expect(result.seconds).toBeLessThan(30);
    });

    it('counts the limit in bytes as stored, not in characters', () => {
        // 6 million characters, 12 million bytes: under the limit in characters, over it in bytes.
        const root = scratchFolder({
            'accents.pool': `partner a "${'é'.repeat(6_000_000)}" council\n`,
            'ascii.pool': `partner a "${'e'.repeat(10_000_000)}" council\n`
        });
        const result = pool(['check', '--format', 'json', 'accents.pool', 'ascii.pool'], root);
        expect(JSON.parse(result.stdout).diagnostics.map((d: { file: string; code: string; message: string }) => `${d.file} ${d.code}: ${d.message}`)).toEqual([
            'accents.pool file-too-large: this file is 11.4 MiB, more than the 10 MiB Pool reads, so it was not checked: split it into files that import a shared one'
        ]);
    });

    it('refuses an import of a file over the limit at the import, with the reason', () => {
        const root = scratchFolder({ 'main.pool': `import "big.pool"\n${CLEAN_AGREEMENT}` });
        const handle = openSync(path.join(root, 'big.pool'), 'w');
        ftruncateSync(handle, 20 * 1024 * 1024);
        closeSync(handle);
        const result = pool(['check', '--format', 'json', 'main.pool'], root);
        expect(JSON.parse(result.stdout).diagnostics.map((d: { file: string; code: string; message: string }) => `${d.file} ${d.code}: ${d.message}`)).toEqual([
            'big.pool file-too-large: this file is 20.0 MiB, more than the 10 MiB Pool reads, so it was not checked: split it into files that import a shared one',
            'main.pool import-not-found: cannot read `big.pool`: it is 20.0 MiB, more than the 10 MiB Pool reads'
        ]);
    });
});

describe('a file that is not UTF-8, in the CLI and in the editor', () => {
    const latin1 = Buffer.from(`partner cafe "Caf\u00e9 Council" council\n`, 'latin1');
    const reason = 'cannot read latin1.pool: it is not UTF-8 text (the byte 0xE9 on line 1 is not valid UTF-8); save it as UTF-8';

    it('is the same error in both, whether the file is open in the editor or not', async () => {
        const root = scratchFolder({ 'latin1.pool': latin1, 'main.pool': `import "latin1.pool"\n${CLEAN_AGREEMENT}` });
        const cli = pool(['check', 'latin1.pool'], root);
        expect(cli.stderr).toBe(`pool: ${reason}\n`);
        expect(cli.status).toBe(2);
        const imported = pool(['check', '--format', 'json', 'main.pool'], root);
        expect(JSON.parse(imported.stdout).diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`)).toEqual([
            'import-not-found: cannot read `latin1.pool`: it is not UTF-8 text (the byte 0xE9 on line 1 is not valid UTF-8); save it as UTF-8'
        ]);

        await withServer([root], async client => {
            const file = path.join(root, 'latin1.pool');
            // Checked at start, without being opened.
            const atStart = await client.diagnosticsFor(file);
            expect(atStart.map(d => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`)).toEqual([
                `unreadable-file: ${reason}`
            ]);
            const importer = await client.diagnosticsFor(path.join(root, 'main.pool'));
            expect(importer.map(d => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`)).toEqual([
                'import-not-found: cannot read `latin1.pool`: it is not UTF-8 text (the byte 0xE9 on line 1 is not valid UTF-8); save it as UTF-8'
            ]);
            // Opened, as an editor decodes it (a replacement character): still the same error.
            const uri = pathToFileURL(file).toString();
            await client.open(uri, 'partner cafe "Caf\uFFFD Council" council\n');
            const opened = await client.diagnosticsFor(file, diagnostics => diagnostics.some(d => d.code === 'unreadable-file'));
            expect(opened.map(d => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`)).toEqual([
                `unreadable-file: ${reason}`
            ]);
            // Saved as UTF-8, the error goes.
            writeFileSync(file, 'partner cafe "Café Council" council\n');
            await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
            expect(await client.diagnosticsFor(file, diagnostics => diagnostics.every(d => d.code !== 'unreadable-file'))).toEqual([]);
        });
    });
});
