import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_SIZES, type WorkloadFiles, writeWorkloads } from '../src/workloads.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const POOL = path.join(REPO, 'packages/cli/bin/pool.js');
const RUN = path.join(REPO, 'packages/bench/out/run.js');

let scratch: string;
let workloads: WorkloadFiles;

beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'pool-bench-test-'));
    workloads = await writeWorkloads(path.join(scratch, 'a'), 7, SMOKE_SIZES);
});

afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<Map<string, string>> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = new Map<string, string>();
    for (const entry of entries.filter(e => e.isFile())) {
        const file = path.join(entry.parentPath, entry.name);
        files.set(path.relative(dir, file), await readFile(file, 'utf8'));
    }
    return files;
}

/** Pence of `£1,234.56`, `£1234.56` or `1234.56`. */
const pence = (written: string): bigint => BigInt(written.replace(/[£,.]/g, ''));

/** Amount lines of the Pool file: contributions, year totals and spend lines, with their sums. */
function poolMoney(text: string): { contributions: bigint[]; totals: bigint[]; spend: bigint[] } {
    const contributions: bigint[] = [];
    const totals: bigint[] = [];
    const spend: bigint[] = [];
    for (const line of text.split('\n')) {
        const contribution = /^\s+(\w+)\s+(£[\d,]+\.\d\d)\s*$/.exec(line);
        if (contribution) (contribution[1] === 'total' ? totals : contributions).push(pence(contribution[2]));
        const spent = /^\s+"[^"]*"\s+(£[\d,]+\.\d\d)/.exec(line);
        if (spent) spend.push(pence(spent[1]));
    }
    return { contributions, totals, spend };
}

const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

function run(command: string, args: readonly string[]): { status: number | null; output: string } {
    // A UTF-8 locale whatever the machine's: hledger reads the journal (with £) in the locale's encoding.
    const result = spawnSync(command, args, { encoding: 'utf8', cwd: REPO, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the workload generator', () => {
    it('writes the same files for the same seed, and different ones for another seed', async () => {
        const again = await writeWorkloads(path.join(scratch, 'b'), 7, SMOKE_SIZES);
        const other = await writeWorkloads(path.join(scratch, 'c'), 8, SMOKE_SIZES);
        const first = await filesUnder(workloads.root);
        expect(first.size).toBe(1 + SMOKE_SIZES.w2.files + 1 + 3 + SMOKE_SIZES.w3.length);
        expect(await filesUnder(again.root)).toEqual(first);
        expect((await filesUnder(other.root)).get('w1/w1.pool')).not.toBe(first.get('w1/w1.pool'));
    });

    it('writes workloads that pool check passes, W2 importing one register', async () => {
        const result = run(process.execPath, [POOL, 'check', '--strict', workloads.root]);
        expect(result.output).toContain('all checks passed');
        expect(result.status).toBe(0);
        for (const agreement of workloads.w2.agreements) {
            expect(await readFile(agreement, 'utf8')).toMatch(/^import "\.\.\/registers\/partners\.pool"\n/);
        }
    });

    it('writes W1 ledgers with the same number of amounts and the same totals as the agreement', async () => {
        const pool = poolMoney(await readFile(workloads.w1.pool, 'utf8'));
        const journal = await readFile(workloads.w1.hledger, 'utf8');
        const beancount = await readFile(workloads.w1.beancount, 'utf8');
        const hledgerPosted = [...journal.matchAll(/^ {4}\S+ {4}£(\d+\.\d\d)/gm)].map(m => pence(m[1]));
        const hledgerAsserted = [...journal.matchAll(/ = £(\d+\.\d\d)$/gm)].map(m => pence(m[1]));
        const beanPosted = [...beancount.matchAll(/^ {2}\S+ {2}(\d+\.\d\d) GBP$/gm)].map(m => pence(m[1]));
        const beanAsserted = [...beancount.matchAll(/ balance \S+ {2}(\d+\.\d\d) GBP$/gm)].map(m => pence(m[1]));
        const { w1 } = SMOKE_SIZES;
        expect(pool.contributions).toHaveLength(w1.partners * w1.pools * w1.years);
        expect(pool.spend).toHaveLength(w1.spendPerYear * w1.pools * w1.years);
        expect(pool.totals).toHaveLength(w1.pools * w1.years);
        expect(hledgerPosted).toHaveLength(pool.contributions.length + pool.spend.length);
        expect(beanPosted).toHaveLength(pool.contributions.length + pool.spend.length);
        expect(sum(hledgerPosted)).toBe(sum(pool.contributions) + sum(pool.spend));
        expect(sum(beanPosted)).toBe(sum(pool.contributions) + sum(pool.spend));
        expect(hledgerAsserted.sort()).toEqual([...pool.totals].sort());
        expect(beanAsserted.sort()).toEqual([...pool.totals].sort());
    });

    it('makes hledger check, bean-check and pool check all accept W1, and all reject it with one amount a pound out', async () => {
        expect(run('hledger', ['check', '-f', workloads.w1.hledger]).status).toBe(0);
        expect(run('bean-check', [workloads.w1.beancount]).status).toBe(0);

        // The first contribution, a pound more, in each of the three files (bean-check's balance
        // directive allows a penny's tolerance on two-decimal amounts by default).
        const journal = await readFile(workloads.w1.hledger, 'utf8');
        const posted = /^ {4}\S+ {4}£(\d+\.\d\d)/m.exec(journal)!;
        const changedJournal = path.join(scratch, 'changed.journal');
        await writeFile(changedJournal, journal.replace(posted[0], posted[0].replace(posted[1], aPoundMore(posted[1]))));
        const hledger = run('hledger', ['check', '-f', changedJournal]);
        expect(hledger.status).not.toBe(0);
        expect(hledger.output).toMatch(/balance assertion/i);

        const beancount = await readFile(workloads.w1.beancount, 'utf8');
        const beanPosted = /^ {2}\S+ {2}(\d+\.\d\d) GBP$/m.exec(beancount)!;
        const changedBeancount = path.join(scratch, 'changed.beancount');
        await writeFile(changedBeancount, beancount.replace(beanPosted[0], beanPosted[0].replace(beanPosted[1], aPoundMore(beanPosted[1]))));
        const bean = run('bean-check', [changedBeancount]);
        expect(bean.status).not.toBe(0);
        expect(bean.output).toMatch(/balance failed/i);

        const agreement = await readFile(workloads.w1.pool, 'utf8');
        const contribution = /^(\s+\w+\s+£[\d,]*)(\d)(\.\d\d)$/m.exec(agreement)!;
        const changedPool = path.join(scratch, 'changed.pool');
        const otherDigit = contribution[2] === '9' ? '8' : String(Number(contribution[2]) + 1);
        await writeFile(changedPool, agreement.replace(contribution[0], `${contribution[1]}${otherDigit}${contribution[3]}`));
        const pool = run(process.execPath, [POOL, 'check', changedPool]);
        expect(pool.status).toBe(1);
        expect(pool.output).toContain('error[total-mismatch]');
    });
});

/** `12.34` → `13.34`, exactly. */
function aPoundMore(decimal: string): string {
    const changed = pence(decimal) + 100n;
    return `${changed / 100n}.${(changed % 100n).toString().padStart(2, '0')}`;
}

describe('the benchmark', () => {
    it('runs end to end in its smoke version and reports every measure (times are not asserted)', async () => {
        const json = path.join(scratch, 'smoke.json');
        const benchmarksBefore = await readFile(path.join(REPO, 'BENCHMARKS.md'), 'utf8');
        const result = run(process.execPath, [RUN, '--smoke', '--dir', path.join(scratch, 'smoke'), '--json', json]);
        expect(result.status, result.output).toBe(0);
        const results = JSON.parse(await readFile(json, 'utf8')) as {
            rows: { measure: string; workload: string; result: string; budget: string }[];
            figures: Record<string, number>;
        };
        const measures = results.rows.map(row => `${row.measure.replace(/ \(median.*/, '')} | ${row.workload.replace(/ \(.*/, '')}`);
        expect(measures).toEqual([
            '`pool check` | W1',
            '`hledger check` | W1 as a journal',
            '`pool check` ÷ `hledger check`, CPU | W1',
            '`bean-check` | W1 as a beancount file',
            '`bean-check` ÷ `pool check`, CPU | W1',
            '`pool check` | W0',
            "`node -e ''` | (nothing)",
            "`pool check` wall time over `node -e ''` | W0",
            '`pool check` | W2',
            'lexer alone (the floor), CPU | W1',
            'lexer + parser, CPU | W1',
            'full check in-process, CPU | W1',
            'keystroke → diagnostics, p50 / p95 of 6 | W3-500',
            'keystroke → diagnostics, p50 / p95 of 6 | W3-2000',
            'keystroke → diagnostics, p50 / p95 of 6 | W1',
            'fast typing (an edit every 30 ms, 33 edits): wait for diagnostics p95 / after the last edit | W3-2000',
            'server start → first diagnostics of an opened file | W2',
            'server start → every file checked | W2',
            'server resident memory after indexing | W2',
            "register edit → the open file's diagnostics, median [range] of 2 | W2",
            'register edit → every importer re-checked, median [range] of 2 | W2',
            '`pool fmt` | W4',
            '`pool check` | W5'
        ]);
        // The budgets are issue 22's, beside the measures they bound, and the scale inputs' own.
        expect(
            results.rows
                .filter(row => row.budget !== '')
                .map(row => `${row.measure.replace(/ \(median.*/, '')} | ${row.workload.replace(/ \(.*/, '')} | ${row.budget}`)
        ).toEqual([
            '`pool check` ÷ `hledger check`, CPU | W1 | ≤ 1.0×',
            '`bean-check` ÷ `pool check`, CPU | W1 | ≥ 1.5×',
            "`pool check` wall time over `node -e ''` | W0 | ≤ 100 ms",
            '`pool check` | W2 | ≤ 10 s wall',
            'keystroke → diagnostics, p50 / p95 of 6 | W3-500 | p95 ≤ 20 ms',
            'keystroke → diagnostics, p50 / p95 of 6 | W3-2000 | p95 ≤ 40 ms',
            'keystroke → diagnostics, p50 / p95 of 6 | W1 | p95 ≤ 100 ms',
            'server start → first diagnostics of an opened file | W2 | ≤ 5 s',
            'server resident memory after indexing | W2 | ≤ 300 MB',
            "register edit → the open file's diagnostics, median [range] of 2 | W2 | ≤ 300 ms",
            '`pool fmt` | W4 | ≤ 10 s CPU, ≤ 500 MB peak',
            '`pool check` | W5 | ≤ 10 s CPU'
        ]);
        // CPU times of tiny runs can round to 0; wall times and memory cannot.
        for (const [name, value] of Object.entries(results.figures).filter(([name]) => !name.endsWith('CpuMs'))) {
            expect(value, name).toBeGreaterThan(0);
        }
        // The table is printed for people; the smoke version leaves BENCHMARKS.md alone.
        expect(result.output).toContain('| measure | workload | median | budget | met |');
        expect(await readFile(path.join(REPO, 'BENCHMARKS.md'), 'utf8')).toBe(benchmarksBefore);
    });

    it('runs just the scale workloads with --scale-only, their budgets beside the figures', async () => {
        const json = path.join(scratch, 'scale.json');
        const result = run(process.execPath, [RUN, '--smoke', '--scale-only', '--dir', path.join(scratch, 'scale'), '--json', json]);
        expect(result.status, result.output).toBe(0);
        const results = JSON.parse(await readFile(json, 'utf8')) as {
            rows: { measure: string; workload: string; budget: string }[];
            lines: Record<string, number>;
        };
        expect(results.rows.map(row => `${row.measure} | ${row.workload} | ${row.budget}`)).toEqual([
            '`pool fmt` | W4 (2,000 untidy lines) | ≤ 10 s CPU, ≤ 500 MB peak',
            '`pool check` | W5 (a register of 0.10 MiB) | ≤ 10 s CPU'
        ]);
        expect(results.lines['scale/w4/w4.pool']).toBe(2_000);
        expect(result.output).toContain('| `pool fmt` | W4 (2,000 untidy lines) |');
    });
});
