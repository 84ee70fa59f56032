import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { at } from './checked.js';

/** One run of a command. CPU time and peak memory come from GNU time when it is installed. */
export interface CommandRun {
    readonly wallMs: number;
    /** User + system CPU time of the command, when known. */
    readonly cpuMs: number | undefined;
    /** Peak resident memory in bytes, when known. */
    readonly peakRssBytes: number | undefined;
    readonly exitCode: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Whether `command` is on the PATH. */
export function onPath(command: string): boolean {
    return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The first line a command prints for `--version` (or `-V`), for the machine description. */
export function versionOf(command: string, flag = '--version'): string | undefined {
    const result = spawnSync(command, [flag], { encoding: 'utf8' });
    if (result.status !== 0) return undefined;
    return `${result.stdout}${result.stderr}`.trim().split('\n')[0];
}

/** Runs a command to completion, timing it. */
export async function runCommand(command: string, args: readonly string[], cwd?: string, env?: Record<string, string>): Promise<CommandRun> {
    const timed = existsSync(GNU_TIME);
    const scratch = timed ? await mkdtemp(path.join(os.tmpdir(), 'pool-bench-time-')) : undefined;
    const timeFile = scratch ? path.join(scratch, 'time') : undefined;
    const [file, argv] = timeFile ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args]] : [command, [...args]];
    const started = performance.now();
    const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
        child.on('error', reject);
        child.on('close', code => {
            resolve({ exitCode: code, stdout: out, stderr: err });
        });
    });
    const wallMs = performance.now() - started;
    let cpuMs: number | undefined;
    let peakRssBytes: number | undefined;
    if (timeFile && scratch) {
        const lines = (await readFile(timeFile, 'utf8')).trim().split('\n');
        const [user, system, maxKb] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
        if (user !== undefined && system !== undefined && Number.isFinite(user + system)) cpuMs = (user + system) * 1000;
        if (maxKb !== undefined && Number.isFinite(maxKb)) peakRssBytes = maxKb * 1024;
        await rm(scratch, { recursive: true, force: true });
    }
    return { wallMs, cpuMs, peakRssBytes, exitCode, stdout, stderr };
}

export function median(values: readonly number[]): number {
    return percentile(values, 50);
}

/** The nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return at(sorted, rank - 1);
}

/** The median of the defined values, or undefined when there are none. */
export function medianOf(values: readonly (number | undefined)[]): number | undefined {
    const known = values.filter((v): v is number => v !== undefined);
    return known.length > 0 ? median(known) : undefined;
}
