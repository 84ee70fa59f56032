import { DefaultTokenBuilder, EmptyFileSystem, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { createPoolServices } from '../src/services/pool-module.js';
import { PoolTokenBuilder } from '../src/services/pool-token-builder.js';

/** Langium's own token builder, with its protected choice of a keyword's longer alternatives opened up. */
class LangiumTokenBuilder extends DefaultTokenBuilder {
    longerAlt(keyword: GrammarAST.Keyword, terminals: TokenType[]): TokenType[] {
        return this.findLongerAlt(keyword, terminals);
    }
}

describe('the token builder', () => {
    // PoolTokenBuilder makes each terminal's partial expression once instead of once per keyword:
    // every keyword must still give way to the same terminals (`periods` an id, not `period` and `s`).
    it("gives every keyword the longer alternatives Langium's builder gives it", () => {
        const grammar = createPoolServices(EmptyFileSystem).Pool.Grammar;
        const tokens = new PoolTokenBuilder().buildTokens(grammar);
        if (!Array.isArray(tokens)) throw new Error('expected a list of tokens');
        const terminals = tokens.filter(token => grammar.rules.some(rule => rule.$type === 'TerminalRule' && rule.name === token.name));
        const keywords = tokens.filter(token => typeof token.PATTERN === 'string');
        expect(keywords.length).toBeGreaterThan(50);
        const langium = new LangiumTokenBuilder();
        const differ = keywords.flatMap(token => {
            const expected = langium.longerAlt({ value: token.name } as GrammarAST.Keyword, terminals).map(alt => alt.name);
            const ours = ((token.LONGER_ALT ?? []) as TokenType[]).map(alt => alt.name);
            return JSON.stringify(ours) === JSON.stringify(expected) ? [] : [`${token.name}: ${ours.join(', ')} / ${expected.join(', ')}`];
        });
        expect(differ).toEqual([]);
        // Not vacuous: most keywords are the start of an id.
        expect(keywords.filter(token => ((token.LONGER_ALT ?? []) as TokenType[]).length > 0).length).toBeGreaterThan(50);
    });
});
