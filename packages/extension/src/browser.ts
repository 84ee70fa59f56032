import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { startBrowserClient } from './browser-client.js';
import { registerCommands, type PoolExtensionApi } from './commands.js';

// The extension in VS Code for the Web (the `browser` entry): the same features and commands as on
// the desktop, with the language server in a web worker instead of a Node process. Exports are
// written through the editor's file system; PDF (pdfkit needs Node) and the comparison with the
// last approved version (it reads git history from disk) are desktop-only.

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PoolExtensionApi> {
    client = await startBrowserClient(context);
    return registerCommands(context, client, {
        write: async (target, data) => vscode.workspace.fs.writeFile(target, typeof data === 'string' ? new TextEncoder().encode(data) : data)
    });
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
