import path from 'node:path';
import { type AllowedSignersLookup, defaultAllowedSignersLookup, describeFileError, readRegularFile, SafeNodeFileSystem } from '@pool/files';
import {
    createPoolCoreServices,
    decodeAgreement,
    FileRefusedError,
    ImportGraph,
    MAX_DOCUMENT_BYTES,
    PoolDocumentFactory,
    type ast,
    type Lang,
    type PoolCoreServices
} from '@pool/language';
import { message, render } from './i18n/index.js';
import { DocumentState, type LangiumDocument, type LangiumSharedCoreServices, URI } from 'langium';
import { displayPath } from './files.js';

export interface LoadedWorkspace {
    readonly shared: LangiumSharedCoreServices;
    readonly pool: PoolCoreServices;
    /** The files asked for that could be read, in order. */
    readonly requested: readonly LangiumDocument<ast.Document>[];
    /** Every file read: those asked for and everything they import, transitively. */
    readonly all: readonly LangiumDocument<ast.Document>[];
    /** Files asked for that could not be read, with the reason, for a one-line error each. */
    readonly unreadable: readonly { readonly file: string; readonly reason: string }[];
    /** The bytes of every file read, as stored (for fingerprints of the files as they are on disk). */
    readonly bytes: ReadonlyMap<string, Uint8Array>;
}

/**
 * Reads a file's bytes; the default reads the disk (a regular file of at most 10 MiB, measured
 * before it is read), `pool diff` also reads git revisions.
 */
type FileReader = (file: string) => Promise<Uint8Array>;

/** Reads an agreement from disk, refusing what is not a regular file or is larger than Pool reads. */
export const readFromDisk: FileReader = file => readRegularFile(file, MAX_DOCUMENT_BYTES);

export interface LoadOptions {
    readonly progress?: (done: number, total: number) => void;
    readonly read?: FileReader;
    /** Whether an import's target can be read by `read` (by default: it exists on disk). */
    readonly canRead?: (file: string) => Promise<boolean>;
    /** The language of the diagnostics (`--lang`); English unless said. */
    readonly language?: Lang;
    /**
     * Index, link and check the files (the default). `pool fmt` only parses them: formatting needs
     * the syntax and the import graph, and the rest took most of its time and memory.
     */
    readonly check?: boolean;
    /** Where each agreement's allowed signers come from; by default `.poolsigners` found upward. */
    readonly allowedSigners?: AllowedSignersLookup;
    /**
     * Files read with their imports for what they say about the files asked for, but not asked
     * for themselves (not in `requested`): `pool fmt` reads the agreements whose approvals may
     * cover a register named alone. One that cannot be read is left out.
     */
    readonly alsoLoad?: readonly string[];
}

/**
 * Reads the given files and everything they import, then parses, links and checks them all in one
 * build, exactly as the language server does for an editor's workspace.
 */
export async function loadWorkspace(files: readonly string[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const progress = options.progress;
    const read = options.read ?? readFromDisk;
    // A check's services: no editor features, and no index of references, since nothing here finds
    // references or renames (the diagnostics are the same).
    const { shared, Pool } = createPoolCoreServices(SafeNodeFileSystem);
    Pool.pool.Settings.setLanguage(options.language ?? 'en');
    Pool.pool.AllowedSigners.set(options.allowedSigners ?? defaultAllowedSignersLookup(true));
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const imports = Pool.pool.ImportGraph;
    const unreadable: { file: string; reason: string }[] = [];
    const bytesRead = new Map<string, Uint8Array>();
    const lang = options.language ?? 'en';

    /** Reads one file; on failure returns the reason instead. */
    const load = async (file: string): Promise<LangiumDocument<ast.Document> | string> => {
        const uri = URI.file(file);
        // Pool reads agreements only: a file named without the extension is not one.
        if (!file.endsWith('.pool')) return render(message('cli.reason.not-pool-file', {}), lang);
        const existing = documents.getDocument(uri);
        if (existing) return existing as LangiumDocument<ast.Document>;
        let bytes: Uint8Array;
        try {
            bytes = await read(file);
        } catch (error) {
            // Too large: the file is not read, and says so where it is checked (file-too-large).
            if (error instanceof FileRefusedError && error.refusal.kind === 'too-large' && factory instanceof PoolDocumentFactory) {
                const refused = factory.refused<ast.Document>(uri, error.refusal);
                documents.addDocument(refused);
                return refused;
            }
            return render(describeFileError(error), lang);
        }
        const decoded = decodeAgreement(bytes);
        if (!decoded.ok) return render(decoded.reason, lang);
        bytesRead.set(file, bytes);
        const document = factory.fromString<ast.Document>(decoded.text, uri);
        documents.addDocument(document);
        return document;
    };

    const requested: LangiumDocument<ast.Document>[] = [];
    for (const [index, file] of files.entries()) {
        if (options.check === false) progress?.(index, files.length);
        const result = await load(path.resolve(file));
        if (typeof result === 'string') {
            unreadable.push({ file: displayPath(path.resolve(file)), reason: result });
        } else {
            requested.push(result);
        }
    }

    const queue = [...requested];
    for (const file of options.alsoLoad ?? []) {
        const result = await load(path.resolve(file));
        if (typeof result !== 'string') queue.push(result);
    }
    // Follow imports so that each file sees what it imports; problems are reported at the import.
    for (let document = queue.shift(); document !== undefined; document = queue.shift()) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a syntax error can leave out what the AST's type says is always there
        for (const node of document.parseResult.value.imports ?? []) {
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a syntax error can leave out what the AST's type says is always there
            const target = ImportGraph.targetUri(document, node.path ?? '');
            if (documents.hasDocument(target) || !target.path.endsWith('.pool')) continue;
            const readable = options.canRead ? await options.canRead(target.fsPath) : imports.resolve(document, node).status === 'not-loaded';
            if (!readable) continue;
            const result = await load(target.fsPath);
            if (typeof result === 'string') {
                imports.markUnreadable(target, result);
            } else {
                queue.push(result);
            }
        }
    }
    const all = documents.all.toArray() as LangiumDocument<ast.Document>[];
    if (options.check === false) {
        progress?.(files.length, files.length);
        return { shared, pool: Pool, requested, all, unreadable, bytes: bytesRead };
    }
    if (progress) {
        let validated = 0;
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
            progress(++validated, all.length);
        });
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { shared, pool: Pool, requested, all, unreadable, bytes: bytesRead };
}
