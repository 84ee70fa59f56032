import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../src/generated/ast.js';
import type { AgreementModel } from '../src/model/types.js';
import { createPoolServices, type PoolServices } from '../src/services/pool-module.js';

export const REPO = path.resolve(import.meta.dirname, '../../..');

export interface Workspace {
    readonly services: PoolServices;
    document(name: string): LangiumDocument<Document>;
    model(name: string): AgreementModel;
    diagnostics(name: string): Diagnostic[];
    /** `code@line:col` for each diagnostic of the file, 1-based, in position order. */
    codes(name: string): string[];
}

/**
 * Builds an in-memory workspace from named texts (`{ 'main.pool': '…' }`) with validation, the
 * way the CLI and the language server do, and gives access to each file's model and diagnostics.
 */
export async function workspace(files: Record<string, string>, fileSystem: 'memory' | 'disk' = 'memory'): Promise<Workspace> {
    return load(createPoolServices(fileSystem === 'memory' ? EmptyFileSystem : NodeFileSystem), files);
}

/**
 * `workspace`, for a property test's many cases: one set of services for all of them, since new
 * services build the parser again (about a third of a second, most of a small case's time). Each
 * call first deletes the files of the call before, so no case sees another's; the workspace it
 * returned is then spent.
 */
export function workspaces(): (files: Record<string, string>) => Promise<Workspace> {
    const services = createPoolServices(EmptyFileSystem);
    let previous: URI[] = [];
    return async files => {
        await services.shared.workspace.DocumentBuilder.update([], previous);
        const loaded = await load(services, files);
        previous = Object.keys(files).map(name => loaded.document(name).uri);
        return loaded;
    };
}

async function load({ shared, Pool }: ReturnType<typeof createPoolServices>, files: Record<string, string>): Promise<Workspace> {
    const byName = new Map<string, LangiumDocument<Document>>();
    for (const [name, text] of Object.entries(files)) {
        const uri = name.startsWith('/') ? URI.file(name) : URI.parse(`file:///workspace/${name}`);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        byName.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...byName.values()], { validation: true });
    const get = (name: string) => {
        const document = byName.get(name);
        if (!document) throw new Error(`no file ${name} in this workspace`);
        return document;
    };
    return {
        services: Pool,
        document: get,
        model: name => Pool.pool.ModelProvider.getModel(get(name)),
        diagnostics: name => (get(name).diagnostics ?? []).slice().sort(byPosition),
        codes: name =>
            (get(name).diagnostics ?? [])
                .slice()
                .sort(byPosition)
                .map(d => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`)
    };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** A workspace of real files from the repository (their imports are read from disk too). */
export async function repoWorkspace(...relativePaths: string[]): Promise<Workspace> {
    const files: Record<string, string> = {};
    const queue = relativePaths.map(p => path.join(REPO, p));
    while (queue.length > 0) {
        const file = queue.shift()!;
        if (files[file] !== undefined) continue;
        const text = await readFile(file, 'utf8');
        files[file] = text;
        for (const match of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) queue.push(path.resolve(path.dirname(file), match[1]));
    }
    const ws = await workspace(files, 'disk');
    const resolve = (name: string) => path.join(REPO, name);
    return {
        services: ws.services,
        document: name => ws.document(resolve(name)),
        model: name => ws.model(resolve(name)),
        diagnostics: name => ws.diagnostics(resolve(name)),
        codes: name => ws.codes(resolve(name))
    };
}

/** The minimal header most tests start from: an agreement hosted by `council`, with an NHS partner. */
export const HEADER = `agreement "Test agreement" {
    period 2013/14 to 2015/16
    host council
}
partner council "Anytown Council" council
partner nhs "NHS Anytown CCG" health
`;
