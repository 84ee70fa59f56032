/* eslint-disable no-control-regex -- these tests look for control characters in escaped text on purpose */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
    escapeGithubData,
    escapeGithubProperty,
    escapeHtml,
    escapeMarkdown,
    escapeTerminal,
    escapeTerminalLines,
    escapeXmlAttribute,
    escapeXmlText,
    isolateBidi,
    markdownCode
} from '../../packages/language/src/text/escape.js';

/**
 * The escaping helpers, one per context (findings 7, 8, 9 and 10), each held to what its context
 * needs over text drawn from every Unicode line, format and control character, the characters
 * that make markup in that context, and ordinary letters.
 */
const LINE_AND_FORMAT = [
    ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
    '\u007f',
    ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(0x80 + code)),
    '\u2028',
    '\u2029',
    '\u00ad',
    '\u061c',
    '\u180e',
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2060',
    '\u2061',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ufeff',
    '\ufff9',
    '\u{e0001}',
    '\u{e0041}',
    '\u{1d173}'
];
const MARKUP = [
    '<',
    '>',
    '&',
    '"',
    "'",
    '`',
    '*',
    '_',
    '[',
    ']',
    '(',
    ')',
    '|',
    '~',
    '!',
    '#',
    '\\',
    ':',
    '/',
    '%',
    ',',
    '=',
    '+',
    '-',
    '.',
    '1',
    ' ',
    'http://x.org',
    'www.',
    '&amp;',
    '<script>'
];
const ORDINARY = ['a', 'Z', 'é', '£', 'ŵ', '中', '😀', 'مرحبا', 'שלום'];
const hostileText = fc.array(fc.constantFrom(...LINE_AND_FORMAT, ...MARKUP, ...ORDINARY), { maxLength: 24 }).map(parts => parts.join(''));
const RUNS = { numRuns: 3_000 };

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** What the helpers write for a character they show visibly, undone (for text without backslashes). */
function unescapeVisible(text: string): string {
    return text.replace(/\\n|\\r|\\t|\\x([0-9a-f]{2})|\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})/g, (match, byte?: string, point?: string, unit?: string) =>
        match === '\\n' ? '\n' : match === '\\r' ? '\r' : match === '\\t' ? '\t' : String.fromCodePoint(parseInt(byte ?? point ?? unit!, 16))
    );
}

describe('for a terminal', () => {
    it('shows every control, format and line-separating character, so nothing can hide, recolour or forge a line', () => {
        fc.assert(
            fc.property(hostileText, text => {
                const shown = escapeTerminal(text);
                expect(shown).not.toMatch(INVISIBLE);
                if (!text.includes('\\')) expect(unescapeVisible(shown)).toBe(text);
                expect(escapeTerminalLines(text).split('\n')).toHaveLength(text.split('\n').length);
                expect(escapeTerminalLines(text).replace(/\n/g, '')).not.toMatch(INVISIBLE);
            }),
            RUNS
        );
        expect(escapeTerminal('a\u001b[8mhidden\nforged')).toBe('a\\x1b[8mhidden\\nforged');
    });
});

describe('for HTML', () => {
    it('leaves no markup, no attribute end and no control HTML forbids, and says the text as written', () => {
        fc.assert(
            fc.property(hostileText, text => {
                const html = escapeHtml(text);
                expect(html).not.toMatch(/[<>"']/);
                expect(html.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
                expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/);
                const decoded = html
                    .replace(/&lt;/g, '<')
                    .replace(/&gt;/g, '>')
                    .replace(/&quot;/g, '"')
                    .replace(/&#39;/g, "'")
                    .replace(/&amp;/g, '&');
                if (!text.includes('\\')) expect(unescapeVisible(decoded)).toBe(text);
            }),
            RUNS
        );
    });
});

describe('for Markdown (reports, diffs, hovers)', () => {
    const commonMark = new MarkdownIt({ html: true, linkify: true });

    it('renders as one paragraph of the text as written: no heading, list, link, image, code, table or HTML', () => {
        fc.assert(
            fc.property(hostileText, text => {
                const rendered = commonMark.render(escapeMarkdown(text));
                const expected = text.replace(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g, ' ').trim();
                if (expected === '' || /^[\s\u0000-\u001f\u007f-\u009f]*$/.test(expected)) return;
                const inner = /^<p>([\s\S]*)<\/p>\n$/.exec(rendered)?.[1];
                expect(inner, `${JSON.stringify(text)} → ${JSON.stringify(rendered)}`).toBeDefined();
                expect(inner).not.toContain('<');
                const plain = inner!
                    .replace(/&lt;/g, '<')
                    .replace(/&gt;/g, '>')
                    .replace(/&quot;/g, '"')
                    .replace(/&amp;/g, '&');
                if (!text.includes('\\')) expect(unescapeVisible(plain).replace(/\s+/g, ' ').trim()).toBe(expected.replace(/\s+/g, ' ').trim());
            }),
            RUNS
        );
        expect(commonMark.render(`Partner ${escapeMarkdown('A\n# Approved by the board')} pays`)).toBe('<p>Partner A # Approved by the board pays</p>\n');
    });

    it('writes a file name as a code span, whatever backticks and line breaks it holds', () => {
        fc.assert(
            fc.property(hostileText, text => {
                const rendered = commonMark.render(`From ${markdownCode(text)}.`);
                expect(rendered, JSON.stringify(text)).toMatch(/^<p>From <code>[\s\S]*<\/code>\.<\/p>\n$/);
                expect(rendered.replace(/^<p>From <code>|<\/code>\.<\/p>\n$/g, '')).not.toContain('<');
            }),
            RUNS
        );
    });
});

describe('for GitHub annotations', () => {
    it('keeps a message on its line: no line break, no raw control, and % only as the runner decodes it', () => {
        fc.assert(
            fc.property(hostileText, text => {
                for (const escaped of [escapeGithubData(text), escapeGithubProperty(text)]) {
                    expect(escaped).not.toMatch(INVISIBLE);
                    expect(escaped.replace(/%(25|0D|0A|3A|2C)/g, '')).not.toContain('%');
                }
                expect(escapeGithubProperty(text)).not.toMatch(/[:,]/);
                const decoded = escapeGithubData(text).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
                if (!text.includes('\\')) expect(unescapeVisible(decoded)).toBe(text);
            }),
            RUNS
        );
    });
});

describe('for GitLab (JUnit XML)', () => {
    it('writes only what XML can carry, with markup and attribute quotes escaped', () => {
        const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
        const withHalves = fc
            .array(fc.constantFrom(...LINE_AND_FORMAT, ...MARKUP, ...ORDINARY, '\ud800', '\udfff', '\ufffe'), { maxLength: 24 })
            .map(parts => parts.join(''));
        fc.assert(
            fc.property(withHalves, text => {
                expect(escapeXmlText(text)).not.toMatch(notXml);
                expect(escapeXmlText(text)).not.toMatch(/[<>]/);
                expect(escapeXmlAttribute(text)).not.toMatch(/["\n\r\t<>]/);
            }),
            RUNS
        );
    });
});

describe('isolating text that could reorder a sentence', () => {
    it('isolates right-to-left text and bidi controls, and only them', () => {
        fc.assert(
            fc.property(hostileText, text => {
                const isolated = isolateBidi(text);
                const needs = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/.test(text);
                expect(isolated).toBe(needs ? `\u2068${text}\u2069` : text);
            }),
            RUNS
        );
    });
});
