/// <reference lib="webworker" />
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { serveWorkspaceFiles } from './workspace-files.js';

/**
 * In VS Code for the Web: starts the bundled browser language server in a web worker and a client
 * for `.pool` files on any file system the workspace uses (the web has no `file:` disk of its own).
 * The server reads files, imports included, through `vscode.workspace.fs` (see workspace-files.ts).
 */
export async function startBrowserClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
    const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.worker.js');
    const worker = await startWorker(serverUri);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'pool' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.pool') },
        initializationOptions: {
            checkDocumentationBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'checks.md').toString(),
            // The code lens over a pool opens the report preview beside the agreement, not the server's HTML file.
            reportCommand: 'pool.openReportPreview'
        }
    };
    const client = new LanguageClient('pool', 'Pool', worker, clientOptions);
    for (const served of serveWorkspaceFiles(client)) context.subscriptions.push(served);
    await client.start();
    return client;
}

/**
 * VS Code for the Web refuses `new Worker` on an extension served from a remote (`vscode-remote:`, as
 * with code-server); the script is fetched instead (the host resolves such URIs for fetch) and
 * started from a blob. An extension served over https starts its worker directly.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
    if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
    const response = await fetch(script.toString(true));
    if (!response.ok) throw new Error(vscode.l10n.t('Could not load the Pool language server ({0} {1})', response.status, response.statusText));
    return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' })));
}
