// Bundles the browser language server (out/browser.js, compiled by tsc) into one web-worker script,
// dist/browser.js, for the playground and the VS Code web extension. Built for the browser platform:
// a Node built-in reaching the bundle fails the build here instead of failing in the user's browser.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const result = await build({
    entryPoints: [join(root, 'out/browser.js')],
    outfile: join(root, 'dist/browser.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning'
});
const inputs = Object.keys(result.metafile.inputs);
const nodeOnly = inputs.filter(input => /(^|\/)(langium\/lib\/node|vscode-(languageserver|jsonrpc)[^/]*\/lib\/node)\//.test(input));
if (nodeOnly.length > 0) {
    console.error(`The browser language server pulls in Node-only modules:\n  ${nodeOnly.join('\n  ')}`);
    process.exit(1);
}
