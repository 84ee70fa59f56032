/**
 * Agreement text escaped for each place it is shown, one function per context. Names, titles and
 * notes come from many partners and may hold anything: markup, a newline and a heading, a
 * terminal's escape sequence, characters that reverse the text around them. Each function here
 * turns such text into what shows as written in its context and cannot change anything around it;
 * test/hostile/escaping.test.ts holds each to that over every Unicode line, format and control
 * character.
 */

/**
 * Characters that reorder text (Unicode's Bidi_Control): the embeddings, overrides and isolates
 * of Trojan Source, and the marks.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest of that range. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/;

/** First strong isolate and pop directional isolate: text between them cannot reorder what is around it. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Text that may reorder the sentence it is put into (a right-to-left name, or one holding bidi
 * controls) is isolated with U+2068 … U+2069, which every Unicode-aware reader honours (browsers,
 * VS Code, PDF viewers' text, Markdown previews): inside, the text keeps its own direction, and
 * any override it opens ends where it ends. Other text is returned as it is.
 */
export function isolateBidi(text: string): string {
    return BIDI_CONTROLS.test(text) || RIGHT_TO_LEFT.test(text) ? `${FSI}${text}${PDI}` : text;
}

/** Control, format and line-separating characters: invisible, or acting on what follows. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const IS_INVISIBLE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A character written as its escape: `\n`, `\x1b`, `\u202e`, `\u{e0041}`. */
function visible(character: string): string {
    const named = NAMED[character];
    if (named) return named;
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
    if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
    return `\\u{${code.toString(16)}}`;
}

/**
 * For a terminal (and any log a terminal shows): every control, format and line-separating
 * character is written visibly, as `\x1b`, `\n` or `\u202e`, so text cannot hide or recolour
 * what follows, move the cursor, start a forged line or reverse the line it is on.
 */
export function escapeTerminal(text: string): string {
    return text.replace(INVISIBLE, visible);
}

/** As {@link escapeTerminal}, line by line: the line breaks of a whole output stay line breaks. */
export function escapeTerminalLines(text: string): string {
    return text.split('\n').map(escapeTerminal).join('\n');
}

/** Controls HTML does not allow in text (all but tab, line feed, form feed and carriage return). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: HTML does not allow them
const HTML_CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/**
 * For HTML text and attribute values: nothing in it can become markup or end an attribute, and
 * a control character HTML does not allow is written visibly (`\x1b`) rather than raw.
 */
export function escapeHtml(text: string): string {
    return text
        .replace(HTML_CONTROLS, visible)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

/** Characters some reader takes as a line break: the ASCII ones, NEL, and the Unicode separators. */
// eslint-disable-next-line no-control-regex -- matching the ASCII line breaks (VT, FF) is the point
const LINE_BREAKS = /\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]/g;

/**
 * For Markdown text (a report, a diff, a hover): no emphasis, code, link, image, table cell,
 * strikethrough, heading, list or HTML can come out of it. Line breaks of every kind become
 * spaces, so it cannot start a block of its own; the characters that make inline syntax are
 * backslash-escaped (CommonMark allows escaping any ASCII punctuation), `<`, `>` and `&` become
 * entities, a leading character that could start a block is escaped, anything GitHub would turn
 * into a link is broken up, and other controls are written visibly.
 */
export function escapeMarkdown(text: string): string {
    return (
        text
            .replace(LINE_BREAKS, ' ')
            .replace(HTML_CONTROLS, visible)
            .replace(/[\\`*_[\]|~!#]/g, character => `\\${character}`)
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            // GitHub turns bare URLs into links: break the pattern it looks for, not the text shown.
            .replace(/:\/\//g, ':\\/\\/')
            .replace(/\bwww\./gi, match => `${match.slice(0, 3)}\\.`)
            .replace(/^(\s*)([+\-=])/, '$1\\$2')
            .replace(/^(\s*\d+)([.)])/, '$1\\$2')
            // Spaces and tabs at the start would indent it into a code block: as references, they do not.
            .replace(/^[ \t]+/, space => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    );
}

/**
 * Text as a Markdown code span (a file name, a git revision): shown exactly, in one line, with a
 * fence of backticks longer than any run of them inside.
 */
export function markdownCode(text: string): string {
    const line = text.replace(LINE_BREAKS, ' ').replace(HTML_CONTROLS, visible);
    let longest = 0;
    for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
    if (line === '') return '` `';
    const fence = '`'.repeat(longest + 1);
    const padded = line.startsWith('`') || line.endsWith('`') || (line.startsWith(' ') && line.endsWith(' ') && line.trim() !== '') ? ` ${line} ` : line;
    return `${fence}${padded}${fence}`;
}

/**
 * A string literal in a chart's expression (Vega's expression language, which reads JavaScript's
 * literals): quotes and backslashes escaped, and every control, format and line-separating
 * character as a `\u` escape, since U+2028 and U+2029 end a line there and broke the chart.
 */
export function chartString(text: string): string {
    let out = '"';
    for (const character of text) {
        const code = character.codePointAt(0) ?? 0;
        if (character === '"' || character === '\\') out += `\\${character}`;
        else if (IS_INVISIBLE.test(character)) {
            out += code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
        } else out += character;
    }
    return `${out}"`;
}

/**
 * A GitHub Actions workflow command's message: `%`, carriage returns and newlines encoded as the
 * runner expects, and other control and format characters written visibly, so a message cannot
 * end the command, start another, or colour the log.
 */
export function escapeGithubData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(INVISIBLE, visible);
}

/** A workflow command's property value: as its message, and `:` and `,` too, which separate properties. */
export function escapeGithubProperty(text: string): string {
    return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Characters XML 1.0 cannot carry at all (nor GitLab, reading JUnit reports). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: XML cannot carry them
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * XML text (a JUnit report for GitLab, Azure Pipelines and Jenkins): markup escaped, and a
 * character XML cannot carry written visibly rather than making a file no CI can read.
 */
export function escapeXmlText(text: string): string {
    return text
        .replace(NOT_XML, character => visible(character))
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

/** An XML attribute value: as text, with quotes and the whitespace an attribute would fold kept as references. */
export function escapeXmlAttribute(text: string): string {
    return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
