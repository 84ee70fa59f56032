import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type AllowedSigners, parseAllowedSigners } from '@pool/language';
import { URI } from 'langium';
import { readRegularFile } from './read.js';

/** Where an agreement's allowed signers are looked for when none is named: its folder or the nearest one above that has it. */
export const DEFAULT_ALLOWED_SIGNERS = '.poolsigners';

/** An allowed-signers file is a line a key; a larger one is refused before it is read. */
export const MAX_ALLOWED_SIGNERS_BYTES = 1024 * 1024;

/** How a document's allowed signers are found (the language's AllowedSignersSource). */
export type AllowedSignersLookup = (documentUri: string) => AllowedSigners | undefined;

/**
 * The default lookup, for `pool check` and the language server alike: `.poolsigners` in the
 * agreement's folder or the nearest folder above it that has one (as `.git` is found). A file there
 * that cannot be read counts as none, so a signed approval is then an error saying there is nothing
 * to check it against, never a pass. With `remember`, each folder is looked at once (one run of the
 * CLI); without, every model built looks again, so the editor follows edits to the file.
 */
export function defaultAllowedSignersLookup(remember: boolean): AllowedSignersLookup {
    const byFolder = new Map<string, AllowedSigners | undefined>();
    const find = (folder: string): AllowedSigners | undefined => {
        if (remember && byFolder.has(folder)) return byFolder.get(folder);
        const candidate = path.join(folder, DEFAULT_ALLOWED_SIGNERS);
        let found: AllowedSigners | undefined;
        try {
            const info = statSync(candidate);
            if (info.isFile() && info.size <= MAX_ALLOWED_SIGNERS_BYTES) {
                found = parseAllowedSigners(readFileSync(candidate, 'utf8'), path.relative(process.cwd(), candidate) || candidate);
            }
        } catch {
            found = undefined;
        }
        const parent = path.dirname(folder);
        if (!found && parent !== folder) found = find(parent);
        if (remember) byFolder.set(folder, found);
        return found;
    };
    return documentUri => {
        const uri = URI.parse(documentUri);
        return uri.scheme === 'file' ? find(path.dirname(uri.fsPath)) : undefined;
    };
}

/**
 * Reads an allowed-signers file named by the user: `pool check --allowed-signers FILE` and the
 * language server's `pool.allowedSigners` setting both read it here. A regular file of at most
 * 1 MiB (read as every file Pool reads, `readRegularFile`); `source` is how messages name it. A
 * file that cannot be read throws the system's error or a `FileRefusedError`, for the caller to
 * word: never an empty list of signers in its place.
 */
export async function readAllowedSignersFile(file: string, source: string): Promise<AllowedSigners> {
    const bytes = await readRegularFile(file, MAX_ALLOWED_SIGNERS_BYTES);
    return parseAllowedSigners(new TextDecoder().decode(bytes), source);
}
