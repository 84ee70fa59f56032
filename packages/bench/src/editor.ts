import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TimingLspClient } from './lsp.js';
import { median, percentile } from './measure.js';

export interface KeystrokeTimes {
    readonly edits: number;
    readonly p50Ms: number;
    readonly p95Ms: number;
    /** Whether every edit's diagnostics reflected it (a changed amount is a total-mismatch, changing it back is clean). */
    readonly diagnosticsFollowedEdits: boolean;
}

/**
 * Types over the last digit of a contribution's amount and then back, `edits` times in all,
 * through a real LSP connection, timing each `didChange` to the `publishDiagnostics` that follows.
 * The edit changes a year's sum, so every other keystroke makes a total-mismatch error and the
 * next one clears it: the server has to redo the real work each time.
 */
export async function timeKeystrokes(serverEntry: string, file: string, edits: number): Promise<KeystrokeTimes> {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // A contribution a quarter of the way in: `    partner   £12,345.67`.
    const start = Math.floor(lines.length / 4);
    let line = lines.findIndex((l, i) => i >= start && /^\s+\w+\s+£[\d,]+\.\d\d\s*$/.test(l));
    if (line < 0) line = lines.findIndex(l => /^\s+\w+\s+£[\d,]+\.\d\d\s*$/.test(l));
    if (line < 0) throw new Error(`no contribution line to edit in ${file}`);
    // The last digit of the pence: typing over it keeps the amount well-formed but changes the sum.
    const column = lines[line]!.trimEnd().length - 1;
    const original = lines[line]![column]!;
    const typed = original === '1' ? '2' : '1';
    const client = await TimingLspClient.start(serverEntry, path.dirname(file));
    const times: number[] = [];
    let followed = true;
    try {
        await client.open(file, text);
        await client.settled(file);
        for (let i = 0; i < edits; i++) {
            const inserting = i % 2 === 0;
            const sent = performance.now();
            const arrival = client.nextDiagnostics(file, sent);
            await client.edit(file, line, column, column + 1, inserting ? typed : original);
            const { at, diagnostics } = await arrival;
            times.push(at - sent);
            const mismatch = diagnostics.some(d => d.code === 'total-mismatch');
            if (mismatch !== inserting) {
                followed = false;
                process.stderr.write(`edit ${i}: ${diagnostics.map(d => d.code).join(', ') || 'no diagnostics'}\n`);
            }
        }
    } finally {
        await client.stop();
    }
    return { edits, p50Ms: median(times), p95Ms: percentile(times, 95), diagnosticsFollowedEdits: followed };
}

export interface WorkspaceOpenTimes {
    /** From starting the server to the first diagnostics of the file opened right after `initialized`. */
    readonly firstDiagnosticsMs: number;
    /** From starting the server to diagnostics for every file of the workspace. */
    readonly allCheckedMs: number;
    /** The server's resident memory once every file is checked. */
    readonly residentBytes: number | undefined;
    readonly filesWithDiagnostics: number;
}

/** Starts the server on a workspace, opens `file` at once and times what the editor waits for. */
export async function timeWorkspaceOpen(serverEntry: string, workspace: string, file: string, files: number, timeoutMs: number): Promise<WorkspaceOpenTimes> {
    const client = await TimingLspClient.start(serverEntry, workspace);
    try {
        await client.open(file);
        const first = await client.nextDiagnostics(file, 0);
        const deadline = performance.now() + timeoutMs;
        while (client.filesWithDiagnostics < files && performance.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 50));
        }
        const allCheckedMs = performance.now() - client.startedAt;
        // Let the last notifications' work settle before reading the memory.
        await new Promise(resolve => setTimeout(resolve, 500));
        return {
            firstDiagnosticsMs: first.at - client.startedAt,
            allCheckedMs,
            residentBytes: client.residentBytes(),
            filesWithDiagnostics: client.filesWithDiagnostics
        };
    } finally {
        await client.stop();
    }
}
