import fc from 'fast-check';
import { parseExpression } from 'vega';
import { describe, expect, it } from 'vitest';
import { chartString } from '../src/escape.js';

/**
 * Agreement text in a chart's expressions (finding 7: U+2028 in a name broke the HTML and PDF
 * reports, because Vega's expression language, like JavaScript before 2019, ends a line there).
 * Every string the charts put into an expression is read back by Vega's own parser as written.
 */
const characters = [
    ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
    '\u007f',
    '\u0085',
    '\u2028',
    '\u2029',
    '\u200b',
    '\u202e',
    '\u2066',
    '\u2069',
    '\ufeff',
    '\u{e0001}',
    '"',
    "'",
    '\\',
    '`',
    '$',
    '{',
    '}',
    'a',
    'é',
    '😀',
    'שלום'
];
const text = fc.array(fc.constantFrom(...characters), { maxLength: 24 }).map(parts => parts.join(''));

describe('chart expressions', () => {
    it('read every string back as written, whatever it holds', () => {
        fc.assert(
            fc.property(text, value => {
                expect((parseExpression(chartString(value)) as unknown as { value: string }).value).toBe(value);
            }),
            { numRuns: 3_000 }
        );
    });
});
