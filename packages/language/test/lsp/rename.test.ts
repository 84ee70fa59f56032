import { TextDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { expected, fileOf, loadFixture, positionAt, readFixtures, uriOf } from './fixture.js';

/**
 * test/fixtures/rename: a `<|>` cursor on an id, `newName` in the options, and either the text of
 * each file that changes (`after <file>` sections; files without one must not change) or the
 * `error` the rename is refused with.
 */
describe('rename', () => {
    for (const fixture of readFixtures('rename')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const loaded = await loadFixture(fixture);
            const marked = loaded.marked.get(fixture.main)!;
            const params = {
                textDocument: { uri: uriOf(fixture.main) },
                position: positionAt(marked.text, marked.cursors[0]),
                newName: fixture.options.get('newName') ?? ''
            };
            const provider = loaded.services.lsp.RenameProvider!;
            expect(await provider.prepareRename(loaded.main, params), 'the cursor is on something that can be renamed').toBeDefined();
            if (fixture.sections.has('error')) {
                await expect(provider.rename(loaded.main, params)).rejects.toThrow(expected(fixture, 'error'));
                return;
            }
            const edit = await provider.rename(loaded.main, params);
            const changes = edit?.changes ?? {};
            for (const [file, document] of loaded.documents) {
                const after = TextDocument.applyEdits(document.textDocument, changes[uriOf(file)] ?? []);
                const wanted = fixture.sections.get(`after ${file}`) ?? loaded.marked.get(file)!.text;
                expect(after, file).toBe(wanted);
            }
            expect(
                Object.keys(changes)
                    .map(fileOf)
                    .every(file => fixture.sections.has(`after ${file}`)),
                'only the files expected to change'
            ).toBe(true);
        });
    }
});
