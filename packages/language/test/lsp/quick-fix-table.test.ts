import { readdirSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { type Fixture, loadFixture, readFixtures, uriOf } from './fixture.js';

/**
 * Every check whose definition says `fix: 'quick-fix'` has a case in test/fixtures/quick-fixes,
 * named after its code: a workspace in which `main.pool` raises that diagnostic and no other (and
 * the other files nothing at all). The driver asks for the code actions on the diagnostic, applies
 * the preferred one's workspace edit (or the one titled as the `title` option says), checks the
 * workspace again, and requires it to be clean: the problem is gone and the fix made no new one.
 * A case where no fix is offered fails, so no case passes by doing nothing. Where one problem is
 * reported in more than one place (an import cycle, seen from each file in it), the `raises` option
 * lists every diagnostic the case starts with, as `file: code` separated by commas; one fix must
 * still clear them all.
 */

const FOLDER = path.resolve(import.meta.dirname, '../fixtures/quick-fixes');
const FIXABLE: readonly string[] = ALL_CHECKS.filter(check => check.fix === 'quick-fix').map(check => check.code);
const fixtures = new Map(readFixtures('quick-fixes').map(fixture => [fixture.name, fixture]));

describe('the quick-fix table', () => {
    it('has a case for every check marked quick-fix, and none for any other', () => {
        const cases = readdirSync(FOLDER)
            .filter(file => file.endsWith('.txt'))
            .map(file => file.replace(/\.txt$/, ''));
        const code = (name: string) => name.replace(/\..*$/, '');
        expect(FIXABLE.filter(fixable => !cases.some(name => code(name) === fixable))).toEqual([]);
        expect(cases.filter(name => !FIXABLE.includes(code(name)))).toEqual([]);
    });

    it.each([...fixtures.keys()])('%s: the fix removes the diagnostic and adds none', async name => {
        // A case may be `<code>.txt` or, for a second situation of the same code, `<code>.<what>.txt`.
        await appliesCleanly(fixtures.get(name)!, name.replace(/\..*$/, ''));
    });
});

async function appliesCleanly(fixture: Fixture, code: string): Promise<void> {
    const before = await loadFixture(fixture);
    const everywhere = (loaded: typeof before) => [...loaded.documents].flatMap(([file, document]) => (document.diagnostics ?? []).map(d => ({ file, d })));
    const found = everywhere(before);
    const raises = fixture.options.get('raises')?.split(/,\s*/) ?? [`${fixture.main}: ${code}`];
    expect(
        found.map(({ file, d }) => `${file}: ${String(d.code)}`),
        'the case raises exactly its diagnostic'
    ).toEqual(raises);
    const diagnostic: Diagnostic = found.find(({ file, d }) => file === fixture.main && d.code === code)!.d;
    const actions = (
        (await before.services.lsp.CodeActionProvider!.getCodeActions(before.main, {
            textDocument: { uri: uriOf(fixture.main) },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic], triggerKind: 1 }
        })) ?? []
    ).filter(CodeAction.is);
    const title = fixture.options.get('title');
    const action = title === undefined ? actions.find(candidate => candidate.isPreferred) : actions.find(candidate => candidate.title === title);
    expect(action, `a fix among: ${actions.map(candidate => candidate.title).join(' | ') || 'none'}`).toBeDefined();
    const changes = action!.edit?.changes ?? {};
    expect(Object.keys(changes).length, 'the fix edits something').toBeGreaterThan(0);
    const files = new Map(fixture.files);
    for (const [file, document] of before.documents) {
        const edits = changes[uriOf(file)];
        if (edits) files.set(file, TextDocument.applyEdits(document.textDocument, edits));
    }
    const after = await loadFixture({ ...fixture, files });
    expect(
        everywhere(after).map(
            ({ file, d }) => `${file}:${d.range.start.line + 1}: ${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`
        ),
        `after "${action!.title}":\n${files.get(fixture.main)}`
    ).toEqual([]);
    const expectedText = fixture.sections.get('expect');
    if (expectedText !== undefined) expect(files.get(fixture.main)).toBe(expectedText);
}
