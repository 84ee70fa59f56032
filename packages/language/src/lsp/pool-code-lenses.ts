import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { formatMoney } from '../money/amount.js';
import type { PoolServices } from '../services/pool-module.js';
import { modelOf, poolOf } from './model-lookup.js';

/** The command the extension registers to show a document's report beside it. */
export const OPEN_REPORT_PREVIEW = 'pool.openReportPreview';

/**
 * Over each pool, what it takes in and spends, read from the model, as a link to the report:
 * "£2,200,000 in, £2,200,000 spent — open report".
 */
export class PoolCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: PoolServices) { }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const model = modelOf(this.services, document);
        const uri = document.uri.toString();
        return ((document.parseResult.value as ast.Document).pools ?? []).flatMap(node => {
            const pool = poolOf(model, node);
            const start = node.$cstNode?.range.start;
            if (!pool || !start) return [];
            const money = (pence: bigint | undefined) => (pence === undefined ? 'unknown' : formatMoney(pence, { currency: model.currency }));
            const figures = pool.income === undefined || pool.spend === undefined
                ? `${money(pool.income)} in, ${money(pool.spend)} spent (fix the amounts marked to see the figures)`
                : `${money(pool.income)} in, ${money(pool.spend)} spent`;
            return [{
                range: { start, end: start },
                command: { title: `${figures} — open report`, command: OPEN_REPORT_PREVIEW, arguments: [uri] }
            }];
        });
    }
}
