// Builds the playground into dist/: static files any web server can host, nothing fetched from
// elsewhere at run time. Monaco, the page's code and the examples are bundled with esbuild; the
// language server is the web-worker bundle @pool/language-server builds (dist/browser.js).
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(root, '../..');
// Monaco's exports map hides package.json and its esm/ tree, so find the package by its folder.
const monacoRoot = await realpath(join(root, 'node_modules/monaco-editor'));
const serverBundle = join(repo, 'packages/language-server/dist/browser.js');
const out = join(root, 'dist');
// Written next to dist/ and renamed into place at the end, so a failed build never leaves half a site.
const staging = join(root, 'dist.partial');

async function poolFiles(folder) {
    const found = [];
    for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && entry.name.endsWith('.pool')) found.push(join(entry.parentPath, entry.name));
    }
    return found.sort();
}

/** The examples and the grammar's keywords, as a module the page imports. */
async function bundledModule() {
    const examplesDir = join(repo, 'examples');
    const examples = {};
    for (const file of await poolFiles(examplesDir)) {
        examples[relative(examplesDir, file).split(sep).join('/')] = await readFile(file, 'utf8');
    }
    const textMate = JSON.parse(await readFile(join(repo, 'packages/language/syntaxes/pool.tmLanguage.json'), 'utf8'));
    const keywordRule = textMate.patterns.find(pattern => pattern.name?.startsWith('keyword'));
    const keywords = keywordRule.match.replace(/^\\b\(|\)\\b$/g, '').split('|');
    return `export const examples = ${JSON.stringify(examples)};\nexport const keywords = ${JSON.stringify(keywords)};\n`;
}

const playgroundPlugin = {
    name: 'pool-playground',
    setup(builder) {
        builder.onResolve({ filter: /^pool-playground:bundled$/ }, args => ({ path: args.path, namespace: 'pool-playground' }));
        builder.onLoad({ filter: /.*/, namespace: 'pool-playground' }, async () => ({ contents: await bundledModule(), loader: 'js' }));
        // Monaco's package exports map hides its esm/ tree, where the contributions and their CSS live.
        builder.onResolve({ filter: /^monaco-editor\/esm\// }, args => ({ path: join(monacoRoot, args.path.slice('monaco-editor/'.length)) }));
    }
};

await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
// No source maps: they were most of the site's bytes (24 MB of 30), and a visitor never needs them.
const common = { bundle: true, platform: 'browser', target: 'es2022', minify: true, sourcemap: false, logLevel: 'warning' };
await build({
    ...common,
    entryPoints: { playground: join(root, 'src/main.ts') },
    outdir: staging,
    format: 'iife',
    loader: { '.ttf': 'file' },
    assetNames: '[name]',
    plugins: [playgroundPlugin]
});
await build({
    ...common,
    entryPoints: { 'editor.worker': join(monacoRoot, 'esm/vs/editor/editor.worker.js') },
    outdir: staging,
    format: 'iife'
});
// The language server's bundle without the link to its source map, which the site does not carry.
const server = await readFile(serverBundle, 'utf8');
await writeFile(join(staging, 'pool-language-server.js'), server.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
for (const file of ['index.html', 'page.css']) {
    await copyFile(join(root, 'static', file), join(staging, file));
}
await writeFile(join(staging, '.nojekyll'), '');
await rm(out, { recursive: true, force: true });
await rename(staging, out);
console.log(`Built the playground in ${relative(process.cwd(), out) || '.'}`);
