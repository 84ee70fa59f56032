#!/usr/bin/env node
// Runs the same end-to-end suite in desktop VS Code through @vscode/test-electron, on a machine
// that has it (VSCODE_EXECUTABLE=/path/to/code) or can download it. The .vsix is installed into a
// fresh extensions folder with VS Code's own CLI, as a user would.
//
//   VSCODE_EXECUTABLE=/usr/share/code/code node run-electron.mjs
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { packageExtension, scratch, SUITE } from './workspace.mjs';

const started = Date.now();
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE ?? (await downloadAndUnzipVSCode('stable'));
const vsix = packageExtension();
const dirs = scratch();
const [cli] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
execFileSync(cli, ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], {
    stdio: 'inherit',
    shell: process.platform === 'win32'
});
let exitCode = 0;
try {
    await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: SUITE,
        extensionTestsPath: path.join(SUITE, 'index.cjs'),
        launchArgs: [dirs.workspace, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--disable-workspace-trust']
    });
} catch (error) {
    console.error(error instanceof Error ? error.message : error);
    exitCode = 1;
}
console.log(`End-to-end suite in desktop VS Code ${exitCode === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);
