#!/usr/bin/env node
// Restricted Mode, in a real VS Code (code-server's workbench, driven by Debian's Chromium): the
// extension declares `untrustedWorkspaces: limited`, so in a folder nobody has trusted it must
// still activate and check files, while the commands that write files or run programs stay off.
//
// This run has no extension test suite: VS Code trusts every folder while extension tests run
// (`extensionTestsPath`), so the suite in suite/index.cjs cannot see Restricted Mode. The driver
// works the window as a user does instead: it opens a file with Quick Open, waits for the
// problem's squiggle, and reads which Pool commands the Command Palette offers. (Run over a
// trusted folder, the same driver fails on Restricted Mode and on Export report, which is offered.)
//
//   node run-restricted.mjs
import { rmSync } from 'node:fs';
import { ensureCodeServer } from './code-server-toolchain.mjs';
import { installExtension, openWorkbench, packageExtension, quickOpen, scratch, startCodeServer, VSIX } from './workspace.mjs';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const failures = [];
function check(name, ok, detail) {
    console.log(`  ${ok ? '✓' : '✗'} ${name}${ok ? '' : `: ${detail}`}`);
    if (!ok) failures.push(name);
}

const codeServer = ensureCodeServer();
// `--reuse-vsix`: the run before this one (run-code-server.mjs) packaged the .vsix.
const vsix = process.argv.includes('--reuse-vsix') ? VSIX : packageExtension();
const dirs = scratch({ trust: 'ask' });
installExtension(codeServer, dirs, vsix);
const server = await startCodeServer(codeServer, dirs);

let browser;
try {
    let page;
    ({ browser, page } = await openWorkbench(server, dirs));
    console.log(`[${elapsed()}] the workbench is up; the folder is not trusted`);

    const statusBar = page.locator('.statusbar');
    await statusBar
        .getByText('Restricted Mode')
        .waitFor({ timeout: 60_000 })
        .catch(() => undefined);
    check('the window is in Restricted Mode', (await statusBar.getByText('Restricted Mode').count()) > 0, 'no "Restricted Mode" in the status bar');

    // Quick Open the file with a wrong total, as a user would.
    await quickOpen(page, 'invalid/total-mismatch.pool', 'total-mismatch.pool');
    const squiggle = await page
        .locator('.monaco-editor .squiggly-error')
        .first()
        .waitFor({ timeout: 90_000 })
        .then(() => true)
        .catch(() => false);
    check('the extension activates and checks the file: the wrong total is underlined as an error', squiggle, 'no error squiggle within 90 s');
    const problems =
        (await page
            .locator('#status\\.problems')
            .getAttribute('aria-label')
            .catch(() => null)) ?? '';
    check('the status bar counts the problem', /[1-9]\d* Error/i.test(problems) || /Errors?: [1-9]/i.test(problems), `status.problems says "${problems}"`);

    /** The Pool commands the Command Palette offers for what is typed. */
    async function offered(typed) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 30_000 });
        await input.fill(`>${typed}`);
        await page.waitForTimeout(1500);
        const labels = await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
        await page.keyboard.press('Escape');
        return labels.map(label => label.replace(/\s+/g, ' ').trim());
    }
    const preview = await offered('Pool: Open report preview');
    check(
        'reading commands are offered: Pool: Open report preview',
        preview.includes('Pool: Open report preview'),
        `offered: ${preview.join(' | ') || 'nothing'}`
    );
    const exporting = await offered('Pool: Export report');
    check(
        'Pool: Export report (writes files) is off until the folder is trusted',
        !exporting.some(label => label.startsWith('Pool: Export report')),
        `offered: ${exporting.join(' | ')}`
    );
    // (Compare with last approved version is not in this list: it needs git on the desktop, so the
    // browser workbench never offers it, trusted or not; its `isWorkspaceTrusted` enablement is the
    // same as Export's.)
    await page.screenshot({ path: `${dirs.root}/restricted.png` });
} catch (error) {
    failures.push('the run');
    console.error(error instanceof Error ? error.message : error);
} finally {
    await browser?.close();
    server.stop();
}
if (failures.length > 0) {
    console.error(`code-server said:\n${server.said(40)}\nThe window as last seen: ${dirs.root}/restricted.png`);
} else {
    rmSync(dirs.root, { recursive: true, force: true });
}
console.log(`Restricted Mode in code-server ${failures.length === 0 ? 'passed' : 'FAILED'} in ${elapsed()}`);
process.exit(failures.length === 0 ? 0 : 1);
