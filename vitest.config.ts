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

export default defineConfig({
    test: {
        include: process.env.POOL_TESTS === 'fast' ? FAST : ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        // A test that checks nothing fails: every test makes at least one expect() assertion.
        expect: { requireAssertions: true },
        // The end-to-end tests start real processes (the CLI, the language server).
        testTimeout: 120_000,
        hookTimeout: 120_000,
        // Two cores: keep process-heavy suites from starving each other.
        maxWorkers: 2
    }
});
