import { type AstNode, AstUtils, type LangiumDocument, UriUtils } from 'langium';
import type * as ast from '../generated/ast.js';
import { type Lang, type MessageKey, type MessageParams, t } from '../i18n/index.js';
import { formatMoney, penceToDecimalString } from '../money/amount.js';
import { yearLabel } from '../money/financial-year.js';
import { formatPercent } from '../money/percent.js';
import type { Rational } from '../money/rational.js';
import type { AgreementModel } from '../model/types.js';

/** What part of an agreement a change is about, for programs (the JSON's `topic`). */
export type ChangeTopic =
    | 'agreement'
    | 'review'
    | 'import'
    | 'partner'
    | 'pool'
    | 'declared-total'
    | 'contribution'
    | 'minimum'
    | 'ringfence'
    | 'spend-line'
    | 'outcome'
    | 'payment'
    | 'payment-split'
    | 'payment-schedule'
    | 'cohort'
    | 'cohort-year'
    | 'cohort-payments'
    | 'actual'
    | 'share'
    | 'share-line'
    | 'share-effect'
    | 'savings'
    | 'approval'
    | 'stream'
    | 'spend-minimum'
    | 'purpose'
    | 'contents'
    | 'unit-cost'
    | 'appraisal'
    | 'benefit-return'
    | 'appraisal-figures';

/** A place in one version's text: the file (relative to the agreement's folder) and the 1-based line. */
export interface SourcePlace {
    readonly file: string;
    readonly line: number;
}

/**
 * One change between two versions: what it is about, stably identified (`topic`, `key`, `field`),
 * the values before and after as programs read them (amounts as decimal strings of pounds,
 * percentages as decimal strings of points, years as `2013/14`, partners by id), the difference in
 * pounds or points where the value is a figure, the sentence a person reads, and where it is
 * written in each version.
 */
export interface Change {
    readonly topic: ChangeTopic;
    /** The thing changed, stably: its ids, years and names from the outside in (`["families", "2013/14", "manchester", "0"]`). */
    readonly key: readonly string[];
    readonly field: string;
    readonly before: string | null;
    readonly after: string | null;
    /** After less before: pounds as a decimal string for money, points for percentages. */
    readonly difference: string | null;
    /** A figure Pool computes from other changes (a partner's part of a share, a schedule in pounds), not a change written in the text. */
    readonly derived: boolean;
    readonly sentence: string;
    readonly where: { readonly before: SourcePlace | null; readonly after: SourcePlace | null };
}

export interface ChangeInput {
    readonly topic: ChangeTopic;
    /** The parts of the key, joined with NUL. */
    readonly key: string;
    readonly field: string;
    readonly before?: string;
    readonly after?: string;
    readonly difference?: string;
    readonly derived?: boolean;
    readonly beforeNode?: AstNode;
    readonly afterNode?: AstNode;
}

/**
 * Gathers the changes of one diff and words them: every sentence is one catalogue entry with
 * its figures put in, in the language asked for.
 */
export class ChangeList {
    readonly changes: Change[] = [];

    constructor(
        readonly before: AgreementModel,
        readonly after: AgreementModel,
        readonly lang: Lang
    ) {}

    add<K extends MessageKey>(input: ChangeInput, key: K, params: MessageParams<K>): void {
        this.changes.push({
            topic: input.topic,
            key: input.key.split('\u0000'),
            field: input.field,
            before: input.before ?? null,
            after: input.after ?? null,
            difference: input.difference ?? null,
            derived: input.derived ?? false,
            sentence: t(key, params, this.lang),
            where: { before: placeOf(this.before, input.beforeNode), after: placeOf(this.after, input.afterNode) }
        });
    }

    // ------------------------------------------------------------------ wording

    word<K extends MessageKey>(key: K, params: MessageParams<K>): string {
        return t(key, params, this.lang);
    }

    money(pence: bigint | undefined): string {
        return pence === undefined ? this.word('word.unknown', {}) : formatMoney(pence, { currency: this.after.currency });
    }

    /** `+£5,000`, `−£5,000`. */
    signedMoney(pence: bigint): string {
        return pence > 0n ? `+${this.money(pence)}` : pence < 0n ? `−${this.money(-pence)}` : this.money(0n);
    }

    /** The difference of two figures, signed, or `unknown` when either is. */
    difference(before: bigint | undefined, after: bigint | undefined): string {
        return before !== undefined && after !== undefined ? this.signedMoney(after - before) : this.word('word.unknown', {});
    }

    percent(points: Rational | undefined): string {
        return points === undefined ? this.word('word.unknown', {}) : formatPercent(points);
    }

    /** `+5 points`, `−2.5 points`. */
    signedPoints(points: Rational): string {
        const magnitude = formatPercent(points.abs()).replace(/%$/, '');
        return this.word(points.sign() >= 0 ? 'diff.points.more' : 'diff.points.less', { points: magnitude });
    }

    year(start: number | undefined, written?: string): string {
        return start === undefined ? (written ?? this.word('word.unknown', {})) : yearLabel(start);
    }

    /** A partner as a person reads it: its full name, from the later version or else the earlier one. */
    partner(id: string): string {
        return this.after.partners.get(id)?.name ?? this.before.partners.get(id)?.name ?? id;
    }

    partners(ids: readonly string[]): string {
        return ids.length === 0
            ? this.word('word.nobody', {})
            : listOf(
                  ids.map(id => this.partner(id)),
                  this.lang
              );
    }

    kind(kind: ast.PartnerKind | undefined): string {
        return kind === undefined ? this.word('word.unknown', {}) : this.word(`word.kind.${kind}`, {});
    }

    pool(id: string): string {
        return this.after.poolsById.get(id)?.title ?? this.before.poolsById.get(id)?.title ?? id;
    }

    outcome(id: string): string {
        return this.after.outcomesById.get(id)?.description ?? this.before.outcomesById.get(id)?.description ?? id;
    }

    none(): string {
        return this.word('word.none', {});
    }
}

function listOf(items: readonly string[], lang: Lang): string {
    if (items.length <= 1) return items.join('');
    return t('word.list-and', { rest: items.slice(0, -1).join(', '), last: items[items.length - 1] ?? '' }, lang);
}

/** Pounds as programs read them: `1200000.00`; a signed difference `-5000.00`. */
function decimal(pence: bigint | undefined): string | undefined {
    return pence === undefined ? undefined : penceToDecimalString(pence);
}

export function points(value: Rational | undefined): string | undefined {
    return value?.toDecimal(6);
}

function placeOf(model: AgreementModel, node: AstNode | undefined): SourcePlace | null {
    const range = node?.$cstNode?.range;
    if (!node || !range) return null;
    return { file: fileName(model, AstUtils.getDocument(node)), line: range.start.line + 1 };
}

/** A file as a reader names it: the agreement by its file name, an imported file by its path from the agreement. */
export function fileName(model: AgreementModel, document: LangiumDocument): string {
    return document === model.document ? UriUtils.basename(document.uri) : UriUtils.relative(UriUtils.dirname(model.document.uri), document.uri);
}

/**
 * Pairs the items of two versions by a key: each pair once, in the later version's order, then
 * what only the earlier version had, in its order.
 * Each pair also gives the item itself, from the later version when it has it (`either`).
 */
export function pairs<T>(
    before: readonly T[],
    after: readonly T[],
    key: (item: T) => string
): [key: string, before: T | undefined, after: T | undefined, either: T][] {
    const earlier = new Map<string, T>();
    for (const item of before) if (!earlier.has(key(item))) earlier.set(key(item), item);
    const later = new Map<string, T>();
    for (const item of after) if (!later.has(key(item))) later.set(key(item), item);
    const result: [string, T | undefined, T | undefined, T][] = [...later].map(([k, item]) => [k, earlier.get(k), item, item]);
    for (const [k, item] of earlier) if (!later.has(k)) result.push([k, item, undefined, item]);
    return result;
}

/** Money before and after, and the difference, as a change's values. */
export function moneyValues(before: bigint | undefined, after: bigint | undefined): { before?: string; after?: string; difference?: string } {
    return {
        before: decimal(before),
        after: decimal(after),
        difference: before !== undefined && after !== undefined ? decimal(after - before) : undefined
    };
}
