import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import path from 'node:path';
import { REPO } from './paths.js';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The browser the report and playground tests open pages in: Debian's `chromium-headless-shell`,
 * the headless-only build that playwright itself launches for `headless: true`, which has no
 * browser window to lay out and composite behind the page (about 8 s less CPU in each of the two
 * files than full Chromium in headless mode, for the same pages and checks). Full Chromium where
 * the shell is not installed; `POOL_CHROMIUM` names another. The flags are what Chromium needs to
 * run as root on a machine with no GPU and no network.
 */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: process.env.POOL_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium'),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
    });
}

export const PLAYGROUND_DIST = path.join(REPO, 'packages/playground/dist');

/** Builds the playground as `pnpm playground:build` does. */
export function buildPlayground(): void {
    execFileSync(process.execPath, [path.join(REPO, 'packages/playground/scripts/build.mjs')], { stdio: 'pipe' });
}

/** The playground's own static server (what `pnpm playground` runs), on a free port. */
export async function servePlayground(): Promise<{ url: string; process: ChildProcess }> {
    const child = spawn(process.execPath, [path.join(REPO, 'packages/playground/scripts/serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const found = /https?:\/\/\S+\//.exec(output);
            if (found) resolve(found[0]);
        });
        child.once('exit', code => {
            reject(new Error(`The static server exited (${code}): ${output}`));
        });
    });
    return { url, process: child };
}
