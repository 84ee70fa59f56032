import { randomUUID } from 'node:crypto';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { ISOLATED } from './test/support/isolated.js';

/**
 * The inner loop's tests (`pnpm test:fast`): in-process unit tests, no browser, no VS Code, no
 * long fuzz; under a minute on two cores. `pnpm test` runs everything.
 */
const FAST = [
    'packages/language/test/**/*.test.ts',
    'packages/reports/test/html.test.ts',
    'packages/reports/test/json.test.ts',
    'packages/reports/test/welsh.test.ts',
    'packages/cli/test/usage-errors.test.ts',
    'test/examples.test.ts',
    'test/boundaries.test.ts',
    'test/tidy.test.ts'
];

/** Property runs over fuzzed files and random edits: in `pnpm test`, not the inner loop. */
const NOT_FAST = ['packages/language/test/lsp/fix-properties.test.ts', 'packages/language/test/incremental-parse.property.test.ts'];

const fast = process.env.POOL_TESTS === 'fast';

/**
 * The slowest files, slowest first (as measured in a whole run on two cores). vitest orders files
 * it has not timed yet by size, largest first, which on a fresh clone (CI) started these late and
 * left one worker running them alone for minutes at the end; started first, the many short files
 * fill in around them and the two workers finish together. A file not listed keeps vitest's order.
 */
const SLOWEST = [
    'packages/cli/test/verify.test.ts',
    'packages/reports/test/pdf.test.ts',
    'test/fuzz.test.ts',
    'packages/reports/test/garbled.test.ts',
    'test/package.test.ts',
    'packages/reports/test/pdf-layout.test.ts',
    'packages/cli/test/report.test.ts',
    'packages/language/test/lsp/fix-properties.test.ts',
    'packages/reports/test/browser.test.ts',
    'packages/reports/test/mutation.test.ts',
    'test/integrations.test.ts',
    'test/playground.test.ts'
];

/**
 * This run's name, inherited by every test file's process: files that need the same costly artefact
 * (the packed CLI, test/support/package.ts) make it once per run. Always new, never taken from the
 * environment, so a run never reuses what an earlier run made from an older build.
 */
process.env.POOL_TEST_RUN = randomUUID();

class SlowestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const rank = (file: TestSpecification) => {
            const at = SLOWEST.findIndex(slow => file.moduleId.endsWith(`/${slow}`));
            return at === -1 ? SLOWEST.length : at;
        };
        // A stable sort: the files not listed stay in vitest's order, after the listed ones.
        return (await super.sort(files)).toSorted((a, b) => rank(a) - rank(b));
    }
}

const include = fast ? FAST : ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'];
const exclude = ['**/node_modules/**', ...(fast ? NOT_FAST : [])];

export default defineConfig({
    test: {
        // A test that checks nothing fails: every test makes at least one expect() assertion.
        expect: { requireAssertions: true },
        // What a test changed of the process is put back after it, since the next file runs there too.
        restoreMocks: true,
        unstubEnvs: true,
        unstubGlobals: true,
        // The end-to-end tests start real processes (the CLI, the language server).
        testTimeout: 120_000,
        hookTimeout: 120_000,
        // Two cores: keep process-heavy suites from starving each other.
        maxWorkers: 2,
        sequence: { sequencer: SlowestFirst },
        projects: [
            { extends: true, test: { name: 'shared', include, exclude: [...exclude, ...ISOLATED], isolate: false } },
            ...(fast ? [] : [{ extends: true as const, test: { name: 'isolated', include: ISOLATED, exclude, isolate: true } }])
        ]
    }
});
