#!/usr/bin/env node
import { readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { timeFastTyping, timeKeystrokes, timeRegisterEdits, timeWorkspaceOpen } from './editor.js';
import { timeInProcess } from './in-process.js';
import { languageServerEntry } from './lsp.js';
import { type CommandRun, median, medianOf, onPath, runCommand, versionOf } from './measure.js';
import { FULL_SIZES, SMOKE_SIZES, writeWorkloads } from './workloads.js';
import { FULL_SCALE, SMOKE_SCALE, writeScaleWorkloads } from './scale.js';
import { at, entry } from './checked.js';

/*
 * The benchmark: `pnpm bench` (full, rewrites the results in BENCHMARKS.md) or `pnpm bench:smoke`
 * (tiny workloads, one run each, writes nothing: CI runs it so the benchmark cannot rot). Times are
 * printed, never asserted; what is asserted is that every tool accepted its input and that the
 * editor's diagnostics followed each edit, so a broken benchmark fails loudly instead of timing an
 * error path.
 */

const REPO = path.resolve(import.meta.dirname, '../../..');
const POOL_BIN = path.join(REPO, 'packages/cli/bin/pool.js');

interface Options {
    readonly smoke: boolean;
    readonly seed: number;
    readonly dir: string;
    readonly runs: number;
    readonly edits: number;
    readonly write: boolean;
    readonly json: string | undefined;
    /** Only the scale workloads (W4, W5): a quick look at them, written nowhere. */
    readonly scaleOnly: boolean;
}

function parseOptions(argv: readonly string[]): Options {
    const value = (name: string): string | undefined => {
        const at = argv.indexOf(name);
        return at >= 0 ? argv[at + 1] : undefined;
    };
    const smoke = argv.includes('--smoke');
    const scaleOnly = argv.includes('--scale-only');
    const seed = Number(value('--seed') ?? 1);
    const runs = Number(value('--runs') ?? (smoke ? 1 : 5));
    if (!smoke && runs < 3) throw new UsageError('--runs must be at least 3: medians and spreads need three rounds');
    const edits = Number(value('--edits') ?? (smoke ? 6 : 200));
    if (![seed, runs, edits].every(n => Number.isInteger(n) && n >= 0) || runs < 1 || edits < 2) {
        throw new UsageError('--seed, --runs and --edits take whole numbers (runs ≥ 1, edits ≥ 2)');
    }
    return {
        smoke,
        seed,
        runs,
        edits,
        dir: path.resolve(value('--dir') ?? path.join(os.tmpdir(), `pool-bench-${smoke ? 'smoke' : 'full'}-${seed}`)),
        write: !smoke && !scaleOnly && !argv.includes('--no-write'),
        json: value('--json'),
        scaleOnly
    };
}

class UsageError extends Error {}

/** A row of the results table. */
export interface ResultRow {
    readonly measure: string;
    readonly workload: string;
    readonly result: string;
    readonly budget: string;
    /** Whether the budget is met; undefined when the row has no budget or could not be measured. */
    readonly met: boolean | undefined;
}

export interface BenchResults {
    readonly smoke: boolean;
    readonly seed: number;
    readonly machine: Record<string, string>;
    readonly lines: Record<string, number>;
    readonly rows: readonly ResultRow[];
    /** Raw medians and percentiles, in milliseconds and bytes. */
    readonly figures: Record<string, number | undefined>;
}

const seconds = (ms: number): string =>
    ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const megabytes = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
const cpu = (ms: number | undefined): string => (ms === undefined ? '' : `, ${seconds(ms)} CPU`);
const ratio = (x: number): string => `${x.toFixed(2)}×`;

function log(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
}

/** Runs a command `runs` times and fails if it does not accept its input. */
/** The environment hledger is run in: a UTF-8 locale, so that it reads the UTF-8 journal on any machine. */
const HLEDGER_ENV = { LC_ALL: 'C.UTF-8' };

async function repeat(label: string, runs: number, command: string, args: readonly string[], env?: Record<string, string>): Promise<CommandRun[]> {
    const results: CommandRun[] = [];
    for (let i = 0; i < runs; i++) {
        const run = await runCommand(command, args, REPO, env);
        if (run.exitCode !== 0) {
            throw new Error(`${label} failed (exit ${run.exitCode}): ${(run.stderr || run.stdout).trim().split('\n').slice(0, 5).join(' | ')}`);
        }
        results.push(run);
    }
    return results;
}

/**
 * The CPU ratio of each round (Pool's run and the peer's, run one after the other, so that load
 * hits both alike), with the median and range over the rounds.
 */
function pairedRatios(
    pool: readonly CommandRun[],
    peer: readonly CommandRun[],
    of: (poolCpu: number, peerCpu: number) => number
): { median: number; min: number; max: number } | undefined {
    const ratios = pool.flatMap((run, i) => {
        const other = peer[i];
        return run.cpuMs && other?.cpuMs ? [of(run.cpuMs, other.cpuMs)] : [];
    });
    if (ratios.length === 0) return undefined;
    return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/**
 * The scale workloads from the command line: `pool fmt` of W4 (each run from a fresh copy of the
 * untidy text) and `pool check` of W5, in CPU time and peak memory against their budgets.
 */
async function timeScale(options: Options, rows: ResultRow[], figures: Record<string, number | undefined>): Promise<Record<string, number>> {
    const scale = await writeScaleWorkloads(path.join(options.dir, 'scale'), options.smoke ? SMOKE_SCALE : FULL_SCALE);
    const runs = options.smoke ? 1 : Math.max(1, Math.ceil(options.runs / 2));
    const w4Label = `W4 (${scale.fmtLines.toLocaleString('en-GB')} untidy lines)`;
    log(`W4: pool fmt × ${runs}`);
    const fmtRuns: CommandRun[] = [];
    for (let i = 0; i < runs; i++) {
        await writeFile(scale.fmt, scale.untidy);
        const run = await runCommand(process.execPath, [POOL_BIN, 'fmt', scale.fmt], REPO);
        if (run.exitCode !== 0 || (await readFile(scale.fmt, 'utf8')) === scale.untidy) {
            throw new Error(
                `pool fmt W4 failed or changed nothing (exit ${run.exitCode}): ${(run.stderr || run.stdout).trim().split('\n').slice(0, 5).join(' | ')}`
            );
        }
        fmtRuns.push(run);
    }
    const w5Mib = scale.registerBytes / 1024 / 1024;
    const w5Label = `W5 (a register of ${w5Mib.toFixed(w5Mib < 1 ? 2 : 1)} MiB)`;
    log(`W5: pool check × ${runs}`);
    const checkRuns = await repeat('pool check W5', runs, process.execPath, [POOL_BIN, 'check', scale.register]);
    const fmtCpu = medianOf(fmtRuns.map(r => r.cpuMs));
    const fmtRss = medianOf(fmtRuns.map(r => r.peakRssBytes));
    const checkCpu = medianOf(checkRuns.map(r => r.cpuMs));
    const checkRss = medianOf(checkRuns.map(r => r.peakRssBytes));
    Object.assign(figures, {
        w4FmtWallMs: median(fmtRuns.map(r => r.wallMs)),
        w4FmtCpuMs: fmtCpu,
        w4FmtPeakRssBytes: fmtRss,
        w5CheckWallMs: median(checkRuns.map(r => r.wallMs)),
        w5CheckCpuMs: checkCpu,
        w5CheckPeakRssBytes: checkRss
    });
    rows.push({
        measure: '`pool fmt`',
        workload: w4Label,
        result: `${seconds(median(fmtRuns.map(r => r.wallMs)))} wall${cpu(fmtCpu)}, ${megabytes(fmtRss)} peak`,
        budget: '≤ 10 s CPU, ≤ 500 MB peak',
        met: options.smoke || fmtCpu === undefined || fmtRss === undefined ? undefined : fmtCpu <= 10_000 && fmtRss <= 500 * 1024 * 1024
    });
    rows.push({
        measure: '`pool check`',
        workload: w5Label,
        result: `${seconds(median(checkRuns.map(r => r.wallMs)))} wall${cpu(checkCpu)}, ${megabytes(checkRss)} peak`,
        budget: '≤ 10 s CPU',
        met: options.smoke || checkCpu === undefined ? undefined : checkCpu <= 10_000
    });
    return { 'scale/w4/w4.pool': scale.fmtLines, 'scale/w5/register.pool': scale.registerLines };
}

async function main(argv: readonly string[]): Promise<number> {
    const options = parseOptions(argv);
    const sizes = options.smoke ? SMOKE_SIZES : FULL_SIZES;
    const loadAtStart = os.loadavg();
    const started = performance.now();
    if (options.scaleOnly) {
        const rows: ResultRow[] = [];
        const figures: Record<string, number | undefined> = {};
        const lines = await timeScale(options, rows, figures);
        const machine = describeMachine(loadAtStart, started, { runs: `${options.smoke ? 1 : Math.max(1, Math.ceil(options.runs / 2))} per command` });
        const results: BenchResults = { smoke: options.smoke, seed: options.seed, machine, lines, rows, figures };
        process.stdout.write(`${renderReport(results)}\n`);
        if (options.json) await writeAtomically(path.resolve(options.json), `${JSON.stringify(results, null, 2)}\n`);
        return 0;
    }
    log(`writing workloads (seed ${options.seed}) to ${options.dir}`);
    const files = await writeWorkloads(options.dir, options.seed, sizes);
    const rows: ResultRow[] = [];
    const figures: Record<string, number | undefined> = {};
    const w1Lines = entry(files.lines, 'w1/w1.pool');
    const w1Label = `W1 (${w1Lines.toLocaleString('en-GB')} lines)`;

    // 1. W1: pool check against the peers, runs interleaved so that load hits them alike.
    const hledger = onPath('hledger');
    const beanCheck = onPath('bean-check');
    if (options.smoke && !(hledger && beanCheck)) {
        throw new UsageError('the smoke benchmark needs hledger and bean-check (Debian: apt-get install hledger beancount)');
    }
    log(`W1: pool check${hledger ? ', hledger check' : ''}${beanCheck ? ', bean-check' : ''} × ${options.runs}`);
    const poolRuns: CommandRun[] = [];
    const hledgerRuns: CommandRun[] = [];
    const beanRuns: CommandRun[] = [];
    for (let i = 0; i < options.runs; i++) {
        poolRuns.push(...(await repeat('pool check W1', 1, process.execPath, [POOL_BIN, 'check', files.w1.pool])));
        // hledger reads its journal in the locale's encoding: the journal is UTF-8 (£), whatever the locale.
        if (hledger) hledgerRuns.push(...(await repeat('hledger check W1', 1, 'hledger', ['check', '-f', files.w1.hledger], HLEDGER_ENV)));
        // bean-check keeps a pickle of what it read beside the file and, run again, checks that instead
        // of the text; every run here must read the text, as pool check and hledger check do.
        if (beanCheck) beanRuns.push(...(await repeat('bean-check W1', 1, 'bean-check', [files.w1.beancount], { BEANCOUNT_DISABLE_LOAD_CACHE: '1' })));
    }
    const poolWall = median(poolRuns.map(r => r.wallMs));
    const poolCpu = medianOf(poolRuns.map(r => r.cpuMs));
    figures.w1PoolWallMs = poolWall;
    figures.w1PoolCpuMs = poolCpu;
    rows.push({ measure: '`pool check`', workload: w1Label, result: `${seconds(poolWall)} wall${cpu(poolCpu)}`, budget: '', met: undefined });
    if (hledger) {
        const wall = median(hledgerRuns.map(r => r.wallMs));
        const cpuMs = medianOf(hledgerRuns.map(r => r.cpuMs));
        figures.w1HledgerWallMs = wall;
        figures.w1HledgerCpuMs = cpuMs;
        rows.push({ measure: '`hledger check`', workload: 'W1 as a journal', result: `${seconds(wall)} wall${cpu(cpuMs)}`, budget: '', met: undefined });
        const rounds = pairedRatios(poolRuns, hledgerRuns, (pool, peer) => pool / peer);
        rows.push({
            measure: '`pool check` ÷ `hledger check`, CPU (median [range] of the rounds)',
            workload: 'W1',
            result: `${rounds ? `${ratio(rounds.median)} [${ratio(rounds.min)} to ${ratio(rounds.max)}]` : 'n/a'}; wall ${ratio(poolWall / wall)}`,
            budget: '≤ 1.0×',
            met: options.smoke || !rounds ? undefined : rounds.median <= 1
        });
    } else {
        rows.push({
            measure: '`hledger check`',
            workload: 'W1 as a journal',
            result: 'not installed (Debian: `apt-get install hledger`)',
            budget: '',
            met: undefined
        });
    }
    if (beanCheck) {
        const wall = median(beanRuns.map(r => r.wallMs));
        const cpuMs = medianOf(beanRuns.map(r => r.cpuMs));
        figures.w1BeanCheckWallMs = wall;
        figures.w1BeanCheckCpuMs = cpuMs;
        rows.push({ measure: '`bean-check`', workload: 'W1 as a beancount file', result: `${seconds(wall)} wall${cpu(cpuMs)}`, budget: '', met: undefined });
        const rounds = pairedRatios(poolRuns, beanRuns, (pool, peer) => peer / pool);
        rows.push({
            measure: '`bean-check` ÷ `pool check`, CPU (median [range] of the rounds)',
            workload: 'W1',
            result: `${rounds ? `${ratio(rounds.median)} [${ratio(rounds.min)} to ${ratio(rounds.max)}]` : 'n/a'}; wall ${ratio(wall / poolWall)}`,
            budget: '≥ 1.5×',
            met: options.smoke || !rounds ? undefined : rounds.median >= 1.5
        });
    } else {
        rows.push({
            measure: '`bean-check`',
            workload: 'W1 as a beancount file',
            result: 'not installed (Debian: `apt-get install beancount`)',
            budget: '',
            met: undefined
        });
    }

    // The fixed cost: a 7-line check against Node starting and doing nothing, in paired rounds.
    const smallRounds = options.smoke ? 1 : Math.max(12, options.runs * 2);
    log(`W0: pool check of 7 lines and node -e '' × ${smallRounds}`);
    // One run first, not counted: it fills V8's compile cache, as any earlier check on the machine would have.
    await repeat('pool check W0', 1, process.execPath, [POOL_BIN, 'check', files.w0]);
    const smallRuns: CommandRun[] = [];
    const nodeRuns: CommandRun[] = [];
    for (let i = 0; i < smallRounds; i++) {
        smallRuns.push(...(await repeat('pool check W0', 1, process.execPath, [POOL_BIN, 'check', files.w0])));
        nodeRuns.push(...(await repeat("node -e ''", 1, process.execPath, ['-e', ''])));
    }
    const overNode = smallRuns.map((run, i) => run.wallMs - at(nodeRuns, i).wallMs);
    const smallOver = median(overNode);
    Object.assign(figures, {
        w0PoolWallMs: median(smallRuns.map(r => r.wallMs)),
        w0PoolCpuMs: medianOf(smallRuns.map(r => r.cpuMs)),
        nodeEmptyWallMs: median(nodeRuns.map(r => r.wallMs)),
        w0OverNodeWallMs: smallOver
    });
    const w0Label = `W0 (${entry(files.lines, 'w0/w0.pool')} lines)`;
    rows.push({
        measure: '`pool check`',
        workload: w0Label,
        result: `${seconds(median(smallRuns.map(r => r.wallMs)))} wall${cpu(figures.w0PoolCpuMs)}`,
        budget: '',
        met: undefined
    });
    rows.push({
        measure: "`node -e ''`",
        workload: '(nothing)',
        result: `${seconds(median(nodeRuns.map(r => r.wallMs)))} wall${cpu(medianOf(nodeRuns.map(r => r.cpuMs)))}`,
        budget: '',
        met: undefined
    });
    rows.push({
        measure: "`pool check` wall time over `node -e ''` (median [range] of the rounds' differences)",
        workload: w0Label,
        result: `${seconds(smallOver)} [${seconds(Math.min(...overNode))} to ${seconds(Math.max(...overNode))}]`,
        budget: '≤ 100 ms',
        met: options.smoke ? undefined : smallOver <= 100
    });

    // 2. W2: the whole workspace from the command line.
    const w2Runs = options.smoke ? 1 : Math.max(1, Math.ceil(options.runs / 2));
    log(`W2: pool check × ${w2Runs}`);
    const w2 = await repeat('pool check W2', w2Runs, process.execPath, [POOL_BIN, 'check', files.w2.dir]);
    const w2Wall = median(w2.map(r => r.wallMs));
    const w2Rss = medianOf(w2.map(r => r.peakRssBytes));
    figures.w2PoolWallMs = w2Wall;
    figures.w2PoolCpuMs = medianOf(w2.map(r => r.cpuMs));
    figures.w2PoolPeakRssBytes = w2Rss;
    const w2Label = `W2 (${files.w2.agreements.length.toLocaleString('en-GB')} files + register)`;
    rows.push({
        measure: '`pool check`',
        workload: w2Label,
        result: `${seconds(w2Wall)} wall${cpu(figures.w2PoolCpuMs)}, ${megabytes(w2Rss)} peak`,
        budget: '≤ 10 s wall',
        met: options.smoke ? undefined : w2Wall <= 10_000
    });

    // 3. The floor: the lexer alone over W1, inside one process.
    log('W1: lexer, parser and full check in-process');
    const inProcess = await timeInProcess(files.w1.pool, Math.max(3, options.runs));
    if (inProcess.diagnostics !== 0) throw new Error(`the in-process check of W1 found ${inProcess.diagnostics} diagnostics; the workload should be clean`);
    Object.assign(figures, { w1LexerMs: inProcess.lexerMs, w1ParseMs: inProcess.parseMs, w1InProcessCheckMs: inProcess.checkMs });
    rows.push({
        measure: 'lexer alone (the floor), CPU',
        workload: `W1 (${inProcess.tokens.toLocaleString('en-GB')} tokens)`,
        result: seconds(inProcess.lexerMs),
        budget: '',
        met: undefined
    });
    rows.push({
        measure: 'lexer + parser, CPU',
        workload: 'W1',
        result: `${seconds(inProcess.parseMs)} (${ratio(inProcess.parseMs / inProcess.lexerMs)} the lexer)`,
        budget: '',
        met: undefined
    });
    rows.push({
        measure: 'full check in-process, CPU',
        workload: 'W1',
        result: `${seconds(inProcess.checkMs)} (${ratio(inProcess.checkMs / inProcess.lexerMs)} the lexer)`,
        budget: '',
        met: undefined
    });

    // 4. The editor, through a real stdio connection to the language server.
    const server = languageServerEntry(REPO);
    const keystrokeTargets = [
        ...files.w3.map(w3 => ({
            label: `${w3.name.toUpperCase()} (${entry(files.lines, `${w3.name}/${w3.name}.pool`).toLocaleString('en-GB')} lines)`,
            key: w3.name,
            file: w3.pool
        })),
        { label: w1Label, key: 'w1', file: files.w1.pool }
    ];
    const keystrokeBudgets: Record<string, number> = { 'w3-500': 20, 'w3-2000': 40, w1: 100 };
    for (const target of keystrokeTargets) {
        log(`editor: ${options.edits} keystrokes in ${target.key}`);
        const times = await timeKeystrokes(server, target.file, options.edits);
        if (times.stalePublications > 0)
            log(`editor: ${times.stalePublications} diagnostics in ${target.key} were published before they reflected an edit (skipped)`);
        figures[`${target.key}KeystrokeP50Ms`] = times.p50Ms;
        figures[`${target.key}KeystrokeP95Ms`] = times.p95Ms;
        const budget = entry(keystrokeBudgets, target.key);
        rows.push({
            measure: `keystroke → diagnostics, p50 / p95 of ${times.edits}`,
            workload: target.label,
            result: `${seconds(times.p50Ms)} / ${seconds(times.p95Ms)}`,
            budget: `p95 ≤ ${budget} ms`,
            met: options.smoke ? undefined : times.p95Ms <= budget
        });
    }
    // A fast typist: an edit every 30 ms for 10 s (smoke: 1 s) on the 2,000-line file.
    const typingFile = at(files.w3, files.w3.length - 1);
    log(`editor: fast typing in ${typingFile.name}`);
    const typing = await timeFastTyping(server, typingFile.pool, 30, options.smoke ? 1000 : 10_000);
    Object.assign(figures, { fastTypingP95Ms: typing.p95Ms, fastTypingLagMs: typing.lagAfterLastMs });
    rows.push({
        measure: `fast typing (an edit every 30 ms, ${typing.edits} edits): wait for diagnostics p95 / after the last edit`,
        workload: `W3-2000 (${entry(files.lines, `${typingFile.name}/${typingFile.name}.pool`).toLocaleString('en-GB')} lines)`,
        result: `${seconds(typing.p95Ms)} / ${seconds(typing.lagAfterLastMs)}`,
        budget: '',
        met: undefined
    });
    const w2LspRuns = options.smoke ? 1 : Math.max(1, Math.ceil(options.runs / 2));
    log(`editor: open a file in W2 × ${w2LspRuns}`);
    const opens = [];
    const opened = at(files.w2.agreements, Math.floor(files.w2.agreements.length / 2));
    for (let i = 0; i < w2LspRuns; i++) {
        const open = await timeWorkspaceOpen(server, files.w2.dir, opened, files.w2.agreements.length + 1, 300_000);
        if (open.filesWithDiagnostics < files.w2.agreements.length + 1) {
            throw new Error(`the language server checked ${open.filesWithDiagnostics} of ${files.w2.agreements.length + 1} W2 files`);
        }
        opens.push(open);
    }
    const firstMs = median(opens.map(o => o.firstDiagnosticsMs));
    const allMs = median(opens.map(o => o.allCheckedMs));
    const rss = medianOf(opens.map(o => o.residentBytes));
    Object.assign(figures, { w2FirstDiagnosticsMs: firstMs, w2AllCheckedMs: allMs, w2ServerRssBytes: rss });
    rows.push({
        measure: 'server start → first diagnostics of an opened file',
        workload: w2Label,
        result: seconds(firstMs),
        budget: '≤ 5 s',
        met: options.smoke ? undefined : firstMs <= 5000
    });
    rows.push({ measure: 'server start → every file checked', workload: w2Label, result: seconds(allMs), budget: '', met: undefined });
    rows.push({
        measure: 'server resident memory after indexing',
        workload: w2Label,
        result: megabytes(rss),
        budget: '≤ 300 MB',
        met: options.smoke || rss === undefined ? undefined : rss <= 300 * 1024 * 1024
    });

    // An edit in the register every W2 agreement imports, with an agreement and the register open.
    const registerEdits = options.smoke ? 2 : 6;
    log(`editor: ${registerEdits} edits of the W2 register`);
    const registerEdit = await timeRegisterEdits(server, files.w2.dir, files.w2.register, opened, files.w2.agreements, registerEdits);
    const openFileMs = median(registerEdit.openFileMs);
    Object.assign(figures, { w2RegisterEditOpenFileMs: openFileMs, w2RegisterEditAllMs: median(registerEdit.allMs) });
    rows.push({
        measure: `register edit → the open file's diagnostics, median [range] of ${registerEdits}`,
        workload: w2Label,
        result: `${seconds(openFileMs)} [${seconds(Math.min(...registerEdit.openFileMs))} to ${seconds(Math.max(...registerEdit.openFileMs))}]`,
        budget: '≤ 300 ms',
        met: options.smoke ? undefined : openFileMs <= 300
    });
    rows.push({
        measure: `register edit → every importer re-checked, median [range] of ${registerEdits}`,
        workload: w2Label,
        result: `${seconds(median(registerEdit.allMs))} [${seconds(Math.min(...registerEdit.allMs))} to ${seconds(Math.max(...registerEdit.allMs))}]`,
        budget: '',
        met: undefined
    });

    // 5. Scale: far past what an agreement needs, where anything quadratic shows.
    const scaleLines = await timeScale(options, rows, figures);

    const machine = describeMachine(loadAtStart, started, {
        'language server': path.relative(REPO, server),
        hledger: hledger ? (versionOf('hledger') ?? 'unknown') : 'not installed',
        beancount: beanCheck ? (versionOf('bean-check', '--version') ?? 'unknown') : 'not installed',
        runs: `${options.runs} per command (W0 and \`node -e ''\`: ${smallRounds}; W2, W4, W5: ${w2Runs}), ${options.edits} edits per file`,
        seed: String(options.seed)
    });
    const results: BenchResults = { smoke: options.smoke, seed: options.seed, machine, lines: { ...files.lines, ...scaleLines }, rows, figures };
    const report = renderReport(results);
    process.stdout.write(`${report}\n`);
    if (options.json) await writeAtomically(path.resolve(options.json), `${JSON.stringify(results, null, 2)}\n`);
    if (options.write) {
        await updateBenchmarksFile(path.join(REPO, 'BENCHMARKS.md'), report);
        log('wrote the results into BENCHMARKS.md');
    }
    return 0;
}

/** The machine and the run, for the report: what is the same for every run, then `run`'s own lines. */
function describeMachine(loadAtStart: readonly number[], started: number, run: Record<string, string>): Record<string, string> {
    const { seed, ...rest } = run;
    return {
        cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
        memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        ...rest,
        'load average (1 min) at start / end': `${at(loadAtStart, 0).toFixed(2)} / ${at(os.loadavg(), 0).toFixed(2)}`,
        'benchmark took': seconds(performance.now() - started),
        ...(seed === undefined ? {} : { seed })
    };
}

/** The results as Markdown: the table, then the machine and the workloads. */
export function renderReport(results: BenchResults): string {
    const out = [
        '| measure | workload | median | budget | met |',
        '| --- | --- | --- | --- | --- |',
        ...results.rows.map(
            row => `| ${row.measure} | ${row.workload} | ${row.result} | ${row.budget} | ${row.met === undefined ? '' : row.met ? 'yes' : '**no**'} |`
        ),
        '',
        'Machine and run:',
        '',
        ...Object.entries(results.machine).map(([key, value]) => `- ${key}: ${value}`),
        '',
        'Workloads (lines):',
        '',
        ...Object.entries(results.lines).map(([file, lines]) => `- ${file}: ${lines.toLocaleString('en-GB')}`)
    ];
    return out.join('\n');
}

const START = '<!-- bench:results:start (written by `pnpm bench`) -->';
const END = '<!-- bench:results:end -->';

/** Replaces the results between the markers in BENCHMARKS.md, leaving the rest as written. */
async function updateBenchmarksFile(file: string, report: string): Promise<void> {
    const current = await readFile(file, 'utf8');
    const start = current.indexOf(START);
    const end = current.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${file} lacks the results markers`);
    const dated = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.\n\n${report}`;
    await writeAtomically(file, `${current.slice(0, start + START.length)}\n${dated}\n${current.slice(end)}`);
}

async function writeAtomically(file: string, text: string): Promise<void> {
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, file);
}

main(process.argv.slice(2)).then(
    code => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = error instanceof UsageError ? 2 : 1;
    }
);
