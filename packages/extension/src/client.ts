import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * Starts the bundled language server in a separate process on the Node that VS Code ships, and a
 * client for `.pool` files (on disk and untitled). The client reads `pool.trace.server` itself and
 * sends VS Code's display language (`vscode.env.language`) as the `locale` of `initialize`, which
 * the server uses for its messages.
 */
export async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { language: 'pool', scheme: 'file' },
            { language: 'pool', scheme: 'untitled' }
        ],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.pool') },
        initializationOptions: {
            // Each problem links to its check in the reference shipped inside the extension.
            checkDocumentationBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'checks.md').toString(),
            // The code lens over a pool opens the report preview beside the agreement, not the server's HTML file.
            reportCommand: 'pool.openReportPreview'
        }
    };
    const client = new LanguageClient('pool', 'Pool', serverOptions, clientOptions);
    await client.start();
    return client;
}
