import path from 'node:path';
import { type AllowedSignersLookup, readAllowedSignersFile } from '@pool/files';
import { type AllowedSigners, type Lang, message } from '@pool/language';
import { describeFsError, displayPath, UsageError } from './files.js';

/**
 * `--allowed-signers FILE`: read once, before checking, for every agreement, by the same code as
 * the language server's `pool.allowedSigners` setting; a file that cannot be read is the user's
 * mistake, one line and exit 2, never a check that silently trusts nobody.
 */
export async function readAllowedSignersOption(file: string, lang: Lang): Promise<AllowedSignersLookup> {
    let signers: AllowedSigners;
    try {
        signers = await readAllowedSignersFile(file, displayPath(path.resolve(file)));
    } catch (error) {
        throw new UsageError(message('cli.cannot-read', { file, reason: describeFsError(error, lang) }));
    }
    return () => signers;
}
