import { RequestType } from 'vscode-languageclient/node';

// The custom requests of @pool/language-server (see its src/common.ts), as the client sends them.

export interface ReportHtmlParams { readonly uri: string; readonly lang?: 'en' | 'cy'; readonly cspSource?: string }
export const ReportHtmlRequest = new RequestType<ReportHtmlParams, { html: string }, void>('pool/reportHtml');

export type ServerExportFormat = 'md' | 'html' | 'json';
export interface ReportExportParams { readonly uri: string; readonly format: ServerExportFormat; readonly lang?: 'en' | 'cy' }
export const ReportExportRequest = new RequestType<ReportExportParams, { content: string }, void>('pool/reportExport');
