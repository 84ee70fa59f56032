import { spawnSync } from 'node:child_process';
import { main } from '../../packages/cli/src/main.js';
import { PLAIN } from '../../packages/cli/src/style.js';
import { CLI, REPO } from './paths.js';

export interface CliResult {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the built `pool` command as a user would, from the repository root unless told otherwise. */
export function runPool(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? REPO,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `pool` in this process, with its output captured: the same `main` as the command, without
 * starting Node again. For tests of what the command says and how it exits, where the process
 * boundary (exit status, pipes, signals) is not what is tested. Paths are from the repository root,
 * the test run's working folder.
 */
export async function runPoolInProcess(args: readonly string[], options: { stdin?: string } = {}): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const stdin = options.stdin;
    const status = await main(args, {
        ...(stdin === undefined ? {} : { stdin: () => Promise.resolve(new TextEncoder().encode(stdin)) }),
        out: text => {
            stdout += text;
        },
        err: text => {
            stderr += text;
        },
        style: PLAIN
    });
    return { status, stdout, stderr };
}

/**
 * `runPoolInProcess` from another working folder (paths in the arguments are from there), for a
 * scratch repository; the test process's own folder is restored afterwards.
 */
export async function runPoolInProcessIn(folder: string, args: readonly string[], options: { stdin?: string } = {}): Promise<CliResult> {
    const before = process.cwd();
    process.chdir(folder);
    try {
        return await runPoolInProcess(args, options);
    } finally {
        process.chdir(before);
    }
}
