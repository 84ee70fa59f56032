import { describeFileError, writeFileSafely } from '@pool/files';
import { render } from '@pool/language';
import * as vscode from 'vscode';
import { reportLanguage } from './language.js';

/**
 * Where the desktop editor writes an export: a file on disk through Pool's one safe writer
 * (`@pool/files`, as `pool report -o` does: whole or not at all, never over a device or a
 * read-only file); anything else through VS Code's file system. A failure says why in words.
 */
export async function writeExport(target: vscode.Uri, data: Uint8Array | string): Promise<void> {
    if (target.scheme !== 'file') {
        await vscode.workspace.fs.writeFile(target, typeof data === 'string' ? new TextEncoder().encode(data) : data);
        return;
    }
    try {
        await writeFileSafely(target.fsPath, data);
    } catch (error) {
        throw new Error(render(describeFileError(error), reportLanguage()), { cause: error });
    }
}
