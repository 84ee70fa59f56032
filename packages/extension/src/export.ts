import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { PortableReportDocument } from '@pool/reports';
import { reportLanguage } from './language.js';
import { ReportDocumentRequest, ReportExportRequest } from './protocol.js';

type ExportFormat = 'md' | 'html' | 'json' | 'pdf';

/** What exporting needs from where the extension runs: the desktop writes to disk and makes PDFs, the web does neither. */
export interface ExportPlatform {
    /** Writes the whole file or nothing. */
    readonly write: (target: vscode.Uri, data: Uint8Array | string) => Promise<void>;
    /** Makes the PDF of a laid-out report; absent where there is no Node to run pdfkit (VS Code for the Web). */
    readonly renderPdf?: (document: PortableReportDocument) => Promise<Uint8Array>;
}

interface FormatChoice {
    readonly format: ExportFormat;
    readonly label: string;
    readonly detail: string;
    readonly filter: string;
}

const FORMATS: readonly FormatChoice[] = [
    { format: 'html', label: 'HTML', detail: vscode.l10n.t('one self-contained web page'), filter: 'HTML' },
    { format: 'pdf', label: 'PDF', detail: vscode.l10n.t('for sign-off: A4, fonts embedded'), filter: 'PDF' },
    { format: 'md', label: 'Markdown', detail: vscode.l10n.t('for a wiki or a pull request'), filter: 'Markdown' },
    { format: 'json', label: 'JSON', detail: vscode.l10n.t('the computed figures, for other tools'), filter: 'JSON' }
];

/** The formats this editor can write. */
function exportFormats(platform: ExportPlatform): readonly FormatChoice[] {
    return FORMATS.filter(choice => choice.format !== 'pdf' || platform.renderPdf !== undefined);
}

/** What a caller (the end-to-end tests, a keybinding) may give instead of answering the prompts. */
export interface ExportArguments {
    readonly uri?: string;
    readonly format?: ExportFormat;
    readonly target?: string;
}

/**
 * "Pool: Export report…": asks for a format and a place, has the server render the report of the
 * agreement as the editor holds it (the same renderers as `pool report` and `pool generate json`)
 * and writes it whole or not at all. For PDF the server lays the report out and the extension
 * host draws it with the fonts the extension ships, as `pool report --format pdf` does. Returns
 * where it wrote, or undefined when the user cancelled or it failed (the user is told why).
 */
export async function exportReport(client: BaseLanguageClient, platform: ExportPlatform, args: ExportArguments = {}): Promise<vscode.Uri | undefined> {
    const source = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    if (!source) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a Pool agreement to export its report.'));
        return undefined;
    }
    const formats = exportFormats(platform);
    const choice = args.format
        ? formats.find(candidate => candidate.format === args.format)
        : await vscode.window.showQuickPick(
              formats.map(candidate => ({ ...candidate, description: `.${candidate.format}` })),
              { title: vscode.l10n.t('Export report as') }
          );
    if (!choice) {
        if (args.format)
            void vscode.window.showErrorMessage(vscode.l10n.t('This editor cannot export a report as {0}; use `pool report --format {0}`.', args.format));
        return undefined;
    }
    const target = args.target
        ? vscode.Uri.parse(args.target)
        : await vscode.window.showSaveDialog({
              defaultUri: source.with({ path: source.path.replace(/\.pool$/, '') + `.${choice.format}` }),
              filters: { [choice.filter]: [choice.format] },
              title: vscode.l10n.t('Export report')
          });
    if (!target) return undefined;
    const lang = reportLanguage();
    const renderPdf = platform.renderPdf;
    try {
        const uri = source.toString();
        const data =
            choice.format !== 'pdf'
                ? (await client.sendRequest(ReportExportRequest, { uri, format: choice.format, lang })).content
                : renderPdf
                  ? await renderPdf((await client.sendRequest(ReportDocumentRequest, { uri, lang })).document)
                  : undefined;
        // PDF is offered only where the platform can render it (exportFormats).
        if (data === undefined) return undefined;
        await platform.write(target, data);
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Pool could not export the report: {0}', error instanceof Error ? error.message : String(error)));
        return undefined;
    }
    if (!args.target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Report written to {0}', vscode.workspace.asRelativePath(target)));
    }
    return target;
}
