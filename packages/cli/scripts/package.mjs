// Lays out the publishable package (`@pool-lang/cli`) in dist/npm/, ready for `npm pack` or
// `npm publish` from there: the command and the library bundled by esbuild with every dependency
// inside (nothing to resolve or download when it is installed), the fonts the PDF report embeds,
// the published JSON Schemas, the library's types in one declaration file, and the licences of
// everything bundled. Run after `pnpm build` (`pnpm --filter @pool/cli run package`).
import { build } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const cli = path.resolve(import.meta.dirname, '..');
const repository = path.resolve(cli, '../..');
const target = path.join(cli, 'dist/npm');
const require = createRequire(path.join(repository, 'packages/reports/package.json'));
const { TOOL_VERSION } = await import('@pool/language');

await rm(target, { recursive: true, force: true });
await mkdir(path.join(target, 'out/fonts'), { recursive: true });

// One bundle for the command (out/pool.bundle.js, which bin/pool.js loads, as in the repository) and
// one for the library (out/api.js), sharing their common code in chunks.
const result = await build({
    entryPoints: { 'pool.bundle': path.join(cli, 'out/main.js'), api: path.join(cli, 'out/api.js') },
    outdir: path.join(target, 'out'),
    // Inputs in the metafile are relative to the repository, for the licences below.
    absWorkingDir: repository,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // Chunks beside the entries, so that `new URL('fonts/', import.meta.url)` finds out/fonts from any of them.
    chunkNames: '[name]-[hash]',
    // Some dependencies are CommonJS: they call require() for Node's own modules and use __dirname.
    banner: {
        js: [
            "import { createRequire as __poolCreateRequire } from 'node:module';",
            "import { fileURLToPath as __poolFileURLToPath } from 'node:url';",
            'const require = __poolCreateRequire(import.meta.url);',
            'const __filename = __poolFileURLToPath(import.meta.url);',
            "const __dirname = __poolFileURLToPath(new URL('.', import.meta.url));"
        ].join(' ')
    }
});

// The fonts the PDF report embeds, read from out/fonts by the bundle (commands/report.ts).
const { PDF_FONT_FILES } = await import('@pool/reports/pdf');
const fonts = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
for (const file of PDF_FONT_FILES) await copyFile(path.join(fonts, file), path.join(target, 'out/fonts', file));
await copyFile(path.join(fonts, '../LICENSE'), path.join(target, 'out/fonts/LICENSE'));

// The published schemas of the JSON outputs.
await mkdir(path.join(target, 'schema'), { recursive: true });
for (const schema of [
    'packages/cli/schema/check-json-1.schema.json',
    'packages/cli/schema/diff-json-2.schema.json',
    'packages/reports/schema/agreement-json-4.schema.json'
]) {
    await copyFile(path.join(repository, schema), path.join(target, 'schema', path.basename(schema)));
}

// The library's types, with Pool's own packages inlined: the package has no dependencies to carry them.
// Bundled from the declarations `pnpm build` wrote beside out/api.js, as the JavaScript is bundled from
// its output: given src/api.ts, the generator would type-check the sources and emit their declarations
// again (a third of this script's time) and write the same file.
const [declarations] = generateDtsBundle(
    [
        {
            filePath: path.join(cli, 'out/api.d.ts'),
            libraries: { inlinedLibraries: ['@pool/language', '@pool/reports'] },
            output: { noBanner: true, exportReferencedTypes: false }
        }
    ],
    { preferredConfigPath: path.join(cli, 'tsconfig.json') }
);
await writeFile(path.join(target, 'out/api.d.ts'), declarations);

await mkdir(path.join(target, 'bin'), { recursive: true });
await copyFile(path.join(cli, 'bin/pool.js'), path.join(target, 'bin/pool.js'));
await copyFile(path.join(cli, 'PACKAGE.md'), path.join(target, 'README.md'));
await writeFile(path.join(target, 'THIRD_PARTY_LICENSES.md'), await thirdPartyLicences(result.metafile));

const manifest = {
    name: '@pool-lang/cli',
    version: TOOL_VERSION,
    description: 'Pool: check pooled-budget agreements written as text, in CI and from the command line; reports, diffs and JSON.',
    license: 'MIT',
    type: 'module',
    bin: { pool: 'bin/pool.js' },
    exports: {
        '.': { types: './out/api.d.ts', default: './out/api.js' },
        './schema/*': './schema/*',
        './package.json': './package.json'
    },
    types: './out/api.d.ts',
    files: ['bin', 'out', 'schema', 'README.md', 'THIRD_PARTY_LICENSES.md'],
    engines: { node: '>=20.19' },
    keywords: ['pool', 'pooled budget', 'section 75', 'better care fund', 'linter', 'sarif', 'ci']
};
await writeFile(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Laid out ${manifest.name}@${manifest.version} in ${path.relative(process.cwd(), target) || '.'}`);

/** Each bundled package's name, version, licence and licence text, from the bundle's inputs. */
async function thirdPartyLicences(metafile) {
    const packages = new Map();
    for (const input of Object.keys(metafile.inputs)) {
        const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
        if (match && !packages.has(match[1])) packages.set(match[1], path.resolve(repository, match[1]));
    }
    const sections = [];
    for (const folder of packages.values()) {
        const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8'));
        const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license', 'LICENSE-MIT', 'COPYING'].map(name => path.join(folder, name));
        let text;
        for (const file of licenceFile) {
            text = await readFile(file, 'utf8').catch(() => undefined);
            if (text !== undefined) break;
        }
        sections.push(
            `## ${manifest.name} ${manifest.version}\n\nLicence: ${manifest.license ?? 'see below'}\n\n${text ? '```text\n' + text.trim() + '\n```' : ''}\n`
        );
    }
    sections.sort();
    return `# Third-party software in this package\n\nThe bundles in out/ include the following packages, under their own licences.\n\n${[...new Set(sections)].join('\n')}`;
}
