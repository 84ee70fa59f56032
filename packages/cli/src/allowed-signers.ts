import path from 'node:path';
import { type AllowedSignersLookup, MAX_ALLOWED_SIGNERS_BYTES, readRegularFile } from '@pool/files';
import { type Lang, message, parseAllowedSigners } from '@pool/language';
import { describeFsError, displayPath, UsageError } from './files.js';

/**
 * `--allowed-signers FILE`: read once, before checking, for every agreement; a file that cannot be
 * read is the user's mistake, one line and exit 2, never a check that silently trusts nobody.
 */
export async function readAllowedSignersOption(file: string, lang: Lang): Promise<AllowedSignersLookup> {
    let bytes: Uint8Array;
    try {
        bytes = await readRegularFile(file, MAX_ALLOWED_SIGNERS_BYTES);
    } catch (error) {
        throw new UsageError(message('cli.cannot-read', { file, reason: describeFsError(error, lang) }));
    }
    const signers = parseAllowedSigners(new TextDecoder().decode(bytes), displayPath(path.resolve(file)));
    return () => signers;
}
