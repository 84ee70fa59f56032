// Bundles the built CLI (out/pool.bundle.js, which bin/pool.js loads, and its chunks in
// out/chunks/). Resolving and loading a few hundred modules was most of the time of a small
// `pool check`. The code only some commands need (the reports and their charts, the HTML of
// `pool diff`) is split into chunks loaded by those commands' `import()`, so `pool check` neither
// reads nor compiles it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const cli = path.resolve(import.meta.dirname, '..');
// Chunks are named by their content: the ones of an earlier build would stay beside the new ones.
await rm(path.join(cli, 'out/chunks'), { recursive: true, force: true });
const result = await build({
    entryPoints: { 'pool.bundle': path.join(cli, 'out/main.js') },
    outdir: path.join(cli, 'out'),
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
    // The PDF renderer reads its fonts and font metrics from its own package folder at run time.
    external: ['@pool/reports/pdf', 'pdfkit', 'svg-to-pdfkit', 'dejavu-fonts-ttf'],
    // Some dependencies are CommonJS and call require() for Node's own modules.
    banner: { js: "import { createRequire as __poolCreateRequire } from 'node:module'; const require = __poolCreateRequire(import.meta.url);" }
});

// `pool check` must not load the charts: fail the build if Vega is reachable from the entry
// without an import() on the way (a static import of the reports would bring it back).
const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith('out/main.js'));
if (!entry) throw new Error('the bundle has no entry for out/main.js');
const loaded = new Set();
const queue = [entry[0]];
for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (loaded.has(file)) continue;
    loaded.add(file);
    for (const imported of result.metafile.outputs[file]?.imports ?? [])
        if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
}
const charts = [...loaded].flatMap(file => Object.keys(result.metafile.outputs[file]?.inputs ?? {})).filter(input => /node_modules\/.*\bvega/.test(input));
if (charts.length > 0)
    throw new Error(`the CLI's entry loads the chart code at start-up (${charts[0]}): import the reports with import() where they are needed`);
