import * as vscode from 'vscode';

/** The language of the extension's messages and reports: Welsh when VS Code is in Welsh. */
export function reportLanguage(): 'en' | 'cy' {
    return vscode.env.language.toLowerCase().startsWith('cy') ? 'cy' : 'en';
}
