import { writeFileSafely } from '@pool/files';
import { decodeAgreement, escapeTerminal } from '@pool/language';
import { formatPoolDocument } from '@pool/language/editor';
import { t } from '../i18n/index.js';
import { describeFsError, displayPath, findPoolFiles, projectFiles } from '../files.js';
import { loadWorkspace, readFromDisk } from '../workspace.js';
import type { CommandIo } from './check.js';

export interface FmtOptions {
    /** Change nothing; list the files that formatting would change and exit 1 if there are any. */
    readonly check: boolean;
    /** Apply `.poolignore` to files named one by one too (for pre-commit). */
    readonly forceExclude?: boolean;
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

function startsWithBom(bytes: Uint8Array): boolean {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** New text for a file, encoded as the file was: UTF-8, with the byte order mark the file had, if it had one. */
export function encodeLike(before: Uint8Array, text: string): Uint8Array {
    const encoded = new TextEncoder().encode(text);
    return startsWithBom(before) ? concat(UTF8_BOM, encoded) : encoded;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
    const joined = new Uint8Array(a.length + b.length);
    joined.set(a);
    joined.set(b, a.length);
    return joined;
}

/**
 * The other files of the files' projects that hold approvals (found as `pool check` finds a
 * folder's files, `.poolignore` honoured): an agreement importing a register named alone records,
 * in its approvals, the fingerprint of the register's text too, so formatting the register would
 * make them stale, as it would were the folder formatted whole. Only files whose text has the
 * word `approvals` can hold one, so the rest are not parsed; a file that cannot be read holds no
 * approval Pool could honour. Each is returned with the bytes read, so it is loaded without being
 * read again.
 */
async function approvingFiles(files: readonly string[], io: CommandIo): Promise<Map<string, Uint8Array>> {
    const candidates = await projectFiles(files, process.cwd(), io.lang);
    const approving = new Map<string, Uint8Array>();
    for (const file of candidates) {
        try {
            const bytes = await readFromDisk(file);
            const decoded = decodeAgreement(bytes);
            if (decoded.ok && decoded.text.includes('approvals')) approving.set(file, bytes);
        } catch {
            // Unreadable: no approvals to honour in it (pool check reports it when it is checked).
        }
    }
    return approving;
}

/**
 * `pool fmt PATH...`: formats agreements in place with the editor's formatter.
 *
 * Exit status: 0 when every file is formatted (or, with --check, already was); 1 when, with
 * --check, some file would change, or a file could not be formatted (syntax errors: the line says
 * where the first is); 2 for usage and I/O errors. A file is written only when its text changes, atomically,
 * and only if nobody changed it on disk since it was read. A file partners have approved as it
 * stands is left alone with a note, since formatting it would make their approvals stale: approvals
 * in the file, or in any agreement of its project that imports it, named on the command line or not.
 */
export async function runFmt(paths: readonly string[], options: FmtOptions, io: CommandIo): Promise<number> {
    const files = await findPoolFiles(paths, process.cwd(), io.lang, options);
    const approving = await approvingFiles(files, io);
    const originals = new Map<string, Uint8Array>();
    // Keep the bytes exactly as read: they are compared before writing, and a byte order mark is kept.
    const read = async (file: string): Promise<Uint8Array> => {
        const bytes = approving.get(file) ?? (await readFromDisk(file));
        originals.set(file, bytes);
        return bytes;
    };
    const workspace = await loadWorkspace(files, {
        read,
        progress: io.progress,
        language: io.lang,
        check: false,
        alsoLoad: [...approving.keys()]
    });
    const lang = io.lang;
    let changed = 0;
    let unformattable = 0;
    let leftAlone = 0;
    let ioErrors = 0;
    const requested = workspace.requested;
    for (const document of requested) {
        const file = document.uri.fsPath;
        const shown = escapeTerminal(displayPath(file));
        const result = formatPoolDocument(workspace.pool, document);
        if (result.skipped) {
            const approved = result.approved === true;
            io.err(`${t(approved ? 'fmt.left-as-is' : 'fmt.not-formatted', { file: shown, reason: result.skipped }, lang)}\n`);
            if (approved) leftAlone++;
            else unformattable++;
            continue;
        }
        const original = document.textDocument.getText();
        if (result.text === original) continue;
        if (options.check) {
            changed++;
            io.out(`${shown}\n`);
            continue;
        }
        // Every file formatted was read through `read`, which kept its bytes.
        const before = originals.get(file) ?? new Uint8Array();
        const bytes = encodeLike(before, result.text);
        try {
            const now = await readFromDisk(file);
            if (!sameBytes(now, before)) {
                io.err(`${t('fmt.changed-on-disk', { file: shown }, lang)}\n`);
                ioErrors++;
                continue;
            }
            await writeFileSafely(file, bytes);
        } catch (error) {
            // Not formatted after all: said as a failure, and not counted as formatted.
            io.err(`${t('fmt.cannot-write', { file: shown, reason: describeFsError(error, lang) }, lang)}\n`);
            ioErrors++;
            continue;
        }
        changed++;
        io.out(`${t('fmt.formatted', { file: shown }, lang)}\n`);
    }
    for (const { file, reason } of workspace.unreadable) {
        io.err(`${t('cli.error', { message: t('cli.cannot-read', { file, reason }, lang) }, lang)}\n`);
    }
    const total = requested.length;
    if (options.check) {
        const summary =
            changed > 0
                ? t('fmt.check.would-change', { changed, total }, lang)
                : unformattable > 0
                  ? t('fmt.check.unformattable', { count: total, unformattable }, lang)
                  : t('fmt.check.clean', { count: total }, lang);
        io.err(`${summary}\n`);
    } else {
        const counts = {
            formatted: changed,
            already: total - changed - unformattable - leftAlone - ioErrors,
            approved: leftAlone,
            unformattable,
            unwritten: ioErrors
        };
        io.err(`${t('fmt.summary', counts, lang)}\n`);
    }
    if (workspace.unreadable.length > 0 || ioErrors > 0) return 2;
    return (options.check && changed > 0) || unformattable > 0 ? 1 : 0;
}
