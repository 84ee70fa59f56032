/**
 * The test files that replace a module with `vi.mock` (a file system that fills up, a PDF renderer
 * that fails), which vitest.config.ts runs each with modules of its own. Every other file shares
 * its worker's modules with the files the worker ran before it (`isolate: false`): importing
 * Langium, the language package and the reports again for each of 113 files was a fifth of the
 * suite's CPU. A file run there must leave the process as it found it: the config puts spies and
 * stubbed variables back after each test, and a file that fakes timers puts them back itself; a
 * mocked module cannot be put back. test/tidy.test.ts fails when a file mocks a module and is not
 * listed here, or fakes timers and does not put them back.
 */
export const ISOLATED = ['packages/cli/test/report.test.ts', 'test/hostile/partial-output.test.ts', 'test/hostile/unclear-errors.test.ts'];
