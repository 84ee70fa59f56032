import type { PortableReportDocument } from '@pool/reports';
import type * as vscode from 'vscode';

/**
 * The desktop extension's PDF renderer: the same pdfkit layout as `pool report --format pdf`, with
 * the DejaVu fonts the build copies into `dist/fonts` (so £ and Welsh letters print). pdfkit is
 * loaded on the first export, not when the extension starts.
 */
export function pdfRenderer(context: vscode.ExtensionContext): (document: PortableReportDocument) => Promise<Uint8Array> {
    const fontDirectory = context.asAbsolutePath('dist/fonts');
    return async document => {
        const { renderPortablePdf } = await import('@pool/reports/pdf');
        return renderPortablePdf(document, { fontDirectory });
    };
}
