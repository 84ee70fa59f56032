import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './paths.js';

/** The folder `scripts/package.mjs` lays the publishable package out in. */
const PACKAGE_FOLDER = path.join(REPO, 'packages/cli/dist/npm');

/**
 * Lays out the publishable package from the current build and packs it with `npm pack`, as a
 * release would: the tarball's path. Once per test file: it takes a few seconds.
 */
export function packCli(): string {
    execFileSync(process.execPath, [path.join(REPO, 'packages/cli/scripts/package.mjs')], { cwd: REPO, stdio: 'pipe' });
    const into = mkdtempSync(path.join(tmpdir(), 'pool-pack-'));
    const packed = spawnSync('npm', ['pack', '--pack-destination', into, '--loglevel', 'error'], { cwd: PACKAGE_FOLDER, encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    const [tarball] = readdirSync(into).filter(name => name.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack made no tarball');
    return path.join(into, tarball);
}

/** The machine's own Node.js 20 (not the workspace's Node 22 that package scripts use), to run the package as most users' runners would. */
export function node20(): string {
    const found = spawnSync('bash', ['-c', 'which -a node'], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(candidate => candidate !== '' && !candidate.includes('node_modules'))
        .find(candidate => spawnSync(candidate, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim() === '20');
    if (found === undefined) throw new Error('no Node.js 20 on the PATH outside node_modules');
    return found;
}

/** An environment in which npm cannot reach any registry: a lookup fails at once instead of leaving the machine. */
export function offlineNpmEnv(cache: string, nodeBin?: string): NodeJS.ProcessEnv {
    mkdirSync(cache, { recursive: true });
    return {
        ...process.env,
        ...(nodeBin === undefined ? {} : { PATH: `${path.dirname(nodeBin)}:${process.env.PATH ?? ''}` }),
        npm_config_cache: cache,
        npm_config_offline: 'true',
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false'
    };
}
