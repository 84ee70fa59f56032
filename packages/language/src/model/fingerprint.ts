import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { type LangiumDocument, UriUtils } from 'langium';
import type { Document } from '../generated/ast.js';

/**
 * The fingerprint of an agreement's text, which approvals record. It covers the agreement file and
 * every file it imports (each imported file with its path relative to the agreement) and the text (line endings as LF, without a
 * byte order mark), with `approvals { … }` blocks left out so that recording an approval does not
 * change what was approved. Blank lines and spaces at the ends of lines do not count either, so
 * adding an approvals block (with the blank line before it and the line break after it) leaves the
 * fingerprint as it was. Any other change, even to a comment or a space inside a line, changes it.
 */
export function agreementFingerprint(documents: readonly LangiumDocument<Document>[]): string {
    const root = documents[0];
    const parts: string[] = [];
    for (const document of documents) {
        const text = document.textDocument.getText();
        const blocks = (document.parseResult.value.approvals ?? [])
            .map(block => block.$cstNode)
            .filter(node => node !== undefined)
            .map(node => [node.offset, node.end] as const)
            .sort((a, b) => a[0] - b[0]);
        let kept = '';
        let from = 0;
        for (const [start, end] of blocks) {
            kept += text.slice(from, start);
            from = end;
        }
        kept += text.slice(from);
        // The agreement's own file name is not part of it (renaming a file changes nothing agreed);
        // an imported file is named by its path from the agreement, which says which one it is.
        const name = root === undefined || document === root ? '' : UriUtils.relative(UriUtils.dirname(root.uri), document.uri);
        parts.push(`${name}\n${canonicalLayout(kept)}`);
    }
    return `sha256:${bytesToHex(sha256(utf8ToBytes(parts.join('\n\u0000\n'))))}`;
}

/**
 * The text as the fingerprint sees it: LF line endings, no byte order mark, no spaces or tabs at the
 * ends of lines, and no blank lines.
 */
export function canonicalLayout(text: string): string {
    // Line by line, not with patterns such as /[ \t]+$/gm or /\n*$/: those try again from every
    // space (or newline) of a long run that does not reach the end, which is quadratic in the run.
    // (A line separator, U+2028 or U+2029, ends a line for the spaces before it, as `$` in a
    // multiline pattern did, but not for blank lines.)
    const kept: string[] = [];
    for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
        const trimmed = line
            .split(/([\u2028\u2029])/)
            .map(withoutTrailingBlanks)
            .join('');
        if (trimmed !== '') kept.push(trimmed);
    }
    return `${kept.join('\n')}\n`;
}

/** `text` without the spaces and tabs at its end. */
function withoutTrailingBlanks(text: string): string {
    let end = text.length;
    while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
    return text.slice(0, end);
}

/** SHA-256 of bytes, as lowercase hex: what `sha256sum` prints. */
export function sha256Hex(bytes: Uint8Array): string {
    return bytesToHex(sha256(bytes));
}
