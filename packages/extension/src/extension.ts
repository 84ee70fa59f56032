import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startClient } from './client.js';
import { newAgreement } from './new-agreement.js';
import { ReportPreviews } from './preview.js';

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and its end-to-end tests). */
export interface PoolExtensionApi {
    /** The running language client. */
    readonly client: LanguageClient;
    /** The open report previews. */
    readonly previews: ReportPreviews;
}

/** The agreement a command is about: its argument (a code lens passes a URI string) or the active editor's. */
function agreementUri(argument: unknown): vscode.Uri | undefined {
    if (argument instanceof vscode.Uri) return argument;
    if (typeof argument === 'string') return vscode.Uri.parse(argument);
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'pool' ? document.uri : undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<PoolExtensionApi> {
    const started = await startClient(context);
    client = started;
    const previews = new ReportPreviews(started);
    context.subscriptions.push(
        previews,
        vscode.commands.registerCommand('pool.openReportPreview', async (argument?: unknown) => {
            const uri = agreementUri(argument);
            if (!uri) {
                void vscode.window.showErrorMessage(vscode.l10n.t('Open a Pool agreement to preview its report.'));
                return undefined;
            }
            await previews.open(uri);
            return uri.toString();
        }),
        vscode.commands.registerCommand('pool.newAgreement', async () => (await newAgreement()).document.uri.toString())
    );
    return { client: started, previews };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
