#!/usr/bin/env node
// Runs the end-to-end suite in a real VS Code, offline: the workbench of code-server, driven by
// Debian's Chromium through playwright-core. The .vsix is packaged and installed as a user would;
// the suite (suite/index.cjs) runs in code-server's extension host, and reports its exit code
// through the smoke-test driver's `codeAutomationExit`. While the editor shows problems and the
// preview, this driver checks what the preview webview actually draws and takes the screenshot.
//
//   node run-code-server.mjs [--screenshot FILE]
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureCodeServer } from './code-server-toolchain.mjs';
import { installExtension, launchChromium, lookAtPreview, packageExtension, scratch, startCodeServer, SUITE, waitForHttp } from './workspace.mjs';

const SUITE_TIMEOUT_MS = 10 * 60_000;
const screenshotArgument = process.argv.indexOf('--screenshot');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const codeServer = ensureCodeServer();
console.log(`[${elapsed()}] code-server ready; packaging the extension…`);
const vsix = packageExtension();
const dirs = scratch();
installExtension(codeServer, dirs, vsix);
console.log(`[${elapsed()}] installed ${path.basename(vsix)}; starting code-server…`);

const server = await startCodeServer(codeServer, dirs, {
    args: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { ...process.env, POOL_E2E_SIGNALS: dirs.signals }
});

let browser;
let exitCode = 1;
try {
    await waitForHttp(`${server.url}/healthz`, 60_000);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const exited = new Promise(resolve => page.exposeFunction('codeAutomationExit', code => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = (Array.isArray(args) ? args : [args]).map(arg => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
        if (/^\s*[✓✗(]|Pool end-to-end|Error|failed/.test(text)) console.log(text);
    });
    const remote = file => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = [
        ['extensionDevelopmentPath', remote(SUITE)],
        ['extensionTestsPath', remote(path.join(SUITE, 'index.cjs'))],
        ['skipWelcome', 'true']
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    console.log(`[${elapsed()}] the workbench is loading; the suite runs in its extension host`);

    const ready = path.join(dirs.signals, 'ready');
    const looked = (async () => {
        while (!existsSync(ready)) await sleep(200);
        const verdict = await lookAtPreview(page, 'Greater Manchester Troubled Families Investment Agreement', '£2,150,000');
        console.log(`[${elapsed()}] the preview as drawn: ${verdict}`);
        await sleep(1500); // let the squiggles and the Problems panel settle
        const file = screenshotArgument > 0 ? path.resolve(process.argv[screenshotArgument + 1]) : path.join(dirs.root, 'editor.png');
        await page.screenshot({ path: file });
        console.log(`[${elapsed()}] screenshot: ${file}`);
        writeFileSync(path.join(dirs.signals, 'looked'), verdict);
    })();
    const timeout = sleep(SUITE_TIMEOUT_MS).then(() => 'timeout');
    const result = await Promise.race([exited, timeout]);
    if (result === 'timeout') {
        console.error(`The suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes.`);
    } else {
        exitCode = Number(result);
        if (!existsSync(path.join(dirs.signals, 'looked'))) {
            console.error('The suite ended before the preview could be looked at.');
            exitCode ||= 1;
        }
        void looked;
    }
} catch (error) {
    console.error(error instanceof Error ? error.message : error);
} finally {
    await browser?.close();
    server.stop();
    if (exitCode !== 0) console.error(`code-server said:\n${server.said(40)}`);
    if (exitCode === 0) rmSync(dirs.root, { recursive: true, force: true });
}
console.log(`End-to-end suite in code-server ${exitCode === 0 ? 'passed' : 'FAILED'} in ${elapsed()}`);
process.exit(exitCode);
