import type { FileSystemProvider, LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { URI, UriUtils, WorkspaceCache } from 'langium';
import type { Document, Import } from '../generated/ast.js';
import { type Lang, render } from '../i18n/index.js';
import { refusalOf, refusalReason } from '../text/agreement-file.js';

/** What an import statement points at. */
export type ImportStatus =
    /** The file is loaded and its declarations are visible. */
    | 'loaded'
    /** Nothing at that path. */
    | 'missing'
    /** The path names a folder, not a file. */
    | 'folder'
    /** The path names a file that is not a `.pool` file. */
    | 'not-pool'
    /** A file exists there but was not loaded (outside the editor's workspace). */
    | 'not-loaded'
    /** A file exists there but is not text that can be read (binary, or not UTF-8). */
    | 'unreadable';

export interface ResolvedImport {
    readonly node: Import;
    readonly uri: URI;
    readonly status: ImportStatus;
    /** Why an `unreadable` file could not be read. */
    readonly reason?: string;
    readonly document?: LangiumDocument<Document>;
}

/**
 * Resolves `import "path"` statements relative to the importing file and walks the import graph.
 * Every document sees its own declarations and those of the files it imports, transitively.
 */
export class ImportGraph {
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;
    private readonly closures: WorkspaceCache<string, LangiumDocument<Document>[]>;
    private readonly direct: WorkspaceCache<string, ResolvedImport[]>;
    /** Files that whoever loads documents found it could not read, with the reason. */
    private readonly unreadable = new Map<string, string>();

    constructor(
        shared: LangiumSharedCoreServices,
        private readonly language: () => Lang = () => 'en'
    ) {
        this.documents = shared.workspace.LangiumDocuments;
        this.fileSystem = shared.workspace.FileSystemProvider;
        this.closures = new WorkspaceCache(shared);
        this.direct = new WorkspaceCache(shared);
    }

    /** The URI an import path names, relative to the importing document. */
    static targetUri(document: LangiumDocument, path: string): URI {
        return UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
    }

    /** The imports written in this document, resolved. */
    directImports(document: LangiumDocument<Document>): ResolvedImport[] {
        return this.direct.get(document.uri.toString(), () => (document.parseResult.value.imports ?? []).map(node => this.resolve(document, node)));
    }

    resolve(document: LangiumDocument, node: Import): ResolvedImport {
        const uri = ImportGraph.targetUri(document, node.path ?? '');
        const loaded = this.documents.getDocument(uri) as LangiumDocument<Document> | undefined;
        // A file that was not read (too large, not text) is a document that only says so.
        const refusal = loaded ? refusalOf(loaded) : undefined;
        if (refusal) {
            return { node, uri, status: 'unreadable', reason: render(refusalReason(refusal), this.language()) };
        }
        if (loaded) {
            return { node, uri, status: 'loaded', document: loaded };
        }
        const reason = this.unreadable.get(uri.toString());
        if (reason) {
            return { node, uri, status: 'unreadable', reason };
        }
        return { node, uri, status: this.statusOnDisk(uri) };
    }

    /** Records that a file could not be read as text, so imports of it say why. */
    markUnreadable(uri: URI, reason: string): void {
        this.unreadable.set(uri.toString(), reason);
    }

    private statusOnDisk(uri: URI): ImportStatus {
        try {
            const stat = this.fileSystem.statSync(uri);
            if (stat.isDirectory) {
                return 'folder';
            }
            if (stat.isFile) {
                return uri.path.toLowerCase().endsWith('.pool') ? 'not-loaded' : 'not-pool';
            }
        } catch {
            // Not there, or not readable: either way nothing can be imported from it.
        }
        return 'missing';
    }

    /**
     * This document followed by every document it imports, directly or transitively, each once,
     * in depth-first order of the import statements. Earlier documents win when ids collide.
     */
    closure(document: LangiumDocument<Document>): LangiumDocument<Document>[] {
        return this.closures.get(document.uri.toString(), () => {
            const seen = new Set<string>();
            const order: LangiumDocument<Document>[] = [];
            const visit = (current: LangiumDocument<Document>) => {
                const key = current.uri.toString();
                if (seen.has(key)) {
                    return;
                }
                seen.add(key);
                order.push(current);
                for (const resolved of this.directImports(current)) {
                    if (resolved.document) {
                        visit(resolved.document);
                    }
                }
            };
            visit(document);
            return order;
        });
    }

    /** URIs of the documents visible from this one, itself included. */
    closureUris(document: LangiumDocument<Document>): Set<string> {
        return new Set(this.closure(document).map(doc => doc.uri.toString()));
    }

    /**
     * If following this import leads back to the importing document, the chain of documents that
     * closes the cycle (starting with the imported one and ending with the importer).
     */
    cycleThrough(document: LangiumDocument<Document>, resolved: ResolvedImport): LangiumDocument[] | undefined {
        if (!resolved.document) {
            return undefined;
        }
        const target = document.uri.toString();
        const visited = new Set<string>();
        const path: LangiumDocument[] = [];
        const search = (current: LangiumDocument<Document>): boolean => {
            path.push(current);
            if (current.uri.toString() === target) {
                return true;
            }
            if (!visited.has(current.uri.toString())) {
                visited.add(current.uri.toString());
                for (const next of this.directImports(current)) {
                    if (next.document && search(next.document)) {
                        return true;
                    }
                }
            }
            path.pop();
            return false;
        };
        return search(resolved.document) ? path : undefined;
    }

    /**
     * The import statement of `document` through which `target` becomes visible, for pointing a
     * diagnostic about an imported declaration at the line that brought it in.
     */
    importLeadingTo(document: LangiumDocument<Document>, target: URI): ResolvedImport | undefined {
        const wanted = target.toString();
        for (const resolved of this.directImports(document)) {
            if (resolved.document && this.closure(resolved.document).some(doc => doc.uri.toString() === wanted)) {
                return resolved;
            }
        }
        return undefined;
    }

    /** True when `document` imports, directly or transitively, any of `uris`, or an import of it names one. */
    dependsOn(document: LangiumDocument<Document>, uris: Set<string>): boolean {
        for (const doc of this.closure(document)) {
            if (doc !== document && uris.has(doc.uri.toString())) {
                return true;
            }
            for (const resolved of this.directImports(doc)) {
                if (uris.has(resolved.uri.toString())) {
                    return true;
                }
            }
        }
        return false;
    }
}

export function relativePath(from: URI, to: URI): string {
    return UriUtils.relative(UriUtils.dirname(from), to);
}
