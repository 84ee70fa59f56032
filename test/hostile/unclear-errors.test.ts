import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortenText } from '../../packages/language/src/i18n/index.js';
import { main } from '../../packages/cli/src/main.js';
import { runPoolInProcess } from '../support/cli.js';
import { REPO } from '../support/paths.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';
import { plainIo } from './support.js';

// A full disk, made by failing the writes of temporary files (see partial-output.test.ts).
vi.mock('node:fs/promises', async importOriginal => {
    const actual = await importOriginal<typeof import('node:fs/promises')>();
    return { ...actual, default: actual, open: vi.fn(actual.open) };
});
const actualFs = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

function fillTheDisk(): void {
    vi.mocked(fs.open).mockImplementation(async (file: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
        const handle = await (actualFs.open as (...args: unknown[]) => Promise<fs.FileHandle>)(file, ...rest);
        if (!String(file).endsWith('.tmp')) return handle;
        return Object.assign(handle, {
            writeFile: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
        });
    });
}

/**
 * Finding 11, unclear errors: "internal error" for a full disk, a missing output folder, `-o ''`
 * or a `.txt` file; `pool fmt` said "formatted" after its write failed; a 9 MB name was repeated
 * whole in messages.
 */
describe('a 9 MB name in messages', () => {
    const name = 'N'.repeat(9_000_000);
    const root = scratchFolder({
        'long.pool': `${CLEAN_AGREEMENT}partner unused "${name}" council\npartner ${'i'.repeat(1_000_000)} "I" council\n`
    });

    it('is shortened with an ellipsis, in every format, so a message stays one readable line', async () => {
        const outputs: Record<string, string> = {};
        for (const format of ['text', 'json', 'github', 'sarif', 'junit']) {
            const result = await runPoolInProcess(['check', '--format', format, 'long.pool'], { cwd: root });
            outputs[format] = result.stdout;
            // Not 9 MB: the rules of SARIF's rule table (one per check) are most of what is left.
            expect(result.stdout.length, format).toBeLessThan(100_000);
            expect(result.stdout, format).toContain('N'.repeat(150));
            expect(result.stdout, format).toContain('…');
            expect(result.status, format).toBe(0);
        }
        const json = JSON.parse(outputs.json);
        expect(json.diagnostics.map((d: { code: string; message: string }) => [d.code, d.message.length < 500])).toEqual([
            ['unused-partner', true],
            ['unused-partner', true]
        ]);
    });

    it('never cuts a character in two', () => {
        const emoji = '😀'.repeat(150);
        expect(shortenText(emoji, 201)).toBe(`${'😀'.repeat(100)}…`);
        expect(shortenText(emoji, 200)).toBe(`${'😀'.repeat(100)}…`);
        expect(shortenText('short')).toBe('short');
    });
});

describe('every I/O failure: one line naming the path and the cause, exit 2', () => {
    afterEach(() => {
        vi.mocked(fs.open).mockImplementation(actualFs.open);
    });

    function agreementFolder(): string {
        const root = scratchFolder({ 'notes.txt': 'minutes of the board\n', 'untidy.pool': 'partner  a   "A"  council\n' });
        cpSync(path.join(REPO, 'examples/troubled-families.pool'), path.join(root, 'tf.pool'));
        cpSync(path.join(REPO, 'examples/registers'), path.join(root, 'registers'), { recursive: true });
        return root;
    }

    it('a full disk, for a report and for pool fmt, which says it formatted nothing', async () => {
        const root = agreementFolder();
        fillTheDisk();
        const report = plainIo();
        expect(await main(['report', path.join(root, 'tf.pool'), '-o', path.join(root, 'report.html')], report)).toBe(2);
        expect(report.stderr()).toBe(`pool: cannot write ${path.join(root, 'report.html')}: the disk is full\n`);
        const fmt = plainIo();
        const cwd = process.cwd();
        process.chdir(root);
        try {
            expect(await main(['fmt', 'untidy.pool'], fmt)).toBe(2);
        } finally {
            process.chdir(cwd);
        }
        expect(fmt.stdout()).toBe('');
        expect(fmt.stderr()).toBe('pool: cannot write untidy.pool: the disk is full\n0 files formatted, 0 already formatted, 1 could not be written\n');
        expect(readFileSync(path.join(root, 'untidy.pool'), 'utf8')).toBe('partner  a   "A"  council\n');
        expect(readdirSync(root).sort()).toEqual(['notes.txt', 'registers', 'tf.pool', 'untidy.pool']);
    });

    it('a missing output folder, an empty -o, a file that is not a .pool file, a missing file', async () => {
        const root = agreementFolder();
        const cases: [string[], string][] = [
            [['report', 'tf.pool', '-o', 'nowhere/report.html'], `pool: cannot write nowhere/report.html: there is no folder ${path.join(root, 'nowhere')}\n`],
            [['generate', 'json', 'tf.pool', '-o', ''], 'pool: -o needs a file name (or - for standard output)\n'],
            [['check', 'notes.txt'], 'pool: cannot read notes.txt: it is not a .pool file\n'],
            [['fmt', 'notes.txt'], 'pool: cannot read notes.txt: it is not a .pool file\n'],
            [['check', 'nowhere.pool'], 'pool: cannot read nowhere.pool: no such file or folder\n'],
            [['check', '--lang', 'cy', 'notes.txt'], "pool: methu darllen notes.txt: nid yw'n ffeil .pool\n"]
        ];
        for (const [args, error] of cases) {
            const result = await runPoolInProcess(args, { cwd: root });
            expect(result.stderr, args.join(' ')).toBe(error);
            expect(result.status, args.join(' ')).toBe(2);
        }
        expect(existsSync(path.join(root, 'nowhere'))).toBe(false);
    });
});
