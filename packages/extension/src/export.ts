import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { reportLanguage } from './client.js';
import { ReportExportRequest } from './protocol.js';
import { writeFileAtomic } from './write-atomic.js';

export type ExportFormat = 'md' | 'html' | 'json';

const FORMATS: readonly { format: ExportFormat; label: string; detail: string; filter: string }[] = [
    { format: 'html', label: 'HTML', detail: 'one self-contained web page', filter: 'HTML' },
    { format: 'md', label: 'Markdown', detail: 'for a wiki or a pull request', filter: 'Markdown' },
    { format: 'json', label: 'JSON', detail: 'the computed figures, for other tools', filter: 'JSON' }
];

/** What a caller (the end-to-end tests, a keybinding) may give instead of answering the prompts. */
export interface ExportArguments {
    readonly uri?: string;
    readonly format?: ExportFormat;
    readonly target?: string;
}

/**
 * "Pool: Export report…": asks for a format and a place, has the server render the report of the
 * agreement as the editor holds it (Markdown, HTML or JSON, the same renderers as `pool report` and
 * `pool generate json`) and writes it atomically. Returns where it wrote, or undefined when the
 * user cancelled. PDF is made by `pool report --format pdf`, which needs fonts the extension does
 * not ship.
 */
export async function exportReport(client: LanguageClient, args: ExportArguments = {}): Promise<vscode.Uri | undefined> {
    const source = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    if (!source) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a Pool agreement to export its report.'));
        return undefined;
    }
    const choice = args.format
        ? FORMATS.find(candidate => candidate.format === args.format)
        : await vscode.window.showQuickPick(FORMATS.map(candidate => ({ ...candidate, description: `.${candidate.format}` })), { title: vscode.l10n.t('Export report as') });
    if (!choice) return undefined;
    const target = args.target
        ? vscode.Uri.parse(args.target)
        : await vscode.window.showSaveDialog({
            defaultUri: source.with({ path: source.path.replace(/\.pool$/, '') + `.${choice.format}` }),
            filters: { [choice.filter]: [choice.format] },
            title: vscode.l10n.t('Export report')
        });
    if (!target) return undefined;
    const lang = reportLanguage();
    try {
        const data = (await client.sendRequest(ReportExportRequest, { uri: source.toString(), format: choice.format, lang })).content;
        await writeFileAtomic(target, data);
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Pool could not export the report: {0}', error instanceof Error ? error.message : String(error)));
        return undefined;
    }
    if (!args.target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Report written to {0}', vscode.workspace.asRelativePath(target)));
    }
    return target;
}
