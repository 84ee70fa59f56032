import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_SIZES, SMOKE_SIZES, type WorkloadFiles, writeWorkloads } from '../packages/bench/src/workloads.js';
import { runPoolInProcess } from './support/cli.js';
import { REPO } from './support/paths.js';

/**
 * Every diagnostic of every agreement in the repository and of the benchmark's workloads (clean
 * and with mistakes made in them), as `pool check` reports them, against a snapshot taken before
 * the performance work on the check pipeline and the language server: making Pool faster must not
 * change a single finding, its place or its words. `UPDATE_SNAPSHOT=1` rewrites the snapshot (only
 * when a finding is meant to change).
 */
const SNAPSHOT = path.join(REPO, 'test/snapshots/diagnostics.json');

interface CheckJson {
    readonly diagnostics: readonly {
        readonly file: string;
        readonly severity: string;
        readonly code: string;
        readonly message: string;
        readonly range: { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } };
        readonly related: readonly unknown[];
    }[];
}

type Findings = Record<string, string[]>;

/** `pool check --strict --format json` of the files, as one line per finding, by file. */
async function findings(files: readonly string[], root: string, prefix: string): Promise<Findings> {
    const result = await runPoolInProcess(['check', '--strict', '--format', 'json', ...files]);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as CheckJson;
    const byFile: Findings = {};
    for (const d of json.diagnostics) {
        const file = `${prefix}${path.relative(root, path.resolve(REPO, d.file)).split(path.sep).join('/')}`;
        const { start, end } = d.range;
        (byFile[file] ??= []).push(
            `${start.line}:${start.column}-${end.line}:${end.column} ${d.severity} ${d.code}: ${d.message} ${JSON.stringify(d.related).replaceAll(root, '<root>')}`
        );
    }
    return byFile;
}

/** Replaces the `nth` (from 0) match of `pattern` in the file. */
async function edit(file: string, pattern: RegExp, nth: number, replace: (match: string) => string): Promise<void> {
    const text = await readFile(file, 'utf8');
    let seen = 0;
    const changed = text.replace(new RegExp(pattern.source, 'gm'), match => (seen++ === nth ? replace(match) : match));
    expect(seen).toBeGreaterThan(nth);
    await writeFile(file, changed);
}

let scratch: string;
let full: WorkloadFiles;
let smoke: WorkloadFiles;

beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'pool-snapshot-'));
    full = await writeWorkloads(path.join(scratch, 'full'), 1, { ...FULL_SIZES, w2: SMOKE_SIZES.w2 });
    smoke = await writeWorkloads(path.join(scratch, 'smoke'), 1, SMOKE_SIZES);
    // Mistakes of every kind in the copies: a penny off a contribution (the year's total no longer
    // matches), a partner no one declared (linking), a broken amount, a block cut short (syntax),
    // a partner taken out of the register many files import.
    await edit(smoke.w1.pool, /^ {8}p\d+ +£[\d,]+\.\d\d$/, 3, line => line.replace(/\d$/, d => String((Number(d) + 1) % 10)));
    await edit(smoke.w1.pool, /^ {8}p002 /, 2, () => '        p999 ');
    await edit(smoke.w1.pool, /£[\d,]+\.\d\d$/, 9, () => '£00012.50');
    await edit(smoke.w1.pool, /£[\d,]+\.\d\d$/, 11, amount => amount.replace(/\.\d\d$/, ''));
    await edit(smoke.w1.pool, /£[\d,]+\.\d\d$/, 13, amount => amount.replace(/\d$/, ''));
    await edit(smoke.w1.pool, /£[\d,]+\.\d\d$/, 15, amount => `${amount}1`);
    await edit(smoke.w3[0].pool, /£[\d,]+\.\d\d$/, 2, () => '£1,00.5');
    await edit(smoke.w3[0].pool, /^ {4}\}$/, 1, () => '');
    await edit(smoke.w2.register, /^partner r001 .*$/, 0, () => '');
    await edit(smoke.w2.agreements[0], /£[\d,]+\.\d\d$/, 1, amount => amount.replace('.', ''));
}, 120_000);

afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
});

async function current(): Promise<Findings> {
    const tracked = execFileSync('git', ['ls-files', '*.pool'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
    const all: Findings = {};
    // Each folder of agreements on its own, as a user checks it (a fixture may be meant to stand alone).
    const folders = new Map<string, string[]>();
    for (const file of tracked) folders.set(path.dirname(file), [...(folders.get(path.dirname(file)) ?? []), file]);
    for (const files of folders.values()) Object.assign(all, await findings(files, REPO, ''));
    Object.assign(all, await findings([full.root], full.root, 'workloads/'));
    Object.assign(all, await findings([smoke.root], smoke.root, 'workloads-with-mistakes/'));
    return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}

describe('diagnostics stay identical', () => {
    it('every example, fixture and benchmark workload, clean and with mistakes, reports what the snapshot says', async () => {
        const now = await current();
        expect(Object.keys(now).some(file => file.startsWith('workloads-with-mistakes/w1/'))).toBe(true);
        expect(Object.keys(now).some(file => file.startsWith('workloads-with-mistakes/w2/agreements/'))).toBe(true);
        expect(Object.keys(now).some(file => file.startsWith('workloads-with-mistakes/w3-500/'))).toBe(true);
        if (process.env.UPDATE_SNAPSHOT) await writeFile(SNAPSHOT, `${JSON.stringify(now, null, 1)}\n`);
        expect(now).toEqual(JSON.parse(await readFile(SNAPSHOT, 'utf8')));
    });
});
