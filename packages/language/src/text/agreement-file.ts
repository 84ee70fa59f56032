import { type Message, message } from '../i18n/index.js';

/**
 * What may be read as an agreement, decided the same way by the CLI and the language server: a
 * regular file, at most {@link MAX_DOCUMENT_BYTES} bytes (checked before it is read), of UTF-8
 * text. Everything else is refused with a reason in words, never read into nonsense.
 */

/**
 * The largest agreement Pool reads, in bytes as stored (10 MiB). Real agreements are a few hundred
 * kilobytes; past this, checking would take tens of seconds and gigabytes.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Why a file is not read. */
export type FileRefusal =
    /** Larger than the limit; `bytes` is its size. */
    | { readonly kind: 'too-large'; readonly bytes: number }
    /** Read, but not UTF-8 text: `reason` says where. */
    | { readonly kind: 'not-text'; readonly reason: Message }
    /** Not a regular file (a named pipe, a device, a socket, a folder), or not readable: `reason` says which. */
    | { readonly kind: 'not-a-file'; readonly reason: Message }
    /** Not to be written (read-only, a device, a pipe nobody reads): `reason` says which. */
    | { readonly kind: 'not-writable'; readonly reason: Message };

/** Thrown by a file reader (the CLI's, the language server's) for a file it refuses to read. */
export class FileRefusedError extends Error {
    constructor(readonly refusal: FileRefusal) {
        super(refusal.kind === 'too-large' ? `too large: ${refusal.bytes} bytes` : refusal.reason.key);
        this.name = 'FileRefusedError';
    }
}

/** Why a document's file was not read, if it was not: the parse result of a refused file says why. */
export function refusalOf(document: { readonly parseResult: object }): FileRefusal | undefined {
    return (document.parseResult as { readonly refusal?: FileRefusal }).refusal;
}

/** The refusal of a file, worded (in `render`'s hands) as the reason after "cannot read FILE:". */
export function refusalReason(refusal: FileRefusal): Message {
    if (refusal.kind !== 'too-large') return refusal.reason;
    return message('cli.reason.too-large', { size: mebibytes(refusal.bytes), limit: MAX_DOCUMENT_BYTES / 1024 / 1024 });
}

export function mebibytes(bytes: number): string {
    return (bytes / 1024 / 1024).toFixed(1);
}

/** An agreement's text, or why its bytes are not text Pool reads. */
export type DecodedAgreement = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: Message };

/**
 * Agreements are UTF-8 text. A binary file or text in another encoding is refused with the reason
 * and where, rather than parsed into nonsense or silently changed by replacement characters. A
 * byte order mark is allowed and is not part of the text.
 */
export function decodeAgreement(bytes: Uint8Array): DecodedAgreement {
    if (bytes.includes(0)) {
        return { ok: false, reason: message('cli.reason.binary', {}) };
    }
    const invalid = firstInvalidUtf8(bytes);
    if (invalid >= 0) {
        let line = 1;
        for (let i = 0; i < invalid; i++) if (bytes[i] === 0x0a) line++;
        const byte = (bytes[invalid] ?? 0).toString(16).toUpperCase().padStart(2, '0');
        return { ok: false, reason: message('cli.reason.not-utf8', { byte, line }) };
    }
    // One byte order mark, once: the decoder is told to keep it, or it would take one and the slice a
    // second, a character of the text that the editor counts in its columns (found by the language-server fuzz).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    // Offsets past the end read as 0, which is never a continuation byte; lengths are checked first.
    const at = (offset: number): number => bytes[offset] ?? 0;
    let i = 0;
    while (i < bytes.length) {
        const lead = at(i);
        const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length) return i;
        for (let k = 1; k < length; k++) {
            if ((at(i + k) & 0xc0) !== 0x80) return i;
        }
        // Overlong, surrogate and out-of-range forms.
        const second = at(i + 1);
        if (length === 3 && ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f))) return i;
        if (length === 4 && ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f))) return i;
        i += length;
    }
    return -1;
}

/** How many bytes a text takes in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            bytes += 4;
            i++;
        } else bytes += 3;
    }
    return bytes;
}

/**
 * Why a file could not be read or written, as the reason after "cannot read FILE:" or "cannot
 * write FILE:": Pool's own refusals, then the system's errors (by their code) in words, then, for
 * an error no one expects, the system's message.
 */
export function describeFileError(error: unknown): Message {
    if (error instanceof FileRefusedError) return refusalReason(error.refusal);
    switch ((error as { code?: unknown } | undefined)?.code) {
        case 'ENOENT':
            return message('cli.reason.no-such-file', {});
        case 'EACCES':
        case 'EPERM':
            return message('cli.reason.permission-denied', {});
        case 'EISDIR':
            return message('cli.reason.is-folder', {});
        case 'ENOTDIR':
            return message('cli.reason.not-a-folder', {});
        case 'ENOSPC':
            return message('cli.reason.disk-full', {});
        case 'EDQUOT':
            return message('cli.reason.quota', {});
        case 'EROFS':
            return message('cli.reason.read-only-file-system', {});
        case 'ENAMETOOLONG':
            return message('cli.reason.name-too-long', {});
        case 'ELOOP':
            return message('cli.reason.link-loop', {});
        case 'EIO':
            return message('cli.reason.io-error', {});
        case 'EMFILE':
        case 'ENFILE':
            return message('cli.reason.too-many-files', {});
        case 'ENXIO':
            return message('cli.reason.fifo-no-reader', {});
        case 'EPIPE':
            return message('cli.reason.reader-gone', {});
        default:
            return message('cli.reason.system', { error: error instanceof Error ? error.message : String(error) });
    }
}
