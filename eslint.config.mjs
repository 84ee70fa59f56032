// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        ignores: ['**/node_modules/', '**/out/', '**/dist/', '**/dist.partial/', '**/generated/', 'test-output/', 'coverage/', 'packages/extension/syntaxes/']
    },
    js.configs.recommended,
    tseslint.configs.strictTypeChecked,
    {
        languageOptions: {
            parserOptions: {
                project: ['./packages/*/tsconfig.json', './tsconfig.tests.json'],
                tsconfigRootDir: import.meta.dirname
            }
        },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            '@typescript-eslint/switch-exhaustiveness-check': 'error'
        }
    },
    {
        files: ['**/*.{js,mjs,cjs}'],
        extends: [tseslint.configs.disableTypeChecked]
    }
);
