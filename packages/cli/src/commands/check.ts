import { type Lang, message, t } from '@pool/language';
import { collectDiagnostics } from '../diagnostics.js';
import { displayPath, findPoolFiles, UsageError } from '../files.js';
import { CHECK_FORMATS, type CheckFormat } from '../formats/index.js';
import { summarise } from '../formats/summary.js';
import type { Style } from '../style.js';
import { loadWorkspace } from '../workspace.js';

export interface CheckOptions {
    readonly format: CheckFormat;
    readonly strict: boolean;
    readonly helpBaseUri?: string;
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
}

/** `pool check PATH...`: exit 0 when clean, 1 on errors (or warnings with --strict). */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIo): Promise<number> {
    const files = await findPoolFiles(paths, process.cwd(), io.lang);
    let workspace;
    try {
        workspace = await loadWorkspace(files, { progress: io.progress, language: io.lang });
    } catch (error) {
        // A fault while parsing or linking is never a pass: the files named could not be checked.
        throw new UsageError(
            message('cli.could-not-check', {
                file: files.map(file => displayPath(file)).join(', '),
                reason: error instanceof Error ? error.message : String(error)
            })
        );
    }
    const diagnostics = collectDiagnostics(workspace.all);
    const checked = workspace.all.map(document => displayPath(document.uri.fsPath)).sort();
    const summary = summarise(diagnostics, checked.length, workspace.unreadable.length);
    io.out(
        CHECK_FORMATS[options.format]({
            diagnostics,
            summary,
            files: checked,
            toolVersion: io.version,
            strict: options.strict,
            style: io.style,
            helpBaseUri: options.helpBaseUri,
            lang: io.lang
        })
    );
    // Files that could not be read are I/O errors: each gets one line, and they decide the exit code.
    for (const { file, reason } of workspace.unreadable) {
        io.err(`${t('cli.error', { message: t('cli.cannot-read', { file, reason }, io.lang) }, io.lang)}\n`);
    }
    // A fault while checking a file is never a pass, whatever else was found: fail closed.
    const unchecked = diagnostics.filter(diagnostic => diagnostic.code === 'internal-error');
    for (const { file, message } of unchecked) {
        io.err(`${t('cli.error', { message: t('cli.could-not-check', { file, reason: message }, io.lang) }, io.lang)}\n`);
    }
    if (workspace.unreadable.length > 0 || unchecked.length > 0) return 2;
    const failing = summary.errors > 0 || (options.strict && summary.warnings > 0);
    return failing ? 1 : 0;
}
