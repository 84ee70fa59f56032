/**
 * Test budgets. `pnpm test` runs each sampled or property test with a short fixed budget, the same
 * on every run; `pnpm fuzz` sets the variables below to run the long versions:
 *
 * - POOL_PROPERTIES=long: the property tests' fast-check runs, `long` instead of `short`;
 * - POOL_PREFIXES=all: garbled.test.ts reads every token-boundary prefix of the examples, not a sample.
 *
 * (FUZZ_EDITS, FUZZ_CLI_RUNS and POOL_MUTANTS are read by the tests they set, which say how.)
 */

/** fast-check's number of runs for a property test: `short` in `pnpm test`, `long` under POOL_PROPERTIES=long. */
export function propertyRuns(short: number, long: number): number {
    return process.env.POOL_PROPERTIES === 'long' ? long : short;
}

/** Whether a sampled test reads everything: `POOL_PREFIXES=all`, say. */
export function readsAll(variable: 'POOL_PREFIXES'): boolean {
    return process.env[variable] === 'all';
}
