import path from 'node:path';
import { writeFileSafely } from '@pool/files';
import { FileRefusedError, type Lang, listInWords, MAX_DOCUMENT_BYTES } from '@pool/language';
import { message, t } from '../i18n/index.js';
import { readAllowedSignersOption } from '../allowed-signers.js';
import { collectDiagnostics, type ReportedDiagnostic } from '../diagnostics.js';
import { describeFsError, displayPath, findPoolFiles, isExcluded, repositoryRoot, UsageError } from '../files.js';
import type { SourceRoot } from '../formats/fingerprint.js';
import { CHECK_FORMATS, type CheckFormat, isCheckFormat } from '../formats/index.js';
import { type CheckSummary, summarise } from '../formats/summary.js';
import { PLAIN, type Style } from '../style.js';
import { loadWorkspace, readFromDisk } from '../workspace.js';

/** One output of a run: a format, and the file it goes to (standard output without one). */
export interface CheckOutput {
    readonly format: CheckFormat;
    readonly file?: string;
}

export interface CheckOptions {
    readonly outputs: readonly CheckOutput[];
    readonly strict: boolean;
    /** Only the problems that fail the run (errors; warnings too under --strict), and no count line. */
    readonly quiet?: boolean;
    readonly helpBaseUri?: string;
    /** With `-` among the paths: the name standard input's text is checked under (messages, imports). */
    readonly stdinFilename?: string;
    /** Apply `.poolignore` to files named one by one too (for pre-commit and editors). */
    readonly forceExclude?: boolean;
    /** `--allowed-signers FILE`: the keys signed approvals are checked against, for every agreement. */
    readonly allowedSigners?: string;
}

export interface CommandIo {
    readonly out: (text: string) => void;
    readonly err: (text: string) => void;
    readonly style: Style;
    readonly version: string;
    /** The language of messages (`--lang`). */
    readonly lang: Lang;
    /** Progress for long runs; only on a terminal, never in CI logs or pipes. */
    readonly progress?: (done: number, total: number) => void;
    /** Reads all of standard input (`pool check -`); the process's own by default. */
    readonly stdin?: () => Promise<Uint8Array>;
}

/** The path argument that means standard input. */
export const STDIN_ARGUMENT = '-';

/** What standard input is called in messages when `--stdin-filename` does not name it (a `.pool` name, as imports and the language services need). */
const STDIN_NAME = '<stdin>.pool';

/**
 * The `--format` values, `NAME` or `NAME=FILE`, as outputs; plain text on standard output when
 * none is given. Two outputs to one file are refused, as one would overwrite the other.
 */
export function parseOutputs(values: readonly string[], lang: Lang): CheckOutput[] {
    const outputs = values.map(value => {
        const equals = value.indexOf('=');
        const format = equals < 0 ? value : value.slice(0, equals);
        const file = equals < 0 ? undefined : value.slice(equals + 1);
        if (!isCheckFormat(format)) {
            // Worded as every other option's bad choice is (`choiceOption`).
            const choices = listInWords(Object.keys(CHECK_FORMATS), lang, 'or');
            throw new UsageError(t('cli.commander.invalid-choice', { option: '--format', choices, value: format }, lang));
        }
        if (file === '') throw new UsageError(message('cli.check.format-needs-file', { format }));
        return { format, file };
    });
    const files = outputs.flatMap(output => (output.file === undefined ? [] : [path.resolve(output.file)]));
    const twice = files.find((file, index) => files.indexOf(file) !== index);
    if (twice !== undefined) throw new UsageError(message('cli.check.same-output-file', { file: displayPath(twice) }));
    return outputs.length > 0 ? outputs : [{ format: 'text' }];
}

/** The findings of one run over the paths asked for: what every output of `pool check` and the API describe. */
export interface CheckedFiles {
    /** Every file read (those asked for and their imports), as displayed, sorted. */
    readonly files: readonly string[];
    readonly diagnostics: readonly ReportedDiagnostic[];
    /** Files asked for that could not be read, with the reason. */
    readonly unreadable: readonly { readonly file: string; readonly reason: string }[];
    readonly where: SourceRoot;
}

export interface CheckFilesOptions {
    readonly lang: Lang;
    readonly stdinFilename?: string;
    readonly forceExclude?: boolean;
    readonly progress?: (done: number, total: number) => void;
    readonly stdin?: () => Promise<Uint8Array>;
    readonly allowedSigners?: string;
}

/** Finds, reads and checks the files the paths name (`-`: standard input), with everything they import. */
export async function checkFiles(paths: readonly string[], options: CheckFilesOptions): Promise<CheckedFiles> {
    const cwd = process.cwd();
    const fromStdin = paths.filter(arg => arg === STDIN_ARGUMENT).length;
    if (fromStdin > 1) throw new UsageError(message('cli.check.stdin-once', {}));
    if (options.stdinFilename !== undefined && fromStdin === 0) throw new UsageError(message('cli.check.stdin-filename-alone', {}));
    if (options.stdinFilename !== undefined && !options.stdinFilename.endsWith('.pool')) {
        throw new UsageError(message('cli.check.stdin-filename-not-pool', { file: options.stdinFilename }));
    }
    const named = paths.filter(arg => arg !== STDIN_ARGUMENT);
    let files = named.length > 0 ? await findPoolFiles(named, cwd, options.lang, options) : [];
    let read: ((file: string) => Promise<Uint8Array>) | undefined;
    if (fromStdin > 0) {
        const stdinFile = path.resolve(cwd, options.stdinFilename ?? STDIN_NAME);
        const skipped = options.forceExclude === true && options.stdinFilename !== undefined && (await isExcluded(stdinFile, cwd, options.lang));
        if (!skipped) {
            // Standard input that cannot be read is a file that cannot be read: one line, exit 2.
            const text = await (options.stdin ?? readProcessStdin)().then(
                bytes => bytes,
                (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
            );
            // The text given stands in for the file of that name, if there is one, for its importers
            // too; it is held to the size of a file read from disk, every other file is read as usual.
            read = file => {
                if (file !== stdinFile) return readFromDisk(file);
                if (text instanceof Error) return Promise.reject(text);
                if (text.length > MAX_DOCUMENT_BYTES) return Promise.reject(new FileRefusedError({ kind: 'too-large', bytes: text.length }));
                return Promise.resolve(text);
            };
            files = [...new Set([...files, stdinFile])].sort();
        }
    }
    const allowedSigners = options.allowedSigners === undefined ? undefined : await readAllowedSignersOption(options.allowedSigners, options.lang);
    let workspace;
    try {
        workspace = await loadWorkspace(files, { progress: options.progress, language: options.lang, read, allowedSigners });
    } catch (error) {
        // A fault while parsing or linking is never a pass: the files named could not be checked.
        throw new UsageError(
            message('cli.could-not-check', {
                file: files.map(file => displayPath(file)).join(', '),
                reason: error instanceof Error ? error.message : String(error)
            })
        );
    }
    return {
        files: workspace.all.map(document => displayPath(document.uri.fsPath)).sort(),
        diagnostics: collectDiagnostics(workspace.all),
        unreadable: workspace.unreadable,
        where: { root: await repositoryRoot(cwd), cwd }
    };
}

/**
 * Standard input, all of it. Past the largest agreement Pool reads, the rest is read only to be
 * counted, so the refusal can say how large it was without holding it.
 */
async function readProcessStdin(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of process.stdin) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        total += bytes.length;
        if (total <= MAX_DOCUMENT_BYTES) chunks.push(bytes);
    }
    if (total > MAX_DOCUMENT_BYTES) throw new FileRefusedError({ kind: 'too-large', bytes: total });
    return Buffer.concat(chunks);
}

/** Whether a finding fails the run: an error, or a warning under --strict. */
export function isFailing(diagnostic: Pick<ReportedDiagnostic, 'severity'>, strict: boolean): boolean {
    return diagnostic.severity === 'error' || (strict && diagnostic.severity === 'warning');
}

/**
 * `pool check PATH...`: exit 0 when clean, 1 on errors (or warnings with --strict), 2 when a file
 * cannot be read or an output cannot be written. Every output is rendered before any is written.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIo): Promise<number> {
    const checked = await checkFiles(paths, { ...options, lang: io.lang, progress: io.progress, stdin: io.stdin });
    const diagnostics = options.quiet ? checked.diagnostics.filter(diagnostic => isFailing(diagnostic, options.strict)) : checked.diagnostics;
    const summary: CheckSummary = summarise(diagnostics, checked.files.length, checked.unreadable.length);
    const rendered = options.outputs.map(output => ({
        file: output.file,
        content: CHECK_FORMATS[output.format]({
            diagnostics,
            summary,
            files: checked.files,
            toolVersion: io.version,
            strict: options.strict,
            quiet: options.quiet ?? false,
            // Colour only on a terminal: never in a file.
            style: output.file === undefined ? io.style : PLAIN,
            helpBaseUri: options.helpBaseUri,
            lang: io.lang,
            where: checked.where
        })
    }));
    for (const { file, content } of rendered) {
        if (file === undefined) continue;
        try {
            await writeFileSafely(file, content);
        } catch (error) {
            throw new UsageError(message('cli.cannot-write', { file, reason: describeFsError(error, io.lang) }));
        }
    }
    for (const { file, content } of rendered) if (file === undefined) io.out(content);
    // Files that could not be read are I/O errors: each gets one line, and they decide the exit code.
    for (const { file, reason } of checked.unreadable) {
        io.err(`${t('cli.error', { message: t('cli.cannot-read', { file, reason }, io.lang) }, io.lang)}\n`);
    }
    // A fault while checking a file is never a pass, whatever else was found (or --quiet left out): fail closed.
    const unchecked = checked.diagnostics.filter(diagnostic => diagnostic.code === 'internal-error');
    for (const { file, message } of unchecked) {
        io.err(`${t('cli.error', { message: t('cli.could-not-check', { file, reason: message }, io.lang) }, io.lang)}\n`);
    }
    if (checked.unreadable.length > 0 || unchecked.length > 0) return 2;
    const failing = summary.errors > 0 || (options.strict && summary.warnings > 0);
    return failing ? 1 : 0;
}
