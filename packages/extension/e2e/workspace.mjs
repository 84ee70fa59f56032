// What the runners share: the packaged .vsix, a scratch workspace holding a copy of the examples
// (the suite edits and saves files) plus a copy of one example with a wrong total for the
// screenshot, and, for the code-server runners, code-server with the extension installed and
// Debian's Chromium to drive it.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const E2E = path.dirname(fileURLToPath(import.meta.url));
export const EXTENSION = path.resolve(E2E, '..');
export const REPOSITORY = path.resolve(EXTENSION, '../..');
export const SUITE = path.join(E2E, 'suite');
export const VSIX = path.join(EXTENSION, 'pool-vscode.vsix');
export const EXTENSION_ID = 'pool-project.pool-vscode';

/** Builds the .vsix the way a user does (`pnpm --filter pool-vscode package`). */
export function packageExtension() {
    execFileSync('npx', ['--yes', 'pnpm@10.34.9', '--filter', 'pool-vscode', 'run', 'package'], { cwd: REPOSITORY, stdio: ['ignore', 'ignore', 'inherit'] });
    return VSIX;
}

/**
 * A fresh scratch folder: `workspace/` (the examples), `user-data/`, `extensions/`, `signals/`.
 * With `trust: 'ask'` workspace trust is on and the folder opens untrusted, in Restricted Mode,
 * without the start-up prompt; otherwise trust is off (every folder trusted).
 */
export function scratch({ trust = 'off' } = {}) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pool-e2e-'));
    const workspace = path.join(root, 'workspace');
    cpSync(path.join(REPOSITORY, 'examples'), workspace, { recursive: true });
    mkdirSync(path.join(workspace, 'screenshot'));
    const example = readFileSync(path.join(REPOSITORY, 'examples/troubled-families.pool'), 'utf8');
    writeFileSync(
        path.join(workspace, 'screenshot/troubled-families.pool'),
        example.replace('import "registers/', 'import "../registers/').replace('ccg            £250,000', 'ccg            £200,000')
    );
    const userData = path.join(root, 'user-data');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    writeFileSync(
        path.join(userData, 'User/settings.json'),
        JSON.stringify(
            {
                'telemetry.telemetryLevel': 'off',
                'extensions.autoCheckUpdates': false,
                'extensions.autoUpdate': false,
                'update.mode': 'none',
                'workbench.startupEditor': 'none',
                'workbench.tips.enabled': false,
                'security.workspace.trust.enabled': trust === 'ask',
                'security.workspace.trust.startupPrompt': 'never',
                'git.enabled': false,
                'editor.minimap.enabled': false,
                'workbench.colorTheme': 'Default Light Modern',
                'window.commandCenter': false,
                'chat.disableAIFeatures': true
            },
            null,
            2
        )
    );
    const extensions = path.join(root, 'extensions');
    const signals = path.join(root, 'signals');
    mkdirSync(extensions);
    mkdirSync(signals);
    return { root, workspace, userData, extensions, signals, trust };
}

/** A TCP port free on the loopback interface, for code-server. */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
        server.on('error', reject);
    });
}

/** Waits until `url` answers 200, or fails after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        try {
            if ((await fetch(url)).ok) return;
        } catch {
            /* not listening yet */
        }
        await sleep(250);
    }
    throw new Error(`code-server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * What the report preview webview draws, looked at in the page's frames as a user sees it: 'ok'
 * when a frame shows `title` and `figure` under a strict Content-Security-Policy and runs no
 * script, otherwise what is wrong.
 */
export async function lookAtPreview(page, title, figure) {
    for (let attempt = 0; attempt < 100; attempt++) {
        for (const frame of page.frames()) {
            try {
                const seen = await frame.evaluate(() => ({
                    text: document.body?.innerText ?? '',
                    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
                    scripts: document.scripts.length
                }));
                if (!seen.text.includes(title)) continue;
                if (!seen.csp.startsWith("default-src 'none'")) return `shown without a strict Content-Security-Policy (${seen.csp})`;
                if (seen.scripts > 0) return `the report has ${seen.scripts} script(s)`;
                if (!seen.text.includes(figure)) return `the report does not show ${figure}`;
                return 'ok';
            } catch {
                /* a frame navigating away */
            }
        }
        await sleep(200);
    }
    return `no webview frame shows "${title}"`;
}

/** Installs the packaged .vsix into the scratch profile, as `code --install-extension` does. */
export function installExtension({ node, entry }, dirs, vsix) {
    execFileSync(node, [entry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], {
        stdio: ['ignore', 'ignore', 'inherit']
    });
}

/**
 * Starts code-server on a free loopback port over the scratch workspace, with no login, telemetry
 * or update checks. Its output is kept: `said(lines)` gives the last lines, for a failure report.
 */
export async function startCodeServer({ node, entry }, dirs, { args = [], env = process.env } = {}) {
    const port = await freePort();
    const server = spawn(
        node,
        [
            entry,
            '--auth',
            'none',
            '--bind-addr',
            `127.0.0.1:${port}`,
            '--disable-telemetry',
            '--disable-update-check',
            ...(dirs.trust === 'ask' ? [] : ['--disable-workspace-trust']),
            '--disable-getting-started-override',
            ...args,
            '--user-data-dir',
            dirs.userData,
            '--extensions-dir',
            dirs.extensions,
            dirs.workspace
        ],
        { env, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    const log = [];
    server.stdout.on('data', chunk => log.push(chunk.toString()));
    server.stderr.on('data', chunk => log.push(chunk.toString()));
    return {
        port,
        url: `http://127.0.0.1:${port}`,
        stop: () => server.kill(),
        said: lines => log.join('').split('\n').slice(-lines).join('\n')
    };
}

/** Debian's Chromium (or `POOL_E2E_CHROMIUM`), headless, with nothing of its own reaching the network. */
export function launchChromium() {
    return chromium.launch({
        executablePath: process.env.POOL_E2E_CHROMIUM ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
    });
}

/**
 * Opens code-server's workbench on the scratch workspace in Chromium, as a user opens it, and waits
 * for it to be drawn. Returns the browser (the caller closes it) and the page.
 */
export async function openWorkbench(server, dirs) {
    await waitForHttp(`${server.url}/healthz`, 60_000);
    const browser = await launchChromium();
    try {
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
        await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
        return { browser, page };
    } catch (error) {
        await browser.close();
        throw error;
    }
}

/** Opens a file with Quick Open (Ctrl+P, typing `query`, Enter), as a user does, and waits for its tab. */
export async function quickOpen(page, query, tabName) {
    await page.locator('.monaco-workbench').click({ position: { x: 800, y: 450 } });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 30_000 });
    await page.keyboard.type(query, { delay: 20 });
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: tabName }).waitFor({ timeout: 30_000 });
}
