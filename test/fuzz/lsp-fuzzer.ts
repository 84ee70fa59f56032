import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { check } from '../../packages/cli/src/api.js';
import { LspClient } from '../../packages/lsp-client/src/index.js';
import { SERVER } from '../support/paths.js';
import { randomEdit, randomGenerator, randomPosition } from './mutations.js';

/**
 * Fuzzes the language server through a real LSP connection, as a fast and careless editor would
 * drive it: bursts of random edits to a copy of the examples, sent as incremental changes without
 * waiting for diagnostics between them (so the server's debounce gathers them), with questions of
 * every kind an editor asks in between, pipelined rather than asked one at a time. It records as
 * failures:
 * - a crash, a question with no answer (neither a result nor an LSP error response) within
 *   `answerWithinMs` of the fuzzer waiting for it, or an error the server logged;
 * - an internal fault answered as an error (`InternalError`, `RequestFailed`);
 * - a question a broken or hostile client asks (a place far past the end, a document the server
 *   does not have, a question with no document) that gets no answer, or a result where only an
 *   error response is right (a document the server does not have);
 * - at each checkpoint, and after the last edit, diagnostics that differ from what `pool check
 *   --format json` says of the same text written to disk: the editor and CI must agree.
 */

export interface FuzzOptions {
    readonly seed: number;
    /** Stop after this many edits in all… */
    readonly edits: number;
    /** …or after this many milliseconds, whichever comes first. */
    readonly durationMs?: number;
    /** The folder to copy and fuzz: its `.pool` files and its `registers` folder. */
    readonly examples: string;
    /** How long a question may go unanswered once the fuzzer stops sending and waits for it (30 s unless given: the machine may be busy). */
    readonly answerWithinMs?: number;
    /** How often, after a burst of edits, a question a broken or hostile client sends is asked too (0 to 1; 0.3 unless given). */
    readonly hostileRate?: number;
    /** Edits between comparisons with `pool check` (2,500 unless given); there is always one after the last edit. */
    readonly checkpointEvery?: number;
    /** The questions an editor asks between bursts of edits (every kind unless given), to narrow a finding down. */
    readonly requests?: readonly FuzzRequest[];
}

interface FuzzFailure {
    readonly seed: number;
    readonly file: string;
    readonly what: string;
    /** The text the server was looking at, to turn into a regression fixture. */
    readonly text: string;
}

export interface FuzzResult {
    readonly edits: number;
    /** Questions an editor asks, each answered by a result or an LSP error response. */
    readonly requests: number;
    /** Questions a broken or hostile client asks (an unknown document, a place far past the end). */
    readonly hostileRequests: number;
    /** How many times a document went back to its original text. */
    readonly restores: number;
    /** Comparisons of every document's diagnostics with `pool check`'s, the last one after the last edit. */
    readonly checkpoints: number;
    /** Findings compared at the checkpoints, in all. */
    readonly diagnosticsCompared: number;
    /** Error responses by code (an error response is an answer: "no symbol to rename here"). */
    readonly errorResponses: Readonly<Record<string, number>>;
    readonly failures: readonly FuzzFailure[];
    /** The slowest answers: how long, and to what. */
    readonly slowest: readonly { readonly ms: number; readonly what: string }[];
}

const REQUESTS = [
    'textDocument/completion',
    'textDocument/hover',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/documentHighlight',
    'textDocument/prepareRename',
    'textDocument/rename',
    'textDocument/formatting',
    'textDocument/codeAction',
    'textDocument/inlayHint',
    'textDocument/semanticTokens/full',
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/codeLens'
] as const;

export type FuzzRequest = (typeof REQUESTS)[number];

/** A question asked and not yet checked: its answer, a result or an LSP error response. */
interface AskedQuestion {
    readonly file: string;
    readonly method: string;
    readonly where: string;
    /** The text of the document when it was asked. */
    readonly text: string;
    readonly mustFail: boolean;
    readonly answer: Promise<{ readonly kind: 'result' } | { readonly kind: 'error'; readonly code: unknown; readonly message: string }>;
}

/** Error codes that mean the server failed, not that the question had no answer. */
const FAULTS = new Set([-32603 /* InternalError */, -32803 /* RequestFailed */]);

/** Questions a broken or hostile client sends, made for the document being edited. */
function hostileQuestions(uri: string, round: number): readonly { readonly name: string; readonly params: unknown; readonly mustFail: boolean }[] {
    const unknown = { uri: `file:///nowhere/unknown-${round}.pool` };
    return [
        { name: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 1_000_000_000, character: 1_000_000_000 } }, mustFail: false },
        { name: 'textDocument/completion', params: { textDocument: { uri }, position: { line: -1, character: -5 } }, mustFail: false },
        { name: 'textDocument/definition', params: { textDocument: { uri }, position: { line: 0.5, character: 'x' } }, mustFail: false },
        { name: 'textDocument/hover', params: { textDocument: unknown, position: { line: 0, character: 0 } }, mustFail: true },
        { name: 'textDocument/formatting', params: { textDocument: unknown, options: { tabSize: 4, insertSpaces: true } }, mustFail: true },
        { name: 'textDocument/documentSymbol', params: { textDocument: {} }, mustFail: true },
        { name: 'textDocument/semanticTokens/full', params: null, mustFail: true }
    ];
}

function paramsOf(method: (typeof REQUESTS)[number], uri: string, text: string, random: () => number): unknown {
    const textDocument = { uri };
    const position = randomPosition(random, text);
    switch (method) {
        case 'textDocument/references':
            return { textDocument, position, context: { includeDeclaration: true } };
        case 'textDocument/rename':
            return { textDocument, position, newName: 'renamed_id' };
        case 'textDocument/formatting':
            return { textDocument, options: { tabSize: 4, insertSpaces: true } };
        case 'textDocument/codeAction':
            return { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } };
        case 'textDocument/inlayHint':
            return { textDocument, range: { start: { line: 0, character: 0 }, end: { line: text.split(/\r\n|\r|\n/).length, character: 0 } } };
        case 'textDocument/semanticTokens/full':
        case 'textDocument/documentSymbol':
        case 'textDocument/foldingRange':
        case 'textDocument/codeLens':
            return { textDocument };
        case 'textDocument/completion':
        case 'textDocument/hover':
        case 'textDocument/definition':
        case 'textDocument/documentHighlight':
        case 'textDocument/prepareRename':
            return { textDocument, position };
    }
}

/** Where `offset` is in `text`, as an LSP position: lines end at CR LF, CR or LF, as the server counts them. */
function positionAt(text: string, offset: number): { line: number; character: number } {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const code = text.charCodeAt(i);
        if (code === 13 /* CR */ || code === 10 /* LF */) {
            if (code === 13 && text.charCodeAt(i + 1) === 10) {
                if (i + 1 === offset) break; // between CR and LF: not a place (the caller never asks for one)
                i++;
            }
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: offset - lineStart };
}

/**
 * The change from `before` to `after` as one incremental edit, as an editor sends typing: the
 * range of `before` that differs, and what replaces it. Never splits a CR LF pair.
 */
function incrementalChange(
    before: string,
    after: string
): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    let common = 0;
    while (common < shorter - start && before.charCodeAt(before.length - 1 - common) === after.charCodeAt(after.length - 1 - common)) common++;
    const betweenCrLf = (text: string, offset: number) => offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
    if (betweenCrLf(before, start) || betweenCrLf(after, start)) start--;
    while (common > 0 && (betweenCrLf(before, before.length - common) || betweenCrLf(after, after.length - common))) common--;
    return {
        range: { start: positionAt(before, start), end: positionAt(before, before.length - common) },
        text: after.slice(start, after.length - common)
    };
}

/** A copy of the examples' agreements and registers in a new folder, to edit and write over. */
function copyExamples(examples: string): { root: string; files: string[] } {
    const root = mkdtempSync(path.join(tmpdir(), 'pool-lsp-fuzz-'));
    const files: string[] = [];
    for (const folder of ['', 'registers']) {
        mkdirSync(path.join(root, folder), { recursive: true });
        for (const name of readdirSync(path.join(examples, folder))
            .filter(name => name.endsWith('.pool'))
            .sort()) {
            copyFileSync(path.join(examples, folder, name), path.join(root, folder, name));
            files.push(path.join(root, folder, name));
        }
    }
    return { root, files };
}

/** A finding, as both sides can say it: place (0-based, as LSP counts), severity, code and message. */
function lspKey(d: Diagnostic): string {
    const severity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : d.severity === 3 ? 'information' : 'hint';
    return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${severity} ${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

/**
 * The text of a document as a file that `pool check` reads: UTF-8, where a lone surrogate cannot be
 * written and becomes U+FFFD, and no NUL (a file with one is not text, and refused; the editor
 * checks it as typed until it is saved, which the hostile tests cover).
 */
const asWritten = (text: string) => Buffer.from(text.replaceAll('\u0000', ''), 'utf8').toString('utf8');

/** A document may grow without end (pastes, long lines); past this it goes back to its original text. */
const LONGEST_DOCUMENT = 20_000;

export async function fuzzLanguageServer(options: FuzzOptions): Promise<FuzzResult> {
    const random = randomGenerator(options.seed);
    const answerWithin = options.answerWithinMs ?? 30_000;
    const checkpointEvery = options.checkpointEvery ?? 2_500;
    const mix = options.requests ?? REQUESTS;
    const deadline = options.durationMs !== undefined ? Date.now() + options.durationMs : Infinity;
    const { root, files } = copyExamples(options.examples);
    const client = await LspClient.start(SERVER, [root]);
    const failures: FuzzFailure[] = [];
    const errorResponses: Record<string, number> = {};
    const documents = new Map<string, { readonly uri: string; readonly original: string; text: string; version: number }>();
    let edits = 0;
    let requests = 0;
    let hostileRequests = 0;
    let restores = 0;
    let checkpoints = 0;
    let diagnosticsCompared = 0;
    let pending: AskedQuestion[] = [];
    const slowest: { ms: number; what: string }[] = [{ ms: 0, what: '' }];
    const fail = (file: string, what: string, text = documents.get(file)?.text ?? '') => {
        failures.push({ seed: options.seed, file: path.relative(root, file), what, text });
    };
    const drainLog = (file: string, after: string) => {
        while (client.loggedErrors.length > 0) fail(file, `server logged an error after ${after}: ${client.loggedErrors.shift()}`);
    };

    /** Asks without waiting; the answer is checked when the fuzzer next waits for its questions (see {@link settle}). */
    const ask = (file: string, method: string, params: unknown, mustFail: boolean, where: string) => {
        const asked = performance.now();
        const text = documents.get(file)?.text ?? '';
        const answer = client.connection.sendRequest(method, params).then(
            () => ({ kind: 'result' as const }),
            (error: unknown) => ({
                kind: 'error' as const,
                code: (error as { code?: unknown }).code,
                message: error instanceof Error ? error.message : String(error)
            })
        );
        void answer.then(() => {
            const took = performance.now() - asked;
            if (took > slowest[slowest.length - 1].ms) {
                slowest.push({ ms: Math.round(took), what: `${method} ${where}` });
                slowest.sort((a, b) => b.ms - a.ms).splice(5);
            }
        });
        pending.push({ file, method, where, text, mustFail, answer });
    };
    /**
     * Stops sending and waits for every question asked since the last time: each must be answered
     * within `answerWithin` from now. The clock starts here, not when the question was asked: the
     * server answers in turn after the edits sent before and after it, which the fuzzer sends as
     * fast as the connection takes them, so on a loaded machine the time from asking measured the
     * fuzzer's own flood (seed 116, edits 779 to 1,100 sent while the questions after edit 779
     * waited, took over 30 s once); a server that hangs still leaves a question unanswered here.
     */
    const settle = async () => {
        const waiting = pending;
        pending = [];
        let timer: NodeJS.Timeout | undefined;
        const silence = new Promise<'silence'>(resolve => {
            timer = setTimeout(() => {
                resolve('silence');
            }, answerWithin);
        });
        const outcomes = await Promise.all(waiting.map(question => Promise.race([question.answer, silence])));
        clearTimeout(timer);
        outcomes.forEach((outcome, index) => {
            const { file, method, where, text, mustFail } = waiting[index];
            if (outcome === 'silence') fail(file, `${where}: no answer to ${method} within ${answerWithin} ms of the fuzzer waiting for it`, text);
            else if (outcome.kind === 'result' && mustFail) fail(file, `${where}: a result, not an error response, to ${method}`, text);
            else if (outcome.kind === 'error') {
                if (typeof outcome.code !== 'number') fail(file, `${where}: ${method} failed without an LSP error response: ${outcome.message}`, text);
                else if (FAULTS.has(outcome.code)) fail(file, `${where}: ${method} answered with a fault (${outcome.code}): ${outcome.message}`, text);
                else errorResponses[String(outcome.code)] = (errorResponses[String(outcome.code)] ?? 0) + 1;
            }
        });
    };

    const send = async (document: { uri: string; text: string; version: number }, text: string) => {
        const change = incrementalChange(document.text, text);
        document.text = text;
        document.version++;
        await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: document.uri, version: document.version },
            contentChanges: [change]
        });
    };

    /** Writes every document's text to disk, checks the folder as CI does, and compares the findings with the server's. */
    const compareWithCheck = async (when: string) => {
        checkpoints++;
        for (const [file, document] of documents) {
            // What a file on disk can hold and pool check reads: the server must see the same text as the command.
            if (asWritten(document.text) !== document.text) await send(document, asWritten(document.text));
            writeFileSync(file, document.text);
        }
        await settle();
        const result = await check([root]);
        const expected = new Map<string, string[]>(files.map(file => [file, []]));
        for (const d of result.diagnostics) {
            const file = path.resolve(d.file);
            // pool check counts columns after a byte order mark, which is not text; the editor's document
            // has it as the first character of the first line.
            const bom = documents.get(file)?.text.startsWith('\uFEFF') ? 1 : 0;
            const place = ({ line, column }: { line: number; column: number }) => `${line - 1}:${column - 1 + (line === 1 ? bom : 0)}`;
            expected.get(file)?.push(`${place(d.range.start)}-${place(d.range.end)} ${d.severity} ${d.code}: ${d.message}`);
        }
        for (const [file, document] of documents) {
            const want = (expected.get(file) ?? []).sort().join('\n');
            // A question about the document waits for the rebuild of its last edit; the diagnostics of
            // that rebuild are published with it, or just after.
            await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: document.uri } }).catch(() => undefined);
            const started = Date.now();
            let got: string;
            for (;;) {
                got = ((await within(client.diagnosticsFor(file), 1_000)) ?? []).map(lspKey).sort().join('\n');
                if (got === want || Date.now() - started > answerWithin) break;
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            diagnosticsCompared += want === '' ? 0 : want.split('\n').length;
            if (got !== want) {
                // What one side says more often than the other (a finding said twice is a difference too).
                const only = (these: string, those: string) => {
                    const left = those.split('\n');
                    return these.split('\n').filter(line => {
                        const at = left.indexOf(line);
                        if (at >= 0) left.splice(at, 1);
                        return at < 0 && line !== '';
                    });
                };
                fail(
                    file,
                    `${when}: the server's diagnostics differ from pool check's. Only the server's:\n${only(got, want).join('\n')}\nOnly pool check's:\n${only(want, got).join('\n')}`
                );
            }
        }
    };

    try {
        for (const file of files) {
            const uri = pathToFileURL(file).toString();
            const text = readFileSync(file, 'utf8');
            documents.set(file, { uri, original: text, text, version: 1 });
            await client.open(uri, text);
        }
        let nextCheckpoint = checkpointEvery;
        let round = 0;
        while (edits < options.edits && Date.now() < deadline && client.exited === undefined) {
            round++;
            const file = files[Math.floor(random() * files.length)];
            const document = documents.get(file)!;
            // A burst of typing, pasting and deleting, sent as fast as the connection takes it.
            const burst = Math.min(1 + Math.floor(random() * 120), options.edits - edits);
            for (let i = 0; i < burst; i++) {
                let text = randomEdit(random).apply(document.text);
                if (text.length > LONGEST_DOCUMENT || random() < 0.005) {
                    text = document.original;
                    restores++;
                }
                await send(document, text);
                edits++;
            }
            // Then questions, as an editor asks them while the user types; not waiting for the answers.
            const questions = Math.floor(random() * 6);
            for (let i = 0; i < questions; i++) {
                const method = mix[Math.floor(random() * mix.length)];
                requests++;
                ask(file, method, paramsOf(method, document.uri, document.text, random), false, `after edit ${edits} (${document.text.length} characters)`);
            }
            if (random() < (options.hostileRate ?? 0.3)) {
                const all = hostileQuestions(document.uri, round);
                const question = all[Math.floor(random() * all.length)];
                hostileRequests++;
                ask(
                    file,
                    question.name,
                    question.params,
                    question.mustFail,
                    `after edit ${edits}, a hostile ${question.name} (${JSON.stringify(question.params)})`
                );
            }
            // Keep a bounded number of questions in flight, as an editor does.
            if (pending.length > 64) await settle();
            drainLog(file, `edit ${edits}`);
            if (edits >= nextCheckpoint && edits < options.edits) {
                nextCheckpoint += checkpointEvery;
                await compareWithCheck(`after edit ${edits}`);
            }
        }
        if (client.exited === undefined) await compareWithCheck(`after the last edit (${edits})`);
        else fail(files[0], `server exited (${JSON.stringify(client.exited)})`);
        drainLog(files[0], 'the last edit');
    } finally {
        if (!client.exited) await client.stop().catch(() => undefined);
    }
    return { edits, requests, hostileRequests, restores, checkpoints, diagnosticsCompared, errorResponses, failures, slowest: slowest.filter(s => s.ms > 0) };
}

/** What `promise` gives within `ms`, or undefined. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
        return await Promise.race([
            promise,
            new Promise<undefined>(resolve => {
                timer = setTimeout(() => {
                    resolve(undefined);
                }, ms);
            })
        ]);
    } finally {
        clearTimeout(timer);
    }
}
