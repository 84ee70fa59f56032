import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Arrival, fileUri, LspClient } from '@pool/lsp-client';
import { median, percentile } from './measure.js';
import { at } from './checked.js';

export interface KeystrokeTimes {
    readonly edits: number;
    readonly p50Ms: number;
    readonly p95Ms: number;
    /** Diagnostics published after an edit that did not yet reflect it (from work begun before it), skipped. */
    readonly stalePublications: number;
}

/** How long one edit may wait for diagnostics that reflect it before the benchmark gives up. */
const EDIT_TIMEOUT_MS = 120_000;

/**
 * The pace of the keystrokes: a fast typist's, 10 keys a second. An edit is sent this long after
 * the one before it, or as soon as that one's diagnostics arrive if they take longer. (Edits sent
 * the moment the last diagnostics arrived came every 15 to 30 ms on a small file, faster than
 * anyone types: that is the fast-typing scenario's measure, not a keystroke's.)
 */
const KEYSTROKE_INTERVAL_MS = 100;

/**
 * Types over the last digit of a contribution's amount and then back, `edits` times in all, at a
 * fast typist's pace (see {@link KEYSTROKE_INTERVAL_MS}), through a real LSP connection, timing
 * each `didChange` to the `publishDiagnostics` that follows.
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
    const lineText = at(lines, line);
    const column = lineText.trimEnd().length - 1;
    const original = lineText.charAt(column);
    const typed = original === '1' ? '2' : '1';
    const uri = fileUri(file);
    const client = await LspClient.start(serverEntry, [path.dirname(file)]);
    const times: number[] = [];
    let stale = 0;
    try {
        await client.open(uri, text);
        await client.settled(uri);
        for (let i = 0; i < edits; i++) {
            const typing = i % 2 === 0;
            const sent = performance.now();
            // The time until the editor shows diagnostics that reflect the edit: a changed amount
            // is a total-mismatch, changing it back is clean. Anything published before that
            // (work begun before the edit) is counted and skipped.
            let published = 0;
            const reflects = (arrival: Arrival): boolean => {
                published++;
                return arrival.diagnostics.some(d => d.code === 'total-mismatch') === typing;
            };
            const arrival = client.arrival(uri, sent, reflects);
            await client.edit(uri, { start: { line, character: column }, end: { line, character: column + 1 } }, typing ? typed : original);
            const { at } = await withTimeout(
                arrival,
                EDIT_TIMEOUT_MS,
                `no diagnostics reflecting edit ${i + 1} of ${path.basename(file)} within ${EDIT_TIMEOUT_MS / 1000} s`
            );
            stale += published - 1;
            times.push(at - sent);
            const next = sent + KEYSTROKE_INTERVAL_MS - performance.now();
            if (next > 0) await new Promise(resolve => setTimeout(resolve, next));
        }
    } finally {
        await client.stop();
    }
    return { edits, p50Ms: median(times), p95Ms: percentile(times, 95), stalePublications: stale };
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
    const client = await LspClient.start(serverEntry, [workspace]);
    try {
        const uri = fileUri(file);
        await client.open(uri, readFileSync(file, 'utf8'));
        const first = await client.arrival(uri, 0);
        const deadline = performance.now() + timeoutMs;
        while (client.documentsWithDiagnostics < files && performance.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 50));
        }
        const allCheckedMs = performance.now() - client.startedAt;
        // Let the last notifications' work settle before reading the memory.
        await new Promise(resolve => setTimeout(resolve, 500));
        return {
            firstDiagnosticsMs: first.at - client.startedAt,
            allCheckedMs,
            residentBytes: client.residentBytes(),
            filesWithDiagnostics: client.documentsWithDiagnostics
        };
    } finally {
        await client.stop();
    }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
            reject(new Error(message));
        }, ms);
    });
    return Promise.race([promise, timeout]).finally(() => {
        clearTimeout(timer);
    });
}

export interface RegisterEditTimes {
    readonly edits: number;
    /** From an edit of the register to diagnostics of the open agreement that reflect it, median and spread. */
    readonly openFileMs: readonly number[];
    /** From the edit to a new publication for every file importing the register. */
    readonly allMs: readonly number[];
}

/**
 * W2 with an agreement and the register it imports open: renames, in the register, a partner the
 * agreement names (so the agreement reports an unknown partner) and back, `edits` times in all,
 * timing each edit to the open agreement's diagnostics that reflect it, and to every importer's
 * next diagnostics.
 */
export async function timeRegisterEdits(
    serverEntry: string,
    workspace: string,
    register: string,
    agreement: string,
    importers: readonly string[],
    edits: number
): Promise<RegisterEditTimes> {
    const registerText = readFileSync(register, 'utf8');
    const agreementText = readFileSync(agreement, 'utf8');
    const host = /^[ \t]*host[ \t]+(\w+)/m.exec(agreementText)?.[1];
    if (host === undefined) throw new Error(`no host in ${agreement}`);
    const lines = registerText.split('\n');
    const line = lines.findIndex(l => l.startsWith(`partner ${host} `));
    if (line < 0) throw new Error(`${host} is not in ${register}`);
    const column = `partner ${host}`.length;
    const client = await LspClient.start(serverEntry, [workspace]);
    const openFileMs: number[] = [];
    const allMs: number[] = [];
    try {
        const agreementUri = fileUri(agreement);
        const registerUri = fileUri(register);
        await client.open(agreementUri, agreementText);
        await client.open(registerUri, registerText);
        const deadline = performance.now() + EDIT_TIMEOUT_MS;
        while (client.documentsWithDiagnostics < importers.length + 1 && performance.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
        await client.settled(agreementUri, 1000);
        for (let i = 0; i < edits; i++) {
            const renaming = i % 2 === 0;
            const sent = performance.now();
            const open = client.arrival(agreementUri, sent, arrival => arrival.diagnostics.some(d => d.code === 'unknown-reference') === renaming);
            const all = Promise.all(importers.map(file => client.arrival(fileUri(file), sent)));
            await client.edit(
                registerUri,
                { start: { line, character: column }, end: { line, character: renaming ? column : column + 1 } },
                renaming ? 'x' : ''
            );
            const reflected = await withTimeout(open, EDIT_TIMEOUT_MS, `no diagnostics of ${path.basename(agreement)} reflecting register edit ${i + 1}`);
            openFileMs.push(reflected.at - sent);
            const published = await withTimeout(all, EDIT_TIMEOUT_MS, `not every importer re-checked after register edit ${i + 1}`);
            allMs.push(Math.max(...published.map(arrival => arrival.at)) - sent);
            await client.settled(agreementUri, 500);
        }
    } finally {
        await client.stop();
    }
    return { edits, openFileMs, allMs };
}

export interface FastTypingTimes {
    readonly edits: number;
    /** For each edit, the time to the first diagnostics published after it (of it or of a later edit): p95. */
    readonly p95Ms: number;
    /** From the last edit to the diagnostics that reflect the final text. */
    readonly lagAfterLastMs: number;
}

/**
 * Types over the last digit of a contribution every `intervalMs` for `durationMs`, as a fast
 * typist does, through a real LSP connection: how long the editor waits for diagnostics while
 * typing goes on (p95 over the edits), and after the last keystroke for the final ones.
 */
export async function timeFastTyping(serverEntry: string, file: string, intervalMs: number, durationMs: number): Promise<FastTypingTimes> {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i >= Math.floor(lines.length / 4) && /^\s+\w+\s+£[\d,]+\.\d\d\s*$/.test(l));
    if (line < 0) throw new Error(`no contribution line to edit in ${file}`);
    const column = at(lines, line).trimEnd().length - 1;
    const original = at(lines, line).charAt(column);
    const typed = original === '1' ? '2' : '1';
    const uri = fileUri(file);
    const client = await LspClient.start(serverEntry, [path.dirname(file)]);
    try {
        await client.open(uri, text);
        await client.settled(uri);
        const sentAt: number[] = [];
        const firstAfter: Promise<Arrival>[] = [];
        const edits = Math.max(1, Math.floor(durationMs / intervalMs));
        let next = performance.now();
        for (let i = 0; i < edits; i++) {
            const sent = performance.now();
            sentAt.push(sent);
            firstAfter.push(client.arrival(uri, sent));
            await client.edit(uri, { start: { line, character: column }, end: { line, character: column + 1 } }, i % 2 === 0 ? typed : original);
            next += intervalMs;
            await new Promise(resolve => setTimeout(resolve, Math.max(0, next - performance.now())));
        }
        const last = at(sentAt, sentAt.length - 1);
        // An odd number of edits leaves the amount changed (a total-mismatch), an even number as it was.
        const finalChanged = edits % 2 === 1;
        const final = await withTimeout(
            client.arrival(uri, last, arrival => arrival.diagnostics.some(d => d.code === 'total-mismatch') === finalChanged),
            EDIT_TIMEOUT_MS,
            `no diagnostics reflecting the last of ${edits} fast edits of ${path.basename(file)}`
        );
        const arrivals = await Promise.all(firstAfter);
        const waits = arrivals.map((arrival, i) => arrival.at - at(sentAt, i));
        return { edits, p95Ms: percentile(waits, 95), lagAfterLastMs: final.at - last };
    } finally {
        await client.stop();
    }
}
