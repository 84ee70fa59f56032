import { type AstNode, AstUtils, type LangiumDocument, UriUtils } from 'langium';
import { formatMoney } from '../money/amount.js';
import { yearLabel } from '../money/financial-year.js';
import type { AgreementModel } from '../model/types.js';

/** Wording shared by the checks' messages, so a figure reads the same in every message. */

export function money(model: AgreementModel, pence: bigint): string {
    return formatMoney(pence, { currency: model.currency });
}

export function year(start: number): string {
    return yearLabel(start);
}

/** `manchester` or, when the partner is known, `manchester (Manchester City Council)`. */
export function partnerName(model: AgreementModel, id: string): string {
    const partner = model.partners.get(id);
    return partner ? `${id} (${partner.name})` : id;
}

/** `on line 12`, or `in registers/gm.pool on line 3` for a place in another file. */
export function where(model: AgreementModel, node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    if (document.uri.toString() === model.document.uri.toString()) {
        return `on line ${line}`;
    }
    return `in ${relativeTo(model.document, document)} on line ${line}`;
}

export function relativeTo(from: LangiumDocument, to: LangiumDocument): string {
    return UriUtils.relative(UriUtils.dirname(from.uri), to.uri);
}

export function isInDocument(node: AstNode, document: LangiumDocument): boolean {
    return AstUtils.getDocument(node).uri.toString() === document.uri.toString();
}

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: readonly string[]): string {
    if (items.length <= 1) return items[0] ?? '';
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}
