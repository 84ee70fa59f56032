// Bundles the built CLI into one file (out/pool.bundle.js), which bin/pool.js loads.
// Resolving and loading a few hundred modules was most of the time of a small `pool check`.
import { build } from 'esbuild';
import path from 'node:path';

const cli = path.resolve(import.meta.dirname, '..');
await build({
    entryPoints: [path.join(cli, 'out/main.js')],
    outfile: path.join(cli, 'out/pool.bundle.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // The PDF renderer reads its fonts and font metrics from its own package folder at run time.
    external: ['@pool/reports/pdf', 'pdfkit', 'svg-to-pdfkit', 'dejavu-fonts-ttf'],
    // Some dependencies are CommonJS and call require() for Node's own modules.
    banner: { js: "import { createRequire as __poolCreateRequire } from 'node:module'; const require = __poolCreateRequire(import.meta.url);" }
});
