import { expectHover } from 'langium/test';
import { describe, it } from 'vitest';
import { expected, initialize, loadFixture, readFixtures, uriOf, passes } from './fixture.js';

/** test/fixtures/hover: the text with a `<|>` cursor, and the hover's Markdown (empty: no hover). */
describe('hover', () => {
    for (const fixture of readFixtures('hover')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            // The other files are loaded first; langium/test parses the file under the cursor.
            const { services } = await loadFixture(fixture, [fixture.main]);
            const documentationBase = fixture.options.get('checkDocumentationBase');
            if (documentationBase) await initialize(services, { checkDocumentationBase: documentationBase });
            const hover = expected(fixture);
            await passes(
                expectHover(services)({
                    text: fixture.files.get(fixture.main)!,
                    index: 0,
                    hover: hover === '' ? undefined : hover,
                    parseOptions: { documentUri: uriOf(fixture.main), validation: true }
                })
            );
        });
    }
});
