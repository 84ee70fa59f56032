import { AstUtils, DefaultReferenceDescriptionProvider, type ReferenceInfo } from 'langium';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allNodes, forEachReference, referencesOf } from '../src/services/ast-walk.js';
import { REPO, workspace } from './helpers.js';

/** Every `.pool` file of the examples and fixtures, relative to the repository. */
async function poolFiles(): Promise<string[]> {
    const files: string[] = [];
    for (const folder of ['examples', 'test/fixtures']) {
        const entries = await readdir(path.join(REPO, folder), { recursive: true, withFileTypes: true });
        for (const entry of entries) {
            if (entry.isFile() && entry.name.endsWith('.pool')) files.push(path.relative(REPO, path.join(entry.parentPath, entry.name)));
        }
    }
    return files.sort();
}

describe('the plain tree walks used for linking', () => {
    it("visit the same nodes and references, in the same order, as Langium's streams, in every example and fixture", async () => {
        const files = await poolFiles();
        expect(files.length).toBeGreaterThan(50);
        // Each file as it is, with the files it imports where they exist (missing ones stay unresolved).
        const texts: Record<string, string> = {};
        for (const file of files) texts[path.join(REPO, file)] = await readFile(path.join(REPO, file), 'utf8');
        const ws = await workspace(texts, 'disk');
        let references = 0;
        for (const file of files) {
            const root = ws.document(path.join(REPO, file)).parseResult.value;
            const nodes = allNodes(root);
            expect(nodes, file).toEqual(AstUtils.streamAst(root).toArray());
            for (const node of nodes) {
                const walked: ReferenceInfo[] = [];
                forEachReference(node, reference => walked.push(reference));
                const streamed = AstUtils.streamReferences(node).toArray();
                expect(walked.length, file).toBe(streamed.length);
                walked.forEach((reference, i) => {
                    const expected = streamed[i];
                    expect(reference.reference, file).toBe(expected.reference);
                    expect(reference.container, file).toBe(expected.container);
                    expect([reference.property, reference.index], file).toEqual([expected.property, expected.index]);
                });
                references += walked.length;
            }
            // The list the linker and the index share: every node's references, in the streams' order.
            const all = AstUtils.streamAst(root).flatMap(AstUtils.streamReferences).toArray();
            const listed = referencesOf(root);
            expect(
                listed.map(reference => [reference.reference, reference.container, reference.property, reference.index]),
                file
            ).toEqual(all.map(reference => [reference.reference, reference.container, reference.property, reference.index]));
        }
        expect(references).toBeGreaterThan(500);
    });

    it("describe every reference for the index with the values Langium's descriptions have, in every example and fixture", async () => {
        const files = await poolFiles();
        const texts: Record<string, string> = {};
        for (const file of files) texts[path.join(REPO, file)] = await readFile(path.join(REPO, file), 'utf8');
        const ws = await workspace(texts, 'disk');
        const langiums = new DefaultReferenceDescriptionProvider(ws.services);
        // Every field read as a plain value, as a reader of the index sees it.
        const plain = (description: object): unknown => {
            const { sourceUri, sourcePath, targetUri, targetPath, segment, local } = description as Record<string, unknown>;
            return { sourceUri: String(sourceUri), sourcePath, targetUri: String(targetUri), targetPath, segment, local };
        };
        let described = 0;
        for (const file of files) {
            const document = ws.document(path.join(REPO, file));
            // A closed file's tree is dropped once checked and parsed again when read: its names resolve as read.
            for (const info of AstUtils.streamAst(document.parseResult.value).flatMap(AstUtils.streamReferences)) {
                if ('ref' in info.reference && info.reference.ref === undefined) continue;
            }
            const expected = (await langiums.createDescriptions(document)).map(plain);
            const actual = (await ws.services.workspace.ReferenceDescriptionProvider.createDescriptions(document)).map(plain);
            expect(actual, file).toEqual(expected);
            described += expected.length;
        }
        expect(described).toBeGreaterThan(500);
    });
});
