import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexer, type LangiumCoreServices } from 'langium';

/**
 * A token as Chevrotain's lexer makes it (`createFullToken`: the same fields, in the same order),
 * made by a class of its own. Chevrotain makes its tokens as object literals of the same shape as
 * those it makes with NaN positions (the end of the file, tokens made up in error recovery), so V8
 * held every position of every token as a boxed number of its own: six more objects per token,
 * a third of the tokens' memory. And since the tokens of a large file all outlive its parse, V8
 * then made every token of that literal outside the young generation, so the formatter's
 * short-lived reading of its output again (`pool fmt` of 120,000 lines) piled up until the next
 * full collection: most of its peak memory beyond the parse.
 */
class PoolToken implements IToken {
    readonly image: string;
    readonly startOffset: number;
    endOffset: number;
    readonly startLine: number;
    endLine: number;
    readonly startColumn: number;
    endColumn: number;
    readonly tokenTypeIdx: number;
    readonly tokenType: TokenType;

    constructor(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType, startLine: number, startColumn: number, imageLength: number) {
        this.image = image;
        this.startOffset = startOffset;
        this.endOffset = startOffset + imageLength - 1;
        this.startLine = startLine;
        // Moved on by the lexer for a token spanning lines.
        this.endLine = startLine;
        this.startColumn = startColumn;
        this.endColumn = startColumn + imageLength - 1;
        this.tokenTypeIdx = tokenTypeIdx;
        this.tokenType = tokenType;
    }
}

/** What is replaced in Chevrotain's lexer, which Langium's wraps: its own types leave it out. */
interface TokenMaking {
    createTokenInstance: (...args: ConstructorParameters<typeof PoolToken>) => IToken;
}

/** Langium's lexer, with its tokens made as {@link PoolToken}s. */
export class PoolLexer extends DefaultLexer {
    constructor(services: LangiumCoreServices) {
        super(services);
        const lexer = this.chevrotainLexer as unknown as Partial<TokenMaking>;
        // Fails at once, in every test, if Chevrotain stops making its tokens there.
        if (typeof lexer.createTokenInstance !== 'function') throw new Error("Chevrotain's lexer no longer makes its tokens with createTokenInstance");
        lexer.createTokenInstance = (...args) => new PoolToken(...args);
    }
}
