import { createToken, createTokenInstance, EOF, type IToken, type TokenType, tokenMatcher } from 'chevrotain';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createPoolServices } from '../src/services/pool-module.js';
import { MAX_PARSER_ERRORS, ReSyncFinder } from '../src/services/pool-parser.js';
import { HEADER } from './helpers.js';

const END = createTokenInstance(EOF, '', NaN, NaN, NaN, NaN, NaN, NaN);
const PARENT = createToken({ name: 'Parent', pattern: /p/ });
const TYPES: TokenType[] = [
    createToken({ name: 'A', pattern: /a/ }),
    createToken({ name: 'B', pattern: /b/ }),
    createToken({ name: 'C', pattern: /c/, categories: [PARENT] }),
    createToken({ name: 'D', pattern: /d/, categories: [PARENT] }),
    createToken({ name: 'E', pattern: /e/ })
];

/** Chevrotain's `findReSyncTokenType`, as it is written: each token after the error in turn. */
function readingEachToken(tokens: readonly IToken[], current: number, follow: readonly TokenType[]): TokenType | undefined {
    for (let k = current + 1; ; k++) {
        const token = tokens[k] ?? END;
        const found = follow.find(type => tokenMatcher(token, type));
        if (found || token === END) return found;
    }
}

describe('resynchronising after a syntax error', () => {
    it('finds the token Chevrotain finds, without reading the tokens one by one', () => {
        const finder = new ReSyncFinder();
        const type = fc.constantFrom(...TYPES);
        fc.assert(
            fc.property(
                fc.array(type, { maxLength: 60 }),
                fc.nat(70),
                fc.uniqueArray(fc.constantFrom(...TYPES, PARENT), { maxLength: 4 }),
                (types, current, follow) => {
                    const tokens = types.map(tokenType => createTokenInstance(tokenType, tokenType.name, 0, 0, 0, 0, 0, 0));
                    // The end of the file may always follow: Chevrotain keeps it in every follow set.
                    const withEnd = [...follow, EOF];
                    const start = Math.min(current, tokens.length) - 1;
                    expect(finder.find(tokens, start, withEnd, END)).toBe(readingEachToken(tokens, start, withEnd));
                }
            ),
            { numRuns: 3_000 }
        );
    });

    it('reads each token a few times, not once for each error, in a long block full of errors', () => {
        const { Pool } = createPoolServices(EmptyFileSystem);
        const parser = Pool.parser.LangiumParser;
        // Counting how often the parser looks at a token: Chevrotain's own search looked at every
        // token up to the block's closing brace at each error (about 500 × 60,000 here).
        const chevrotain = (parser as unknown as { wrapper: { LA: (k: number) => IToken } }).wrapper;
        const lookAhead = chevrotain.LA.bind(chevrotain);
        let looks = 0;
        chevrotain.LA = k => {
            looks++;
            return lookAhead(k);
        };
        const text = `${HEADER}pool p "P" aligned { 2013/14 {\n${'    council £1 §\n'.repeat(20_000)}} }\n`;
        const tokens = Pool.parser.Lexer.tokenize(text).tokens.length;
        const result = parser.parse(text);
        expect(result.parserErrors).toHaveLength(MAX_PARSER_ERRORS);
        expect(looks).toBeLessThan(tokens * 10);
    });
});
