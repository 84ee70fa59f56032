import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOOL_VERSION } from '../packages/language/src/build-info/version.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPoolInProcess } from './support/cli.js';
import { node20, offlineNpmEnv, packCli } from './support/package.js';
import { REPO } from './support/paths.js';

/**
 * The published package, as a user gets it: packed with `npm pack`, installed into an empty
 * folder with the network off and an empty npm cache, and run on Node.js 20.
 */

let tarball: string;
let project: string;
let node: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
    tarball = packCli();
    node = node20();
    project = mkdtempSync(path.join(tmpdir(), 'pool-installed-'));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'council-agreements', private: true, type: 'module' }));
    env = offlineNpmEnv(mkdtempSync(path.join(tmpdir(), 'pool-empty-cache-')), node);
    const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: project, env, encoding: 'utf8' });
    if (installed.status !== 0) throw new Error(`npm install of the tarball failed offline: ${installed.stderr}`);
    cpSync(path.join(REPO, 'examples'), path.join(project, 'examples'), { recursive: true });
}, 180_000);

function installedPool(args: readonly string[], input?: string) {
    const result = spawnSync(node, [path.join(project, 'node_modules/.bin/pool'), ...args], {
        cwd: project,
        env: { ...env, NO_COLOR: '1' },
        input,
        encoding: 'utf8'
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function packageFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => statSync(path.join(folder, name)).isFile());
}

describe('the packed @pool-lang/cli', () => {
    it('installs as one package with nothing to resolve, and runs on Node.js 20', () => {
        const installed = path.join(project, 'node_modules/@pool-lang/cli');
        const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
        expect(manifest).toMatchObject({ name: '@pool-lang/cli', version: TOOL_VERSION, bin: { pool: 'bin/pool.js' }, engines: { node: '>=20.19' } });
        expect(manifest.dependencies).toBeUndefined();
        expect(readdirSync(path.join(project, 'node_modules')).sort()).toEqual(['.bin', '.package-lock.json', '@pool-lang']);
        expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v20\./);
        expect(installedPool(['--version']).stdout.trim()).toBe(TOOL_VERSION);
        // No source maps or sources: the package is what runs.
        expect(packageFiles(installed).filter(name => name.endsWith('.map') || (name.endsWith('.ts') && !name.endsWith('.d.ts')))).toEqual([]);
        expect(packageFiles(installed)).toEqual(
            expect.arrayContaining(['out/fonts/DejaVuSans.ttf', 'schema/check-json-1.schema.json', 'THIRD_PARTY_LICENSES.md', 'out/api.d.ts'])
        );
    });

    it.each([
        ['check', 'examples'],
        ['check', 'examples/invalid'],
        ['check', '--strict', 'examples/invalid/unused-partner.pool'],
        ['check', '--format', 'json', 'examples', 'examples/invalid/total-mismatch.pool'],
        ['check', '--format', 'sarif', 'examples/invalid/import-cycle.pool'],
        ['check', '--lang', 'cy', 'examples/invalid/total-mismatch.pool'],
        ['check', 'examples/no-such-file.pool'],
        ['diff', 'examples/better-care-fund.pool', 'examples/better-care-fund-plan.pool'],
        ['generate', 'json', 'examples/troubled-families.pool']
    ])('pool %s gives what the repository’s CLI gives', async (...args) => {
        const installed = installedPool(args);
        // The repository's `main` in this process: the installed package is the process under test.
        const repository = await runPoolInProcess(args, { cwd: project });
        expect({ status: installed.status, stdout: installed.stdout, stderr: installed.stderr }).toEqual({
            status: repository.status,
            stdout: repository.stdout,
            stderr: repository.stderr
        });
        expect(installed.stdout + installed.stderr).not.toBe('');
    });

    it('writes the PDF report with its embedded fonts, and reads standard input', () => {
        const pdf = installedPool(['report', '--format', 'pdf', '-o', 'gm.pdf', 'examples/troubled-families.pool']);
        expect(pdf.status, pdf.stderr).toBe(0);
        const bytes = readFileSync(path.join(project, 'gm.pdf'));
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        expect(bytes.toString('latin1')).toContain('DejaVuSans');
        const stdin = installedPool(
            ['check', '--stdin-filename', 'examples/tf.pool', '-'],
            readFileSync(path.join(REPO, 'examples/troubled-families.pool'), 'utf8')
        );
        // Its import is found from the folder of --stdin-filename: two files.
        expect([stdin.status, stdin.stdout.trim()]).toEqual([0, '2 files checked: all checks passed']);
    });

    it('is a typed library: the README’s example typechecks against the package and runs as documented', () => {
        const readme = readFileSync(path.join(REPO, 'packages/cli/PACKAGE.md'), 'utf8');
        const example = /```ts\n([\s\S]*?)```/.exec(readme)![1];
        const folder = path.join(project, 'library');
        mkdirSync(path.join(folder, 'agreements/registers'), { recursive: true });
        writeFileSync(path.join(folder, 'example.ts'), `${example}\nexport {};\n`);
        writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
        cpSync(path.join(REPO, 'examples/troubled-families.pool'), path.join(folder, 'agreements/gm.pool'));
        cpSync(path.join(REPO, 'examples/registers'), path.join(folder, 'agreements/registers'), { recursive: true });
        const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
        const compiled = spawnSync(
            process.execPath,
            [
                tsc,
                '--strict',
                '--target',
                'es2022',
                '--module',
                'nodenext',
                '--moduleResolution',
                'nodenext',
                '--types',
                'node',
                '--typeRoots',
                path.join(REPO, 'node_modules/@types'),
                '--outDir',
                '.',
                // TypeScript's own lib files are not checked again (a third of the compiler's
                // time); the package's declarations and Node's types still are.
                '--skipDefaultLibCheck',
                'example.ts'
            ],
            { cwd: folder, encoding: 'utf8' }
        );
        expect(compiled.stdout + compiled.stderr).toBe('');
        expect(existsSync(path.join(folder, 'example.js'))).toBe(true);
        // Resolved from the installed package, as a user's code resolves it.
        renameSync(path.join(folder, 'example.js'), path.join(folder, 'example.mjs'));
        const ran = spawnSync(node, ['example.mjs'], { cwd: folder, env, encoding: 'utf8' });
        expect(ran.stderr).toBe('');
        expect(ran.status).toBe(0);
        const lines = ran.stdout.trim().split('\n');
        expect(lines).toContain('all checks passed');
        expect(lines.at(-1)).toMatch(new RegExp(`^\\d+ \\d+ ${TOOL_VERSION.replace(/\./g, '\\.')}$`));
    });

    it('reports a user’s mistake from the library as a PoolError with the command’s line, and failures as results', () => {
        const script = `
import { check, checkText, PoolError } from '@pool-lang/cli';
try { await check(['examples/no-such-file.pool']); } catch (error) { console.log(error instanceof PoolError, error.message); }
const failed = await check(['examples/invalid/total-mismatch.pool']);
console.log(failed.passed, failed.summary.errors, failed.diagnostics[0].code, failed.diagnostics[0].range.start.line);
const text = await checkText('this is not pool', { filename: 'examples/draft.pool', lang: 'cy' });
console.log(text.passed, text.files.join(','));
`;
        writeFileSync(path.join(project, 'mistake.mjs'), script);
        const ran = spawnSync(node, ['mistake.mjs'], { cwd: project, env, encoding: 'utf8' });
        expect(ran.stderr).toBe('');
        expect(ran.stdout.split('\n')).toEqual([
            'true cannot read examples/no-such-file.pool: no such file or folder',
            'false 1 total-mismatch 16',
            'false examples/draft.pool',
            ''
        ]);
    });
});
