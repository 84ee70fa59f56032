import { TextDocument } from 'langium';
import { testCodeAction } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { CodeAction } from 'vscode-languageserver-types';
import { expected, type Fixture, loadFixture, readFixtures, uriOf, passes } from './fixture.js';

/**
 * test/fixtures/code-actions: a file with one problem (`code` in the options) and the file after
 * the quick fix (`expect`; empty when there is no fix). When a problem has several fixes, `title`
 * picks one; otherwise langium/test's testCodeAction checks that there is exactly one. Either way,
 * checking the fixed file again must not report the problem.
 */
describe('quick fixes', () => {
    for (const fixture of readFixtures('code-actions')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const code = fixture.options.get('code')!;
            const after = expected(fixture);
            if (!fixture.options.has('title')) {
                const { services } = await loadFixture(fixture, [fixture.main]);
                await passes(testCodeAction(services)(fixture.files.get(fixture.main)!, code, after === '' ? undefined : `${after}\n`));
                return;
            }
            await applyNamedFix(fixture, code, fixture.options.get('title')!, `${after}\n`);
        });
    }
});

async function applyNamedFix(fixture: Fixture, code: string, title: string, after: string): Promise<void> {
    const loaded = await loadFixture(fixture);
    const diagnostics = (loaded.main.diagnostics ?? []).filter(diagnostic => diagnostic.code === code);
    expect(diagnostics).toHaveLength(1);
    const actions =
        (await loaded.services.lsp.CodeActionProvider!.getCodeActions(loaded.main, {
            textDocument: { uri: uriOf(fixture.main) },
            range: diagnostics[0].range,
            context: { diagnostics, triggerKind: 1 }
        })) ?? [];
    const action = actions.filter(CodeAction.is).find(candidate => candidate.title === title);
    expect(action, `a fix titled "${title}" among: ${actions.map(candidate => candidate.title).join(' | ')}`).toBeDefined();
    const fixed = TextDocument.applyEdits(loaded.main.textDocument, action!.edit!.changes![uriOf(fixture.main)]);
    expect(fixed).toBe(after);
    const again = await loadFixture({ ...fixture, files: new Map([...fixture.files, [fixture.main, fixed]]) });
    expect((again.main.diagnostics ?? []).filter(diagnostic => diagnostic.code === code)).toEqual([]);
}
