import * as vscode from 'vscode';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '@pool/language-server/protocol';
import type { BaseLanguageClient } from 'vscode-languageclient';

// The browser language server has no file system: it asks for files with these requests and the
// extension answers through `vscode.workspace.fs`, so imports resolve on whatever file system the
// workspace is on (a remote, a virtual one, memory).

/** The stat of a path, or null when nothing is there. */
async function stat(uri: vscode.Uri): Promise<vscode.FileStat | null> {
    try {
        return await vscode.workspace.fs.stat(uri);
    } catch {
        return null;
    }
}

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
    return [
        client.onRequest(ReadFileRequest, async ({ uri }) => {
            const target = vscode.Uri.parse(uri);
            if (!(await stat(target))) return null;
            // Decoded as the Node server reads files: bytes that are not UTF-8 become replacement characters.
            return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target)) };
        }),
        client.onRequest(ReadDirectoryRequest, async ({ uri }) => {
            const folder = vscode.Uri.parse(uri);
            const found = await stat(folder);
            if (!found || (found.type & vscode.FileType.Directory) === 0) return null;
            const entries = await vscode.workspace.fs.readDirectory(folder);
            return entries.map(([name, type]) => ({
                uri: vscode.Uri.joinPath(folder, name).toString(),
                isFile: (type & vscode.FileType.File) !== 0,
                isDirectory: (type & vscode.FileType.Directory) !== 0
            }));
        }),
        client.onRequest(StatRequest, async ({ uri }) => {
            const found = await stat(vscode.Uri.parse(uri));
            return found && { isFile: (found.type & vscode.FileType.File) !== 0, isDirectory: (found.type & vscode.FileType.Directory) !== 0 };
        })
    ];
}
