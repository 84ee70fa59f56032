import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../../packages/lsp-client/src/index.js';
import { SERVER } from '../support/paths.js';
import { randomEdit, randomGenerator, randomPosition } from './mutations.js';

/**
 * Fuzzes the language server through a real LSP connection: random edits to the examples, and
 * after each edit every kind of request an editor sends. It records as failures: a crash, a request
 * without an answer within the time limit, an error the server logged, and a document restored to
 * its original text that does not get its original diagnostics back. Now and then it also asks what
 * a broken or hostile client asks (a place far past the end or before the start, a document the
 * server does not have, a question with no document): each must get an LSP error response or a
 * result, and a question about an unknown document must be an error, never a result.
 */

export interface FuzzOptions {
    readonly seed: number;
    /** Stop after this many edits in all… */
    readonly edits: number;
    /** …or after this many milliseconds, whichever comes first. */
    readonly durationMs?: number;
    /** Edits applied to one document before it is restored and checked. */
    readonly editsPerRound?: number;
    readonly files: readonly string[];
    readonly workspaceFolders: readonly string[];
    readonly answerWithinMs?: number;
    /** How often, after an edit, a question a broken or hostile client sends is asked too (0 to 1; 0.1 unless given). */
    readonly hostileRate?: number;
}

interface FuzzFailure {
    readonly seed: number;
    readonly file: string;
    readonly round: number;
    readonly what: string;
    /** The text the server was looking at, to turn into a regression fixture. */
    readonly text: string;
}

export interface FuzzResult {
    readonly edits: number;
    readonly requests: number;
    /** Questions a broken or hostile client asks (an unknown document, a place far past the end). */
    readonly hostileRequests: number;
    readonly rounds: number;
    readonly failures: readonly FuzzFailure[];
    /** Questions answered late the first time and in time when asked again (a busy machine). */
    readonly slowAnswers: number;
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

function diagnosticsKey(diagnostics: readonly Diagnostic[]): string {
    return diagnostics
        .map(
            d =>
                `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${typeof d.message === 'string' ? d.message : d.message.value}`
        )
        .sort()
        .join('\n');
}

/** How long a question asked a second time may take before the server counts as hung. */
const HANG_MS = 30_000;

export async function fuzzLanguageServer(options: FuzzOptions): Promise<FuzzResult> {
    const random = randomGenerator(options.seed);
    const answerWithin = options.answerWithinMs ?? 2_000;
    const editsPerRound = options.editsPerRound ?? 20;
    const deadline = options.durationMs !== undefined ? Date.now() + options.durationMs : Infinity;
    const client = await LspClient.start(SERVER, options.workspaceFolders);
    const failures: FuzzFailure[] = [];
    let edits = 0;
    let requests = 0;
    let rounds = 0;
    let slowAnswers = 0;
    let hostileRequests = 0;
    try {
        const originals = new Map<string, { text: string; diagnostics: string }>();
        for (const file of options.files) {
            const uri = pathToFileURL(file).toString();
            const text = await readFile(file, 'utf8');
            const published = client.nextDiagnostics(uri);
            await client.open(uri, text);
            originals.set(file, { text, diagnostics: diagnosticsKey(await published) });
        }
        const versions = new Map(options.files.map(file => [file, 1]));
        while (edits < options.edits && Date.now() < deadline && client.exited === undefined) {
            rounds++;
            const file = options.files[Math.floor(random() * options.files.length)];
            const uri = pathToFileURL(file).toString();
            const original = originals.get(file)!;
            let text = original.text;
            const fail = (what: string) => failures.push({ seed: options.seed, file: path.basename(file), round: rounds, what, text });
            for (let i = 0; i < editsPerRound && edits < options.edits; i++) {
                const edit = randomEdit(random);
                text = edit.apply(text);
                edits++;
                const version = versions.get(file)! + 1;
                versions.set(file, version);
                const published = client.change(uri, version, text);
                // Ask what an editor asks while the user types, at random places.
                const position = randomPosition(random, text);
                const textDocument = { uri };
                const wholeDocument = { start: { line: 0, character: 0 }, end: { line: text.split(/\r?\n/).length, character: 0 } };
                const method = REQUESTS[Math.floor(random() * REQUESTS.length)];
                const params: Record<string, unknown> = {
                    'textDocument/completion': { textDocument, position },
                    'textDocument/hover': { textDocument, position },
                    'textDocument/definition': { textDocument, position },
                    'textDocument/references': { textDocument, position, context: { includeDeclaration: true } },
                    'textDocument/documentHighlight': { textDocument, position },
                    'textDocument/prepareRename': { textDocument, position },
                    'textDocument/rename': { textDocument, position, newName: 'renamed_id' },
                    'textDocument/formatting': { textDocument, options: { tabSize: 4, insertSpaces: true } },
                    'textDocument/codeAction': { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } },
                    'textDocument/inlayHint': { textDocument, range: wholeDocument },
                    'textDocument/semanticTokens/full': { textDocument },
                    'textDocument/documentSymbol': { textDocument },
                    'textDocument/foldingRange': { textDocument },
                    'textDocument/codeLens': { textDocument }
                };
                for (const [name, requestParams] of [
                    [method, params[method]],
                    ['textDocument/completion', params['textDocument/completion']]
                ] as const) {
                    requests++;
                    const where = `${edit.kind} then ${name} at ${position.line + 1}:${position.character + 1} (${text.length} characters)`;
                    const ask = async (within: number): Promise<string | undefined> => {
                        try {
                            await client.request(name, requestParams, within);
                            return undefined;
                        } catch (error) {
                            const message = error instanceof Error ? error.message : String(error);
                            // An LSP error answer is an answer (e.g. "no symbol to rename here"); silence and crashes are not.
                            return /^no answer/.test(message) || client.exited ? message : undefined;
                        }
                    };
                    const first = await ask(answerWithin);
                    if (first !== undefined && !client.exited) {
                        // A slow answer can be the machine, not the server: the same question is asked
                        // again on the same text. Only silence, or a second slow answer, is a failure.
                        slowAnswers++;
                        const settled = await ask(HANG_MS);
                        const again = settled ?? (await ask(answerWithin));
                        if (again !== undefined) fail(`${where}: ${first}, and again when asked again${settled ? ` (no answer within ${HANG_MS} ms)` : ''}`);
                    } else if (first !== undefined) {
                        fail(`${where}: ${first}`);
                    }
                    while (client.loggedErrors.length > 0) fail(`server logged an error after ${where}: ${client.loggedErrors.shift()}`);
                }
                // Now and then, a question a broken or hostile client asks.
                if (random() < (options.hostileRate ?? 0.1)) {
                    const questions = hostileQuestions(uri, rounds);
                    const question = questions[Math.floor(random() * questions.length)] ?? questions[0];
                    if (question) {
                        hostileRequests++;
                        const where = `${edit.kind} then a hostile ${question.name} (${JSON.stringify(question.params)})`;
                        const answer = await answerOf(client, question.name, question.params, HANG_MS);
                        if (answer.kind === 'silence') fail(`${where}: ${answer.message}`);
                        else if (question.mustFail && answer.kind === 'result') fail(`${where}: a result, not an error response`);
                        while (client.loggedErrors.length > 0) fail(`server logged an error after ${where}: ${client.loggedErrors.shift()}`);
                    }
                }
                try {
                    await withTimeout(published, answerWithin * 5, 'no diagnostics after an edit');
                } catch (error) {
                    fail(`${edit.kind}: ${(error as Error).message}`);
                }
                if (client.exited) {
                    fail(`server exited (${JSON.stringify(client.exited)}) after ${edit.kind}`);
                    break;
                }
                while (client.loggedErrors.length > 0) fail(`server logged an error after ${edit.kind}: ${client.loggedErrors.shift()}`);
            }
            if (client.exited) break;
            // Restore the original text: the original diagnostics must come back exactly.
            const version = versions.get(file)! + 1;
            versions.set(file, version);
            let restored: string;
            try {
                restored = diagnosticsKey(await withTimeout(client.change(uri, version, original.text), answerWithin * 5, 'no diagnostics after restoring'));
            } catch (error) {
                failures.push({ seed: options.seed, file: path.basename(file), round: rounds, what: (error as Error).message, text });
                continue;
            }
            if (restored !== original.diagnostics) {
                failures.push({
                    seed: options.seed,
                    file: path.basename(file),
                    round: rounds,
                    what: `restored text gives other diagnostics:\n${restored}\nexpected:\n${original.diagnostics}`,
                    text
                });
            }
        }
    } finally {
        if (!client.exited) await client.stop().catch(() => undefined);
    }
    return { edits, requests, hostileRequests, rounds, failures, slowAnswers };
}

/** An answer: a result, an LSP error response (with its code), or none in time (or the server gone). */
async function answerOf(
    client: LspClient,
    method: string,
    params: unknown,
    within: number
): Promise<{ kind: 'result' } | { kind: 'error'; code: number } | { kind: 'silence'; message: string }> {
    try {
        await client.request(method, params, within);
        return { kind: 'result' };
    } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number' && !client.exited) return { kind: 'error', code };
        return { kind: 'silence', message: error instanceof Error ? error.message : String(error) };
    }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
        return await Promise.race([
            promise,
            new Promise<never>((_, reject) => {
                timer = setTimeout(() => {
                    reject(new Error(message));
                }, ms);
            })
        ]);
    } finally {
        clearTimeout(timer);
    }
}
