import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startClient } from './client.js';
import { agreementUri, registerCommands, type PoolExtensionApi } from './commands.js';
import { compareWithLastApproved } from './compare-approved.js';
import { pdfRenderer } from './pdf.js';
import { writeExport } from './write-file.js';

// The extension on the desktop (the `main` entry): the language server in a Node process, reports
// exported in every format, and the comparison with the last approved version from git.

export type { PoolExtensionApi } from './commands.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PoolExtensionApi> {
    const started = await startClient(context);
    client = started;
    const api = registerCommands(context, started, { write: writeExport, renderPdf: pdfRenderer(context) });
    context.subscriptions.push(
        vscode.commands.registerCommand('pool.compareWithLastApproved', async (argument?: unknown) =>
            (await compareWithLastApproved(agreementUri(argument)))?.getText()
        )
    );
    return api;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
