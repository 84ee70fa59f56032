import type { PortableReportDocument } from '@pool/reports';
import { RequestType } from 'vscode-languageclient';

// The custom requests of @pool/language-server (see its src/report-requests.ts), as the client
// sends them. Imported from the client's common entry, so the desktop and the web builds share it.

export interface ReportHtmlParams {
    readonly uri: string;
    readonly lang?: 'en' | 'cy';
    readonly cspSource?: string;
}
export const ReportHtmlRequest = new RequestType<ReportHtmlParams, { html: string }, void>('pool/reportHtml');

type ServerExportFormat = 'md' | 'html' | 'json';
export interface ReportExportParams {
    readonly uri: string;
    readonly format: ServerExportFormat;
    readonly lang?: 'en' | 'cy';
}
export const ReportExportRequest = new RequestType<ReportExportParams, { content: string }, void>('pool/reportExport');

export interface ReportDocumentParams {
    readonly uri: string;
    readonly lang?: 'en' | 'cy';
}
export const ReportDocumentRequest = new RequestType<ReportDocumentParams, { document: PortableReportDocument }, void>('pool/reportDocument');
