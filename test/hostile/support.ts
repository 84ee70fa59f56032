import type { CommandIo } from '../../packages/cli/src/commands/check.js';
import { PLAIN } from '../../packages/cli/src/style.js';

/** The CLI's output streams, captured, for running `main` in-process. */
export function plainIo(): Partial<CommandIo> & { stdout(): string; stderr(): string } {
    let out = '';
    let err = '';
    return {
        out: text => {
            out += text;
        },
        err: text => {
            err += text;
        },
        style: PLAIN,
        stdout: () => out,
        stderr: () => err
    };
}

/** Applies an LSP client's text edits to a text (edits that do not overlap, as a server sends them). */
export function applyEdits(
    text: string,
    edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]
): string {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const offset = (position: { line: number; character: number }) => (starts[position.line] ?? text.length) + position.character;
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    let result = text;
    for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
    return result;
}
