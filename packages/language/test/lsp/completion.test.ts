import { expectCompletion } from 'langium/test';
import { describe, it } from 'vitest';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { expected, loadFixture, readFixtures, uriOf, passes } from './fixture.js';

const KIND_NAMES = new Map<number, string>(Object.entries(CompletionItemKind).map(([name, value]) => [value as number, name]));

/** `label (Kind)`, or with the detail for ids: `gmp (Value) Greater Manchester Police (police)`. */
function show(item: CompletionItem): string {
    const kind = KIND_NAMES.get(item.kind ?? 0) ?? 'none';
    return kind === 'Keyword' || kind === 'Snippet' ? `${item.label} (${kind})` : `${item.label} (${kind}) ${item.detail ?? ''}`.trimEnd();
}

/**
 * test/fixtures/completion: the text with a `<|>` cursor, and every item offered there, one per
 * line, in the order the editor shows them.
 */
describe('completion', () => {
    for (const fixture of readFixtures('completion')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const { services } = await loadFixture(fixture, [fixture.main]);
            const items = expected(fixture);
            await passes(
                expectCompletion(services)({
                    text: fixture.files.get(fixture.main)!,
                    index: 0,
                    expectedItems: items === '' ? [] : items.split('\n'),
                    itemToString: show,
                    parseOptions: { documentUri: uriOf(fixture.main) }
                })
            );
        });
    }
});
