import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { exportReport, type ExportArguments, type ExportPlatform } from './export.js';
import { newAgreement } from './new-agreement.js';
import { ReportPreviews } from './preview.js';

/** What the extension offers other extensions (and its end-to-end tests), on the desktop and the web alike. */
export interface PoolExtensionApi {
    /** The running language client. */
    readonly client: BaseLanguageClient;
    /** The open report previews. */
    readonly previews: ReportPreviews;
}

/** The agreement a command is about: its argument (a code lens passes a URI string) or the active editor's. */
export function agreementUri(argument: unknown): vscode.Uri | undefined {
    if (argument instanceof vscode.Uri) return argument;
    if (typeof argument === 'string') return vscode.Uri.parse(argument);
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'pool' ? document.uri : undefined;
}

/**
 * The commands both builds of the extension register: the report preview, export and a new
 * agreement. Only how files are written and whether PDF can be made differ (`platform`).
 */
export function registerCommands(context: vscode.ExtensionContext, client: BaseLanguageClient, platform: ExportPlatform): PoolExtensionApi {
    const previews = new ReportPreviews(client);
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
        vscode.commands.registerCommand('pool.newAgreement', async () => (await newAgreement()).document.uri.toString()),
        vscode.commands.registerCommand('pool.exportReport', async (argument?: ExportArguments | vscode.Uri) => {
            const args = argument instanceof vscode.Uri ? { uri: argument.toString() } : (argument ?? {});
            return (await exportReport(client, platform, args))?.toString();
        })
    );
    return { client, previews };
}
