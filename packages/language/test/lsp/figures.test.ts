import { describe, expect, it } from 'vitest';
import type { InlayHint } from 'vscode-languageserver-types';
import { configure, expected, loadFixture, readFixtures, uriOf } from './fixture.js';

/** The text with each hint written where the editor shows it: ` «sums to £2,200,000»`. */
function withHints(text: string, hints: readonly InlayHint[]): string {
    const lines = text.split('\n');
    const sorted = [...hints].sort((a, b) => b.position.line - a.position.line || b.position.character - a.position.character);
    for (const hint of sorted) {
        const line = lines[hint.position.line];
        const label = typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('');
        lines[hint.position.line] = `${line.slice(0, hint.position.character)}${hint.paddingLeft ? ' ' : ''}«${label}»${line.slice(hint.position.character)}`;
    }
    return lines.join('\n');
}

/**
 * test/fixtures/inlay-hints: a file, and the same file with its inlay hints written in «»
 * (options may switch `inlayHints.enabled` off). test/fixtures/code-lenses: a file, and its lenses,
 * one per line: `line: title [command arguments]`. The figures come from the model.
 */
describe('inlay hints', () => {
    for (const fixture of readFixtures('inlay-hints')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const loaded = await loadFixture(fixture);
            if (fixture.options.get('inlayHints.enabled') === 'false') configure(loaded.services, { inlayHints: { enabled: false } });
            const text = loaded.main.textDocument.getText();
            const range = { start: { line: 0, character: 0 }, end: loaded.main.textDocument.positionAt(text.length) };
            const hints =
                (await loaded.services.lsp.InlayHintProvider!.getInlayHints(loaded.main, { textDocument: { uri: uriOf(fixture.main) }, range })) ?? [];
            expect(withHints(text, hints).replace(/\n$/, '')).toBe(expected(fixture));
        });
    }
});

describe('code lenses', () => {
    for (const fixture of readFixtures('code-lenses')) {
        it(`${fixture.name}: ${fixture.description}`, async () => {
            const loaded = await loadFixture(fixture);
            const lenses = (await loaded.services.lsp.CodeLensProvider!.provideCodeLens(loaded.main, { textDocument: { uri: uriOf(fixture.main) } })) ?? [];
            const shown = lenses.map(
                lens => `${lens.range.start.line + 1}: ${lens.command?.title} [${lens.command?.command} ${(lens.command?.arguments ?? []).join(' ')}]`
            );
            expect(shown.join('\n')).toBe(expected(fixture));
        });
    }
});
