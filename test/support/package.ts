import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './paths.js';

/** The folder `scripts/package.mjs` lays the publishable package out in. */
const PACKAGE_FOLDER = path.join(REPO, 'packages/cli/dist/npm');

/**
 * Lays out the publishable package from the current build and packs it with `npm pack`, as a
 * release would: the tarball's path. It takes several seconds (most of it the declaration bundle),
 * so one test run packs once: the first test file to ask packs, and the others of the same run
 * (`POOL_TEST_RUN`, new for each run in vitest.config.ts) wait for it and install the same
 * tarball. Two files packing at once would also race, one emptying dist/npm while the other packs it.
 */
export function packCli(): string {
    const run = process.env.POOL_TEST_RUN;
    if (run === undefined || !/^[\w-]+$/.test(run)) return packNow();
    const folder = path.join(tmpdir(), `pool-pack-run-${run}`);
    const packed = path.join(folder, 'tarball');
    const failed = path.join(folder, 'failed');
    try {
        mkdirSync(folder);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return awaitPacked(packed, failed);
    }
    try {
        const tarball = packNow();
        writeFileSync(`${packed}.partial`, tarball);
        renameSync(`${packed}.partial`, packed);
        return tarball;
    } catch (error) {
        writeFileSync(failed, String(error));
        throw error;
    }
}

/** Waits (synchronously, as `packCli` is called) for another test file of this run to finish packing. */
function awaitPacked(packed: string, failed: string): string {
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    const giveUp = Date.now() + 170_000;
    while (Date.now() < giveUp) {
        if (existsSync(packed)) return readFileSync(packed, 'utf8');
        if (existsSync(failed)) throw new Error(`another test file failed to pack the package: ${readFileSync(failed, 'utf8')}`);
        Atomics.wait(sleeper, 0, 0, 200);
    }
    throw new Error('another test file did not finish packing the package in 170 s');
}

function packNow(): string {
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
