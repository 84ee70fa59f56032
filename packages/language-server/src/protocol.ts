import { RequestType } from 'vscode-languageserver';

/**
 * Requests the browser language server sends to its client, because a web worker has no file system:
 * the client answers from the editor's own (VS Code's `workspace.fs`, or the playground's storage).
 * Paths are URIs as strings; `null` means nothing is there. Changes reach the server through the
 * standard `workspace/didChangeWatchedFiles` notification.
 */
export interface ClientFileStat {
    readonly isFile: boolean;
    readonly isDirectory: boolean;
}

export interface ClientDirectoryEntry extends ClientFileStat {
    readonly uri: string;
}

export const ReadFileRequest = new RequestType<{ uri: string }, { text: string } | null, void>('pool/readFile');
export const ReadDirectoryRequest = new RequestType<{ uri: string }, ClientDirectoryEntry[] | null, void>('pool/readDirectory');
export const StatRequest = new RequestType<{ uri: string }, ClientFileStat | null, void>('pool/stat');
