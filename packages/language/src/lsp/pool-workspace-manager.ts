import {
    type BuildOptions,
    Cancellation,
    DefaultWorkspaceManager,
    DocumentState,
    interruptAndCheck,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type Stream,
    stream,
    type TextDocumentProvider,
    URI,
    UriUtils
} from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { importedUris, PoolDocumentBuilder } from '../services/pool-document-builder.js';
import { isAgreementFileName, isLeftOut, POOLIGNORE, PoolIgnoreRules } from '../text/file-set.js';

/**
 * Reads every `.pool` file in the workspace folders at start and checks them all, so problems
 * show for files not yet opened and an agreement is checked with everything it imports.
 * (Langium's initial build does not validate unless asked.)
 *
 * The files already open in the editor, with what they import, are read and checked first, so
 * their problems show within a moment of starting even in a workspace of a thousand files. A
 * file's checks see only it and its imports, so checking them first gives the same diagnostics.
 */
/** How long to let the editor's first notifications (the files it opens) arrive before reading the workspace. */
const OPEN_FILES_GRACE_MS = 20;

export class PoolWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
    private readonly textDocuments: TextDocumentProvider | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.textDocuments = services.workspace.TextDocuments;
        if (this.documentBuilder instanceof PoolDocumentBuilder) this.documentBuilder.followImportsWith(parsed => this.loadImportedFiles(parsed));
    }

    /**
     * The files that `parsed` import, directly or through each other, that are not loaded yet and
     * lie within the importer's root: the workspace folder it is in, or, for a file outside every
     * workspace folder (a loose file, opened with no folder at all), its own folder. Each is read
     * as the workspace's files are (refused with the reason if it must be) and joins the build.
     */
    async loadImportedFiles(parsed: readonly LangiumDocument[]): Promise<LangiumDocument[]> {
        const added: LangiumDocument[] = [];
        const queue = parsed.map(document => ({ document, root: this.rootOf(document.uri) }));
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
            const { document, root } = next;
            // A file whose tree was dropped is not parsed again for this: its build parses it, in turn.
            for (const uri of importedUris(document)) {
                const target = URI.parse(uri);
                if (!target.path.endsWith('.pool') || !isWithin(root, target) || this.langiumDocuments.hasDocument(target)) continue;
                if (!this.isFile(target)) continue;
                const imported = await this.langiumDocuments.getOrCreateDocument(target);
                added.push(imported);
                queue.push({ document: imported, root });
            }
        }
        return added;
    }

    /**
     * Walks a workspace folder as `pool check FOLDER` walks it (`PoolIgnoreRules`, shared with the
     * CLI): every `.poolignore` applies below its folder, `node_modules` and version-control
     * folders are skipped, and the `.pool` files are kept.
     */
    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        await this.walk(folder, PoolIgnoreRules.none, uris);
    }

    private async walk(folder: URI, inherited: PoolIgnoreRules, uris: URI[]): Promise<void> {
        let entries;
        try {
            entries = await this.fileSystemProvider.readDirectory(folder);
        } catch (error) {
            console.error(`Pool could not read the folder ${folder.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        const hasPoolignore = entries.some(entry => entry.isFile && UriUtils.basename(entry.uri) === POOLIGNORE);
        const rules = inherited.within(folder.path, hasPoolignore ? await this.readPoolignore(folder) : undefined);
        for (const entry of entries) {
            if (rules.skips(entry.uri.path, entry.isDirectory)) continue;
            if (entry.isDirectory) await this.walk(entry.uri, rules, uris);
            else if (entry.isFile && isAgreementFileName(UriUtils.basename(entry.uri))) uris.push(entry.uri);
        }
    }

    /** A folder's `.poolignore`, read as the workspace's files are read; one that cannot be read is logged and leaves nothing out. */
    private async readPoolignore(folder: URI): Promise<string | undefined> {
        try {
            return await this.fileSystemProvider.readFile(UriUtils.joinPath(folder, POOLIGNORE));
        } catch (error) {
            console.error(
                `Pool could not read ${UriUtils.joinPath(folder, POOLIGNORE).toString(true)}: ${error instanceof Error ? error.message : String(error)}`
            );
            return undefined;
        }
    }

    /** Whether a file lies in a workspace folder and that folder's walk leaves it out (a `.poolignore` names it). */
    async isLeftOut(uri: URI): Promise<boolean> {
        for (const folder of this.folders ?? []) {
            const root = URI.parse(folder.uri);
            if (!isWithin(root, uri)) continue;
            return isLeftOut(root.path, uri.path, async path => {
                const at = root.with({ path });
                return this.isFile(UriUtils.joinPath(at, POOLIGNORE)) ? this.readPoolignore(at) : undefined;
            });
        }
        return false;
    }

    /**
     * After a `.poolignore` changed: the workspace's files walked again. Files now left out are
     * forgotten (their problems cleared), unless open in the editor or imported by a file that
     * stays; files now in are read and checked.
     */
    async fileSetChanged(): Promise<{ readonly added: URI[]; readonly removed: URI[] }> {
        const uris: URI[] = [];
        for (const folder of this.folders ?? []) await this.traverseFolder(URI.parse(folder.uri), uris);
        const kept = new Set(uris.map(uri => uri.toString()));
        const added = uris.filter(uri => !this.langiumDocuments.hasDocument(uri));
        // What stays loaded: the walked files, the open ones, and everything they import.
        const queue = this.langiumDocuments.all
            .filter(document => kept.has(document.uri.toString()) || this.textDocuments?.get(document.uri.toString()) !== undefined)
            .toArray();
        for (const document of queue) kept.add(document.uri.toString());
        for (let document = queue.shift(); document !== undefined; document = queue.shift()) {
            for (const uri of importedUris(document)) {
                const target = URI.parse(uri);
                const imported = this.langiumDocuments.getDocument(target);
                if (imported && !kept.has(target.toString())) {
                    kept.add(target.toString());
                    queue.push(imported);
                }
            }
        }
        const removed = this.langiumDocuments.all
            .filter(document => document.uri.scheme === 'file' && !kept.has(document.uri.toString()))
            .map(document => document.uri)
            .toArray();
        return { added, removed };
    }

    /** The folder whose files a document's imports may bring in: its workspace folder, else its own folder. */
    private rootOf(uri: URI): URI {
        for (const folder of this.folders ?? []) {
            const root = URI.parse(folder.uri);
            if (isWithin(root, uri)) return root;
        }
        return UriUtils.dirname(uri);
    }

    private isFile(uri: URI): boolean {
        try {
            return this.fileSystemProvider.statSync(uri).isFile;
        } catch {
            return false;
        }
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const documents = await this.performStartup(folders);
        await interruptAndCheck(cancelToken);
        // As Langium does, but the open files were checked already: checking them again would only
        // publish the same diagnostics twice.
        await this.documentBuilder.build(
            documents.filter(document => document.state < DocumentState.Validated),
            this.initialBuildOptions,
            cancelToken
        );
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        // An editor opens its files right after starting the server; let notifications already
        // received be handled, so that those files are known to be open.
        await new Promise(resolve => setTimeout(resolve, OPEN_FILES_GRACE_MS));
        const all = uris.toArray();
        const inWorkspace = new Map(all.map(uri => [uri.toString(), uri]));
        const first: LangiumDocument[] = [];
        const queue = all.filter(uri => this.textDocuments?.get(uri.toString()) !== undefined);
        const loaded = new Set<string>();
        for (let uri = queue.shift(); uri !== undefined; uri = queue.shift()) {
            if (loaded.has(uri.toString())) continue;
            loaded.add(uri.toString());
            const document = await this.langiumDocuments.getOrCreateDocument(uri);
            collector(document);
            first.push(document);
            for (const imported of importedUris(document)) {
                const target = inWorkspace.get(imported);
                if (target) queue.push(target);
            }
        }
        if (first.length > 0) {
            await this.documentBuilder.build(first, this.initialBuildOptions);
        }
        await super.loadWorkspaceDocuments(
            stream(all).filter(uri => !loaded.has(uri.toString())),
            collector
        );
    }
}

/** Whether `uri` is inside the folder `root` (at any depth). */
function isWithin(root: URI, uri: URI): boolean {
    if (root.scheme !== uri.scheme || root.authority !== uri.authority) return false;
    const folder = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path.startsWith(folder);
}
