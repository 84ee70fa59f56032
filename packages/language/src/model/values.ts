import type { AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import { message, type Message } from '../i18n/index.js';
import { type AmountProblem, type Currency, groupThousands, parseAmount } from '../money/amount.js';
import { parseFinancialYear } from '../money/financial-year.js';
import type { AmountValue, YearValue } from './types.js';

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

    year(node: AstNode, property: string, text: string | undefined): YearValue {
        const parsed = parseFinancialYear(text ?? '');
        const value: YearValue = { node, property, parsed, start: parsed.start };
        if (text !== undefined) {
            this.years.push(value);
        }
        return value;
    }
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
