import type { AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import { message, type Message } from '../i18n/index.js';
import { type AmountProblem, type Currency, groupThousands, parseAmount } from '../money/amount.js';
import { parseFinancialYear } from '../money/financial-year.js';
import type { AmountValue, OutcomeInfo, PoolYearBlock, YearValue } from './types.js';

/** Adds two figures; unknown if either is. */
export function addKnown(a: bigint | undefined, b: bigint | undefined): bigint | undefined {
    return a === undefined || b === undefined ? undefined : a + b;
}

/** Sums figures; unknown if any is. An empty sum is zero. */
export function sumKnown(values: Iterable<bigint | undefined>): bigint | undefined {
    let total: bigint | undefined = 0n;
    for (const value of values) {
        total = addKnown(total, value);
    }
    return total;
}

/** Adds `value` to the figure kept under `key`, starting from nothing. */
export function mapAdd<K>(map: Map<K, bigint | undefined>, key: K, value: bigint | undefined): void {
    map.set(key, map.has(key) ? addKnown(map.get(key), value) : value);
}

/** How far `actual` falls short of `required` (zero when it does not); unknown if either is. */
export function shortfall(required: bigint | undefined, actual: bigint | undefined): bigint | undefined {
    if (required === undefined || actual === undefined) return undefined;
    return actual < required ? required - actual : 0n;
}

/**
 * Numbers the items that share a key in order (0, 1, 2…), so that the second line for a partner in
 * a year can be told from the first when two versions of an agreement are compared.
 */
export function occurrences<T>(items: readonly T[], key: (item: T) => string): number[] {
    const seen = new Map<string, number>();
    return items.map(item => {
        const k = key(item);
        const n = seen.get(k) ?? 0;
        seen.set(k, n + 1);
        return n;
    });
}

/**
 * Reads the amounts and years of one model, remembering each one read so that the `bad-amount`
 * and `bad-financial-year` checks see every amount and year exactly once.
 */
export class ValueReader {
    readonly amounts: AmountValue[] = [];
    readonly years: YearValue[] = [];

    constructor(readonly currency: Currency) {}

    /**
     * Reads an amount. Where the parser recovered from a syntax error and the amount is missing,
     * the value is unknown (the syntax error is already reported) and `owner` stands in for it.
     */
    amount(node: ast.Amount | undefined, owner: AstNode): AmountValue {
        if (!node || node.value === undefined) {
            return { node: node ?? owner, parsed: parseAmount(''), pence: undefined, problems: [] };
        }
        const parsed = parseAmount(node.value, node.currency);
        const problems = parsed.problems.map(problem => describeAmountProblem(parsed.text, problem));
        if (parsed.currency && parsed.currency !== this.currency && !parsed.problems.some(p => p.kind === 'conflicting-currency')) {
            problems.push(message('amount.other-currency', { text: parsed.text, currency: parsed.currency, agreementCurrency: this.currency }));
        }
        const value: AmountValue = { node, parsed, pence: problems.length === 0 ? parsed.pence : undefined, problems };
        this.amounts.push(value);
        return value;
    }

    optionalAmount(node: ast.Amount | undefined): AmountValue | undefined {
        return node ? this.amount(node, node) : undefined;
    }

    /** Takes in the amounts and years another reader met, after those met so far. */
    add(other: { readonly amounts: readonly AmountValue[]; readonly years: readonly YearValue[] }): void {
        for (const amount of other.amounts) this.amounts.push(amount);
        for (const year of other.years) this.years.push(year);
    }

    year(node: AstNode, property: string, text: string | undefined): YearValue {
        const parsed = parseFinancialYear(text ?? '');
        const value: YearValue = { node, property, parsed, start: parsed.start };
        if (text !== undefined) {
            this.years.push(value);
        }
        return value;
    }
}

/** What {@link ReadCache.read} kept of one node's reading. */
interface KeptReading<T> {
    readonly currency: Currency;
    readonly document: object;
    readonly result: T;
    readonly amounts: readonly AmountValue[];
    readonly years: readonly YearValue[];
}

/**
 * The parts of a model read from one declaration alone (its text, through its syntax node, in the
 * agreement's currency), kept from one model to the next for as long as the node lives: an edit
 * inside one declaration re-parses only that declaration (`pool-incremental-parse.ts`), so the
 * others keep their syntax nodes and their text, and reading them again would give the same
 * figures. A node is never changed once parsed (linking sets its references' targets, which
 * nothing read here follows: only their names), so the same node, document and currency give the
 * same reading; anything else is read afresh. The amounts and years the reading met are given to
 * the model's reader again, in the order they were met, so its checks see each exactly once, as
 * without it.
 *
 * What is kept must not be changed by the model after it is read, as it is shared by the models
 * of successive edits. Kept by the model provider of one workspace (see {@link KeptReadings}).
 */
export class ReadCache<K extends object, T> {
    private readonly kept = new WeakMap<K, KeptReading<T>>();

    read(node: K, document: object, values: ValueReader, read: (values: ValueReader) => T): T {
        const kept = this.kept.get(node);
        if (kept?.currency === values.currency && kept.document === document) {
            values.add(kept);
            return kept.result;
        }
        const own = new ValueReader(values.currency);
        const result = read(own);
        values.add(own);
        this.kept.set(node, { currency: values.currency, document, result, amounts: own.amounts, years: own.years });
        return result;
    }
}

/**
 * The readings of declarations one model provider keeps from one model to the next (see
 * {@link ReadCache}): each pool's year blocks with their contributions, and each outcome. A model
 * built without them reads everything afresh.
 */
export class KeptReadings {
    readonly poolYears = new ReadCache<ast.Pool, readonly PoolYearBlock[]>();
    readonly outcomes = new ReadCache<ast.Outcome, OutcomeInfo>();
}

function describeAmountProblem(text: string, problem: AmountProblem): Message {
    switch (problem.kind) {
        case 'negative':
            return message('amount.negative', { text });
        case 'too-large':
            return message('amount.too-large', { text });
        case 'sub-penny':
            return message('amount.sub-penny', { text, places: problem.places });
        case 'grouping': {
            const digits = /[0-9][0-9,]*/.exec(text)?.[0] ?? '';
            return message('amount.grouping', { text, grouped: groupThousands(digits.replace(/,/g, '')) });
        }
        case 'conflicting-currency':
            return message('amount.conflicting-currency', { text, symbol: problem.symbol, code: problem.code });
        case 'malformed':
            return message('amount.malformed', { text });
    }
}
