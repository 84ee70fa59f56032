import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/**
 * Syntax errors in words a finance officer understands: what was expected, with an example, and
 * what was found instead. Chevrotain's defaults name token types (`--> MONEY <--`); these name
 * the thing (`an amount, like £1,200,000`).
 */

const TOKEN_WORDS: Record<string, string> = {
    STRING: 'text in double quotes, like "Manchester City Council"',
    FIN_YEAR: 'a financial year, like 2013/14',
    MONEY: 'an amount, like £1,200,000',
    NUMBER: 'a number, like 1,500',
    PERCENT: 'a percentage, like 25%',
    ID: 'an id, like manchester',
    DATE: 'a date, like 2014-09-30',
    EOF: 'the end of the file',
    '{': 'an opening brace `{`',
    '}': 'a closing brace `}`'
};

/** Where the parser was, as a phrase that finishes "… in …". */
const RULE_PLACES: Record<string, string> = {
    Agreement: 'the agreement header',
    AgreementField: 'the agreement header',
    PeriodField: 'the period (write `period 2013/14 to 2015/16`)',
    HostField: 'the host (write `host` and a partner id)',
    Partner: 'a partner declaration (write `partner id "Full name" kind`)',
    PartnerKind: 'a partner declaration, after the full name, the kind of partner',
    Import: 'an import (write `import "registers/file.pool"`)',
    Pool: 'a pool',
    LegalBasis: 'a legal basis (write `under section 75` or `under "…"`)',
    PoolYear: "a year's contributions (each line is a partner id and an amount)",
    Contribution: 'a contribution (a partner id and an amount)',
    YearTotal: 'a total (write `total £2,200,000`)',
    PoolTotal: 'a total (write `total £2,200,000`)',
    Minimum: 'a minimum (write `minimum ccg £1,000,000 in 2015/16`)',
    RingFence: 'a ring-fence (write `ringfence dfg "Disabled Facilities Grant" £500,000 in 2015/16`)',
    SpendBlock: 'a spend block (write `spend pool-id 2013/14 { … }`)',
    SpendLine: 'a spend line (a name in quotes and an amount)',
    Outcome: 'an outcome',
    OutcomeField: 'an outcome',
    BaselineField: 'a baseline (write `baseline 58 in 2012/13`)',
    TargetField: 'a target (write `target 20 by 2015/16`)',
    MeasuredByField: 'measured by (write `measured by` and a partner id)',
    Payment: 'a payment by results (write `pays £4,000 per family up to £6,000,000`)',
    PaymentSplit: 'a payment split (write `2013/14 upfront 80% results 20%`)',
    Share: 'a share clause (write `share savings of pool-id { partner 50% … }` or `… pro rata to contributions`)',
    ShareLine: 'a share line (a partner id and a percentage)',
    Reinvestment: 'a reinvestment (write `reinvest 10%`)',
    Savings: 'a savings projection (write `savings of pool-id { 2014/15 { partner £100,000 } }`)',
    SavingsYear: "a year's projected savings",
    SavingsLine: 'a projected saving (a partner id and an amount)',
    Document: 'the file (declarations start with agreement, import, partner, pool, spend, outcome, share or savings)'
};

/** Keywords that the grammar also accepts as ids (see the `Id` rule). */
const ID_KEYWORDS = ['council', 'health', 'police', 'fire', 'central-government', 'voluntary', 'housing', 'private', 'other',
    'pooled', 'aligned', 'in-kind', 'reduce', 'increase'];

export function describeTokenType(type: TokenType): string {
    // Keyword token types are named after the keyword itself.
    return TOKEN_WORDS[type.name] ?? `\`${type.name}\``;
}

/** The phrase that ends every parser message; the validator rewrites it when the line ended early. */
export const FOUND_PREFIX = ', but found ';

function describeFound(token: IToken): string {
    if (token.tokenType?.name === 'EOF') return 'the end of the file';
    return `\`${shorten(token.image)}\``;
}

/** Quoted source in a message stays short, however long the text it quotes (a pasted binary file). */
export function shorten(text: string, limit = 40): string {
    const chars = [...text];
    return chars.length <= limit ? text : `${chars.slice(0, limit).join('')}…`;
}

function place(ruleName: string | undefined): string {
    // Langium decorates rule names with invisible characters; keep the name itself.
    const where = RULE_PLACES[(ruleName ?? '').replace(/[^\w]/g, '')];
    return where ? `in ${where}: ` : '';
}

/** Several expected things as one phrase: `an amount, like £1,200,000`, or `` `council`, `health` or `other` ``. */
function describeAlternatives(paths: TokenType[][]): string {
    const names = new Set(paths.map(path => path[0]?.name).filter((name): name is string => Boolean(name)));
    // An amount may be written with or without a currency symbol; say "amount" once.
    if (names.has('MONEY')) names.delete('NUMBER');
    // Words like `police` can be ids too; where an id is expected, listing them is noise.
    if (names.has('ID')) for (const word of ID_KEYWORDS) names.delete(word);
    const words = [...names].map(name => TOKEN_WORDS[name] ?? `\`${name}\``);
    if (words.length === 0) return 'something else';
    const limit = 9;
    const shown = words.slice(0, limit);
    const last = words.length > limit ? 'something else' : shown.pop()!;
    return shown.length === 0 ? last : `${shown.join(', ')} or ${last}`;
}

export class PoolParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return `${place(options.ruleName)}expected ${describeTokenType(options.expected)}${FOUND_PREFIX}${describeFound(options.actual)}`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `did not expect ${describeFound(options.firstRedundant)} here: a declaration starts with agreement, import, partner, pool, spend, outcome, share or savings`;
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = describeAlternatives(options.expectedPathsPerAlt.flat());
        return `${place(options.ruleName)}expected ${expected}${FOUND_PREFIX}${describeFound(options.actual[0])}`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return `${place(options.ruleName)}expected ${describeAlternatives(options.expectedIterationPaths)}${FOUND_PREFIX}${describeFound(options.actual[0])}`;
    }
}

export class PoolLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"')) {
            return 'this text in quotes is not closed: add a `"` before the end of the line';
        }
        return `\`${shorten(text)}\` cannot be read here: it is not part of an amount, a year, an id, a percentage or text in quotes`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `cannot read \`${token.image}\` here`;
    }
}
