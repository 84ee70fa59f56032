import type { Lang } from '@pool/language';
import { type PoolServices, SHOW_REPORT } from '@pool/language/editor';
import { renderHtml } from '@pool/reports';
import { UriUtils, URI } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { type CancellationToken, type Connection, ErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver';
import { t } from './i18n/index.js';
import { agreementReportData } from './report-requests.js';

/**
 * Where a platform puts a report the server is asked to show: it is given the agreement's file name
 * (without `.pool`) and the report's HTML, and answers the URI of what it wrote.
 */
export type ReportWriter = (name: string, html: string) => Promise<string>;

/** What `pool.showReport` answers: the report it wrote, and whether the client was asked to open it and said it did. */
export interface ShowReportResult {
    readonly uri: string;
    readonly shown: boolean;
}

/** How long a client that says it can show documents has to answer before the server says where the report is instead. */
const SHOW_DOCUMENT_TIMEOUT_MS = 10_000;

/**
 * The commands the server runs for any client (`workspace/executeCommand`), so the code lens over a
 * pool works in every editor, not only in one that registers a command of its own:
 * `pool.showReport` with a document's URI writes its report (HTML, in the language of the
 * diagnostics) and asks the client to open it (`window/showDocument`, outside the editor) when the
 * client says it can; otherwise, or if the client declines, it says where the report is
 * (`window/showMessage`).
 */
export class PoolCommands extends AbstractExecuteCommandHandler {
    private pool: PoolServices | undefined;
    private connection: Connection | undefined;
    private canShowDocuments = false;

    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly write: ReportWriter
    ) {
        super();
        shared.lsp.LanguageServer.onInitialize(params => {
            this.canShowDocuments = params.capabilities.window?.showDocument?.support === true;
        });
    }

    /** The services and connection the commands use, once they exist (the handler is created with the shared services). */
    attach(pool: PoolServices, connection: Connection): void {
        this.pool = pool;
        this.connection = connection;
    }

    override registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(SHOW_REPORT, (args, cancel) => this.showReport(args, cancel));
    }

    private async showReport(args: unknown[], cancel: CancellationToken): Promise<ShowReportResult> {
        const pool = this.pool;
        const connection = this.connection;
        const lang: Lang = pool?.pool.Settings.language ?? 'en';
        const [uri] = args;
        if (typeof uri !== 'string' || !pool || !connection) {
            throw new ResponseError(ErrorCodes.InvalidParams, t('server.command.needs-document', { command: SHOW_REPORT }, lang));
        }
        const data = await agreementReportData(this.shared, pool, uri, cancel, lang);
        const name = UriUtils.basename(URI.parse(uri)).replace(/\.pool$/i, '');
        const written = await this.write(name, renderHtml(data, { lang, generatedAt: new Date().toISOString() }));
        const shown = this.canShowDocuments && (await this.askToShow(connection, written));
        // A notification, not `showInformationMessage` (a request, which a client might leave unanswered).
        if (!shown) {
            const message = t('server.report.written', { path: URI.parse(written).fsPath }, lang);
            await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
        }
        return { uri: written, shown };
    }

    /** Whether the client opened the report when asked; a client that fails or never answers is told where it is instead. */
    private async askToShow(connection: Connection, uri: string): Promise<boolean> {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const unanswered = new Promise<false>(resolve => {
            timer = setTimeout(() => {
                resolve(false);
            }, SHOW_DOCUMENT_TIMEOUT_MS);
        });
        try {
            const asked = connection.window.showDocument({ uri, external: true }).then(
                result => result.success,
                () => false
            );
            return await Promise.race([asked, unanswered]);
        } finally {
            clearTimeout(timer);
        }
    }
}
