import { spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool } from '../../../test/support/cli.js';
import { CLI } from '../../../test/support/paths.js';
import { CLEAN_AGREEMENT as CLEAN, scratchFolder as scratch } from '../../../test/support/scratch.js';

describe('pool check: human-readable output', () => {
    it('quotes the source line with a marker under the exact span, and lists related lines', () => {
        const result = runPool(['check', 'examples/invalid/total-mismatch.pool']);
        expect(result.stdout).toBe(
            [
                'examples/invalid/total-mismatch.pool:16:18: error[total-mismatch]: contributions to care for 2013/14 sum to £150,000 but the total says £160,000: £10,000 short',
                '    |',
                ' 16 |         total    £160,000',
                '    |                  ^^^^^^^^',
                '    = council (Anytown Council) puts in £100,000 (14:18)',
                '    = nhs (NHS Anytown Clinical Commissioning Group) puts in £50,000 (15:19)',
                '',
                '1 file checked: 1 error in 1 file',
                ''
            ].join('\n')
        );
        expect(result.status).toBe(1);
    });

    it('reports every error in every file, not just the first', () => {
        const root = scratch({
            'a.pool': CLEAN.replace('£100 }', '£100  total £90 }'),
            'b.pool': CLEAN.replace('host council', 'host nobody').replace('£100 }', '£100.001 }')
        });
        const result = runPool(['check', '--format', 'json', '.'], { cwd: root });
        const json = JSON.parse(result.stdout);
        expect(json.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual([
            'a.pool total-mismatch',
            'b.pool missing-host',
            'b.pool bad-amount'
        ]);
        expect(json.summary).toEqual({ files: 2, filesWithProblems: 2, errors: 3, warnings: 0, unreadable: 0 });
        expect(result.status).toBe(1);
    });

    it('uses colour only when asked or on a terminal, never with NO_COLOR', () => {
        const plain = runPool(['check', 'examples/invalid/total-mismatch.pool']);
        expect(plain.stdout).not.toContain('\u001b[');
        const forced = runPool(['check', 'examples/invalid/total-mismatch.pool'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
        expect(forced.stdout).toContain('\u001b[31m');
        const both = runPool(['check', 'examples/invalid/total-mismatch.pool'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
        expect(both.stdout).not.toContain('\u001b[');
    });
});

describe('pool check --format json', () => {
    it('gives 1-based positions, codes, severities and related places', () => {
        const result = runPool(['check', '--format', 'json', 'examples/invalid/overspent-pool.pool']);
        const json = JSON.parse(result.stdout);
        expect(json.version).toBe(1);
        expect(json.tool.name).toBe('pool');
        expect(json.diagnostics).toEqual([
            {
                file: 'examples/invalid/overspent-pool.pool',
                severity: 'error',
                code: 'overspent-pool',
                message: 'spending from care in 2013/14 is £170,000 but contributions are £150,000: overspent by £20,000',
                range: { start: { line: 19, column: 12 }, end: { line: 19, column: 19 } },
                related: [
                    {
                        file: 'examples/invalid/overspent-pool.pool',
                        range: { start: { line: 20, column: 21 }, end: { line: 20, column: 29 } },
                        message: 'Home care: £120,000'
                    },
                    {
                        file: 'examples/invalid/overspent-pool.pool',
                        range: { start: { line: 21, column: 25 }, end: { line: 21, column: 32 } },
                        message: 'Community nursing: £50,000'
                    }
                ]
            }
        ]);
    });
});

describe('pool check: what to check', () => {
    it('expands a quoted glob itself', () => {
        const result = runPool(['check', '--format', 'json', 'examples/*.pool']);
        expect(JSON.parse(result.stdout).files).toEqual([
            'examples/better-care-fund-plan.pool',
            'examples/better-care-fund.pool',
            'examples/essex-whole-place.pool',
            'examples/neighbourhood-budget.pool',
            'examples/registers/essex.pool',
            'examples/registers/greater-manchester.pool',
            'examples/registers/unit-costs.pool',
            'examples/troubled-families-cohort.pool',
            'examples/troubled-families.pool',
            'examples/whole-place-appraisal.pool'
        ]);
        expect(result.status).toBe(0);
    });

    it('honours .poolignore in folder walks but always checks a file named explicitly', () => {
        const root = scratch({ 'ok.pool': CLEAN, 'drafts/broken.pool': 'pool', '.poolignore': 'drafts/\n' });
        expect(runPool(['check', '.'], { cwd: root }).status).toBe(0);
        const explicit = runPool(['check', 'drafts/broken.pool'], { cwd: root });
        expect(explicit.status).toBe(1);
        expect(explicit.stdout).toContain('syntax-error');
    });

    it('reads imports from disk even when they are not named', () => {
        const result = runPool(['check', '--format', 'json', 'examples/troubled-families.pool']);
        expect(JSON.parse(result.stdout).files).toEqual(['examples/registers/greater-manchester.pool', 'examples/troubled-families.pool']);
    });
});

describe('pool check: exit code 2 and one clear line for usage and I/O errors', () => {
    it.each([
        [['check', 'no/such/file.pool'], 'pool: cannot read no/such/file.pool: no such file or folder\n'],
        [['check', 'test/support'], 'pool: no .pool files found in test/support\n'],
        [['check', 'nothing-matches-*.pool'], 'pool: no .pool files match nothing-matches-*.pool\n']
    ])('%j', (args, message) => {
        const result = runPool(args);
        expect(result.stderr).toBe(message);
        expect(result.stdout).toBe('');
        expect(result.status).toBe(2);
    });

    it('a broken symlink is an I/O error, not a crash', () => {
        const root = scratch({});
        symlinkSync(path.join(root, 'gone.pool'), path.join(root, 'link.pool'));
        const result = runPool(['check', 'link.pool'], { cwd: root });
        expect(result.stderr).toBe('pool: cannot read link.pool: no such file or folder\n');
        expect(result.status).toBe(2);
    });

    it.each([[['check']], [['check', '--colour', 'examples']], [['chek', 'examples']], [['check', '--format', 'xml', 'examples']]])('%j', args => {
        const result = runPool(args);
        expect(result.status).toBe(2);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.stderr.trim().length).toBeGreaterThan(0);
    });

    it('prints its version and help and exits 0', () => {
        const version = runPool(['--version']);
        expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
        expect(version.status).toBe(0);
        const help = runPool(['check', '--help']);
        expect(help.stdout).toContain('--strict');
        expect(help.status).toBe(0);
    });
});

describe('pool check piped into a reader that stops early', () => {
    it('stops quietly, with the status of a closed pipe and no stack trace', async () => {
        // `pool check … | head -2`: head closes the pipe after two lines.
        const folder = scratch({ 'many.pool': 'partner a "A" council\n'.repeat(3000) });
        const child = spawn(process.execPath, [CLI, 'check', path.join(folder, 'many.pool')], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => {
            stderr += String(chunk);
        });
        child.stdout.once('data', () => child.stdout.destroy());
        const status = await new Promise<number | null>(resolve =>
            child.on('close', code => {
                resolve(code);
            })
        );
        expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
        expect(status).toBe(141);
    });
});

describe("V8's compile cache", () => {
    const file = (folder: string) => path.join(folder, 'clean.pool');

    it('keeps the compiled code in the user’s cache folder, and a second run says the same', () => {
        const folder = scratch({ 'clean.pool': CLEAN, 'cache/.keep': '' });
        const env = { XDG_CACHE_HOME: path.join(folder, 'cache'), NODE_COMPILE_CACHE: undefined };
        const first = runPool(['check', file(folder)], { env });
        const second = runPool(['check', file(folder)], { env });
        expect(first).toEqual({ status: 0, stdout: expect.stringContaining('all checks passed') as unknown, stderr: '' });
        expect(second).toEqual(first);
        // Node.js 22.1 and later have the cache; older ones run the same without it.
        const cached = existsSync(path.join(folder, 'cache/pool/compile-cache'));
        expect(cached).toBe(typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function');
    });

    it('is no reason to fail when the cache folder cannot be made or written', () => {
        const folder = scratch({ 'clean.pool': CLEAN, 'not-a-folder': 'a file where the cache folder would go' });
        for (const cache of [path.join(folder, 'not-a-folder'), 'relative/cache']) {
            const result = runPool(['check', file(folder)], { env: { XDG_CACHE_HOME: cache, NODE_COMPILE_CACHE: undefined } });
            expect(result).toEqual({ status: 0, stdout: expect.stringContaining('all checks passed') as unknown, stderr: '' });
        }
        expect(readFileSync(path.join(folder, 'not-a-folder'), 'utf8')).toBe('a file where the cache folder would go');
    });
});
