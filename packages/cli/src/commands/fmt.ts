import { readFile } from 'node:fs/promises';
import { formatPoolDocument } from '@pool/language';
import { describeFsError, displayPath, findPoolFiles } from '../files.js';
import { loadWorkspace } from '../workspace.js';
import { writeFileAtomic } from '../write-output.js';
import type { CommandIo } from './check.js';

export interface FmtOptions {
    /** Change nothing; list the files that formatting would change and exit 1 if there are any. */
    readonly check: boolean;
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

function startsWithBom(bytes: Uint8Array): boolean {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

/**
 * `pool fmt PATH...`: formats agreements in place with the editor's formatter.
 *
 * Exit status: 0 when every file is formatted (or, with --check, already was); 1 when, with
 * --check, some file would change, or when a file could not be formatted because it has syntax
 * errors; 2 for usage and I/O errors. A file is written only when its text changes, atomically,
 * and only if nobody changed it on disk since it was read. A file partners have approved as it
 * stands is left alone with a note, since formatting it would make their approvals stale.
 */
export async function runFmt(paths: readonly string[], options: FmtOptions, io: CommandIo): Promise<number> {
    const files = await findPoolFiles(paths);
    const originals = new Map<string, Uint8Array>();
    // Keep the bytes exactly as read: they are compared before writing, and a byte order mark is kept.
    const read = async (file: string): Promise<Uint8Array> => {
        const bytes = await readFile(file);
        originals.set(file, bytes);
        return bytes;
    };
    const workspace = await loadWorkspace(files, { read, progress: io.progress });
    let changed = 0;
    let unformattable = 0;
    let leftAlone = 0;
    let ioErrors = 0;
    const requested = workspace.requested;
    for (const document of requested) {
        const file = document.uri.fsPath;
        const shown = displayPath(file);
        const result = formatPoolDocument(workspace.pool, document);
        if (result.skipped) {
            const approved = /approved/.test(result.skipped);
            io.err(`${shown}: ${approved ? 'left as it is' : 'not formatted'}: ${result.skipped}\n`);
            if (approved) leftAlone++;
            else unformattable++;
            continue;
        }
        const original = document.textDocument.getText();
        if (result.text === original) continue;
        changed++;
        if (options.check) {
            io.out(`${shown}\n`);
            continue;
        }
        const before = originals.get(file)!;
        const encoded = new TextEncoder().encode(result.text);
        const bytes = startsWithBom(before) ? new Uint8Array([...UTF8_BOM, ...encoded]) : encoded;
        try {
            const now = await readFile(file);
            if (!sameBytes(now, before)) {
                io.err(`pool: ${shown} changed on disk while it was being formatted; it was left as it is now\n`);
                ioErrors++;
                continue;
            }
            await writeFileAtomic(file, bytes);
            io.out(`formatted ${shown}\n`);
        } catch (error) {
            io.err(`pool: cannot write ${shown}: ${describeFsError(error)}\n`);
            ioErrors++;
        }
    }
    for (const { file, reason } of workspace.unreadable) {
        io.err(`pool: cannot read ${file}: ${reason}\n`);
    }
    const total = requested.length;
    if (options.check) {
        io.err(changed === 0
            ? `${plural(total, 'file')} checked: ${unformattable > 0 ? `${unformattable} could not be formatted` : 'all formatted'}\n`
            : `${changed} of ${plural(total, 'file')} would be reformatted; run pool fmt to format ${changed === 1 ? 'it' : 'them'}\n`);
    } else {
        const notes = [`${plural(changed, 'file')} formatted`, `${total - changed - unformattable - leftAlone} already formatted`];
        if (leftAlone > 0) notes.push(`${leftAlone} left as approved`);
        if (unformattable > 0) notes.push(`${unformattable} not formatted`);
        io.err(`${notes.join(', ')}\n`);
    }
    if (workspace.unreadable.length > 0 || ioErrors > 0) return 2;
    return (options.check && changed > 0) || unformattable > 0 ? 1 : 0;
}
