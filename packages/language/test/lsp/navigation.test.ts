import { expectFindReferences, expectGoToDefinition, expectHighlight, rangeToString } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { type Fixture, fileOf, loadFixture, positionAt, rangeOf, readFixtures, uriOf, passes } from './fixture.js';

/**
 * Go to definition, find references and document highlight, from test/fixtures/<feature>: the
 * text with a `<|>` cursor, and the expected places marked `<|…|>`, in any file of the fixture.
 * A fixture of one file goes through langium/test's helper; those compare ranges within a single
 * document, so fixtures across files (through imports) are checked here place by place.
 */

async function expectedAndActual(fixture: Fixture, ask: (loaded: Awaited<ReturnType<typeof loadFixture>>) => Promise<{ uri: string; range: Range }[]>) {
    const loaded = await loadFixture(fixture);
    const places = [...loaded.marked].flatMap(([file, marked]) => marked.ranges.map(range => `${file} ${rangeToString(rangeOf(marked.text, range))}`));
    const actual = (await ask(loaded)).map(place => `${fileOf(place.uri)} ${rangeToString(place.range)}`);
    return { expected: places.sort(), actual: actual.sort() };
}

function cursorOf(loaded: Awaited<ReturnType<typeof loadFixture>>, fixture: Fixture) {
    const marked = loaded.marked.get(fixture.main)!;
    return { textDocument: { uri: uriOf(fixture.main) }, position: positionAt(marked.text, marked.cursors[0]) };
}

describe('go to definition', () => {
    for (const fixture of readFixtures('definition')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            if (fixture.files.size === 1) {
                await passes(
                    expectGoToDefinition((await loadFixture(fixture, [fixture.main])).services)({
                        text: fixture.files.get(fixture.main)!,
                        index: 0,
                        rangeIndex: 0,
                        parseOptions: { documentUri: uriOf(fixture.main) }
                    })
                );
                return;
            }
            const { expected, actual } = await expectedAndActual(fixture, async loaded => {
                const links = (await loaded.services.lsp.DefinitionProvider!.getDefinition(loaded.main, cursorOf(loaded, fixture))) ?? [];
                return links.map(link => ({ uri: link.targetUri, range: link.targetSelectionRange }));
            });
            expect(actual).toEqual(expected);
        });
    }
});

describe('find references', () => {
    for (const fixture of readFixtures('references')) {
        const includeDeclaration = fixture.options.get('includeDeclaration') !== 'false';
        it(`${fixture.name}: ${fixture.description}`, async () => {
            if (fixture.files.size === 1) {
                await passes(
                    expectFindReferences((await loadFixture(fixture, [fixture.main])).services)({
                        text: fixture.files.get(fixture.main)!,
                        includeDeclaration,
                        parseOptions: { documentUri: uriOf(fixture.main) }
                    })
                );
                return;
            }
            const { expected, actual } = await expectedAndActual(fixture, async loaded => {
                const references = await loaded.services.lsp.ReferencesProvider!.findReferences(loaded.main, {
                    ...cursorOf(loaded, fixture),
                    context: { includeDeclaration }
                });
                return references;
            });
            expect(actual).toEqual(expected);
        });
    }
});

describe('document highlight', () => {
    for (const fixture of readFixtures('highlight')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const { services } = await loadFixture(fixture, [fixture.main]);
            await passes(expectHighlight(services)({ text: fixture.files.get(fixture.main)!, index: 0, parseOptions: { documentUri: uriOf(fixture.main) } }));
        });
    }
});
