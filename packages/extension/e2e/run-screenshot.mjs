#!/usr/bin/env node
// The README's screenshot, taken in a normal VS Code window: code-server's workbench with the
// packaged .vsix installed as a user installs it, no extension under development (so the title is
// not "Extension Development Host"), driven by Debian's Chromium as a user works it. It opens the
// example with a wrong total, waits for its error, hovers the total and takes the picture, and
// fails if the hover does not show the problem.
//
//   node run-screenshot.mjs FILE [--reuse-vsix]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer } from './code-server-toolchain.mjs';
import { installExtension, openWorkbench, packageExtension, quickOpen, scratch, startCodeServer, VSIX } from './workspace.mjs';

const file = process.argv[2] && !process.argv[2].startsWith('--') ? path.resolve(process.argv[2]) : undefined;
if (!file) {
    console.error('usage: node run-screenshot.mjs FILE [--reuse-vsix]');
    process.exit(2);
}

const codeServer = ensureCodeServer();
const vsix = process.argv.includes('--reuse-vsix') ? VSIX : packageExtension();
const dirs = scratch();
installExtension(codeServer, dirs, vsix);
const server = await startCodeServer(codeServer, dirs);

let browser;
let exitCode = 1;
try {
    let page;
    ({ browser, page } = await openWorkbench(server, dirs));

    // Quick Open the example with a wrong total, and go to the total.
    await quickOpen(page, 'screenshot/troubled-families.pool', 'troubled-families.pool');
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor({ timeout: 90_000 });
    // The secondary side bar (empty here) goes, and the view scrolls to the contributions.
    await page.keyboard.press('Control+Alt+B');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);

    // Hover the wrong total: the hover shows the problem, with its code.
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('the error squiggle is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover').filter({ hasText: 'total-mismatch' });
    await hover.first().waitFor({ state: 'visible', timeout: 30_000 });
    const said = await hover.first().innerText();
    if (!/£2,150,000/.test(said)) throw new Error(`the hover does not give the sum: ${said}`);
    const title = await page.title();
    if (/Extension Development Host/.test(title)) throw new Error(`the window is an Extension Development Host: ${title}`);
    await page.waitForTimeout(800);
    await page.screenshot({ path: file });
    console.log(`screenshot of "${title}": ${file}`);
    exitCode = 0;
} catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await browser
        ?.contexts()[0]
        ?.pages()[0]
        ?.screenshot({ path: path.join(dirs.root, 'failed.png') })
        .catch(() => undefined);
} finally {
    await browser?.close();
    server.stop();
}
if (exitCode !== 0) console.error(`code-server said:\n${server.said(40)}\nThe window as last seen: ${path.join(dirs.root, 'failed.png')}`);
else rmSync(dirs.root, { recursive: true, force: true });
process.exit(exitCode);
