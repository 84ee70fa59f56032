import { spawnSync } from 'node:child_process';
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
