import { type AstNode, AstUtils, type LangiumDocument, UriUtils } from 'langium';
import { formatMoney } from '../money/amount.js';
import { yearLabel } from '../money/financial-year.js';
import { type Lang, listInWords } from '../i18n/index.js';
import type { AgreementModel, ShareInfo } from '../model/types.js';

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

/** Where a node is written, for a message's `{elsewhere, select, …}`: its line, and its file when that is another. */
export interface Place {
    readonly elsewhere: 'yes' | 'no';
    readonly file: string;
    readonly line: number;
}

/** Line 12 of this file, or line 3 of `registers/gm.pool`: a message words it (`on line 12`, `in registers/gm.pool on line 3`). */
export function where(model: AgreementModel, node: AstNode): Place {
    const document = AstUtils.getDocument(node);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    const elsewhere = document.uri.toString() !== model.document.uri.toString();
    return { elsewhere: elsewhere ? 'yes' : 'no', file: elsewhere ? relativeTo(model.document, document) : '', line };
}

export function relativeTo(from: LangiumDocument, to: LangiumDocument): string {
    return UriUtils.relative(UriUtils.dirname(from.uri), to.uri);
}

/** The closest names for a message's `; did you mean …?` (its `close` select chooses whether it says it). */
export function didYouMean(names: readonly string[], lang: Lang): { close: 'yes' | 'no'; names: string } {
    return {
        close: names.length > 0 ? 'yes' : 'no',
        names: listInWords(
            names.map(name => `\`${name}\``),
            lang
        )
    };
}

/**
 * Whether a share clause was read whole: its kind and what it shares are named, and no syntax
 * error falls inside it. A clause the parser could read only in part is reported once, by its
 * syntax error; a sum of the lines that could be read ("sums to 50%") would only repeat that
 * error in misleading words, so the checks of a clause's sums and amounts pass it by.
 */
export function shareReadWhole(share: ShareInfo): boolean {
    // The parser leaves these out of a clause it could not read; the types say what a whole one has.
    const kind = share.kind as string | undefined;
    const cst = share.node.$cstNode;
    if (kind === undefined || share.subjectId === '' || !cst) return false;
    const inside = (offset: number | undefined) => offset !== undefined && !Number.isNaN(offset) && offset >= cst.offset && offset <= cst.end;
    const { lexerErrors, parserErrors } = AstUtils.getDocument(share.node).parseResult;
    // An error is the clause's when it is inside it, or comes straight after its last token read
    // (`share benefits of care "X" {`: the clause ends at `care`, and the error is at `"X"`).
    const within = (error: (typeof parserErrors)[number]) =>
        inside(error.token.startOffset) || inside((error as { previousToken?: { endOffset: number } }).previousToken?.endOffset);
    return !parserErrors.some(within) && !lexerErrors.some(error => inside(error.offset));
}
