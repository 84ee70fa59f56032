import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomEdit, randomGenerator } from '../fuzz/mutations.js';
import { type CliResult, runPool, runPoolInProcessIn } from '../support/cli.js';
import { REPO } from '../support/paths.js';
import { scratchFolder } from '../support/scratch.js';

/**
 * Random argument vectors over random files: pool never prints "internal error" or a stack trace,
 * always exits 0, 1 or 2, and never exits 0 from a check that found an error (or, with --strict, a
 * warning). FUZZ_CLI_RUNS sets how many (default 30, for every test run). Every fifth run starts
 * the built command as a real process (its exit status, that it ends); the others call the same
 * `main` in this process with its output captured, which asserts the same things without starting
 * Node and loading the bundle each time.
 */
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/**
 * A guard against a hang, not a time limit: a run starts Pool once or twice, so `pnpm fuzz`'s 2,000
 * take about an hour on an idle machine, and the limit grows with the runs.
 */
const LIMIT_MS = Math.max(600_000, RUNS * 10_000);
const EXAMPLES = ['troubled-families.pool', 'better-care-fund.pool', 'neighbourhood-budget.pool', 'invalid/total-mismatch.pool', 'invalid/bidi-control.pool'];
const HOSTILE: Record<string, string | Buffer> = {
    'nul.pool': Buffer.from([0x70, 0x00, 0x01]),
    'latin1.pool': Buffer.from('partner a "Caf\u00e9" council\n', 'latin1'),
    'digits.pool': `partner a "A" council\npool p "P" aligned { 2013/14 { a £${'9'.repeat(5_000)} } }\n`,
    'bidi.pool': 'partner a\u202e "A\u2066" council\n',
    'empty.pool': '',
    'notes.txt': 'not an agreement\n'
};

describe('fuzzing the command line', () => {
    it(
        `never says "internal error", never exits 0 on a file with errors (${RUNS} runs)`,
        async () => {
            const random = randomGenerator(SEED);
            const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
            const root = scratchFolder(HOSTILE);
            for (let i = 0; i < 6; i++) {
                let text = readFileSync(path.join(REPO, 'examples', EXAMPLES[i % EXAMPLES.length]), 'utf8');
                for (let k = 0; k < 1 + Math.floor(random() * 3); k++) text = randomEdit(random).apply(text);
                writeFileSync(path.join(root, `fuzzed-${i}.pool`), text);
            }
            const files = [...Object.keys(HOSTILE), ...Array.from({ length: 6 }, (_, i) => `fuzzed-${i}.pool`), 'missing.pool', '.', 'nowhere/', '*.pool'];
            const commands: (() => string[])[] = [
                () => ['check', ...(random() < 0.5 ? ['--strict'] : []), '--format', pick(['text', 'json', 'sarif', 'github', 'junit', 'xml']), pick(files)],
                () => ['fmt', ...(random() < 0.5 ? ['--check'] : []), pick(files)],
                () => [
                    'report',
                    pick(files),
                    '--format',
                    pick(['md', 'html', 'pdf', 'doc']),
                    '-o',
                    pick(['-', '', 'out.html', 'nowhere/out.md', '/dev/null', '.'])
                ],
                () => ['generate', 'json', pick(files), ...(random() < 0.5 ? ['-o', pick(['-', '', 'out.json', '/dev/null'])] : [])],
                () => ['fingerprint', pick(files)],
                () => ['diff', pick(files), pick(files), '--format', pick(['text', 'md', 'json'])],
                () => [
                    'approve',
                    pick(files),
                    '--partner',
                    pick(['council', 'nhs', 'a', '']),
                    '--role',
                    pick(['Leader', '', '"']),
                    '--key',
                    pick(['no_key', '.', 'notes.txt'])
                ],
                () => [
                    pick(['check', 'fmt', 'report', 'bogus', '--version', '--lang']),
                    pick(['--lang', '--no-such-option', '-o', '--format']),
                    pick(['cy', 'xx', '', '-'])
                ]
            ];
            const pool = (run: number, args: string[]): Promise<CliResult> =>
                run % 5 === 0 ? Promise.resolve(runPool(args, { cwd: root })) : runPoolInProcessIn(root, args, { stdin: '' });
            for (let run = 0; run < RUNS; run++) {
                const args = pick(commands)();
                const result = await pool(run, args);
                const where = `pool ${args.map(arg => JSON.stringify(arg)).join(' ')} → ${result.status}\n${result.stderr}`;
                expect(result.stderr, where).not.toMatch(/internal error|\n\s+at /);
                expect([0, 1, 2], where).toContain(result.status);
                if (args[0] === 'check' && result.status === 0) {
                    const json = await pool(run, ['check', '--format', 'json', args[args.length - 1]]);
                    const summary = JSON.parse(json.stdout).summary as { errors: number; warnings: number };
                    expect(summary.errors, where).toBe(0);
                    if (args.includes('--strict')) expect(summary.warnings, where).toBe(0);
                }
            }
            console.log(`command-line fuzz, seed ${SEED}: ${RUNS} runs, no failure`);
        },
        LIMIT_MS
    );
});
