import type { PortableReportDocument, ReportLang } from '@pool/reports';
import { RequestType } from 'vscode-languageserver-protocol';

/**
 * Every custom request between the Pool language server and its clients, defined once: the server
 * (report-requests.ts, client-file-system.ts), the VS Code extension and the playground import these.
 * Built from `vscode-languageserver-protocol`'s platform-free entry, the version that both
 * `vscode-languageserver` and `vscode-languageclient` pin (the workspace's `pnpm.overrides` keeps it
 * the only copy), so one `RequestType` type-checks against the server's and every client's connection.
 */

// ── The report, for the editor's preview and export (the server answers) ─────────────────────────

export interface ReportHtmlParams {
    readonly uri: string;
    readonly lang?: ReportLang;
    /** A VS Code webview's `cspSource`, allowed by the report's Content-Security-Policy. */
    readonly cspSource?: string;
}
/** The HTML report of the document as the editor holds it. */
export const ReportHtmlRequest = new RequestType<ReportHtmlParams, { html: string }, void>('pool/reportHtml');

export type ReportExportFormat = 'md' | 'html' | 'json';
export interface ReportExportParams {
    readonly uri: string;
    readonly format: ReportExportFormat;
    readonly lang?: ReportLang;
}
/** The report in a text format, for saving. */
export const ReportExportRequest = new RequestType<ReportExportParams, { content: string }, void>('pool/reportExport');

export interface ReportDocumentParams {
    readonly uri: string;
    readonly lang?: ReportLang;
}
/**
 * The report laid out as blocks, its charts drawn: what the editor's PDF export needs. The PDF is
 * made where Node and the fonts are (the desktop extension), not in the server, which also runs
 * as a web worker.
 */
export const ReportDocumentRequest = new RequestType<ReportDocumentParams, { document: PortableReportDocument }, void>('pool/reportDocument');

// ── Files, for a server without a file system (the client answers) ───────────────────────────────
// A web worker has no file system, so the browser server asks its client, which answers from the
// editor's own (VS Code's `workspace.fs`, or the playground's storage). Paths are URIs as strings;
// `null` means nothing is there. Changes reach the server through the standard
// `workspace/didChangeWatchedFiles` notification.

export interface UriParams {
    readonly uri: string;
}

export interface ClientFileStat {
    readonly isFile: boolean;
    readonly isDirectory: boolean;
}

export interface ClientDirectoryEntry extends ClientFileStat {
    readonly uri: string;
}

export const ReadFileRequest = new RequestType<UriParams, { text: string } | null, void>('pool/readFile');
export const ReadDirectoryRequest = new RequestType<UriParams, ClientDirectoryEntry[] | null, void>('pool/readDirectory');
export const StatRequest = new RequestType<UriParams, ClientFileStat | null, void>('pool/stat');
