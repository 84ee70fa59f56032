import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startClient } from './client.js';
import { newAgreement } from './new-agreement.js';

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and its end-to-end tests). */
export interface PoolExtensionApi {
    /** The running language client. */
    readonly client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<PoolExtensionApi> {
    client = await startClient(context);
    context.subscriptions.push(vscode.commands.registerCommand('pool.newAgreement', () => newAgreement()));
    return { client };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
