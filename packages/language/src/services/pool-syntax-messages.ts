import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { type Lang, LANGS, listInWords, t } from '../i18n/index.js';
import { UNREADABLE } from './pool-token-builder.js';

/**
 * Syntax errors in words a finance officer understands: what was expected, with an example, and
 * what was found instead. Chevrotain's defaults name token types (`--> MONEY <--`); these name
 * the thing (`an amount, like £1,200,000`).
 */

/** How each token type is named in a message (keywords are named after themselves). */
const TOKEN_WORDS: Record<string, (lang: Lang) => string> = {
    STRING: lang => t('syntax.token.STRING', {}, lang),
    FIN_YEAR: lang => t('syntax.token.FIN_YEAR', {}, lang),
    MONEY: lang => t('syntax.token.MONEY', {}, lang),
    NUMBER: lang => t('syntax.token.NUMBER', {}, lang),
    PERCENT: lang => t('syntax.token.PERCENT', {}, lang),
    ID: lang => t('syntax.token.ID', {}, lang),
    DATE: lang => t('syntax.token.DATE', {}, lang),
    EOF: lang => t('syntax.token.EOF', {}, lang),
    '{': lang => t('syntax.token.open-brace', { brace: '{' }, lang),
    '}': lang => t('syntax.token.close-brace', { brace: '}' }, lang)
};

/**
 * Where the parser was: the case of `syntax.expected.in-place`'s `place` select for each grammar
 * rule that has a name in words (each language words the whole phrase, preposition and all).
 */
const RULE_PLACES: Record<string, string> = {
    Agreement: 'Agreement',
    AgreementField: 'Agreement',
    PeriodField: 'PeriodField',
    HostField: 'HostField',
    Partner: 'Partner',
    PartnerKind: 'PartnerKind',
    Import: 'Import',
    Pool: 'Pool',
    LegalBasis: 'LegalBasis',
    PoolYear: 'PoolYear',
    Contribution: 'Contribution',
    YearTotal: 'Total',
    PoolTotal: 'Total',
    Minimum: 'Minimum',
    RingFence: 'RingFence',
    SpendBlock: 'SpendBlock',
    SpendLine: 'SpendLine',
    Outcome: 'Outcome',
    OutcomeField: 'Outcome',
    BaselineField: 'BaselineField',
    TargetField: 'TargetField',
    MeasuredByField: 'MeasuredByField',
    Payment: 'Payment',
    PaymentSplit: 'PaymentSplit',
    Share: 'Share',
    ShareLine: 'ShareLine',
    Reinvestment: 'Reinvestment',
    Savings: 'Savings',
    SavingsYear: 'SavingsYear',
    SavingsLine: 'SavingsLine',
    Document: 'Document'
};

/** The examples some places quote: code, the same in every language. */
const PLACE_EXAMPLES = {
    spendExample: 'spend pool-id 2013/14 { … }',
    shareExample: 'share savings of pool-id { partner 50% … }',
    savingsExample: 'savings of pool-id { 2014/15 { partner £100,000 } }'
};

/** Keywords that the grammar also accepts as ids (see the `Id` rule). */
const ID_KEYWORDS = [
    'council',
    'health',
    'police',
    'fire',
    'central-government',
    'voluntary',
    'housing',
    'private',
    'other',
    'pooled',
    'aligned',
    'in-kind',
    'reduce',
    'increase'
];

function describeTokenType(type: TokenType, lang: Lang = 'en'): string {
    // Keyword token types are named after the keyword itself.
    return TOKEN_WORDS[type.name]?.(lang) ?? `\`${type.name}\``;
}

/** A token read from the text, with the place where it is (chevrotain leaves them out of made-up tokens). */
export type PlacedToken = IToken & { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number };

export function isRealToken(token: IToken | undefined): token is PlacedToken {
    return (
        token !== undefined &&
        token.tokenType?.name !== 'EOF' &&
        !Number.isNaN(token.startOffset) &&
        token.startOffset >= 0 &&
        token.startLine !== undefined &&
        !Number.isNaN(token.startLine) &&
        token.startColumn !== undefined &&
        token.endLine !== undefined &&
        token.endColumn !== undefined
    );
}

/**
 * Whether the parser stopped because the line ended after `previous`: what it wanted was to
 * follow on the same line, and the next token (if any) is on a later one. The message says so, and
 * the validator puts the error at `previous`.
 */
export function lineEndedEarly(previous: IToken | undefined, next: IToken | undefined): previous is PlacedToken {
    return isRealToken(previous) && (!isRealToken(next) || next.startLine > previous.endLine);
}

/** What the parser found: the end of the file, or a token quoted (short), for a message's `ending` select. */
function found(token: IToken | undefined): { readonly ending: 'end' | 'found'; readonly found: string } {
    // Chevrotain names the token it stopped at; none means it stopped at the end.
    if (token === undefined || token.tokenType?.name === 'EOF') return { ending: 'end', found: '' };
    return { ending: 'found', found: shorten(token.image) };
}

/** Quoted source in a message stays short, however long the text it quotes (a pasted binary file). */
export function shorten(text: string, limit = 40): string {
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- cut between code points, never inside a surrogate pair
    const chars = [...text];
    return chars.length <= limit ? text : `${chars.slice(0, limit).join('')}…`;
}

/** The part of an agreement the parser was reading, as a `place` case, when there is a name for it. */
function place(ruleName: string | undefined): string | undefined {
    // Langium decorates rule names with invisible characters; keep the name itself.
    return RULE_PLACES[(ruleName ?? '').replace(/[^\w]/g, '')];
}

/**
 * The keyword found where only a name can go (`partner total …`), if that is what happened: the
 * grammar reserves most keywords, and "expected an id, but found `total`" does not say why.
 */
function keywordWhereANameGoes(paths: TokenType[][], actual: IToken | undefined): string | undefined {
    const names = new Set(paths.map(path => path[0]?.name).filter((name): name is string => Boolean(name)));
    if (!names.has('ID') || [...names].some(name => name !== 'ID' && !ID_KEYWORDS.includes(name))) return undefined;
    const found = actual?.tokenType?.name;
    return found && found !== 'ID' && found !== 'EOF' && !(found in TOKEN_WORDS) && /^[A-Za-z][\w-]*$/.test(found) ? actual.image : undefined;
}

/**
 * The keyword of a syntax error that says a keyword stands where a name goes, if `message` is that
 * error's message (in any language) for `token`: the quick fix renames it (lsp/pool-code-actions.ts).
 */
export function keywordAsName(message: string, token: IToken | undefined): string | undefined {
    const word = token?.image;
    if (!word || !/^[A-Za-z][\w-]*$/.test(word)) return undefined;
    return LANGS.some(lang => t('syntax.keyword-as-name', { word }, lang) === message) ? word : undefined;
}

/** Several expected things as one phrase: `an amount, like £1,200,000`, or `` `council`, `health` or `other` ``. */
function describeAlternatives(paths: TokenType[][], lang: Lang): string {
    const names = new Set(paths.map(path => path[0]?.name).filter((name): name is string => Boolean(name)));
    // An amount may be written with or without a currency symbol; say "amount" once.
    if (names.has('MONEY')) names.delete('NUMBER');
    // Words like `police` can be ids too; where an id is expected, listing them is noise.
    if (names.has('ID')) for (const word of ID_KEYWORDS) names.delete(word);
    const words = [...names].map(name => TOKEN_WORDS[name]?.(lang) ?? `\`${name}\``);
    if (words.length === 0) return t('syntax.something-else', {}, lang);
    const limit = 9;
    const shown = words.slice(0, limit);
    if (words.length > limit) shown.push(t('syntax.something-else', {}, lang));
    return listInWords(shown, lang, 'or');
}

/** Whether the token is text no other token reads (see pool-token-builder.ts). */
export function isUnreadable(token: IToken | undefined): boolean {
    return token?.tokenType?.name === UNREADABLE;
}

/**
 * What is wrong with text that no token reads, wherever it stands: the same whatever the parser
 * expected there, since nothing it could expect is made of such characters. A quote mark starts
 * it only when the text in quotes is not closed on its line.
 */
function unreadableMessage(text: string, lang: Lang): string {
    if (text.startsWith('"')) return t('syntax.unclosed-quote', {}, lang);
    const first = text.codePointAt(0) ?? 0;
    const code = `U+${first.toString(16).toUpperCase().padStart(4, '0')}`;
    const run = text.length === String.fromCodePoint(first).length ? 'single' : 'other';
    return t('syntax.unreadable', { run, text: shorten(text), code }, lang);
}

export class PoolParserErrorMessageProvider implements IParserErrorMessageProvider {
    /** Messages are worded when a document is parsed, in the language chosen then. */
    constructor(private readonly language: () => Lang = () => 'en') {}

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const lang = this.language();
        if (isUnreadable(options.actual)) return unreadableMessage(options.actual.image, lang);
        return this.expected(options.ruleName, describeTokenType(options.expected, lang), options.actual, options.previous, lang);
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        const lang = this.language();
        if (isUnreadable(options.firstRedundant)) return unreadableMessage(options.firstRedundant.image, lang);
        return t('syntax.not-all-input', found(options.firstRedundant), lang);
    }

    buildNoViableAltMessage(options: {
        expectedPathsPerAlt: TokenType[][][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        const lang = this.language();
        if (isUnreadable(options.actual[0])) return unreadableMessage(options.actual[0]?.image ?? '', lang);
        const paths = options.expectedPathsPerAlt.flat();
        const keyword = keywordWhereANameGoes(paths, options.actual[0]);
        if (keyword) return t('syntax.keyword-as-name', { word: keyword }, lang);
        return this.expected(options.ruleName, describeAlternatives(paths, lang), options.actual[0], options.previous, lang);
    }

    buildEarlyExitMessage(options: {
        expectedIterationPaths: TokenType[][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        const lang = this.language();
        if (isUnreadable(options.actual[0])) return unreadableMessage(options.actual[0]?.image ?? '', lang);
        return this.expected(options.ruleName, describeAlternatives(options.expectedIterationPaths, lang), options.actual[0], options.previous, lang);
    }

    /** What was expected and what came instead (or that the line ended), in the part of the agreement it was in: one whole sentence, its parts chosen by select. */
    private expected(ruleName: string, expected: string, actual: IToken | undefined, previous: IToken | undefined, lang: Lang): string {
        const where = place(ruleName);
        const ending = lineEndedEarly(previous, actual) ? { ending: 'line', token: shorten(previous.image), found: '' } : { ...found(actual), token: '' };
        return where === undefined
            ? t('syntax.expected', { expected, ...ending }, lang)
            : t('syntax.expected.in-place', { place: where, expected, ...ending, ...PLACE_EXAMPLES }, lang);
    }
}

/**
 * The lexer's messages. Every character is read by some token, {@link UNREADABLE} at worst, so the
 * lexer finds no error of its own; were it to, it would say what the parser says of such text.
 */
export class PoolLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    constructor(private readonly language: () => Lang = () => 'en') {}

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        return unreadableMessage(fullText.substring(startOffset, startOffset + length), this.language());
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return t('syntax.cannot-read', { text: token.image }, this.language());
    }
}
