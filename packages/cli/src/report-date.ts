import { message } from './i18n/index.js';
import { UsageError } from './files.js';

/** The last second of 9999: a later date has no four-digit year to print. */
const LAST_SECOND = 253_402_300_799n;

/**
 * When a report is made, as ISO 8601: `SOURCE_DATE_EPOCH` (whole seconds since 1970, as the
 * reproducible-builds convention has it) when it is set, so that the same sources give the same
 * bytes on any machine, otherwise the time of the run. A value that is not a date is the user's
 * mistake, said in one line; an empty one counts as unset, as build tools treat it.
 */
export function reportDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string {
    const value = env.SOURCE_DATE_EPOCH;
    if (value === undefined || value === '') return now().toISOString();
    if (!/^\d{1,12}$/.test(value) || BigInt(value) > LAST_SECOND) throw new UsageError(message('cli.source-date-epoch-invalid', { value }));
    return new Date(Number(value) * 1000).toISOString();
}

/**
 * The date an approval records, `YYYY-MM-DD`: `SOURCE_DATE_EPOCH` when it is set (its day in UTC,
 * read as `reportDate` reads it), otherwise today where the person approving is (the machine's
 * time zone), as they would write the date by hand.
 */
export function approvalDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string {
    const value = env.SOURCE_DATE_EPOCH;
    if (value !== undefined && value !== '') return reportDate(env, now).slice(0, 10);
    const today = now();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${String(today.getFullYear()).padStart(4, '0')}-${two(today.getMonth() + 1)}-${two(today.getDate())}`;
}
