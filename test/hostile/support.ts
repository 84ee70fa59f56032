import type { CommandIo } from '../../packages/cli/src/commands/check.js';
import { PLAIN } from '../../packages/cli/src/style.js';

/** The CLI's output streams, captured, for running `main` in-process. */
export function plainIo(): Partial<CommandIo> & { stdout(): string; stderr(): string } {
    let out = '';
    let err = '';
    return {
        out: text => { out += text; },
        err: text => { err += text; },
        style: PLAIN,
        stdout: () => out,
        stderr: () => err
    };
}
