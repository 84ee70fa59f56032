import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool, runPoolInProcess } from '../../../test/support/cli.js';
import { CLEAN_AGREEMENT as CLEAN, scratchFolder as scratch } from '../../../test/support/scratch.js';
import { decodeAgreement, firstInvalidUtf8 } from '../../language/src/text/agreement-file.js';

describe('files that are not UTF-8 text', () => {
    it('refuses a binary file with one line and exit 2, and still checks the others', async () => {
        const root = scratch({
            'photo.pool': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
            'ok.pool': CLEAN.replace('£100 }', '£100 total £1 }')
        });
        const result = await runPoolInProcess(['check', '.'], { cwd: root });
        expect(result.stderr).toBe('pool: cannot read photo.pool: it is not a text file (it contains NUL bytes)\n');
        expect(result.stdout).toContain('ok.pool:6:51: error[total-mismatch]');
        expect(result.stdout).toContain('1 file checked: 1 error in 1 file; 1 file could not be read');
        expect(result.status).toBe(2);
    });

    it('says where a file stops being UTF-8, rather than checking mangled text', async () => {
        const latin1 = Buffer.from('partner cafe "Caf\u00e9 Council" council\n', 'latin1');
        const result = await runPoolInProcess(['check', 'latin1.pool'], { cwd: scratch({ 'latin1.pool': latin1 }) });
        expect(result.stderr).toBe('pool: cannot read latin1.pool: it is not UTF-8 text (the byte 0xE9 on line 1 is not valid UTF-8); save it as UTF-8\n');
        expect(result.status).toBe(2);
    });

    it('reports an unreadable import at the import line, with the reason', async () => {
        const root = scratch({ 'main.pool': `import "old.pool"\n${CLEAN}`, 'old.pool': Buffer.from('partner x "\u00a3" council\n', 'latin1') });
        const result = await runPoolInProcess(['check', '--format', 'json', 'main.pool'], { cwd: root });
        const diagnostics = JSON.parse(result.stdout).diagnostics;
        expect(diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`)).toEqual([
            'import-not-found: cannot read `old.pool`: it is not UTF-8 text (the byte 0xA3 on line 1 is not valid UTF-8); save it as UTF-8'
        ]);
        expect(result.status).toBe(1);
    });

    it('accepts a byte order mark and Windows line endings, with positions unchanged', async () => {
        const text = '\uFEFF' + CLEAN.replace('£100 }', '£100 total £1 }').replace(/\n/g, '\r\n');
        const result = await runPoolInProcess(['check', '--format', 'json', 'bom.pool'], { cwd: scratch({ 'bom.pool': text }) });
        const [diagnostic] = JSON.parse(result.stdout).diagnostics;
        expect(diagnostic.code).toBe('total-mismatch');
        expect(diagnostic.range.start).toEqual({ line: 6, column: 51 });
    });

    it('validates UTF-8 strictly: overlong forms and surrogates are not text', () => {
        expect(firstInvalidUtf8(new TextEncoder().encode('£ € 𝄞 ok'))).toBe(-1);
        expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
        expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
        expect(firstInvalidUtf8(new Uint8Array([0xe2, 0x82]))).toBe(0);
        expect(decodeAgreement(new TextEncoder().encode('\uFEFFpartner')).ok).toBe(true);
    });
});

// The command runs in this process where what it says is tested; the built command in a process of
// its own where the process is the point: its heap held down, and its stack through deep nesting.
describe('absurd layout', () => {
    it('quotes a window of a very long line, never the whole line', async () => {
        const result = await runPoolInProcess(['check', 'long.pool'], { cwd: scratch({ 'long.pool': `partner a "${'x'.repeat(1_000_000)}" councill\n` }) });
        const quoted = result.stdout.split('\n').find(line => line.startsWith(' 1 |'))!;
        expect(quoted.length).toBeLessThan(140);
        expect(quoted).toMatch(/^ 1 \| …x+" councill$/);
        expect(result.stdout).toContain('but found `councill`');
        expect(result.status).toBe(1);
    });

    it('keeps a syntax error message short when the offending text is huge', async () => {
        const result = await runPoolInProcess(['check', '--format', 'json', 'junk.pool'], { cwd: scratch({ 'junk.pool': `${'D'.repeat(100_000)}\n` }) });
        const [diagnostic] = JSON.parse(result.stdout).diagnostics;
        expect(diagnostic.message.length).toBeLessThan(200);
        expect(result.status).toBe(1);
    });

    it('refuses a file over 10 MiB with one diagnostic instead of taking minutes and gigabytes', async () => {
        const result = await runPoolInProcess(['check', '--format', 'json', 'huge.pool'], {
            cwd: scratch({ 'huge.pool': 'partner a "A" council\n'.repeat(600_000) })
        });
        const json = JSON.parse(result.stdout);
        expect(json.diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`)).toEqual([
            'file-too-large: this file is 12.6 MiB, more than the 10 MiB Pool reads, so it was not checked: split it into files that import a shared one'
        ]);
        expect(result.status).toBe(1);
    });

    it('refuses a 50 MB file the same way, with the V8 heap held to 256 MB, and pool fmt leaves it alone', () => {
        const text = 'partner a "A" council\n'.repeat(2_400_000);
        const root = scratch({ 'huge.pool': text });
        const env = { NODE_OPTIONS: '--max-old-space-size=256' };
        const check = runPool(['check', 'huge.pool'], { cwd: root, env });
        expect(check.stdout).toContain('huge.pool:1:1: error[file-too-large]: this file is 50.4 MiB, more than the 10 MiB Pool reads');
        expect(check.status).toBe(1);
        const fmt = runPool(['fmt', 'huge.pool'], { cwd: root, env });
        expect(fmt.stderr).toContain('huge.pool: not formatted: it is too large for Pool to read');
        expect(fmt.status).toBe(1);
        expect(readFileSync(path.join(root, 'huge.pool'), 'utf8') === text).toBe(true);
    });

    it('reports an import of a folder at the import, and reads nothing in it', async () => {
        const root = scratch({ 'main.pool': `import "registers"\n${CLEAN}`, 'registers/a.pool': 'partner a "A" council\n' });
        const result = await runPoolInProcess(['check', '--format', 'json', 'main.pool'], { cwd: root });
        const json = JSON.parse(result.stdout);
        expect(json.diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`)).toEqual([
            'import-not-found: `registers` is a folder; import a .pool file inside it'
        ]);
        expect(json.files).toEqual(['main.pool']);
    });

    it('checks 100,000 partners and reports the one duplicate among them', async () => {
        const partners = Array.from({ length: 100_000 }, (_, i) => `partner p${i} "Partner ${i}" council\n`).join('') + 'partner p500 "Again" council\n';
        const result = await runPoolInProcess(['check', '--format', 'json', 'register.pool'], { cwd: scratch({ 'register.pool': partners }) });
        expect(
            JSON.parse(result.stdout).diagnostics.map((d: { code: string; range: { start: { line: number } } }) => `${d.code}@${d.range.start.line}`)
        ).toEqual(['duplicate-declaration@100001']);
    });

    it('follows an import chain 1,000 files deep without a stack overflow', () => {
        const files: Record<string, string> = {};
        for (let i = 0; i < 1000; i++) files[`c${i}.pool`] = `${i < 999 ? `import "c${i + 1}.pool"\n` : ''}partner p${i} "Partner ${i}" council\n`;
        files['main.pool'] = `import "c0.pool"\n${CLEAN}pool q "Q" aligned { 2013/14 { p999 £1 } }\n`;
        const result = runPool(['check', 'main.pool'], { cwd: scratch(files) });
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe('1,001 files checked: all checks passed\n');
        expect(result.status).toBe(0);
    });

    it('survives 10,000 nested blocks without a stack overflow', () => {
        const result = runPool(['check', 'nested.pool'], {
            cwd: scratch({ 'nested.pool': `pool p "P" aligned ${'{'.repeat(10_000)}${'}'.repeat(10_000)}\n` })
        });
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain('error[syntax-error]');
        expect(result.status).toBe(1);
    });
});
