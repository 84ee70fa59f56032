import path from 'node:path';
import { diffVersions } from '@pool/cli/diff';
import * as vscode from 'vscode';
import { reportLanguage } from './language.js';

/**
 * "Pool: Compare with last approved version": what changed in an agreement since the last version
 * its partners approved, in plain English, beside the editor. It runs the same code as
 * `pool diff --approved FILE`: the approved version is the newest commit in the file's git history
 * whose text has the fingerprint an approval records.
 */
export async function compareWithLastApproved(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (!uri || uri.scheme !== 'file') {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a Pool agreement saved on disk to compare it with its last approved version.'));
        return undefined;
    }
    const open = vscode.workspace.textDocuments.find(document => document.uri.toString() === uri.toString());
    if (open?.isDirty) {
        // The comparison reads the file and its history from disk, as pool diff does.
        const save = vscode.l10n.t('Save and compare');
        const choice = await vscode.window.showWarningMessage(
            vscode.l10n.t('The agreement has unsaved changes; the comparison reads the file as saved.'),
            save,
            vscode.l10n.t('Compare as saved')
        );
        if (choice === undefined) return undefined;
        if (choice === save) await open.save();
    }
    let output: string;
    try {
        ({ output } = await diffVersions(
            path.basename(uri.fsPath),
            undefined,
            { format: 'md', approved: true, lang: reportLanguage() },
            path.dirname(uri.fsPath)
        ));
    } catch (error) {
        // A user's situation (no approvals, no git history): one clear line, as the CLI gives.
        void vscode.window.showWarningMessage(error instanceof Error ? error.message : String(error));
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: output });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return document;
}
