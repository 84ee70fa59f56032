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

/** What `runPoolInProcess` can set up as a process would have it: working folder, environment and standard input. */
export interface InProcessOptions {
    /** The working folder for the run (paths in the arguments are from there); restored afterwards. */
    readonly cwd?: string;
    /** Variables set (or, when undefined, removed) for the run only, then put back as they were. */
    readonly env?: NodeJS.ProcessEnv;
    readonly stdin?: string;
}

/**
 * Runs `pool` in this process, with its output captured: the same `main` as the command, without
 * starting Node again. For tests of what the command says and how it exits, where the process
 * boundary (pipes, signals, a terminal, what a crashing process writes) is not what is tested.
 * Paths are from the repository root, the test run's working folder, unless `cwd` says otherwise.
 * The working folder and environment are the test process's own while it runs, so runs must not
 * overlap (no `it.concurrent`).
 */
export async function runPoolInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const stdin = options.stdin;
    const before = process.cwd();
    const saved = Object.keys(options.env ?? {}).map(name => [name, process.env[name]] as const);
    try {
        for (const [name, value] of Object.entries(options.env ?? {})) setEnv(name, value);
        if (options.cwd !== undefined) process.chdir(options.cwd);
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
    } finally {
        process.chdir(before);
        for (const [name, was] of saved) setEnv(name, was);
    }
}

function setEnv(name: string, value: string | undefined): void {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
}

/**
 * `runPoolInProcess` from another working folder (paths in the arguments are from there), for a
 * scratch repository; the test process's own folder is restored afterwards.
 */
export function runPoolInProcessIn(folder: string, args: readonly string[], options: Omit<InProcessOptions, 'cwd'> = {}): Promise<CliResult> {
    return runPoolInProcess(args, { ...options, cwd: folder });
}
