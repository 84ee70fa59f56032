import { type FileSystemProvider, type LangiumDocuments, URI, UriUtils } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument } from 'langium';
import { type DidChangeWatchedFilesParams, FileChangeType, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { PoolDocumentBuilder } from '../services/pool-document-builder.js';
import { PoolDocumentFactory } from '../services/pool-document-factory.js';
import { FileRefusedError } from '../text/agreement-file.js';
import { isAgreementFileName, POOLIGNORE } from '../text/file-set.js';
import { PoolWorkspaceManager } from './pool-workspace-manager.js';

/**
 * How long the editor's edits must pause, in a burst, before the documents are rebuilt, and the
 * longest they wait while edits keep coming. Rebuilding at every edit of a burst (a client
 * replaying thousands of edits) queued one build per edit: after a storm of 10,000 edits the
 * diagnostics of the last arrived 31 seconds late. A request about a document with edits waiting
 * (a completion, a hover) rebuilds at once rather than wait out the pause.
 */
const EDIT_PAUSE_MS = 60;
const EDIT_MAX_WAIT_MS = 500;
/**
 * An edit that follows the one before it this soon is part of a burst (a client replaying edits,
 * a paste sent as many changes, a key held down: a key repeats every 30 ms or so), and is
 * gathered with the rest of the burst. A person typing leaves more than this between keys (a
 * fast typist, 10 keys a second, about 100 ms).
 */
const BURST_GAP_MS = 40;

/**
 * An edit that is not part of a burst, and arrives while no rebuild is running, is rebuilt at
 * once: waiting for a pause after every edit made each keystroke wait 60 ms before its check
 * began (87 ms to the diagnostics of a 500-line file, of which 60 ms waiting). The edits of a
 * burst (see {@link BURST_GAP_MS}), and those that arrive while a rebuild runs, are gathered and
 * rebuilt together once the edits pause (see {@link EDIT_PAUSE_MS}). A newer rebuild cancels an
 * older one still running, so a long rebuild (a whole workspace, a register's importers) does
 * not hold up the file being typed in; but not at once, or edits coming faster than a rebuild
 * takes would cancel every rebuild before it ended.
 *
 * Forgets a document when the editor closes it and nothing else says it is Pool: an untitled
 * buffer ("Pool: New agreement") has no `.pool` name, so once closed its language is unknown, and
 * keeping it would make the next rebuild fail. Closed files on disk stay: other files may import
 * them.
 */
export class PoolDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly documents: LangiumDocuments;
    private readonly factory: PoolDocumentFactory | undefined;
    private readonly changed = new Map<string, URI>();
    private readonly deleted = new Map<string, URI>();
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** When the first of the updates waiting arrived (`performance.now()`). */
    private firstWaiting: number | undefined;
    /** When the last update arrived (`performance.now()`, as {@link firstWaiting}). */
    private lastUpdate = -Infinity;
    /** The rebuild sent last, until it has stopped (done or cancelled). */
    private running: Promise<void> | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.documents = services.workspace.LangiumDocuments;
        const factory = services.workspace.LangiumDocumentFactory;
        this.factory = factory instanceof PoolDocumentFactory ? factory : undefined;
        if (this.documentBuilder instanceof PoolDocumentBuilder)
            this.documentBuilder.beforeWaiting(() => {
                this.flush();
            });
    }

    /** Rebuilds at once, or, in a burst or while a rebuild runs, gathers the update with those waiting and rebuilds once edits pause. */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        for (const uri of changed) {
            this.changed.set(uri.toString(), uri);
            this.deleted.delete(uri.toString());
        }
        for (const uri of deleted) {
            this.deleted.set(uri.toString(), uri);
            this.changed.delete(uri.toString());
        }
        const arrived = performance.now();
        const inBurst = arrived - this.lastUpdate < BURST_GAP_MS;
        this.lastUpdate = arrived;
        if (!inBurst && this.running === undefined) {
            this.flush();
            return;
        }
        this.firstWaiting ??= arrived;
        clearTimeout(this.timer);
        this.timer = setTimeout(
            () => {
                this.flush();
            },
            Math.max(0, Math.min(EDIT_PAUSE_MS, this.firstWaiting + EDIT_MAX_WAIT_MS - arrived))
        );
    }

    /** Rebuilds with every update gathered so far, now. */
    flush(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.firstWaiting = undefined;
        if (this.changed.size === 0 && this.deleted.size === 0) return;
        const changed = [...this.changed.values()];
        const deleted = [...this.deleted.values()];
        this.changed.clear();
        this.deleted.clear();
        // Langium's own fireDocumentUpdate, but followed to its end: a write cancels the one
        // before it, and its promise settles once the build has stopped.
        const running = this.workspaceManager.ready.then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)));
        this.running = running;
        const stopped = () => {
            if (this.running === running) this.running = undefined;
        };
        running.then(stopped, (error: unknown) => {
            stopped();
            console.error(`Pool could not check the documents again: ${error instanceof Error ? error.message : String(error)}`);
        });
    }

    /**
     * Files that change on disk, as the client's file watching (or the server's own) reports them,
     * with the file set of `pool check`: a new `.pool` file that a `.poolignore` leaves out is not
     * read, and a changed `.poolignore` walks the workspace again (files it now leaves out are
     * forgotten and their problems cleared, files it lets in are checked).
     */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        void this.watchedFilesChanged(params).catch((error: unknown) => {
            console.error(`Pool could not take in the files that changed: ${error instanceof Error ? error.message : String(error)}`);
        });
    }

    private async watchedFilesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
        const manager = this.workspaceManager instanceof PoolWorkspaceManager ? this.workspaceManager : undefined;
        if (!manager) {
            super.didChangeWatchedFiles(params);
            return;
        }
        await manager.ready;
        const changes = [];
        let poolignoreChanged = false;
        for (const change of params.changes) {
            const uri = URI.parse(change.uri);
            const name = UriUtils.basename(uri);
            if (name === POOLIGNORE) poolignoreChanged = true;
            const unread = change.type !== FileChangeType.Deleted && isAgreementFileName(name) && !this.documents.hasDocument(uri);
            if (unread && (await manager.isLeftOut(uri))) continue;
            changes.push(change);
        }
        super.didChangeWatchedFiles({ changes });
        if (!poolignoreChanged) return;
        const { added, removed } = await manager.fileSetChanged();
        if (added.length > 0 || removed.length > 0) this.fireDocumentUpdate(added, removed);
    }

    /** A file opened or saved is read from disk as pool check would read it (see {@link checkOnDisk}). */
    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        void this.checkOnDisk(event.document.uri);
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        void this.checkOnDisk(event.document.uri);
    }

    /**
     * The editor decodes a file as it likes (replacement characters, a guessed Latin-1), while
     * `pool check` refuses one that is not UTF-8: so the file on disk is read as the CLI reads it,
     * and while it is not UTF-8 text the editor shows the same error the CLI gives instead of
     * checking what the editor made of it.
     */
    private async checkOnDisk(uriText: string): Promise<void> {
        const uri = URI.parse(uriText);
        if (uri.scheme !== 'file' || !this.factory) return;
        let refusal;
        try {
            await this.fileSystem.readFile(uri);
        } catch (error) {
            if (error instanceof FileRefusedError && error.refusal.kind === 'not-text') refusal = error.refusal;
        }
        if (this.factory.setRefusalOnDisk(uri, refusal)) this.fireDocumentUpdate([uri], []);
    }

    /** Requests about the document wait for the rebuild of this change (see PoolDocumentBuilder). */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.documentBuilder instanceof PoolDocumentBuilder) this.documentBuilder.textChanged(URI.parse(change.document.uri));
        super.didChangeContent(change);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // Closed, it is read from disk again, and refused there if it must be.
        this.factory?.setRefusalOnDisk(uri, undefined);
        if (!this.serviceRegistry.hasServices(uri)) this.fireDocumentUpdate([], [uri]);
    }
}
