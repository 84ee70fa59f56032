import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { randomEdit, randomGenerator } from '../../../../test/fuzz/mutations.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { QUICK_FIXES } from '../../src/lsp/pool-code-actions.js';
import { REPO, workspace } from '../helpers.js';
import { shortenText } from '../../src/i18n/index.js';

/**
 * What must hold for every quick fix the editor offers, on every invalid example and on fuzzed
 * versions of them, not just on the hand-written fixtures:
 * - the fixed text has no syntax error the original did not have;
 * - every comment survives, except one at the end of a line that a removal deletes with its declaration;
 * - every declared id survives, except the partner a "Remove the unused partner" fix removes, or
 *   the pool a "Remove the empty pool" fix removes (a repeat a duplicate-declaration fix removes
 *   leaves the id declared once);
 * - the problem fixed is gone (for fixes that are not one of several suggestions).
 */

const INVALID = path.join(REPO, 'examples/invalid');
const SUPPORT = readdirSync(path.join(INVALID, 'support')).filter(name => name.endsWith('.pool'));

function comments(text: string): string[] {
    return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map(match => match[0].trimEnd()).sort();
}

/** The ids a file declares, as the parser read them (a fuzzed file may hide an id behind a character no regex expects). */
function declaredIds(ws: Awaited<ReturnType<typeof workspace>>, name: string): string[] {
    const document = ws.document(name);
    return [...ws.model(name).declarations.values()]
        .flat()
        .filter(declaration => declaration.document === document)
        .map(declaration => declaration.id)
        .sort();
}

function without<T>(items: readonly T[], removed: readonly T[]): T[] {
    const rest = [...items];
    for (const item of removed) {
        const index = rest.indexOf(item);
        if (index >= 0) rest.splice(index, 1);
    }
    return rest;
}

interface Checked {
    fixes: number;
    /** The codes of the diagnostics looked at, and of those that offered a fix. */
    readonly reported: Set<string>;
    readonly fixed: Set<string>;
}

const tally = (): Checked => ({ fixes: 0, reported: new Set(), fixed: new Set() });

/** The checks whose definition says they have a quick fix; every other check offers none. */
const FIXABLE = new Set<string>(ALL_CHECKS.filter(check => check.fix === 'quick-fix').map(check => check.code));

async function checkEveryFix(name: string, text: string, tally: Checked): Promise<void> {
    const files: Record<string, string> = { [name]: text };
    for (const support of SUPPORT) files[`support/${support}`] = readFileSync(path.join(INVALID, 'support', support), 'utf8');
    const before = await workspace(files);
    const document = before.document(name);
    const syntaxErrors = (diagnostics: Diagnostic[]) => diagnostics.filter(d => String(d.code) === 'syntax-error').length;
    const originalSyntaxErrors = syntaxErrors(before.diagnostics(name));
    for (const diagnostic of before.diagnostics(name)) {
        tally.reported.add(String(diagnostic.code));
        const actions = (
            (await before.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() },
                range: diagnostic.range,
                context: { diagnostics: [diagnostic], triggerKind: 1 }
            })) ?? []
        ).filter(CodeAction.is);
        for (const action of actions) {
            const edits = action.edit?.changes?.[document.uri.toString()];
            if (!edits) continue;
            tally.fixes++;
            tally.fixed.add(String(diagnostic.code));
            const where = `${name}: "${action.title}" for ${diagnostic.code} at ${diagnostic.range.start.line + 1}`;
            const fixed = TextDocument.applyEdits(document.textDocument, edits);
            const after = await workspace({ ...files, [name]: fixed });
            expect(syntaxErrors(after.diagnostics(name)), where).toBeLessThanOrEqual(originalSyntaxErrors);

            const removal = action.title.startsWith('Remove the unused partner') || action.title.startsWith('Remove the empty pool');
            // Only a comment on the removed declaration's own line may go with it.
            const declarationLine = removal
                ? edits
                      .map(edit => text.slice(document.textDocument.offsetAt(edit.range.start), document.textDocument.offsetAt(edit.range.end)).split('\n')[0])
                      .join('\n')
                : '';
            // Removing characters that reorder text (bidi-control) changes the words of no comment.
            const words = (comment: string) =>
                diagnostic.code === 'bidi-control' ? comment.replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '') : comment;
            const kept = comments(fixed).map(words);
            expect(
                without(comments(text), comments(declarationLine)).every(comment => kept.includes(words(comment))),
                `${where} keeps every comment`
            ).toBe(true);
            const idsAfter = declaredIds(after, name);
            const lostIds = without(declaredIds(before, name), idsAfter);
            if (diagnostic.code === 'duplicate-declaration') {
                // Removing a repeat written exactly as the first loses a repeat, never the id.
                expect(
                    lostIds.filter(id => !idsAfter.includes(id)),
                    where
                ).toEqual([]);
            } else {
                // The title quotes the id, shortened if very long (as every message does).
                expect(
                    lostIds.map(id => shortenText(id)),
                    where
                ).toEqual(removal ? [action.title.match(/`([^`]+)`/)![1]] : []);
            }

            if (action.isPreferred && originalSyntaxErrors === 0) {
                // Where the problem's text is after the fix: edits before it (a declaration inserted above) move it.
                const start = document.textDocument.offsetAt(diagnostic.range.start);
                const moved = edits.reduce((offset, edit) => {
                    const editEnd = document.textDocument.offsetAt(edit.range.end);
                    return editEnd <= start ? offset + edit.newText.length - (editEnd - document.textDocument.offsetAt(edit.range.start)) : offset;
                }, start);
                const place = TextDocument.create('fixed', 'pool', 0, fixed).positionAt(moved);
                const still = after
                    .diagnostics(name)
                    .filter(d => d.code === diagnostic.code && d.range.start.line === place.line && d.range.start.character === place.character);
                expect(still, `${where} fixes the problem`).toEqual([]);
            }
        }
    }
}

const examples = readdirSync(INVALID)
    .filter(name => name.endsWith('.pool'))
    .sort();

describe('every quick fix on the invalid examples', () => {
    it('a check has a quick fix exactly when its definition says so', () => {
        expect(Object.keys(QUICK_FIXES).sort()).toEqual([...FIXABLE].sort());
    });

    it.each(examples)('%s: its check offers a fix exactly when it has one, and every fix keeps the text whole', async name => {
        const code = name.replace(/\.pool$/, '');
        const checked = tally();
        await checkEveryFix(name, readFileSync(path.join(INVALID, name), 'utf8'), checked);
        expect([...checked.reported]).toContain(code);
        expect(checked.fixed.has(code), FIXABLE.has(code) ? `${code} offers its quick fix` : `${code} has no quick fix`).toBe(FIXABLE.has(code));
    });
});

describe('every quick fix on declarations with comments around them', () => {
    it('removes an unused partner between others without touching the comments or partners next to it', async () => {
        const text = `agreement "A" {
    period 2013/14 to 2014/15
    host council
}
partner council "Anytown Council" council
partner fire "Anytown Fire and Rescue Service" fire   // joins in 2015
// the NHS partner below pays through the BCF
partner nhs "NHS Anytown" health
pool care "Care pot" pooled under section 75 {
    2013/14 { council £100  nhs £50 }   /* checked */
    total £150
}
`;
        const checked = tally();
        await checkEveryFix('main.pool', text, checked);
        expect(checked.fixed).toContain('unused-partner');
    });
});

describe('every quick fix on fuzzed versions of the invalid examples', () => {
    it('keeps text, ids and syntax on 150 seeded variants, and offers many fixes', async () => {
        const random = randomGenerator(20261129);
        const checked = tally();
        for (let i = 0; i < 150; i++) {
            const name = examples[i % examples.length];
            let text = readFileSync(path.join(INVALID, name), 'utf8');
            const count = 1 + Math.floor(random() * 3);
            for (let k = 0; k < count; k++) text = randomEdit(random).apply(text);
            await checkEveryFix(name, text, checked);
        }
        expect(checked.fixes).toBeGreaterThan(30);
    }, 120_000);
});
