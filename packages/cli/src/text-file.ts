import { type Lang, t } from '@pool/language';

/**
 * Agreements are UTF-8 text. A binary file or text in another encoding is refused with the reason
 * and where, rather than parsed into nonsense or silently changed by replacement characters.
 */
export type TextFile = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

export function decodeAgreement(bytes: Uint8Array, lang: Lang = 'en'): TextFile {
    if (bytes.includes(0)) {
        return { ok: false, reason: t('cli.reason.binary', {}, lang) };
    }
    const invalid = firstInvalidUtf8(bytes);
    if (invalid >= 0) {
        const line = 1 + bytes.subarray(0, invalid).filter(byte => byte === 0x0a).length;
        const byte = byteAt(bytes, invalid).toString(16).toUpperCase().padStart(2, '0');
        return { ok: false, reason: t('cli.reason.not-utf8', { byte, line }, lang) };
    }
    // A byte order mark is allowed and not part of the text.
    const text = new TextDecoder('utf-8').decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const lead = byteAt(bytes, i);
        const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length) return i;
        for (let k = 1; k < length; k++) {
            if ((byteAt(bytes, i + k) & 0xc0) !== 0x80) return i;
        }
        // Overlong, surrogate and out-of-range forms.
        const second = byteAt(bytes, i + 1);
        if (length === 3 && ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f))) return i;
        if (length === 4 && ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f))) return i;
        i += length;
    }
    return -1;
}

/** The byte at `offset`; past the end, -1, which is no byte of any valid sequence. */
function byteAt(bytes: Uint8Array, offset: number): number {
    return bytes[offset] ?? -1;
}
