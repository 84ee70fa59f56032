import fc from 'fast-check';
import { ValueConverter } from 'langium';
import { describe, expect, it } from 'vitest';
import { unquote } from '../src/services/pool-value-converter.js';

describe('text in quotes', () => {
    it('is read as Langium reads it, from slices rather than a character at a time', () => {
        const quoted = fc
            .array(fc.constantFrom('a', 'é', '😀', '\\\\', '\\"', '\\n', '\\t', '\\0', '\\x', ' '), { maxLength: 30 })
            .map(parts => `"${parts.join('')}"`);
        fc.assert(
            fc.property(quoted, text => {
                expect(unquote(text)).toBe(ValueConverter.convertString(text));
            }),
            { numRuns: 2_000 }
        );
    });
});
