import { expectFormatting } from 'langium/test';
import { describe, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { expected, loadFixture, readFixtures, uriOf, passes } from './fixture.js';

/** `3:0-5:0` → a range (0-based lines and characters, as in LSP). */
function parseRange(text: string | undefined): Range | undefined {
    const match = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(text ?? '');
    return match ? { start: { line: Number(match[1]), character: Number(match[2]) }, end: { line: Number(match[3]), character: Number(match[4]) } } : undefined;
}

/**
 * test/fixtures/formatting: a file as written, and as the formatter leaves it (`expect`). With a
 * `range` option only those lines are formatted. The properties that must hold for every file
 * (meaning kept, idempotence) are in format-properties.test.ts.
 */
describe('formatting', () => {
    for (const fixture of readFixtures('formatting')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const { services } = await loadFixture(fixture, [fixture.main]);
            await passes(
                expectFormatting(services)({
                    before: fixture.files.get(fixture.main)!,
                    after: `${expected(fixture)}\n`,
                    range: parseRange(fixture.options.get('range')),
                    parseOptions: { documentUri: uriOf(fixture.main) }
                })
            );
        });
    }
});
