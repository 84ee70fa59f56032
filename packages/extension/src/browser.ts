import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { startBrowserClient } from './browser-client.js';
import { newAgreement } from './new-agreement.js';

// The extension in VS Code for the Web (the `browser` entry): the same features as on the desktop,
// with the language server in a web worker instead of a Node process.

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
    client = await startBrowserClient(context);
    context.subscriptions.push(vscode.commands.registerCommand('pool.newAgreement', async () => (await newAgreement()).document.uri.toString()));
    return { client };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
