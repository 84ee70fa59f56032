import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        // The end-to-end tests start real processes (the CLI, the language server).
        testTimeout: 120_000,
        hookTimeout: 120_000,
        // Two cores: keep process-heavy suites from starving each other.
        maxWorkers: 2
    }
});
