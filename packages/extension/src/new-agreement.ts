import { agreementTemplate, financialYearOf } from '@pool/language/editor';
import * as vscode from 'vscode';

/** "Pool: New agreement": an untitled Pool document holding the whole-agreement template to fill in. */
export async function newAgreement(): Promise<vscode.TextEditor> {
    const today = new Date();
    const template = agreementTemplate({
        years: [],
        partners: [],
        pools: [],
        currentYear: financialYearOf(today),
        today: today.toISOString().slice(0, 10)
    });
    const document = await vscode.workspace.openTextDocument({ language: 'pool', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(template.body));
    return editor;
}
