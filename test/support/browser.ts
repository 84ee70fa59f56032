import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import path from 'node:path';
import { REPO } from './paths.js';

/** Debian's Chromium, with the flags it needs to run headless as root on a machine with no GPU. */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
