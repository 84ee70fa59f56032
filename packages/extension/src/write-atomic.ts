import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';

/**
 * Writes a file so that it is either wholly the old content or wholly the new: a temporary file
 * beside the target, then a rename. Files outside the local disk go through VS Code's file system.
 */
export async function writeFileAtomic(target: vscode.Uri, data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (target.scheme !== 'file') {
        await vscode.workspace.fs.writeFile(target, bytes);
        return;
    }
    const file = target.fsPath;
    const temporary = path.join(path.dirname(file), `.pool-tmp-${randomBytes(6).toString('hex')}-${path.basename(file)}`);
    try {
        await writeFile(temporary, bytes);
        await rename(temporary, file);
    } catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
}
