import { Rational } from './rational.js';

/**
 * Amounts as written and as exact pence.
 *
 * Forms accepted: `£1,200,000`, `£1,200,000.50`, `£1.2m`, `£350k`, `£1.5bn`, `1200000 GBP`,
 * `-£5,000` (negative, reported by the bad-amount check), and a bare number, which is read in
 * the agreement's currency. Money is held as BigInt pence; nothing here uses binary floating point.
 */

export type Currency = 'GBP' | 'EUR' | 'USD';

export const CURRENCY_SYMBOLS: Record<Currency, string> = { GBP: '£', EUR: '€', USD: '$' };

const SYMBOL_CURRENCY: Record<string, Currency> = { '£': 'GBP', '€': 'EUR', $: 'USD' };

const SUFFIX_MULTIPLIER: Record<string, bigint> = { k: 1_000n, m: 1_000_000n, bn: 1_000_000_000n };

/**
 * The largest amount Pool reads: under £1,000 trillion, 15 digits before the point. No public
 * budget comes near it, and past it an amount is a typing mistake or an attack (a million digits
 * made every figure after it slow to compute and print).
 */
export const MAX_AMOUNT_POUNDS = 10n ** 15n;

/** Why an amount cannot take part in totals. Each becomes a `bad-amount` diagnostic. */
export type AmountProblem =
    | { kind: 'negative' }
    | { kind: 'too-large' }
    | { kind: 'sub-penny'; places: number }
    | { kind: 'grouping' }
    | { kind: 'conflicting-currency'; symbol: Currency; code: Currency }
    | { kind: 'malformed' };

export interface ParsedAmount {
    /** The text as written, for messages. */
    readonly text: string;
    /** The exact value in pounds (or the unit of its currency), as written, sign included. */
    readonly value: Rational | undefined;
    /** Exact pence, when the value is a whole number of pence. */
    readonly pence: bigint | undefined;
    /** The currency the text names by symbol or code; undefined for a bare number. */
    readonly currency: Currency | undefined;
    readonly problems: readonly AmountProblem[];
}

// The space after the sign is read only after a sign: `\s*([£$€])?\s*` would split a run of spaces
// between two `\s*` in every way before failing, which is quadratic in the run.
export const AMOUNT_TEXT = /^(-)?\s*(?:([£$€])\s*)?(-)?([0-9][0-9,]*)(?:\.([0-9]+))?(bn|m|k)?$/;

/**
 * Parses the text of an amount token (`£1.2m`, `1,200,000`) and an optional currency code that
 * followed it (`GBP`).
 */
export function parseAmount(text: string, code?: string): ParsedAmount {
    const trimmed = text.trim();
    const match = AMOUNT_TEXT.exec(trimmed);
    const written = code ? `${trimmed} ${code}` : trimmed;
    if (!match) {
        return { text: written, value: undefined, pence: undefined, currency: undefined, problems: [{ kind: 'malformed' }] };
    }
    // The whole digits take part in every match; the other groups are optional.
    const [, signBefore, symbol, signAfter, wholeDigits = '', fractionDigits = '', suffix] = match;
    const problems: AmountProblem[] = [];
    if (!isWellGrouped(wholeDigits)) {
        problems.push({ kind: 'grouping' });
    }
    const symbolCurrency = symbol ? SYMBOL_CURRENCY[symbol] : undefined;
    const codeCurrency = code as Currency | undefined;
    if (symbolCurrency && codeCurrency && symbolCurrency !== codeCurrency) {
        problems.push({ kind: 'conflicting-currency', symbol: symbolCurrency, code: codeCurrency });
    }
    const negative = Boolean(signBefore) !== Boolean(signAfter);
    // Too many digits to be an amount: refused before any arithmetic on them.
    if (significantDigits(wholeDigits) > 15) {
        problems.push({ kind: 'too-large' });
        return { text: written, value: undefined, pence: undefined, currency: symbolCurrency ?? codeCurrency, problems };
    }
    if (suffix === undefined && fractionDigits.length <= 2) {
        // The common case, pounds and at most two places of pence: exact pence straight from the
        // digits (at most 15 significant whole digits, so under the largest amount and never a
        // fraction of a penny), with no arithmetic on fractions.
        const digits = BigInt(`${wholeDigits.replace(/,/g, '')}${fractionDigits.padEnd(2, '0')}`);
        const pence = negative ? -digits : digits;
        if (negative && digits !== 0n) problems.push({ kind: 'negative' });
        return { text: written, value: Rational.ofPence(pence), pence, currency: symbolCurrency ?? codeCurrency, problems };
    }
    const fractionPlaces = lastNonZero(fractionDigits);
    const suffixPlaces = suffix ? (SUFFIX_MULTIPLIER[suffix]?.toString().length ?? 1) - 1 : 0;
    if (fractionPlaces - suffixPlaces > 30) {
        // Far past the penny: how far is all a message needs.
        problems.push({ kind: 'sub-penny', places: fractionPlaces - suffixPlaces });
        return { text: written, value: undefined, pence: undefined, currency: symbolCurrency ?? codeCurrency, problems };
    }
    let value = Rational.parseDecimal(`${wholeDigits.replace(/,/g, '')}${fractionDigits ? '.' + fractionDigits : ''}`);
    const multiplier = suffix ? SUFFIX_MULTIPLIER[suffix] : undefined;
    if (multiplier !== undefined) {
        value = value.mul(Rational.of(multiplier));
    }
    if (negative) {
        value = value.neg();
        if (!value.isZero()) {
            problems.push({ kind: 'negative' });
        }
    }
    if (value.abs().compare(Rational.of(MAX_AMOUNT_POUNDS)) >= 0) {
        problems.push({ kind: 'too-large' });
        return { text: written, value: undefined, pence: undefined, currency: symbolCurrency ?? codeCurrency, problems };
    }
    let pence: bigint | undefined;
    const inPence = value.mul(Rational.HUNDRED);
    if (inPence.isInteger()) {
        pence = inPence.num;
    } else {
        problems.push({ kind: 'sub-penny', places: decimalPlaces(value) });
    }
    return { text: written, value, pence, currency: symbolCurrency ?? codeCurrency, problems };
}

/** How many digits a run of digits and commas has, leaving out commas and leading zeros. */
function significantDigits(digits: string): number {
    let count = 0;
    for (let i = 0; i < digits.length; i++) {
        const code = digits.charCodeAt(i);
        if (code >= 0x31 && code <= 0x39) count++;
        else if (code === 0x30 && count > 0) count++;
    }
    return count;
}

/** How many places a fraction's digits have, leaving out trailing zeros. */
function lastNonZero(fraction: string): number {
    let end = fraction.length;
    while (end > 0 && fraction.charCodeAt(end - 1) === 0x30) end--;
    return end;
}

/** `1,200,000` is well grouped; `12,00,000` and `1,2000` are not. Digits without commas always are. */
function isWellGrouped(digits: string): boolean {
    if (!digits.includes(',')) {
        return true;
    }
    return /^[0-9]{1,3}(,[0-9]{3})*$/.test(digits);
}

function decimalPlaces(value: Rational): number {
    let places = 0;
    while (!value.hasAtMostPlaces(places) && places < 30) {
        places++;
    }
    return places;
}

export interface FormatMoneyOptions {
    /** `auto` (default) shows pence only when there are any; `always` shows them always. */
    readonly pence?: 'auto' | 'always';
    readonly currency?: Currency;
}

/** `£1,200,000`, `£1,200,000.50`, `-£50,000`, `€2,000`. */
export function formatMoney(pence: bigint, options: FormatMoneyOptions = {}): string {
    const symbol = CURRENCY_SYMBOLS[options.currency ?? 'GBP'];
    const negative = pence < 0n;
    const magnitude = negative ? -pence : pence;
    const pounds = magnitude / 100n;
    const remainder = magnitude % 100n;
    const showPence = options.pence === 'always' || remainder !== 0n;
    const body = groupThousands(pounds.toString()) + (showPence ? '.' + remainder.toString().padStart(2, '0') : '');
    return `${negative ? '-' : ''}${symbol}${body}`;
}

/** Pence as a plain decimal string for machines: `1200000.00`, `-0.30`. */
export function penceToDecimalString(pence: bigint): string {
    const negative = pence < 0n;
    const magnitude = negative ? -pence : pence;
    return `${negative ? '-' : ''}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

/** `1200000` → `1,200,000`, in time linear in the number of digits. */
export function groupThousands(digits: string): string {
    const first = digits.length % 3 || 3;
    const groups = [digits.slice(0, first)];
    for (let i = first; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
    return groups.join(',');
}

export function sumPence(values: Iterable<bigint>): bigint {
    let total = 0n;
    for (const value of values) {
        total += value;
    }
    return total;
}
