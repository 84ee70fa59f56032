import { expectFoldings, expectSemanticToken, expectSymbols, expectWorkspaceSymbols, highlightHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { expected, fileOf, loadFixture, readFixtures, uriOf, passes } from './fixture.js';

const SYMBOL_KINDS = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** The outline, one symbol a line, children indented: `care (Struct) Care`. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(symbol => [
        `${'  '.repeat(depth)}${symbol.name} (${SYMBOL_KINDS.get(symbol.kind)})${symbol.detail ? ` ${symbol.detail}` : ''}`,
        ...outline(symbol.children ?? [], depth + 1)
    ]);
}

/**
 * Outline, workspace symbols, folding and semantic colouring, from test/fixtures/<feature>.
 * - symbols: a file and its outline (`name (Kind) detail`, children indented).
 * - workspace-symbols: files and a `query`; the symbols found, `name (Kind) file`.
 * - folding: a file with each foldable range marked `<|…|>` (from its first line to the last line
 *   that folds away).
 * - semantic-tokens: a file with tokens marked `<|…|>`, and the type of each, in order.
 */
describe('document symbols (outline)', () => {
    for (const fixture of readFixtures('symbols')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const { services } = await loadFixture(fixture, [fixture.main]);
            await passes(
                expectSymbols(services)({
                    text: fixture.files.get(fixture.main)!,
                    parseOptions: { documentUri: uriOf(fixture.main) },
                    assert: symbols => {
                        expect(outline(symbols).join('\n')).toBe(expected(fixture));
                    }
                })
            );
        });
    }
});

describe('workspace symbols', () => {
    for (const fixture of readFixtures('workspace-symbols')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const { services } = await loadFixture(fixture);
            await passes(
                expectWorkspaceSymbols(services.shared)({
                    query: fixture.options.get('query') ?? '',
                    assert: symbols => {
                        expect(
                            symbols
                                .map(
                                    symbol => `${symbol.name} (${SYMBOL_KINDS.get(symbol.kind)}) ${'uri' in symbol.location ? fileOf(symbol.location.uri) : ''}`
                                )
                                .sort()
                                .join('\n')
                        ).toBe(expected(fixture));
                    }
                })
            );
        });
    }
});

describe('folding', () => {
    for (const fixture of readFixtures('folding')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const { services } = await loadFixture(fixture, [fixture.main]);
            await passes(expectFoldings(services)({ text: fixture.files.get(fixture.main)!, parseOptions: { documentUri: uriOf(fixture.main) } }));
        });
    }
});

describe('semantic tokens', () => {
    for (const fixture of readFixtures('semantic-tokens')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const { services } = await loadFixture(fixture, [fixture.main]);
            const tokens = await highlightHelper(services)(fixture.files.get(fixture.main)!, { documentUri: uriOf(fixture.main) });
            const types = expected(fixture).split('\n');
            expect(tokens.ranges).toHaveLength(types.length);
            types.forEach((tokenType, rangeIndex) => {
                expectSemanticToken(tokens, { rangeIndex, tokenType: tokenType.trim() as never });
            });
        });
    }
});
