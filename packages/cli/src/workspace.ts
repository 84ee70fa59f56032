import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createPoolServices, ImportGraph, type ast, type PoolServices } from '@pool/language';
import { DocumentState, type LangiumDocument, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { describeFsError, UsageError } from './files.js';

export interface LoadedWorkspace {
    readonly shared: LangiumSharedServices;
    readonly pool: PoolServices;
    /** The files asked for, in order. */
    readonly requested: readonly LangiumDocument<ast.Document>[];
    /** Every file read: those asked for and everything they import, transitively. */
    readonly all: readonly LangiumDocument<ast.Document>[];
}

/**
 * Reads the given files and everything they import, then parses, links and checks them all in one
 * build, exactly as the language server does for an editor's workspace.
 */
export async function loadWorkspace(files: readonly string[], progress?: (done: number, total: number) => void): Promise<LoadedWorkspace> {
    const { shared, Pool } = createPoolServices(NodeFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const load = async (file: string): Promise<LangiumDocument<ast.Document>> => {
        const uri = URI.file(file);
        const existing = documents.getDocument(uri);
        if (existing) return existing as LangiumDocument<ast.Document>;
        let text: string;
        try {
            text = await readFile(file, 'utf8');
        } catch (error) {
            throw new UsageError(`cannot read ${file}: ${describeFsError(error)}`);
        }
        const document = factory.fromString<ast.Document>(text.replace(/^\uFEFF/, ''), uri);
        documents.addDocument(document);
        return document;
    };

    const requested: LangiumDocument<ast.Document>[] = [];
    for (const file of files) requested.push(await load(path.resolve(file)));

    // Follow imports so that each file sees what it imports; missing ones are reported by the checks.
    const queue = [...requested];
    while (queue.length > 0) {
        const document = queue.shift()!;
        for (const node of document.parseResult.value.imports ?? []) {
            const target = ImportGraph.targetUri(document, node.path ?? '');
            if (documents.hasDocument(target) || !target.path.endsWith('.pool')) continue;
            const status = Pool.pool.ImportGraph.resolve(document, node).status;
            if (status !== 'not-loaded') continue;
            try {
                queue.push(await load(target.fsPath));
            } catch {
                // Unreadable: the import-not-found check reports it at the import.
            }
        }
    }
    const all = documents.all.toArray() as LangiumDocument<ast.Document>[];
    if (progress) {
        let validated = 0;
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => progress(++validated, all.length));
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { shared, pool: Pool, requested, all };
}
