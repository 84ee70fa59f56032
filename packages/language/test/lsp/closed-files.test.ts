import { EmptyFileSystem, type LangiumDocument, TextDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createPoolServices } from '../../src/services/pool-module.js';
import { exampleTexts } from './example-texts.js';

/**
 * The language server drops the syntax tree of a file the editor does not have open and nothing
 * imports once it is checked (in a workspace of 1,000 agreements those trees were most of its
 * memory), and parses it again when something needs it. Nothing a user sees may change: every
 * file's diagnostics, find references and rename across files, workspace symbols, hover once the
 * file is opened, an edit of a register the closed files import, a new file importing one. Each
 * is compared with the same workspace with every file open, where no tree is dropped.
 */
const WORKSPACE = 'file:///workspace/';
const REGISTER = 'registers/greater-manchester.pool';
const CLOSED = 'troubled-families.pool';

/** The examples as a workspace: every file open in the editor, or every file read from the workspace and none open. */
async function load(texts: ReadonlyMap<string, string>, open: boolean) {
    const { shared, Pool } = createPoolServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const uriOf = (name: string): URI => URI.parse(WORKSPACE + name);
    const versions = new Map<string, number>();
    const setOpen = (name: string, text: string): URI => {
        const version = (versions.get(name) ?? 0) + 1;
        versions.set(name, version);
        shared.workspace.TextDocuments.set(TextDocument.create(uriOf(name).toString(), 'pool', version, text));
        return uriOf(name);
    };
    if (open) {
        await builder.update(
            [...texts].map(([name, text]) => setOpen(name, text)),
            []
        );
    } else {
        const loaded = [...texts].map(([name, text]) => shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name)));
        for (const document of loaded) documents.addDocument(document);
        await builder.build(loaded, { validation: true });
    }
    const document = (name: string): LangiumDocument => documents.getDocument(uriOf(name))!;
    return {
        Pool,
        shared,
        document,
        /** Opens (or edits) a file in the editor and rebuilds. */
        async edit(name: string, text: string): Promise<void> {
            await builder.update([setOpen(name, text)], []);
        },
        /** Whether the document holds its syntax tree (it is parsed again on reading, see the builder). */
        holdsTree(name: string): boolean {
            return Object.getOwnPropertyDescriptor(document(name), 'parseResult')?.get === undefined;
        },
        diagnostics(): Record<string, unknown> {
            return Object.fromEntries(
                documents.all
                    .map(each => [each.uri.toString().slice(WORKSPACE.length), each.diagnostics ?? null] as const)
                    .toArray()
                    .sort(([a], [b]) => a.localeCompare(b))
            );
        }
    };
}

/** Where `word` is first written in the file's text, on a line starting with `linePrefix`. */
function positionOf(text: string, linePrefix: string, word: string): { line: number; character: number } {
    const lines = text.split('\n');
    const line = lines.findIndex(each => each.trimStart().startsWith(linePrefix));
    return { line, character: lines[line].indexOf(word, lines[line].indexOf(linePrefix)) };
}

describe('a file closed in the editor that nothing imports', () => {
    it('holds no syntax tree once checked, and its diagnostics are those of the file held open', async () => {
        const texts = exampleTexts();
        const closed = await load(texts, false);
        const open = await load(texts, true);
        expect(closed.holdsTree(CLOSED)).toBe(false);
        // What is imported keeps its tree: importers are linked to it.
        expect(closed.holdsTree(REGISTER)).toBe(true);
        expect(open.holdsTree(CLOSED)).toBe(true);
        expect(closed.diagnostics()).toEqual(open.diagnostics());
    });

    it('is still found by find references, rename and workspace symbols, as if it were open', async () => {
        const texts = exampleTexts();
        const closed = await load(texts, false);
        const open = await load(texts, true);
        const at = positionOf(texts.get(REGISTER)!, 'partner gmp', 'gmp');
        const ask = async (workspace: Awaited<ReturnType<typeof load>>) => {
            const register = workspace.document(REGISTER);
            const textDocument = { uri: register.uri.toString() };
            return {
                references: await workspace.Pool.lsp.ReferencesProvider!.findReferences(register, {
                    textDocument,
                    position: at,
                    context: { includeDeclaration: true }
                }),
                rename: await workspace.Pool.lsp.RenameProvider!.rename(register, { textDocument, position: at, newName: 'police_gm' }),
                symbols: await workspace.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'fam' })
            };
        };
        const expected = await ask(open);
        expect(expected.references.some(location => location.uri.endsWith(CLOSED))).toBe(true);
        expect(await ask(closed)).toEqual(expected);
        // A declaration inside the closed file: its uses in it are found from its text parsed again.
        const pool = positionOf(texts.get(CLOSED)!, 'pool families', 'families');
        const inClosed = async (workspace: Awaited<ReturnType<typeof load>>) =>
            workspace.Pool.lsp.ReferencesProvider!.findReferences(workspace.document(CLOSED), {
                textDocument: { uri: workspace.document(CLOSED).uri.toString() },
                position: pool,
                context: { includeDeclaration: true }
            });
        const uses = await inClosed(open);
        expect(uses.length).toBeGreaterThan(1);
        expect(await inClosed(closed)).toEqual(uses);
    });

    it('is checked again, from its text, when a register it imports changes what it reads, then opened and hovered', async () => {
        const texts = exampleTexts();
        const closed = await load(texts, false);
        const open = await load(texts, true);
        // A partner of the register renamed: the closed agreement that names it has an unknown partner.
        const renamed = texts.get(REGISTER)!.replace('partner gmp ', 'partner gmp_x ');
        await closed.edit(REGISTER, renamed);
        await open.edit(REGISTER, renamed);
        expect(JSON.stringify(closed.diagnostics()[CLOSED])).toContain('unknown-reference');
        expect(closed.diagnostics()).toEqual(open.diagnostics());
        // A file with a name that does not resolve keeps its tree: Langium re-links it at every change.
        expect(closed.holdsTree(CLOSED)).toBe(true);
        // And back, then the closed file opened in the editor: the same diagnostics and the same hover.
        await closed.edit(REGISTER, texts.get(REGISTER)!);
        await open.edit(REGISTER, texts.get(REGISTER)!);
        expect(closed.holdsTree(CLOSED)).toBe(false);
        expect(closed.diagnostics()).toEqual(open.diagnostics());
        await closed.edit(CLOSED, texts.get(CLOSED)!);
        expect(closed.holdsTree(CLOSED)).toBe(true);
        expect(closed.diagnostics()).toEqual(open.diagnostics());
        const hover = async (workspace: Awaited<ReturnType<typeof load>>) => {
            const document = workspace.document(CLOSED);
            const position = positionOf(texts.get(CLOSED)!, 'gmp', 'gmp');
            return workspace.Pool.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        };
        const expected = await hover(open);
        expect(JSON.stringify(expected)).toContain('Greater Manchester Police');
        expect(await hover(closed)).toEqual(expected);
    });

    it('is parsed again for a new file that imports it, whose diagnostics are as if it had been open', async () => {
        const texts = exampleTexts();
        const closed = await load(texts, false);
        const open = await load(texts, true);
        const importer = `import "${CLOSED}"\n\nagreement "Reads the closed file" {\n    status draft\n    period 2015/16 to 2015/16\n    host gmp\n}\n`;
        await closed.edit('reader.pool', importer);
        await open.edit('reader.pool', importer);
        expect(closed.diagnostics()).toEqual(open.diagnostics());
        // Imported now, it keeps its tree.
        expect(closed.holdsTree(CLOSED)).toBe(true);
    });

    it('is checked in batches when the workspace is large, with the diagnostics of checking it all at once', async () => {
        // 250 agreements sharing a register, more than a batch; every seventh names a host the
        // register lacks, and the last imports the first, which an earlier batch checked and dropped.
        const texts = new Map([['registers/partners.pool', 'partner ndc "North Devon Council" council\npartner devon "Devon County Council" council\n']]);
        for (let i = 1; i <= 250; i++) {
            const host = i % 7 === 0 ? 'cornwall' : 'ndc';
            const imports = i === 250 ? 'import "registers/partners.pool"\nimport "a1.pool"\n' : 'import "registers/partners.pool"\n';
            texts.set(
                `a${i}.pool`,
                `${imports}\nagreement "Agreement ${i}" {\n    status draft\n    period 2013/14 to 2013/14\n    host ${host}\n}\n\npool p${i} "Pool ${i}" aligned {\n    2013/14 {\n        ndc     £${i},000\n        devon   £1,000\n        total   £${i + 1},000\n    }\n}\n`
            );
        }
        const closed = await load(texts, false);
        const open = await load(texts, true);
        expect(closed.diagnostics()).toEqual(open.diagnostics());
        expect(JSON.stringify(closed.diagnostics()['a7.pool'])).toContain('missing-host');
        expect(closed.holdsTree('a2.pool')).toBe(false);
        expect(closed.holdsTree('a1.pool')).toBe(true);
    });
});
