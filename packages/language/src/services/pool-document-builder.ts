// Long: Langium's document builder with Pool's order of building, its importer index and what it keeps of closed files, which share its state.
import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    type BuildOptions,
    Cancellation,
    DefaultDocumentBuilder,
    Deferred,
    DocumentState,
    isAstNode,
    isOperationCancelled,
    type LangiumDocument,
    OperationCancelled,
    type ParseResult,
    URI
} from 'langium';
type CancellationToken = Cancellation.CancellationToken;
import type { LangiumSharedCoreServices } from 'langium';
import type { Document } from '../generated/ast.js';
import { ImportGraph } from '../model/imports.js';
import { type ImporterFingerprint, importerFingerprint } from './importer-fingerprint.js';
import { PoolIndexManager } from './pool-index-manager.js';
import { PoolScopeComputation } from './pool-scope-computation.js';

/**
 * What is kept of a file whose syntax tree was dropped (see {@link PoolDocumentBuilder.dropClosedTrees}),
 * besides its diagnostics and its index entries: what later work reads of it without parsing it again.
 */
interface KeptFacts {
    /** The URIs its import statements name. */
    readonly imports: readonly string[];
    /** Whether it holds approvals. */
    readonly approvals: boolean;
}

/** What was kept of each file when its syntax tree was last dropped; read while the tree is not parsed again. */
const keptFacts = new WeakMap<LangiumDocument, KeptFacts>();
/** The files whose trees were dropped and that have not been built again since (their links and local names are gone). */
const droppedNotRebuilt = new WeakSet<LangiumDocument>();

/** Whether the document's syntax tree is dropped and not parsed again yet (see {@link PoolDocumentBuilder.dropTree}). */
export function treeDropped(document: LangiumDocument): boolean {
    return Object.getOwnPropertyDescriptor(document, 'parseResult')?.get !== undefined;
}

/** Import targets by syntax tree: a file's imports change only when it is parsed again. */
const importsByTree = new WeakMap<AstNode, readonly string[]>();

/**
 * The URIs the document's import statements name, without parsing it again if its tree was
 * dropped (what it imports was kept): what finds the files a build must load, and the importer
 * index, read this for every document of the build.
 */
export function importedUris(document: LangiumDocument): readonly string[] {
    const kept = keptOf(document);
    if (kept) return kept.imports;
    const root = document.parseResult.value as Partial<Document> & AstNode;
    let found = importsByTree.get(root);
    if (!found) importsByTree.set(root, (found = (root.imports ?? []).map(node => ImportGraph.targetUri(document, node.path ?? '').toString())));
    return found;
}

/** What was kept of the document, if its tree is dropped and not parsed again. */
function keptOf(document: LangiumDocument): KeptFacts | undefined {
    return treeDropped(document) ? keptFacts.get(document) : undefined;
}

/**
 * Whether the document holds approvals, without parsing it again if its tree was dropped (the
 * formatter asks this of every file of the workspace).
 */
export function holdsApprovals(document: LangiumDocument): boolean {
    const kept = keptOf(document);
    if (kept) return kept.approvals;
    return ((document.parseResult.value as Partial<Document>).approvals ?? []).length > 0;
}

/**
 * A document's meaning depends on the files it imports even where it names nothing in them (a
 * duplicate id, a new file at a missing import's path), so a change to an imported file re-checks
 * every file that imports it.
 *
 * And a request never answers from text older than the editor's: between an edit arriving and
 * the rebuild that takes it in (queued behind a build still running), the document keeps the
 * state of its older text, so waiting for "linked" would return at once with the old parse
 * against the new text (completion then found nothing after a fast `host `). A document the
 * editor has changed is waited on until a rebuild has taken the change in.
 */
export class PoolDocumentBuilder extends DefaultDocumentBuilder {
    /** Documents with an edit no rebuild has taken in yet, by URI. */
    private readonly unapplied = new Map<string, Deferred>();
    /** Called before waiting for a document's edits: edits gathered for a rebuild are sent at once. */
    private flushEdits: () => void = () => undefined;

    /** The documents of the build running now, which files it imports join once parsed. */
    private building: { readonly documents: LangiumDocument[]; readonly options: BuildOptions } | undefined;
    /** Loads the files the parsed documents import that are not loaded yet (see {@link followImportsWith}). */
    private loadImports: (parsed: readonly LangiumDocument[]) => Promise<LangiumDocument[]> = () => Promise.resolve([]);

    /**
     * What loads the files that documents of a build import and nobody has loaded (a loose file's
     * register beside it): they join the same build, so the importer is linked and checked once,
     * with them, and never published with the errors of an import not yet read.
     */
    followImportsWith(load: (parsed: readonly LangiumDocument[]) => Promise<LangiumDocument[]>): void {
        this.loadImports = load;
    }

    /** Resolves once the diagnostics published so far have reached the editor (see {@link waitForPublicationWith}). */
    private published: () => Promise<void> = () => new Promise(resolve => setTimeout(resolve, 0));

    /**
     * What resolves once the diagnostics published so far have been written to the editor: the
     * rest of an update waits for it once the open files are checked. The language server's
     * connection writes each message on a later turn of the event loop, and the first batch of
     * the rest, parsed without a pause, held the open file's diagnostics back (after an edit of
     * a register 1,000 files import, 200 of the 300 ms to the open file's diagnostics). Without
     * it, the rest waits for one turn of the event loop.
     */
    waitForPublicationWith(published: () => Promise<void>): void {
        this.published = published;
    }

    /** What to call to start the rebuild of gathered edits when a request waits for them. */
    beforeWaiting(flush: () => void): void {
        this.flushEdits = flush;
    }

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        // Called once a rebuild has reset the changed documents, before it builds them again.
        this.onUpdate((changed, deleted) => {
            this.applied([...changed, ...deleted]);
        });
        this.onBuildPhase(DocumentState.Parsed, async parsed => {
            const building = this.building;
            if (!building) return;
            const added = await this.loadImports(parsed);
            if (added.length === 0) return;
            this.prepareBuild(added, building.options);
            // Langium's later phases go through this same list.
            for (const document of added) building.documents.push(document);
        });
    }

    /** How many syntax trees the build running now has dropped (see {@link dropClosedTrees}). */
    private droppedInBuild = 0;
    private readonly droppedListeners: ((count: number) => void)[] = [];

    /**
     * Called at the end of each build that dropped syntax trees, even a cancelled one, with how many: what they held is
     * garbage then, which the Node server has collected at once (see its `node-server.ts`).
     */
    onTreesDropped(listener: (count: number) => void): void {
        this.droppedListeners.push(listener);
    }

    /** Builds one list of documents, which the files they import that nobody has loaded join once parsed. */
    private async buildBatch(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const building = { documents: [...documents], options };
        this.building = building;
        try {
            await super.buildDocuments(building.documents, options, cancelToken);
        } finally {
            if (this.building === building) this.building = undefined;
        }
    }

    /** The editor changed the text of a document (called as the change arrives, before its rebuild is queued). */
    textChanged(uri: URI): void {
        const key = uri.toString();
        if (!this.unapplied.has(key)) this.unapplied.set(key, new Deferred());
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            // Also for a URI the update found no document for: nothing is left waiting on it.
            this.applied([...changed, ...deleted]);
        }
    }

    override waitUntil(state: DocumentState, cancelToken?: CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: CancellationToken): Promise<URI>;
    override waitUntil(state: DocumentState, uriOrToken?: URI | CancellationToken, cancelToken?: CancellationToken): Promise<URI | void> {
        if (uriOrToken === undefined || !('path' in uriOrToken)) return super.waitUntil(state, uriOrToken);
        return this.waitUntilCurrent(state, uriOrToken, cancelToken ?? Cancellation.CancellationToken.None);
    }

    /**
     * Waits until the document has reached `state` with its current text: after any edit not yet
     * taken in by a rebuild, and past a phase reported by a build whose text was replaced while it
     * ran (a cancelled build finishes the step it is in and reports it).
     */
    private async waitUntilCurrent(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        for (;;) {
            const pending = this.unapplied.get(uri.toString());
            if (pending) {
                // A request waits for the document's latest text: its edits are rebuilt now, not after the pause.
                this.flushEdits();
                await untilCancelled(pending.promise, cancelToken);
            }
            const document = this.langiumDocuments.getDocument(uri);
            // No such document: Langium's own answer (the request fails as it would without this).
            if (!document) return super.waitUntil(state, uri, cancelToken);
            if (document.state >= state && isOfCurrentText(document)) return uri;
            // Not there yet, or there with an older text: wait for the build's next report.
            await (document.state >= state ? untilCancelled(this.nextPhase(state, uri), cancelToken) : super.waitUntil(state, uri, cancelToken));
        }
    }

    /**
     * Tells every listener that a document has reached a state, even if the build is cancelled
     * meanwhile. Langium checks for cancellation before each listener and skips the rest once it is
     * cancelled, but the document keeps the state it reached, and a later build skips a state a
     * document already has: so a build cancelled just as a document was parsed (by the rebuild for
     * an edit of another file, as its pause ran out) left it parsed but untold. A request waiting
     * for that document (an outline, folding, formatting after an edit) then waited until the
     * document was next edited, which could be never; the diagnostics of a document validated
     * that way were never published. The build still stops at its next step.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        for (const listener of this.documentPhaseListeners.get(state).slice()) {
            try {
                await listener(document, cancelToken);
            } catch (error) {
                // A listener that stops because the build is cancelled has nothing to say, as in Langium's.
                if (!isOperationCancelled(error)) throw error;
            }
        }
    }

    /** The next time a build reports `state` for the document. */
    private nextPhase(state: DocumentState, uri: URI): Promise<void> {
        return new Promise(resolve => {
            const listener = this.onDocumentPhase(state, document => {
                if (document.uri.toString() !== uri.toString()) return;
                listener.dispose();
                resolve();
            });
        });
    }

    private applied(uris: readonly URI[]): void {
        for (const uri of uris) {
            const key = uri.toString();
            this.unapplied.get(key)?.resolve();
            this.unapplied.delete(key);
        }
    }

    /**
     * As Langium's, but adds the diagnostics one by one: spreading them into `push` overflows the
     * stack past about 120,000, and the build would fail for a file with that many findings.
     */
    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        const validator = this.serviceRegistry.getServices(document.uri).validation.DocumentValidator;
        const options = this.getBuildOptions(document);
        const validationOptions = typeof options.validation === 'object' ? { ...options.validation } : {};
        validationOptions.categories = this.findMissingValidationCategories(document, options);
        const diagnostics = await validator.validateDocument(document, validationOptions, cancelToken);
        if (document.diagnostics) {
            for (const diagnostic of diagnostics) document.diagnostics.push(diagnostic);
        } else {
            document.diagnostics = diagnostics;
        }
        const state = this.buildState.get(document.uri.toString());
        if (state) {
            state.result ??= {};
            state.result.validationChecks = [...new Set([...(state.result.validationChecks ?? []), ...validationOptions.categories])];
        }
    }

    /**
     * For each changed document (by URI), the documents that depend on it through imports: found
     * from the importer index, once per update, instead of walking the imports of every document
     * of the workspace for each one (37 of the 50 ms of a keystroke in a workspace of 1,000 files).
     * `relink` are those re-linked now, as Langium does; `deferred` are left as they are until
     * the changed document has been checked again (see {@link settleImporters}).
     */
    private dependents: { readonly changed: Set<string>; readonly relink: Set<string> } | undefined;

    /**
     * Importers waiting for the decision whether an edit of a file they import changed anything
     * they read: by the URI of the file, the URIs of its importers. They are still linked to the
     * file's syntax tree before the edit, and keep their diagnostics.
     */
    private readonly deferred = new Map<string, Set<string>>();
    /**
     * For each document others import, what its importers were last linked and checked against
     * (see {@link importerFingerprint}). Only a document with a record here has its importers
     * deferred: for the rest, an edit re-links them at once, as Langium does.
     */
    private readonly aligned = new Map<string, ImporterFingerprint>();

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.dependents?.changed !== changedUris) this.dependents = { changed: changedUris, relink: this.sortDependents(changedUris) };
        const key = document.uri.toString();
        if (this.dependents.relink.has(key)) return true;
        for (const importers of this.deferred.values()) {
            // Waits for the decision: linked as it was, its names cannot have been resolved since.
            if (importers.has(key)) return false;
        }
        return super.shouldRelink(document, changedUris);
    }

    /**
     * Sorts the documents depending on the changed ones into those to re-link now (returned) and
     * those whose re-check waits until the changed document is checked (added to `deferred`). A
     * dependent is deferred only if it was fully checked, and the document it depends on is one
     * whose importers were aligned with it (still there, not new).
     */
    private sortDependents(changedUris: ReadonlySet<string>): Set<string> {
        const relink = new Set<string>();
        const importers = this.importerIndex();
        for (const uri of changedUris) {
            const deferrable = this.aligned.has(uri) && this.langiumDocuments.hasDocument(URI.parse(uri));
            for (const key of reachable([uri], target => importers.get(target) ?? [])) {
                if (changedUris.has(key)) continue;
                const document = this.langiumDocuments.getDocument(URI.parse(key));
                const checked = document?.state === DocumentState.Validated && this.buildState.get(key)?.completed === true;
                if (deferrable && checked) {
                    let waiting = this.deferred.get(uri);
                    if (!waiting) this.deferred.set(uri, (waiting = new Set()));
                    waiting.add(key);
                } else {
                    relink.add(key);
                }
            }
        }
        // A document to re-link now is not waiting for anything.
        for (const waiting of this.deferred.values()) for (const key of relink) waiting.delete(key);
        return relink;
    }

    /** For each URI imported, the documents whose import statements name it. */
    private importerIndex(): Map<string, string[]> {
        const importers = new Map<string, string[]>();
        for (const document of this.langiumDocuments.all) {
            const key = document.uri.toString();
            for (const target of importedUris(document)) {
                const list = importers.get(target);
                if (list) list.push(key);
                else importers.set(target, [key]);
            }
        }
        return importers;
    }

    /**
     * Once a changed document is checked again, decides for the importers waiting on it: if what
     * they read of it is unchanged (see {@link importerFingerprint}), their references are moved
     * to its new syntax tree and they are not checked again (their diagnostics would be the same);
     * otherwise they are re-linked and returned, to be checked. Then records what the importers of
     * every document just checked are aligned with. Runs without pausing, so no request sees it
     * half done.
     */
    private settleImporters(checked: readonly LangiumDocument[]): LangiumDocument[] {
        const recheck: LangiumDocument[] = [];
        const settled = new Set<string>();
        let moved = false;
        for (const [uri, waiting] of [...this.deferred]) {
            const file = this.langiumDocuments.getDocument(URI.parse(uri));
            if (file && file.state < DocumentState.Validated) continue;
            this.deferred.delete(uri);
            const before = this.aligned.get(uri);
            const now = file ? importerFingerprint(file) : undefined;
            if (now) this.aligned.set(uri, now);
            else this.aligned.delete(uri);
            settled.add(uri);
            // Each old node's counterpart, found once for all the importers.
            const counterparts = new Map<AstNode, Counterpart | undefined>();
            for (const key of waiting) {
                const importer = this.langiumDocuments.getDocument(URI.parse(key));
                // Re-linked meanwhile (its own edit, another import's): nothing of the old tree is left.
                if (!importer || importer.state < DocumentState.Linked) continue;
                const same = file && before && now && this.readsNoChange(importer, uri, before, now);
                if (same && this.moveReferences(importer, file, counterparts)) {
                    moved = true;
                    continue;
                }
                this.resetToState(importer, DocumentState.ComputedScopes);
                recheck.push(importer);
            }
        }
        if (checked.length > 0) {
            const importers = this.importerIndex();
            for (const document of checked) {
                const key = document.uri.toString();
                if (this.deferred.has(key) || settled.has(key)) continue;
                if (document.state === DocumentState.Validated && importers.has(key)) this.aligned.set(key, importerFingerprint(document));
                else this.aligned.delete(key);
            }
            // A file first imported by a document just checked: every importer checked is linked
            // to its present tree (an edit of a file with no record re-links them all at once).
            for (const document of checked) {
                if (document.state !== DocumentState.Validated) continue;
                for (const target of importedUris(document)) {
                    if (this.aligned.has(target) || this.deferred.has(target)) continue;
                    const imported = this.langiumDocuments.getDocument(URI.parse(target));
                    if (imported?.state === DocumentState.Validated) this.aligned.set(target, importerFingerprint(imported));
                }
            }
        }
        // What was worked out from the old trees meanwhile (a model, a scope asked for by a request) is forgotten.
        if (moved) void this.emitUpdate([], []);
        return recheck;
    }

    /** Whether what `importer` reads of the file at `uri` is the same in both fingerprints. */
    private readsNoChange(importer: LangiumDocument, uri: string, before: ImporterFingerprint, now: ImporterFingerprint): boolean {
        if (before.meaning !== now.meaning) return false;
        // Its diagnostics point into the file: where things are written there is read too.
        const pointsInto = (importer.diagnostics ?? []).some(diagnostic => diagnostic.relatedInformation?.some(related => related.location.uri === uri));
        if (pointsInto && before.layout !== now.layout) return false;
        // Its approvals' fingerprint covers the file's text, comments and all.
        if (before.text !== now.text && this.closureHasApprovals(importer)) return false;
        return true;
    }

    /** Whether the document, or a file it imports directly or through others, holds approvals. */
    private closureHasApprovals(document: LangiumDocument): boolean {
        const key = document.uri.toString();
        const documentAt = (uri: string) => this.langiumDocuments.getDocument(URI.parse(uri));
        const imported = (uri: string) => {
            const found = documentAt(uri);
            return found ? importedUris(found) : [];
        };
        return [key, ...reachable([key], imported)].some(uri => {
            const found = documentAt(uri);
            return found !== undefined && holdsApprovals(found);
        });
    }

    /**
     * Points the importer's references into the file at the file's new syntax tree: the same node,
     * found by its path (the trees have the same shape, as their fingerprints say). False, with
     * nothing changed, if one cannot be found: the importer is then re-linked.
     */
    private moveReferences(importer: LangiumDocument, file: LangiumDocument, counterparts: Map<AstNode, Counterpart | undefined>): boolean {
        const root = file.parseResult.value;
        const uri = file.uri.toString();
        const { AstNodeLocator: locator, AstNodeDescriptionProvider: descriptions } = this.serviceRegistry.getServices(file.uri).workspace;
        const moves: { reference: MovableReference; counterpart: Counterpart }[] = [];
        for (const reference of importer.references as MovableReference[]) {
            const target = reference._ref;
            const description = reference._nodeDescription;
            if (!isAstNode(target) || !description || description.documentUri.toString() !== uri) continue;
            let counterpart = counterparts.get(target);
            if (!counterparts.has(target)) {
                if (AstUtils.findRootNode(target) === root) continue;
                const node = locator.getAstNode(root, locator.getAstNodePath(target));
                counterpart =
                    node && node.$type === target.$type ? { node, description: descriptions.createDescription(node, description.name, file) } : undefined;
                counterparts.set(target, counterpart);
            }
            if (!counterpart) return false;
            moves.push({ reference, counterpart });
        }
        for (const { reference, counterpart } of moves) {
            reference._ref = counterpart.node;
            reference._nodeDescription = counterpart.description;
        }
        return true;
    }

    /**
     * Builds the documents (the open ones first, see {@link buildOpenFirst}), then, once the files
     * they import from have been checked, the importers that an edit of those files changed
     * something for (see {@link settleImporters}), in the same cancellable update.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        let next = documents;
        try {
            while (next.length > 0) {
                await this.buildOpenFirst(next, options, cancelToken);
                // The diagnostics just made are sent before the importers are settled.
                if (this.deferred.size > 0) await this.published();
                next = this.settleImporters(next);
            }
            this.dropClosedTrees();
        } finally {
            // Also for a build cancelled after dropping some.
            const dropped = this.droppedInBuild;
            this.droppedInBuild = 0;
            if (dropped > 0) for (const listener of this.droppedListeners) listener(dropped);
            this.abandonDeferred();
        }
    }

    /**
     * Drops the syntax trees of the files the editor does not have open and nothing imports, once
     * they are checked and their diagnostics sent: in a workspace of 1,000 agreements sharing a
     * register, those trees were 224 MB of a 256 MB heap, and nothing reads them again until the
     * file or one of its imports changes. What later work needs is kept: the diagnostics, the
     * index entries without the tree (see {@link PoolIndexManager.keepWithoutTree}), the files it
     * imports and whether it holds approvals. Anything else that reads the tree (a code action
     * looking through the workspace, a new importer linking to it) gets it parsed again from the
     * file's text, as it was. Only the editor's services drop trees (the CLI's index has no
     * references to keep and its process ends with the check).
     */
    private dropClosedTrees(): void {
        if (!(this.indexManager instanceof PoolIndexManager)) return;
        const textDocuments = this.textDocuments;
        let importers: Map<string, string[]> | undefined;
        let dropped = false;
        for (const document of this.langiumDocuments.all) {
            // Already dropped, and not parsed again since.
            if (treeDropped(document)) continue;
            if (document.state !== DocumentState.Validated) continue;
            const key = document.uri.toString();
            if (textDocuments?.get(document.uri) !== undefined || this.buildState.get(key)?.completed !== true) continue;
            // A closed untitled agreement (no `.pool` name) has no services to parse it again with.
            if (!this.serviceRegistry.hasServices(document.uri)) continue;
            // A refused file's document says why it was not read; its text is not what it was checked as.
            if ((document.parseResult as { refusal?: unknown }).refusal !== undefined) continue;
            // Langium re-links a file with an unresolved name at every change: it keeps its tree.
            if (document.references.some(reference => reference.error !== undefined)) continue;
            importers ??= this.importerIndex();
            if (importers.has(key)) continue;
            this.dropTree(document, this.indexManager);
            this.droppedInBuild++;
            dropped = true;
        }
        // What was worked out from the trees (scopes, models) is forgotten with them.
        if (dropped) void this.emitUpdate([], []);
    }

    /** Drops the document's tree (again, if it was parsed anew since it was first dropped). */
    private dropTree(document: LangiumDocument, index: PoolIndexManager): void {
        const root = document.parseResult.value as Partial<Document>;
        keptFacts.set(document, { imports: importedUris(document), approvals: (root.approvals ?? []).length > 0 });
        droppedNotRebuilt.add(document);
        const services = this.serviceRegistry.getServices(document.uri);
        const locator = services.workspace.AstNodeLocator;
        index.keepWithoutTree(document, path => locator.getAstNode(document.parseResult.value, path));
        document.references = [];
        document.localSymbols = undefined;
        const parser = services.parser.LangiumParser;
        const scopes = services.references.ScopeComputation;
        const keep = (parseResult: ParseResult): void => {
            Object.defineProperty(document, 'parseResult', { value: parseResult, writable: true, configurable: true, enumerable: true });
        };
        // Parsed again from the same text when something reads it, as the factory parses it; its
        // names resolve when read, and local names are gathered at once, as a build would.
        Object.defineProperty(document, 'parseResult', {
            configurable: true,
            enumerable: true,
            get: () => {
                const parseResult = parser.parse(document.textDocument.getText());
                (parseResult.value as { $document?: LangiumDocument }).$document = document;
                keep(parseResult);
                if (scopes instanceof PoolScopeComputation) document.localSymbols = scopes.localSymbolsNow(document);
                return parseResult;
            },
            set: keep
        });
    }

    /**
     * A file whose tree was dropped holds no links, local names or references: anything short of
     * its diagnostics being current (a re-link because an import changed, a re-check) builds it
     * again from the parse on, from the text it was checked as (not read again: as a re-link
     * would not). A changed file is read again as any is.
     */
    override resetToState(document: LangiumDocument, state: DocumentState): void {
        if (state < DocumentState.Validated && droppedNotRebuilt.delete(document)) {
            // Parsed again when the build reads its tree (see dropTree), in the build's order: not
            // here, where the 1,000 importers of a register would be parsed before the open file.
            super.resetToState(document, state > DocumentState.Parsed ? DocumentState.Parsed : state);
            return;
        }
        super.resetToState(document, state);
    }

    /**
     * Importers still waiting when a build stops (cancelled before the file they wait on was
     * checked) are re-linked, so the next build checks them: they are never left linked to a tree
     * that is gone.
     */
    private abandonDeferred(): void {
        for (const [uri, waiting] of this.deferred) {
            this.aligned.delete(uri);
            for (const key of waiting) {
                const importer = this.langiumDocuments.getDocument(URI.parse(key));
                if (importer && importer.state >= DocumentState.Linked) this.resetToState(importer, DocumentState.ComputedScopes);
            }
        }
        this.deferred.clear();
    }

    /**
     * The files open in the editor, and what they import, are built before the rest: an edit to a
     * file many others import updates the open file's diagnostics before the workspace's. A
     * file's checks see only it and what it imports, so its diagnostics are the same whatever else
     * is built first. The rest follows in the same update, which the next edit cancels.
     */
    private async buildOpenFirst(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const textDocuments = this.textDocuments;
        const open = textDocuments ? documents.filter(document => textDocuments.get(document.uri) !== undefined) : [];
        if (open.length === documents.length) return this.buildBatch(documents, options, cancelToken);
        const waiting = new Map(documents.map(document => [document.uri.toString(), document]));
        if (open.length > 0) {
            await this.buildBatch(await this.withImports(open, waiting, cancelToken), options, cancelToken);
            // Their diagnostics reach the editor before the rest is started.
            await this.published();
        }
        await this.buildInChunks(waiting, options, cancelToken);
    }

    /**
     * `starts` and what they import among `waiting`, directly or through others, taken out of
     * `waiting`. Parsed first, so that the imports followed are those of the text being built; a
     * file whose tree was dropped, and whose text has not changed since, is not parsed for this
     * (what it imports was kept): its build parses it, in turn, cancellable between files.
     */
    private async withImports(starts: LangiumDocument[], waiting: Map<string, LangiumDocument>, cancelToken: CancellationToken): Promise<LangiumDocument[]> {
        const taken = new Map<string, LangiumDocument>();
        let next = starts;
        while (next.length > 0) {
            for (const document of next) {
                taken.set(document.uri.toString(), document);
                waiting.delete(document.uri.toString());
            }
            await this.runCancelable(next, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
            next = next
                .flatMap(document => importedUris(document))
                .filter((uri, index, all) => all.indexOf(uri) === index && !taken.has(uri))
                .flatMap(uri => waiting.get(uri) ?? []);
        }
        return [...taken.values()];
    }

    /**
     * Builds the documents a few hundred at a time, each batch with what it imports, dropping the
     * trees of those that can go after each (see {@link dropClosedTrees}): building the 1,000 files
     * of a workspace at once held every tree at the same time, which set the server's resident
     * memory for good. A file's checks see only it and what it imports, which its batch holds, so
     * its diagnostics are the same. Only the editor's services drop trees, so the CLI builds all
     * at once.
     */
    private async buildInChunks(waiting: Map<string, LangiumDocument>, options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        if (!(this.indexManager instanceof PoolIndexManager) || waiting.size <= DOCUMENTS_PER_BATCH) {
            return this.buildBatch([...waiting.values()], options, cancelToken);
        }
        while (waiting.size > 0) {
            const starts = [...waiting.values()].slice(0, DOCUMENTS_PER_BATCH);
            await this.buildBatch(await this.withImports(starts, waiting, cancelToken), options, cancelToken);
            this.dropClosedTrees();
        }
    }
}

/** How many documents are built at once when many are (see {@link PoolDocumentBuilder.buildInChunks}). */
const DOCUMENTS_PER_BATCH = 100;

/**
 * Every URI reached from `starts` by following `next`, each once (a start only if it is reached
 * again): the importers of a file (a file that imports an importer sees it too), or what a file
 * imports.
 */
function reachable(starts: readonly string[], next: (uri: string) => readonly string[]): Set<string> {
    const found = new Set<string>();
    const queue = [...starts];
    for (let uri = queue.pop(); uri !== undefined; uri = queue.pop()) {
        for (const reached of next(uri)) {
            if (found.has(reached)) continue;
            found.add(reached);
            queue.push(reached);
        }
    }
    return found;
}

/** A node of an imported file's old syntax tree in its new one, and its description. */
interface Counterpart {
    readonly node: AstNode;
    readonly description: AstNodeDescription;
}

/** What Langium's references hold once linked (their fields are not public). */
interface MovableReference {
    _ref?: unknown;
    _nodeDescription?: AstNodeDescription;
}

/** Whether a document's syntax tree is of the text it now holds. */
function isOfCurrentText(document: LangiumDocument): boolean {
    const parsed = document.parseResult.value.$cstNode?.root.fullText;
    return parsed === undefined || parsed === document.textDocument.getText();
}

/** `promise`, or OperationCancelled once the token is cancelled. */
function untilCancelled<T>(promise: Promise<T>, cancelToken: CancellationToken): Promise<T> {
    // Langium's cancellation is its OperationCancelled symbol, which its callers test for.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as said above
    if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
    return new Promise<T>((resolve, reject) => {
        const cancelled = cancelToken.onCancellationRequested(() => {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Langium's cancellation, as above
            reject(OperationCancelled);
        });
        promise.then(
            value => {
                cancelled.dispose();
                resolve(value);
            },
            (error: unknown) => {
                cancelled.dispose();
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on the promise's own rejection unchanged
                reject(error);
            }
        );
    });
}
