import fc from 'fast-check';
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createPoolServices } from '../../src/services/pool-module.js';
import { exampleTexts } from './example-texts.js';

/**
 * An edit of a file others import re-checks its importers only when it changes something they
 * read: its declarations and everything in them (an amount of a unit cost an appraisal reads),
 * where things are written for an importer whose diagnostics point into it, its text for an
 * importer with approvals. A comment in a register re-checks the register alone. Whatever was
 * skipped, every file's diagnostics are those of checking the same text afresh, as `pool check`
 * does.
 */
const WORKSPACE = 'file:///workspace/';

/** A workspace of the examples held by an editor, with the URIs of the documents each build validates. */
async function openWorkspace(texts: ReadonlyMap<string, string>) {
    const { shared } = createPoolServices(EmptyFileSystem);
    const versions = new Map<string, number>();
    const set = (name: string, text: string): URI => {
        const uri = URI.parse(WORKSPACE + name);
        const version = (versions.get(name) ?? 0) + 1;
        versions.set(name, version);
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'pool', version, text));
        return uri;
    };
    const uris = [...texts].map(([name, text]) => set(name, text));
    const builder = shared.workspace.DocumentBuilder;
    await builder.update(uris, []);
    const validated: string[] = [];
    builder.onDocumentPhase(DocumentState.Validated, document => {
        validated.push(document.uri.toString().slice(WORKSPACE.length));
    });
    return {
        /** Edits one file and rebuilds, as the editor's edit does; the files validated by it, in order. */
        async edit(name: string, text: string): Promise<string[]> {
            validated.length = 0;
            await builder.update([set(name, text)], []);
            return [...validated];
        },
        /** The editor closes a file (its text stays as it is; it is only not open any more). */
        close(name: string): void {
            shared.workspace.TextDocuments.delete(URI.parse(WORKSPACE + name));
        },
        diagnostics(): Record<string, unknown> {
            return Object.fromEntries(
                shared.workspace.LangiumDocuments.all
                    .map(document => [document.uri.toString().slice(WORKSPACE.length), document.diagnostics ?? null] as const)
                    .toArray()
                    .sort(([a], [b]) => a.localeCompare(b))
            );
        }
    };
}

/** Each file's diagnostics from a workspace built afresh with these texts. */
async function freshDiagnostics(texts: ReadonlyMap<string, string>): Promise<Record<string, unknown>> {
    return (await openWorkspace(texts)).diagnostics();
}

const REGISTER = 'registers/unit-costs.pool';
const IMPORTER = 'whole-place-appraisal.pool';

describe('an edit of a file others import', () => {
    it('re-checks only that file when it changes a comment or the layout', async () => {
        const texts = exampleTexts();
        const workspace = await openWorkspace(texts);
        const before = workspace.diagnostics();
        const register = texts.get(REGISTER)!;
        const commented = `// A comment added at the top moves every declaration down a line.\n\n${register.replace('saving £740 per arrest', 'saving   £740   per arrest   // spaced out')}`;
        expect(await workspace.edit(REGISTER, commented)).toEqual([REGISTER]);
        texts.set(REGISTER, commented);
        const after = workspace.diagnostics();
        expect(after).toEqual(await freshDiagnostics(texts));
        expect(after[IMPORTER]).toEqual(before[IMPORTER]);
    });

    it('re-checks its importers when it changes an amount they read, and their diagnostics follow', async () => {
        // A register that declares a pool and what each partner puts in; the agreements spend from it.
        const register = [
            'partner ndc "North Devon Council" council',
            'partner devon "Devon County Council" council',
            '',
            'pool town "Ilfracombe neighbourhood budget" aligned {',
            '    2013/14 {',
            '        ndc     £350,000',
            '        devon   £420,000',
            '        total   £770,000',
            '    }',
            '}',
            ''
        ].join('\n');
        const agreement = (name: string, spent: string): string =>
            [
                `agreement "${name}" {`,
                '    status draft',
                '    period 2013/14 to 2013/14',
                '    host ndc',
                '    board "Town Team"',
                '}',
                '',
                'import "registers/town.pool"',
                '',
                'spend town 2013/14 {',
                `    "Family support workers"   ${spent}   commissioned by devon`,
                '}',
                ''
            ].join('\n');
        const texts = new Map([
            ['registers/town.pool', register],
            ['a.pool', agreement('A', '£700,000')],
            ['b.pool', agreement('B', '£500,000')],
            ['other.pool', 'partner police "Devon and Cornwall Police" police\n']
        ]);
        const workspace = await openWorkspace(texts);
        const before = workspace.diagnostics();
        expect(before).toEqual(await freshDiagnostics(texts));
        // Devon puts in £100,000 less: A now spends more than the pool holds, and B leaves less unallocated.
        const edited = register.replace('devon   £420,000', 'devon   £320,000').replace('£770,000', '£670,000');
        // The register and A are open in the editor, B is not.
        workspace.close('b.pool');
        const validated = await workspace.edit('registers/town.pool', edited);
        // The register, then the open importer, then the other; not the file that imports nothing of it.
        expect(validated).toEqual(['registers/town.pool', 'a.pool', 'b.pool']);
        texts.set('registers/town.pool', edited);
        const after = workspace.diagnostics();
        expect(after).toEqual(await freshDiagnostics(texts));
        expect(JSON.stringify(after['a.pool'])).not.toEqual(JSON.stringify(before['a.pool']));
        expect(JSON.stringify(after['b.pool'])).not.toEqual(JSON.stringify(before['b.pool']));

        // And a comment in it, after that, re-checks it alone.
        const commented = `// The town's pool.\n${edited}`;
        expect(await workspace.edit('registers/town.pool', commented)).toEqual(['registers/town.pool']);
        texts.set('registers/town.pool', commented);
        expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
    });

    it('re-checks an importer whose diagnostics point into it when its declarations move', async () => {
        const register = 'partner ndc "North Devon Council" council\npartner devon "Devon County Council" council\n';
        const texts = new Map([
            ['registers/partners.pool', register],
            // Declares again a partner of the register: the diagnostic names the register's line.
            ['repeats.pool', 'import "registers/partners.pool"\n\npartner devon "Devon County Council" council\n'],
            ['uses.pool', 'import "registers/partners.pool"\n']
        ]);
        const workspace = await openWorkspace(texts);
        const before = workspace.diagnostics();
        const moved = `// Partners of the town.\n\n${register}`;
        expect((await workspace.edit('registers/partners.pool', moved)).sort()).toEqual(['registers/partners.pool', 'repeats.pool']);
        texts.set('registers/partners.pool', moved);
        const after = workspace.diagnostics();
        expect(after).toEqual(await freshDiagnostics(texts));
        expect(JSON.stringify(after['repeats.pool'])).not.toEqual(JSON.stringify(before['repeats.pool']));
    });

    it('leaves every file with the diagnostics of checking its text afresh, whatever the edit', async () => {
        const texts = exampleTexts();
        const names = [...texts.keys()].filter(name => name.startsWith('registers/'));
        const workspace = await openWorkspace(texts);
        const edit = fc.record({
            file: fc.constantFrom(...names),
            kind: fc.constantFrom('comment', 'blank-line', 'spaces', 'amount', 'name', 'year', 'approvals'),
            at: fc.nat(),
            digit: fc.integer({ min: 1, max: 9 })
        });
        await fc.assert(
            fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async edits => {
                for (const { file, kind, at, digit } of edits) {
                    const text = texts.get(file)!;
                    const lines = text.split('\n');
                    const line = at % lines.length;
                    let edited: string;
                    if (kind === 'comment') lines.splice(line, 0, '// a note');
                    else if (kind === 'blank-line') lines.splice(line, 0, '');
                    else if (kind === 'spaces') lines[line] = lines[line].replace(' ', '   ');
                    else if (kind === 'amount') lines[line] = lines[line].replace(/£\d/, `£${digit}`);
                    else if (kind === 'name') lines[line] = lines[line].replace(/^(partner|unit cost) (\w)/, `$1 x$2`);
                    else if (kind === 'year') lines[line] = lines[line].replace(/20(\d)\d\/\d\d/, `20$1${digit}/${(digit + 1) % 10}${(digit + 2) % 10}`);
                    if (kind === 'approvals') edited = `${text}\n// approved text changes\n`;
                    else edited = lines.join('\n');
                    texts.set(file, edited);
                    const validated = await workspace.edit(file, edited);
                    if (kind === 'comment' || kind === 'blank-line' || kind === 'spaces') {
                        // Only the file itself, or its importers too if their diagnostics point into it.
                        expect(validated).toContain(file);
                    }
                }
                expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
            }),
            { numRuns: 12, seed: 20261203 }
        );
    }, 600_000);
});
