import { defineConfig } from 'vitest/config';

/**
 * The inner loop's tests (`pnpm test:fast`): in-process unit tests, no browser, no VS Code, no
 * long fuzz; under a minute on two cores. `pnpm test` runs everything.
 */
const FAST = [
    'packages/language/test/**/*.test.ts',
    'packages/reports/test/html.test.ts',
    'packages/reports/test/json.test.ts',
    'packages/reports/test/welsh.test.ts',
    'test/examples.test.ts',
    'test/boundaries.test.ts',
    'test/tidy.test.ts'
];

/** Property runs over fuzzed files: in `pnpm test`, not the inner loop. */
const NOT_FAST = ['packages/language/test/lsp/fix-properties.test.ts'];

const fast = process.env.POOL_TESTS === 'fast';

export default defineConfig({
    test: {
        include: fast ? FAST : ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/node_modules/**', ...(fast ? NOT_FAST : [])],
        // A test that checks nothing fails: every test makes at least one expect() assertion.
        expect: { requireAssertions: true },
        // The end-to-end tests start real processes (the CLI, the language server).
        testTimeout: 120_000,
        hookTimeout: 120_000,
        // Two cores: keep process-heavy suites from starving each other.
        maxWorkers: 2
    }
});
