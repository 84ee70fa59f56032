// ESLint: typescript-eslint's strict, type-checked rules over every package's sources, tests and
// scripts (`pnpm lint`). Formatting is Prettier's (`pnpm format:check`), so no style rules here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        ignores: ['**/node_modules/', '**/out/', '**/dist/', '**/dist.partial/', '**/generated/', 'test-output/', 'coverage/']
    },
    js.configs.recommended,
    tseslint.configs.strictTypeChecked,
    {
        languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            // A switch over a union names every member, so a new member is a compile-time question.
            '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
            // Numbers are fine in sentences; a bigint is not (pence must go through formatMoney).
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
            // As the compiler's noUnusedParameters: a leading underscore says "unused on purpose".
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }]
        }
    },
    {
        // Each package's sources with its own compiler options (noUncheckedIndexedAccess among them),
        // the tests with theirs.
        files: ['packages/*/src/**/*.ts'],
        languageOptions: { parserOptions: { project: ['./packages/*/tsconfig.json'] } }
    },
    {
        files: ['test/**/*.ts', 'packages/*/test/**/*.ts', 'vitest.config.ts'],
        languageOptions: { parserOptions: { project: ['./tsconfig.tests.json'] } }
    },
    {
        // Langium's generated AST types say a property is always there, but a declaration that a
        // syntax error cut short lacks it; the code that reads syntax trees checks anyway.
        files: ['packages/language/src/{model,lsp,services,checks}/**/*.ts'],
        rules: { '@typescript-eslint/no-unnecessary-condition': 'off' }
    },
    {
        // In a test, a value that is not there makes the next line throw and the test fail, which
        // is the check a test needs (tsconfig.tests.json has noUncheckedIndexedAccess off likewise).
        files: ['test/**/*.ts', 'packages/*/test/**/*.ts'],
        rules: {
            '@typescript-eslint/no-non-null-assertion': 'off',
            // Likewise an index or optional field a test reads may miss, which its types do not say.
            '@typescript-eslint/no-unnecessary-condition': 'off',
            // Tests read what the tools print (JSON, SARIF, manifests) as it comes and let their
            // expectations check its shape, which is what they test. Shipped code is held to no \`any\`.
            '@typescript-eslint/no-unsafe-member-access': 'off',
            '@typescript-eslint/no-unsafe-assignment': 'off',
            '@typescript-eslint/no-unsafe-call': 'off',
            '@typescript-eslint/no-unsafe-argument': 'off',
            '@typescript-eslint/no-unsafe-return': 'off'
        }
    },
    {
        files: ['**/*.{js,mjs,cjs}'],
        extends: [tseslint.configs.disableTypeChecked],
        languageOptions: { globals: { ...globals.node } }
    },
    {
        // CommonJS: the extension host loads the end-to-end suite with require().
        files: ['**/*.cjs'],
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    },
    {
        // The end-to-end drivers also pass functions to the browser to run in the page.
        files: ['packages/extension/e2e/**/*.mjs'],
        languageOptions: { globals: { ...globals.node, ...globals.browser } }
    }
);
