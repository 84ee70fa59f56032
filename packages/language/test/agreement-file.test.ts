import { describe, expect, it } from 'vitest';
import { decodeAgreement } from '../src/text/agreement-file.js';

const BOM = [0xef, 0xbb, 0xbf];
const decoded = (bytes: number[]) => {
    const result = decodeAgreement(Uint8Array.from(bytes));
    return result.ok ? result.text : result.reason;
};

/**
 * A file's byte order mark is not text; a second one is, and the editor counts it in its columns.
 * The language-server fuzz found `pool check` dropping both, so its columns on the first line were
 * one short of the editor's.
 */
describe('decoding an agreement', () => {
    it('takes away one byte order mark, and only one', () => {
        expect(decoded([...BOM, 0x7b])).toBe('{');
        expect(decoded([...BOM, ...BOM, 0x7b])).toBe('\uFEFF{');
        expect(decoded([0x7b, ...BOM])).toBe('{\uFEFF');
        expect(decoded([0x7b])).toBe('{');
    });
});
