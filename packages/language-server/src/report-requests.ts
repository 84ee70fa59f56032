import { TOOL_VERSION, type AgreementModel, type ast, type Lang } from '@pool/language';
import type { PoolServices } from '@pool/language/editor';
import { t } from './i18n/index.js';
import {
    buildReportData,
    buildReportDocument,
    renderHtml,
    renderJson,
    renderMarkdown,
    toPortableDocument,
    type ReportData,
    type ReportLang
} from '@pool/reports';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, ErrorCodes, type CancellationToken, type Connection } from 'vscode-languageserver';
import { ReportDocumentRequest, ReportExportRequest, ReportHtmlRequest } from './protocol.js';

/** The editor's reports are dated when they are made. */
const now = (): string => new Date().toISOString();

/** The language a request asks for; English unless it asks for Welsh. */
const languageOf = (params: { readonly lang?: ReportLang }): Lang => (params.lang === 'cy' ? 'cy' : 'en');

/** The report data of an agreement as the editor holds it, once it is checked. */
export async function agreementReportData(
    shared: LangiumSharedServices,
    pool: PoolServices,
    uri: string,
    cancel: CancellationToken,
    lang: Lang = 'en'
): Promise<ReportData> {
    const parsed = URI.parse(uri);
    await shared.workspace.WorkspaceManager.ready;
    // A read waits for the edits queued before it (they are writes), so the report is of the text as sent.
    const document = await shared.workspace.WorkspaceLock.read(() => shared.workspace.LangiumDocuments.getDocument(parsed));
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, t('server.report.unknown-document', { uri }, lang));
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, cancel);
    const model: AgreementModel = pool.pool.ModelProvider.getModel(document as LangiumDocument<ast.Document>);
    return buildReportData(model, undefined, { toolVersion: TOOL_VERSION });
}

export function registerReportRequests(connection: Connection, shared: LangiumSharedServices, pool: PoolServices): void {
    const reportData = (uri: string, cancel: CancellationToken, lang: Lang) => agreementReportData(shared, pool, uri, cancel, lang);

    connection.onRequest(ReportHtmlRequest, async (params, cancel) => {
        const lang = languageOf(params);
        const data = await reportData(params.uri, cancel, lang);
        return { html: renderHtml(data, { lang, generatedAt: now(), ...(params.cspSource ? { webview: { cspSource: params.cspSource } } : {}) }) };
    });

    connection.onRequest(ReportDocumentRequest, async (params, cancel) => {
        const lang = languageOf(params);
        const data = await reportData(params.uri, cancel, lang);
        return { document: toPortableDocument(buildReportDocument(data, { lang, generatedAt: now() })) };
    });

    connection.onRequest(ReportExportRequest, async (params, cancel) => {
        const lang = languageOf(params);
        const data = await reportData(params.uri, cancel, lang);
        switch (params.format) {
            case 'html':
                return { content: renderHtml(data, { lang, generatedAt: now() }) };
            case 'md':
                return { content: renderMarkdown(data, { lang, generatedAt: now() }) };
            case 'json':
                return { content: renderJson(data) };
            default:
                throw new ResponseError(ErrorCodes.InvalidParams, t('server.report.unknown-format', { format: String(params.format) }, lang));
        }
    });
}
