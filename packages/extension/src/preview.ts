import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { reportLanguage } from './language.js';
import { ReportHtmlRequest } from '@pool/language-server/protocol';

const PREVIEW_VIEW_TYPE = 'pool.reportPreview';

/** A report is shown only under its own policy that forbids everything by default. */
const STRICT_CSP = /<meta http-equiv="Content-Security-Policy" content="default-src (?:'|&#39;|&#x27;|&apos;)none/;

/**
 * The live report previews: one webview beside the editor per agreement, showing the HTML report
 * the server renders from the computed model, updated a moment after typing stops. The report
 * carries its own Content-Security-Policy (no script, nothing fetched, its one style sheet by
 * hash); the webview runs no script and may load no local file.
 */
export class ReportPreviews implements vscode.Disposable {
    private readonly previews = new Map<string, ReportPreview>();
    private readonly subscriptions: vscode.Disposable[];

    constructor(private readonly client: BaseLanguageClient) {
        this.subscriptions = [
            // Any agreement may be imported by a previewed one: a change anywhere refreshes them all.
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === 'pool' && event.contentChanges.length > 0) this.scheduleAll();
            }),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (document.languageId === 'pool') this.scheduleAll();
            })
        ];
    }

    /** Opens (or reveals) the preview of an agreement beside its editor. */
    async open(uri: vscode.Uri): Promise<ReportPreview> {
        const key = uri.toString();
        const existing = this.previews.get(key);
        if (existing) {
            existing.panel.reveal(vscode.ViewColumn.Beside, true);
            await existing.refresh();
            return existing;
        }
        const preview = new ReportPreview(uri, this.client, () => this.previews.delete(key));
        this.previews.set(key, preview);
        await preview.refresh();
        return preview;
    }

    /** The open preview of an agreement, if any. */
    get(uri: vscode.Uri): ReportPreview | undefined {
        return this.previews.get(uri.toString());
    }

    private scheduleAll(): void {
        const delay = vscode.workspace.getConfiguration('pool').get<number>('preview.delay', 300);
        for (const preview of this.previews.values()) preview.schedule(delay);
    }

    dispose(): void {
        for (const preview of [...this.previews.values()]) preview.panel.dispose();
        for (const subscription of this.subscriptions) subscription.dispose();
    }
}

export class ReportPreview {
    readonly panel: vscode.WebviewPanel;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Incremented per request so that a slow, older answer never replaces a newer one. */
    private generation = 0;
    private readonly rendered = new vscode.EventEmitter<string>();
    /** Fires with the HTML each time the preview shows a new report. */
    readonly onDidRender = this.rendered.event;
    /** The HTML the preview shows. */
    html = '';
    /** Why the last update failed, if it did. */
    lastError: string | undefined;

    constructor(
        readonly uri: vscode.Uri,
        private readonly client: BaseLanguageClient,
        onDispose: () => void
    ) {
        const name = uri.path.split('/').pop() ?? uri.path;
        this.panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE,
            vscode.l10n.t('Report: {0}', name),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: false, enableForms: false, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true }
        );
        this.panel.onDidDispose(() => {
            clearTimeout(this.timer);
            this.rendered.dispose();
            onDispose();
        });
    }

    schedule(delay: number): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delay);
    }

    async refresh(): Promise<void> {
        const generation = ++this.generation;
        const webview = this.panel.webview;
        try {
            const { html } = await this.client.sendRequest(ReportHtmlRequest, {
                uri: this.uri.toString(),
                lang: reportLanguage(),
                cspSource: webview.cspSource
            });
            if (generation !== this.generation) return;
            if (!STRICT_CSP.test(html)) {
                throw new Error(vscode.l10n.t('the report came without its Content-Security-Policy'));
            }
            webview.html = html;
            this.html = html;
            this.lastError = undefined;
            this.rendered.fire(html);
        } catch (error) {
            if (generation !== this.generation) return;
            this.lastError = error instanceof Error ? error.message : String(error);
            void vscode.window.showErrorMessage(
                vscode.l10n.t(
                    'Pool could not show the report of {0}: {1}',
                    this.uri.path.split('/').pop() ?? '',
                    error instanceof Error ? error.message : String(error)
                )
            );
        }
    }
}
