import { type Currency, formatMoney, groupThousands, type Lang, withoutTrailingZeros } from '@pool/language';
import { t } from './i18n/index.js';
import type { Money } from './report-data.js';

/** Pence from a decimal string of pounds as ReportData holds it ("1200000.00", "-0.30"). */
export function pence(amount: string): bigint {
    const negative = amount.startsWith('-');
    const [pounds = '0', fraction = '0'] = amount.replace('-', '').split('.');
    const value = BigInt(pounds) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
    return negative ? -value : value;
}

/** `£1,200,000` from "1200000.00"; an unknowable amount (null) shows as "unknown". */
export function formatAmount(amount: Money, currency: string, unknown: string): string {
    return amount === null ? unknown : formatMoney(pence(amount), { currency: currency as Currency });
}

/** "40%" from "40.0000", trailing zeros dropped; a figure that needs more places keeps two. */
export function formatPercentText(percent: string): string {
    const [whole = '0', fraction = ''] = percent.split('.');
    const trimmed = withoutTrailingZeros(fraction);
    if (trimmed.length <= 2) return `${whole}${trimmed ? '.' + trimmed : ''}%`;
    // More than two places: round half away from zero to two and say it is approximate.
    const scaled = BigInt(whole.replace('-', '') + fraction.padEnd(4, '0').slice(0, 4));
    const rounded = (scaled + 50n) / 100n;
    const places = withoutTrailingZeros((rounded % 100n).toString().padStart(2, '0'));
    const text = `${rounded / 100n}${places ? '.' + places : ''}`;
    return `≈${whole.startsWith('-') ? '-' : ''}${text}%`;
}

/** `1,600` from "1600", `12.5` from "12.5": a count as ReportData holds it, grouped; unknowable (null) shows as "unknown". */
export function formatCount(value: string | null, unknown: string): string {
    if (value === null) return unknown;
    const negative = value.startsWith('-');
    const [whole = '0', fraction] = value.replace('-', '').split('.');
    return `${negative ? '-' : ''}${groupThousands(whole)}${fraction ? '.' + fraction : ''}`;
}

/** One catalogue entry per month, so a translator words the whole date ("3 December 2026", "3 Rhagfyr 2026"). */
const DATE_KEYS = [
    'report.date.1',
    'report.date.2',
    'report.date.3',
    'report.date.4',
    'report.date.5',
    'report.date.6',
    'report.date.7',
    'report.date.8',
    'report.date.9',
    'report.date.10',
    'report.date.11',
    'report.date.12'
] as const;

/** The day of an instant (ISO 8601) in words, in UTC so that every machine prints the same day. */
export function formatReportDate(iso: string, lang: Lang): string {
    const date = new Date(iso);
    const key = DATE_KEYS[date.getUTCMonth()];
    if (key === undefined || Number.isNaN(date.getTime())) throw new RangeError(`${iso} is not a date`);
    return t(key, { day: date.getUTCDate(), year: date.getUTCFullYear() }, lang);
}
