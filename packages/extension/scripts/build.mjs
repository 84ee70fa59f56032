// Builds the extension: the TextMate grammar (generated from the Langium grammar), the reference of
// check codes that problems link to, and two bundles made by esbuild: the extension (client) and the
// language server, both CommonJS for the Node that VS Code ships.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTextMateGrammar } from './textmate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const extension = path.resolve(here, '..');
const repository = path.resolve(extension, '../..');
const production = process.argv.includes('--production');

async function textMateGrammar() {
    const langiumOutput = JSON.parse(await readFile(path.join(repository, 'packages/language/syntaxes/pool.tmLanguage.json'), 'utf8'));
    const grammarText = await readFile(path.join(repository, 'grammar/pool.langium'), 'utf8');
    await mkdir(path.join(extension, 'syntaxes'), { recursive: true });
    const grammar = generateTextMateGrammar(langiumOutput, grammarText);
    await writeFile(path.join(extension, 'syntaxes/pool.tmLanguage.json'), `${JSON.stringify(grammar, null, 2)}\n`);
}

/**
 * The fonts the PDF export embeds (`pool report --format pdf` reads the same files from the
 * dejavu-fonts-ttf package): copied beside the bundle, which cannot carry binary files itself.
 */
async function pdfFonts() {
    const { PDF_FONT_FILES } = await import('@pool/reports/pdf');
    const fonts = path.dirname(createRequire(path.join(repository, 'packages/reports/package.json')).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    await mkdir(path.join(extension, 'dist/fonts'), { recursive: true });
    await Promise.all(PDF_FONT_FILES.map(file => copyFile(path.join(fonts, file), path.join(extension, 'dist/fonts', file))));
    await copyFile(path.join(fonts, '../LICENSE'), path.join(extension, 'dist/fonts/LICENSE'));
}

async function checkReference() {
    await mkdir(path.join(extension, 'docs'), { recursive: true });
    await copyFile(path.join(repository, 'docs/checks.md'), path.join(extension, 'docs/checks.md'));
}

/**
 * vega-canvas's Node build looks for the optional `canvas` package with a top-level await, which a
 * CommonJS bundle cannot hold. Without `canvas` (never installed here) it behaves exactly as its
 * browser build, which is what the bundle takes.
 */
const vegaCanvasWithoutAwait = {
    name: 'vega-canvas-without-await',
    setup(build) {
        build.onResolve({ filter: /^vega-canvas$/ }, async args => {
            if (args.pluginData === 'vega-canvas') return undefined;
            const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'vega-canvas' });
            return { path: resolved.path.replace(/vega-canvas\.node\.js$/, 'vega-canvas.browser.js') };
        });
    }
};

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // VS Code 1.91 ships Node 20; the bundles must not need anything newer.
    target: 'node20',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    plugins: [vegaCanvasWithoutAwait],
    // Langium and the language client are ES modules; in a CommonJS bundle `import.meta.url` is the bundle's own file.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

await Promise.all([
    textMateGrammar(),
    checkReference(),
    pdfFonts(),
    build({ ...common, entryPoints: [path.join(extension, 'src/extension.ts')], outfile: path.join(extension, 'dist/extension.cjs'), external: ['vscode'] }),
    build({ ...common, entryPoints: [path.join(repository, 'packages/language-server/out/node.js')], outfile: path.join(extension, 'dist/server.cjs') }),
    // VS Code for the Web: the client for the browser extension host (CommonJS, as VS Code loads it)
    // and the language server as a web worker, bundled by @pool/language-server (`pnpm build`).
    build({
        bundle: true,
        platform: 'browser',
        format: 'cjs',
        target: 'es2022',
        sourcemap: !production,
        minify: production,
        logLevel: 'warning',
        entryPoints: [path.join(extension, 'src/browser.ts')],
        outfile: path.join(extension, 'dist/browser.cjs'),
        external: ['vscode']
    }),
    mkdir(path.join(extension, 'dist'), { recursive: true }).then(() =>
        copyFile(path.join(repository, 'packages/language-server/dist/browser.js'), path.join(extension, 'dist/server.worker.js'))
    )
]);
