import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/main.js';
import { runPool } from '../support/cli.js';
import { REPO } from '../support/paths.js';
import { scratchFolder } from '../support/scratch.js';
import { plainIo } from './support.js';

/**
 * Finding 6, partial output: `pool report --each-partner` left some files written when the disk
 * filled. Every statement is now written beside its target before any is put in place, and a
 * failure at any step leaves the folder as it was.
 *
 * A full disk is made here by failing the file system's writes and renames (`node:fs/promises`,
 * which the writer uses), so the test runs anywhere, without mounting a small disk.
 */
vi.mock('node:fs/promises', async importOriginal => {
    const actual = await importOriginal<typeof import('node:fs/promises')>();
    return { ...actual, default: actual, open: vi.fn(actual.open), rename: vi.fn(actual.rename) };
});

const actualFs = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

function agreementFolder(): string {
    const root = scratchFolder({});
    cpSync(path.join(REPO, 'examples/troubled-families.pool'), path.join(root, 'tf.pool'));
    cpSync(path.join(REPO, 'examples/registers'), path.join(root, 'registers'), { recursive: true });
    return root;
}

/** Temporary files fail with "no space left" from the `after`-th one written on. */
function diskFullAfter(after: number): void {
    let written = 0;
    vi.mocked(fs.open).mockImplementation(async (file: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
        const handle = await (actualFs.open as (...args: unknown[]) => Promise<fs.FileHandle>)(file, ...rest);
        if (!String(file).endsWith('.tmp') || ++written < after) return handle;
        return Object.assign(handle, {
            writeFile: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
        });
    });
}

describe('--each-partner when the disk fills', () => {
    afterEach(() => {
        vi.mocked(fs.open).mockImplementation(actualFs.open);
        vi.mocked(fs.rename).mockImplementation(actualFs.rename);
    });

    it('writes no statement, creates no folder and leaves no temporary file', async () => {
        const root = agreementFolder();
        diskFullAfter(3);
        const io = plainIo();
        const status = await main(['report', path.join(root, 'tf.pool'), '--each-partner', '--format', 'md', '-o', path.join(root, 'out/statements')], io);
        expect(io.stderr()).toMatch(/^pool: cannot write the files in .*out\/statements: the disk is full; none of them was written\n$/);
        expect(status).toBe(2);
        expect(readdirSync(root).sort()).toEqual(['registers', 'tf.pool']);
    });

    it('keeps the statements already in the folder as they were', async () => {
        const root = agreementFolder();
        const first = runPool(['report', 'tf.pool', '--each-partner', '--format', 'md', '-o', 'statements'], { cwd: root });
        expect(first.status).toBe(0);
        const before = Object.fromEntries(
            readdirSync(path.join(root, 'statements')).map(file => [file, readFileSync(path.join(root, 'statements', file), 'utf8')])
        );
        expect(Object.keys(before).length).toBeGreaterThan(3);
        writeFileSync(path.join(root, 'tf.pool'), readFileSync(path.join(root, 'tf.pool'), 'utf8').replace(/Manchester City Council/g, 'Manchester Council'));
        diskFullAfter(4);
        const io = plainIo();
        expect(await main(['report', path.join(root, 'tf.pool'), '--each-partner', '--format', 'md', '-o', path.join(root, 'statements')], io)).toBe(2);
        const after = Object.fromEntries(
            readdirSync(path.join(root, 'statements')).map(file => [file, readFileSync(path.join(root, 'statements', file), 'utf8')])
        );
        expect(after).toEqual(before);
    });

    it('puts back the statements already renamed into place when a later rename fails', async () => {
        const root = agreementFolder();
        expect(runPool(['report', 'tf.pool', '--each-partner', '--format', 'md', '-o', 'statements'], { cwd: root }).status).toBe(0);
        const before = Object.fromEntries(
            readdirSync(path.join(root, 'statements')).map(file => [file, readFileSync(path.join(root, 'statements', file), 'utf8')])
        );
        writeFileSync(path.join(root, 'tf.pool'), readFileSync(path.join(root, 'tf.pool'), 'utf8').replace(/Manchester City Council/g, 'Manchester Council'));
        let renames = 0;
        vi.mocked(fs.rename).mockImplementation(async (from, to) => {
            if (String(from).endsWith('.tmp') && ++renames === 3) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
            return actualFs.rename(from, to);
        });
        const io = plainIo();
        expect(await main(['report', path.join(root, 'tf.pool'), '--each-partner', '--format', 'md', '-o', path.join(root, 'statements')], io)).toBe(2);
        expect(io.stderr()).toContain('the disk reported an input/output error; none of them was written');
        const after = Object.fromEntries(
            readdirSync(path.join(root, 'statements')).map(file => [file, readFileSync(path.join(root, 'statements', file), 'utf8')])
        );
        expect(after).toEqual(before);
    });

    it('pool generate json of a folder is all or nothing too', async () => {
        const root = scratchFolder({
            'in/a.pool': 'partner a "A" council\n',
            'in/b.pool': 'partner b "B" council\n',
            'in/sub/c.pool': 'partner c "C" council\n'
        });
        diskFullAfter(3);
        const io = plainIo();
        expect(await main(['generate', 'json', path.join(root, 'in'), '-o', path.join(root, 'json')], io)).toBe(2);
        expect(existsSync(path.join(root, 'json'))).toBe(false);
    });
});
