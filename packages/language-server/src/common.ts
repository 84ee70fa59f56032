import { PoolDocumentBuilder, TOOL_VERSION } from '@pool/language';
import { createPoolServices, type PoolServices, selectionRanges } from '@pool/language/editor';
import { DocumentState, URI } from 'langium';
import { t } from './i18n/index.js';
import { createServerRequestHandler, startLanguageServer, type DefaultSharedModuleContext, type LangiumSharedServices } from 'langium/lsp';
import { type CompletionItem, type CompletionList, type Connection, InsertTextFormat, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { guardConnection } from './guarded-connection.js';
import { PoolCommands, type ReportWriter } from './report-command.js';
import { registerReportRequests } from './report-requests.js';

// The custom requests are in `@pool/language-server/protocol` (protocol.ts), which clients import.

/**
 * What a platform entry point (Node, browser worker) gives the server: a connection, a file system
 * and, where it has somewhere to put them, a writer for the reports `pool.showReport` shows (a
 * server without one does not offer the command; its client names a report command of its own).
 */
export type PoolServerContext = DefaultSharedModuleContext & { readonly connection: Connection; readonly reports?: ReportWriter };

export interface PoolLanguageServer {
    readonly shared: LangiumSharedServices;
    readonly Pool: PoolServices;
}

/**
 * Creates the Pool services on a connection, registers the report requests (protocol.ts) and
 * starts listening. The same on every platform: only the connection and
 * the file system differ.
 */
export function startPoolLanguageServer(context: PoolServerContext): PoolLanguageServer {
    // Whatever a client sends, the server answers and stays up (see guarded-connection.ts).
    const connection = guardConnection(context.connection);
    const reports = context.reports;
    const { shared, Pool } = createPoolServices({ ...context, connection }, reports ? { commands: services => new PoolCommands(services, reports) } : {});
    const commands = shared.lsp.ExecuteCommandHandler;
    if (commands instanceof PoolCommands) commands.attach(Pool, connection);
    registerReportRequests(connection, shared, Pool);
    withDocumentVersions(connection, shared);
    withOpenFilesPublishedFirst(connection, shared);
    // The server names itself (`serverInfo`), so a client's log and its user can tell which server and version answer.
    const languageServer = shared.lsp.LanguageServer;
    const initialize = languageServer.initialize.bind(languageServer);
    // Expand selection is Pool's own (Langium has no provider for it), announced here.
    languageServer.initialize = async params => {
        const result = await initialize(params);
        return { ...result, capabilities: { ...result.capabilities, selectionRangeProvider: true }, serverInfo: { name: 'pool', version: TOOL_VERSION } };
    };
    connection.onSelectionRanges(
        createServerRequestHandler((_services, document, params) => selectionRanges(document, params.positions), shared, DocumentState.Parsed)
    );
    withoutSnippetsUnlessSupported(shared, Pool);
    withStartupProgress(connection, shared, Pool);
    // A hover shows the problems at the cursor, so it waits for the checks, not only for linking:
    // a hover during a rebuild would otherwise leave the problem out.
    startLanguageServer(shared, { HoverProvider: DocumentState.Validated });
    return { shared, Pool };
}

/**
 * Diagnostics for an open document name the version of its text they were found in
 * (`PublishDiagnosticsParams.version`), so a client can tell a late answer about text it has since
 * changed from the answer about what it shows. Langium publishes each document as it is validated,
 * before a newer edit replaces the text; a file that is not open has no version to name.
 */
function withDocumentVersions(connection: Connection, shared: LangiumSharedServices): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = async params => {
        if (params.version !== undefined || !shared.workspace.TextDocuments.get(params.uri)) return send(params);
        const checked = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri))?.textDocument.version;
        return send(checked === undefined ? params : { ...params, version: checked });
    };
}

/**
 * The diagnostics of the files open in the editor are written to it before the rest of an update
 * is built (see `PoolDocumentBuilder.waitForPublicationWith`): the connection writes a message on
 * a later turn of the event loop, and the files that follow them in the build, parsed without a
 * pause, held them back.
 */
function withOpenFilesPublishedFirst(connection: Connection, shared: LangiumSharedServices): void {
    const builder = shared.workspace.DocumentBuilder;
    if (!(builder instanceof PoolDocumentBuilder)) return;
    const sending = new Set<Promise<void>>();
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const sent = send(params);
        sending.add(sent);
        const done = () => sending.delete(sent);
        sent.then(done, done);
        return sent;
    };
    builder.waitForPublicationWith(async () => {
        await Promise.allSettled([...sending]);
    });
}

/**
 * Completion for a client that does not support snippets (`completionItem.snippetSupport`): each
 * snippet is sent as the plain text it would insert, its tab stops and placeholders left as their
 * default text, so the client never inserts `${1:…}` literally.
 */
function withoutSnippetsUnlessSupported(shared: LangiumSharedServices, Pool: PoolServices): void {
    const provider = Pool.lsp.CompletionProvider;
    if (!provider) return;
    let snippets = true;
    shared.lsp.LanguageServer.onInitialize(params => {
        snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    });
    const getCompletion = provider.getCompletion.bind(provider);
    provider.getCompletion = async (...args) => {
        const list = await getCompletion(...args);
        return snippets || !list ? list : asPlainText(list);
    };
}

function asPlainText(list: CompletionList): CompletionList {
    return { ...list, items: list.items.map(plainItem) };
}

function plainItem(item: CompletionItem): CompletionItem {
    if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
    const plain = (text: string) => snippetText(text);
    const textEdit = item.textEdit && { ...item.textEdit, newText: plain(item.textEdit.newText) };
    return {
        ...item,
        insertTextFormat: InsertTextFormat.PlainText,
        ...(item.insertText === undefined ? {} : { insertText: plain(item.insertText) }),
        ...(textEdit ? { textEdit } : {})
    };
}

/** The text a snippet inserts once every tab stop is left as it is: `${1:default}` is `default`, `$1` and `$0` nothing, `${1|a,b|}` the first choice, `\$` a dollar. */
function snippetText(snippet: string): string {
    let text = snippet;
    // Innermost placeholders first, so nested ones resolve.
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{\d+:((?:[^{}$\\]|\\.)*)\}/g, '$1').replace(/\$\{\d+\|([^,|}]*)(?:,[^,|}]*)*\|\}/g, '$1');
    }
    return text.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

/**
 * The first check of the workspace, shown as work-done progress ("Checking Pool agreements", with
 * how many files are checked of how many) to a client that declares `window.workDoneProgress`; a
 * client that does not is asked for nothing. The check never waits for the client: a client slow
 * to accept the progress token sees the progress from then on, or none if the check is over.
 */
function withStartupProgress(connection: Connection, shared: LangiumSharedServices, Pool: PoolServices): void {
    let supported = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = params.capabilities.window?.workDoneProgress === true;
    });
    const manager = shared.workspace.WorkspaceManager;
    const initializeWorkspace = manager.initializeWorkspace.bind(manager);
    manager.initializeWorkspace = async (...args) => {
        if (!supported) return initializeWorkspace(...args);
        const lang = Pool.pool.Settings.language;
        let checked = 0;
        let shownPercent = -1;
        let finished = false;
        let reporter: WorkDoneProgressServerReporter | undefined;
        const report = () => {
            const total = Math.max(shared.workspace.LangiumDocuments.all.count(), checked, 1);
            // Files found later raise the total; the percentage shown still never goes back.
            const percent = Math.max(shownPercent, Math.floor((checked * 100) / total));
            if (!reporter || percent === shownPercent) return;
            shownPercent = percent;
            reporter.report(percent, t('server.progress.checked', { checked, total }, lang));
        };
        const counting = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
            checked++;
            report();
        });
        void connection.window.createWorkDoneProgress().then(
            created => {
                if (finished) return;
                reporter = created;
                created.begin(t('server.progress.title', {}, lang), 0, undefined, false);
                report();
            },
            () => undefined
        );
        try {
            await initializeWorkspace(...args);
        } finally {
            finished = true;
            counting.dispose();
            reporter?.done();
        }
    };
}
