import type { CustomPatternMatcherReturn, TokenType, TokenVocabulary } from 'chevrotain';
import { DefaultTokenBuilder, type Grammar, type GrammarAST, type LexingReport, RegExpUtils, type TokenBuilderOptions } from 'langium';

/**
 * The name of the token made of text no other token reads (see {@link PoolTokenBuilder}): no
 * grammar rule takes it, so the parser reports it where it stands (pool-syntax-messages.ts says
 * what it is) and recovers.
 */
export const UNREADABLE = 'UNREADABLE';

/**
 * The lexer's tokens as the grammar defines them, except text in quotes and block comments, which
 * are read by the scanners below instead of the grammar's regular expressions. Those expressions
 * are right but not safe on hostile input:
 *
 * - `"(\\.|[^"\\\r\n])*"` keeps one backtracking entry per character: past about four million
 *   characters in quotes, the regular expression engine overflows the stack.
 * - A quote that is never closed (or a `/*` that is) fails only at the end of the line (or
 *   file). The lexer then skips one character and tries again from the next quote, scanning the
 *   same text again: a line of `"\"\"\"…` took time quadratic in its length (80,000 characters:
 *   20 seconds).
 *
 * The scanners accept exactly what the expressions accept (test/hostile checks this on random
 * text), in one loop, and remember where a scan failed: a scan that starts later inside the same
 * unclosed text fails at the same place, so it is not repeated.
 *
 * And one token more, tried last: {@link UNREADABLE}, text no other token reads (a `§`, a
 * private-use character, a pasted binary, a quote mark never closed). Without it such text was
 * Chevrotain's lexer error recovery, which tries every token again at each following character,
 * about 6 µs each: a file of 10 MiB of `§` kept the language server or `pool check` busy for half
 * a minute before the parser began. As a token it is read in one step, and the parser reports it
 * as a syntax error like any other, up to its limit (pool-parser.ts).
 */
export class PoolTokenBuilder extends DefaultTokenBuilder {
    private readonly scanner = new TextScanner();

    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options);
        if (!Array.isArray(tokens)) throw new Error('the token builder expected a list of tokens');
        const unreadable: TokenType = {
            name: UNREADABLE,
            PATTERN: (text: string, offset: number) => unreadableRun(text, offset),
            LINE_BREAKS: false,
            // Any character may start it (where nothing else matched): every UTF-16 code unit, so
            // Chevrotain keeps its lookup of tokens by first character.
            START_CHARS_HINT: ALL_CODE_UNITS
        };
        tokens.push(unreadable);
        return tokens;
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'STRING') {
            token.PATTERN = (text: string, offset: number) => this.scanner.quoted(text, offset);
            token.LINE_BREAKS = false;
            token.START_CHARS_HINT = ['"'];
        } else if (terminal.name === 'ML_COMMENT') {
            token.PATTERN = (text: string, offset: number) => this.scanner.blockComment(text, offset);
            token.LINE_BREAKS = true;
            token.START_CHARS_HINT = ['/'];
        }
        return token;
    }

    /** Each terminal's pattern made partial (see {@link findLongerAlt}), made once instead of once per keyword. */
    private readonly partialPatterns = new Map<string, RegExp>();

    /**
     * Langium's: the terminals a keyword is the start of (an id that begins `period`, so
     * `periods` reads as one id). Langium makes each terminal's regular expression partial again
     * for every keyword, a hundred keywords by a dozen terminals: a fifth of building the lexer.
     * The same test, each partial expression made once.
     */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const pattern = token.PATTERN;
            if (!(pattern instanceof RegExp)) return false;
            let partial = this.partialPatterns.get(pattern.source);
            if (partial === undefined) {
                partial = RegExpUtils.partialRegExp(`^${pattern.source}$`);
                this.partialPatterns.set(pattern.source, partial);
            }
            const match = partial.exec(keyword.value);
            return match !== null && match[0].length > 0;
        });
    }

    /** Called once the lexer has read a whole text: what the scanners remember is about that text. */
    override flushLexingReport(text: string): LexingReport {
        this.scanner.forget();
        return super.flushLexingReport(text);
    }
}

/** Every UTF-16 code unit, as Chevrotain's START_CHARS_HINT for a token that can start anywhere. */
const ALL_CODE_UNITS: number[] = Array.from({ length: 0x10000 }, (_, code) => code);

/**
 * The characters some token of the grammar starts with: space and the characters read as space
 * (Bidi_Control), `/` (comments), `"`, digits and `-` (numbers), `£`, `$` and `€` (amounts),
 * letters and `_` (ids and keywords), and braces.
 */
const STARTS_A_TOKEN = /[\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069/"0-9\-£$€A-Za-z_{}]/;

/**
 * What {@link UNREADABLE} matches at `offset`: the character there (the lexer tries it only
 * where no other token matched), and the characters after it that no token starts with. A
 * character some token starts with ends it, so a `§` before an id is reported alone.
 */
function unreadableRun(text: string, offset: number): CustomPatternMatcherReturn | null {
    if (offset >= text.length) return null;
    let end = offset + 1;
    while (end < text.length && !STARTS_A_TOKEN.test(text.charAt(end))) end++;
    return [text.slice(offset, end)];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** `\n`, `\r`, U+2028 and U+2029: what `.` in a regular expression does not match. */
function isLineTerminator(code: number): boolean {
    return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The scanners, with what they remember of the text being read. */
export class TextScanner {
    private text: string | undefined;
    /** A quote at an offset in (from, until) is inside text in quotes already found unclosed at `until`. */
    private unclosedQuoteFrom = -1;
    private unclosedQuoteUntil = -1;
    /** There is no `*` `/` after this offset (plus two), so no block comment starting later closes. */
    private unclosedCommentFrom = Infinity;

    forget(): void {
        this.text = undefined;
        this.unclosedQuoteFrom = -1;
        this.unclosedQuoteUntil = -1;
        this.unclosedCommentFrom = Infinity;
    }

    private reading(text: string): void {
        if (this.text !== text) {
            this.forget();
            this.text = text;
        }
    }

    /** What `/"(\\.|[^"\\\r\n])*"/y` matches at `offset`, or null. */
    quoted(text: string, offset: number): CustomPatternMatcherReturn | null {
        if (text.charCodeAt(offset) !== QUOTE) return null;
        this.reading(text);
        // Every quote inside text in quotes that was not closed is escaped (an unescaped one would
        // have closed it), so a scan from it reads on from the same state and fails at the same place.
        if (offset > this.unclosedQuoteFrom && offset < this.unclosedQuoteUntil) return null;
        let i = offset + 1;
        while (i < text.length) {
            const code = text.charCodeAt(i);
            if (code === QUOTE) return [text.slice(offset, i + 1)];
            if (code === 0x0a || code === 0x0d) break;
            if (code === BACKSLASH) {
                if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) break;
                i += 2;
            } else {
                i++;
            }
        }
        this.unclosedQuoteFrom = offset;
        this.unclosedQuoteUntil = i;
        return null;
    }

    /** What `/\/\*[\s\S]*?\*\//y` matches at `offset`, or null. */
    blockComment(text: string, offset: number): CustomPatternMatcherReturn | null {
        if (text.charCodeAt(offset) !== 0x2f || text.charCodeAt(offset + 1) !== 0x2a) return null;
        this.reading(text);
        if (offset >= this.unclosedCommentFrom) return null;
        const close = text.indexOf('*/', offset + 2);
        if (close < 0) {
            this.unclosedCommentFrom = offset;
            return null;
        }
        return [text.slice(offset, close + 2)];
    }
}
