import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { t } from '../i18n/index.js';
import { formatMoney } from '../money/amount.js';
import type { PoolServices } from '../services/pool-module.js';
import { modelOf, poolOf } from './model-lookup.js';

/** The command the extension registers to show a document's report beside it. */
export const OPEN_REPORT_PREVIEW = 'pool.openReportPreview';

/**
 * The server's command that shows a document's report in any client (`workspace/executeCommand`,
 * with the document's URI): the Node server writes the report and asks the client to open it.
 */
export const SHOW_REPORT = 'pool.showReport';

/**
 * Over each pool, what it takes in and spends, read from the model, as a link to the report:
 * "£2,200,000 in, £2,200,000 spent — open report". The link runs the client's own report command
 * when it named one, and otherwise the server's.
 */
export class PoolCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: PoolServices) {}

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const model = modelOf(this.services, document);
        const uri = document.uri.toString();
        return ((document.parseResult.value as ast.Document).pools ?? []).flatMap(node => {
            const pool = poolOf(model, node);
            const start = node.$cstNode?.range.start;
            if (!pool || !start) return [];
            const lang = this.services.pool.Settings.language;
            const money = (pence: bigint | undefined) => (pence === undefined ? t('word.unknown', {}, lang) : formatMoney(pence, { currency: model.currency }));
            const figures = { income: money(pool.income), spend: money(pool.spend) };
            const title = t(pool.income === undefined || pool.spend === undefined ? 'lens.pool.unknown' : 'lens.pool', figures, lang);
            return [
                {
                    range: { start, end: start },
                    command: { title, command: this.services.pool.Settings.reportCommand ?? SHOW_REPORT, arguments: [uri] }
                }
            ];
        });
    }
}
