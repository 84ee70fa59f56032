// The layers of ARCHITECTURE.md as rules that fail the test command (`pnpm boundaries`).
//
// Each layer is a folder of sources; `mayImport` lists the other layers its files may import. An
// import from a layer into a layer that is not listed (or into another package's sources not listed)
// is an error named after the importing layer. Tests, scripts and build files are outside every
// layer: they may import anything, but nothing in a layer may import them. The same table is in
// ARCHITECTURE.md ("Layers, enforced"); `test/boundaries.test.ts` proves a wrong-way import fails.

/** @type {{ name: string, path: string, mayImport: string[] }[]} */
const LAYERS = [
    // packages/language, folder by folder: money and the catalogue at the bottom, the editor at the top.
    { name: 'language/money', path: '^packages/language/src/money/', mayImport: [] },
    // The escaping of agreement text for each context it is shown in: below everything that shows text.
    { name: 'language/escape', path: '^packages/language/src/text/escape\\.ts$', mayImport: [] },
    // The catalogue isolates the text it fills in, so a name cannot reorder the sentence around it.
    { name: 'language/i18n', path: '^packages/language/src/i18n/', mayImport: ['language/escape'] },
    { name: 'language/generated', path: '^packages/language/src/generated/', mayImport: [] },
    { name: 'language/build-info', path: '^packages/language/src/build-info/', mayImport: [] },
    // What may be read as an agreement (bytes, UTF-8) and why a file is refused: the same for every reader.
    {
        name: 'language/text',
        path: '^packages/language/src/text/(?!escape\\.ts$)',
        mayImport: ['language/escape', 'language/i18n', 'language/generated']
    },
    {
        name: 'language/model',
        path: '^packages/language/src/model/',
        mayImport: ['language/text', 'language/escape', 'language/money', 'language/i18n', 'language/generated']
    },
    {
        name: 'language/checks',
        path: '^packages/language/src/checks/',
        mayImport: ['language/model', 'language/text', 'language/escape', 'language/money', 'language/i18n', 'language/generated']
    },
    // A change points at the syntax nodes of both versions, as a finding does.
    {
        name: 'language/diff',
        path: '^packages/language/src/diff/',
        mayImport: ['language/model', 'language/text', 'language/escape', 'language/money', 'language/i18n', 'language/generated']
    },
    {
        name: 'language/services',
        path: '^packages/language/src/services/',
        // pool-module.ts wires the editor features of lsp/ into Langium's services.
        mayImport: [
            'language/lsp',
            'language/checks',
            'language/model',
            'language/text',
            'language/escape',
            'language/money',
            'language/i18n',
            'language/generated'
        ]
    },
    {
        name: 'language/lsp',
        path: '^packages/language/src/lsp/',
        mayImport: [
            'language/services',
            'language/checks',
            'language/diff',
            'language/model',
            'language/text',
            'language/escape',
            'language/money',
            'language/i18n',
            'language/generated'
        ]
    },
    {
        name: 'language',
        path: '^packages/language/src/[^/]+$',
        mayImport: [
            'language/services',
            'language/lsp',
            'language/checks',
            'language/diff',
            'language/model',
            'language/text',
            'language/escape',
            'language/money',
            'language/i18n',
            'language/build-info',
            'language/generated'
        ]
    },
    // The packages: each may import the packages below it, never one above.
    { name: 'reports', path: '^packages/reports/src/', mayImport: ['language'] },
    // The one safe reader and writer of files on disk (Node).
    { name: 'files', path: '^packages/files/src/', mayImport: ['language'] },
    // `pool lsp` starts the language server in the command's own process.
    { name: 'cli', path: '^packages/cli/(src|bin)/', mayImport: ['language', 'language-server', 'reports', 'files'] },
    { name: 'language-server', path: '^packages/language-server/src/', mayImport: ['language', 'reports', 'files'] },
    // compare-approved.ts runs `pool diff --approved`'s own code (`@pool/cli/diff`).
    { name: 'extension', path: '^packages/extension/src/', mayImport: ['language-server', 'language', 'reports', 'cli', 'files'] },
    { name: 'playground', path: '^packages/playground/src/', mayImport: ['language-server'] },
    // The stdio language client the tests and the benchmark share; it knows nothing of Pool.
    { name: 'lsp-client', path: '^packages/lsp-client/src/', mayImport: [] },
    { name: 'bench', path: '^packages/bench/src/', mayImport: ['language', 'lsp-client'] }
];

/** Where a layer's code is, whether imported as sources or as another package's build. */
function targets(name) {
    const layer = LAYERS.find(candidate => candidate.name === name);
    if (!layer) throw new Error(`.dependency-cruiser.cjs: no layer named ${name}`);
    if (!name.includes('/')) return [`^packages/${name}/(src|out|dist|bin)/`];
    return [layer.path];
}

/** Everything that belongs to some layer: the sources of every package and their builds. */
const ANY_LAYER = '^packages/[^/]+/(src|out|dist|bin)/';

const layerRules = LAYERS.map(layer => ({
    name: `layer: ${layer.name}`,
    comment: `${layer.name} may import ${layer.mayImport.length ? layer.mayImport.join(', ') : 'nothing else of Pool'} (ARCHITECTURE.md)`,
    severity: 'error',
    from: { path: layer.path },
    to: { path: ANY_LAYER, pathNot: [...targets(layer.name), ...layer.mayImport.flatMap(targets)] }
}));

// Packages and folders that run in a browser worker too: no Node built-in modules.
const PLATFORM_FREE = [
    '^packages/language/src/',
    '^packages/reports/src/(?!pdf/)',
    '^packages/language-server/src/(?!node(-server)?\\.ts$)',
    '^packages/playground/src/',
    '^packages/extension/src/(browser|browser-client|commands|preview|language|new-agreement|workspace-files)\\.ts$'
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
    forbidden: [
        ...layerRules,
        {
            name: 'no-node-in-platform-free-code',
            comment: 'This code also runs in a browser worker or VS Code for the Web: no Node built-in modules (ARCHITECTURE.md).',
            severity: 'error',
            from: { path: PLATFORM_FREE },
            to: { dependencyTypes: ['core'] }
        },
        {
            name: 'no-node-server-in-platform-free-code',
            comment: "Only the language server's node.ts and node-server.ts start it over Node's streams.",
            severity: 'error',
            from: { path: PLATFORM_FREE },
            to: { path: '^node_modules/.*vscode-languageserver/(lib/)?node' }
        },
        {
            name: 'no-test-code-in-sources',
            comment: 'Tests, fixtures and test helpers are never part of what ships.',
            severity: 'error',
            from: { path: ANY_LAYER },
            to: { path: ['^test/', '^packages/[^/]+/(test|e2e)/'] }
        }
    ],
    options: {
        // Another package's build is where its imports resolve; what it imports in turn is checked from its sources.
        doNotFollow: { path: ['node_modules', '^packages/[^/]+/(out|dist)/'] },
        exclude: { path: ['^packages/[^/]+/(out|dist)/.*\\.map$'] },
        // Type-only imports are imports too: a layer must not even name the types of a layer above it.
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.tests.json' },
        enhancedResolveOptions: {
            exportsFields: ['exports'],
            conditionNames: ['types', 'import', 'require', 'node', 'default'],
            mainFields: ['types', 'main'],
            extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json']
        },
        reporterOptions: { text: { highlightFocused: true } }
    }
};
