import { parseFinancialYear, yearLabel } from './financial-year.js';

/** Why a text is not a quarter: a catalogue key and its values, shaped as a `Message` (see `YearProblem`). */
export interface QuarterProblem {
    readonly key: 'period.not-a-quarter';
    readonly params: { readonly text: string };
}

/**
 * A reporting period: a UK financial year, or one of its quarters. Q1 is April to June, Q2 July to
 * September, Q3 October to December, Q4 January to March.
 */
export interface ParsedPeriod {
    /** The financial year's starting calendar year. */
    readonly year: number | undefined;
    /** 1 to 4, or undefined for the whole year. */
    readonly quarter: number | undefined;
    /** Why the quarter is not one, when it is not. */
    readonly quarterProblem?: QuarterProblem;
}

export const QUARTER_MONTHS = ['April to June', 'July to September', 'October to December', 'January to March'];

export function parsePeriod(yearText: string, quarterText?: string): ParsedPeriod {
    const year = parseFinancialYear(yearText).start;
    if (quarterText === undefined) return { year, quarter: undefined };
    const match = /^Q([1-4])$/.exec(quarterText);
    if (match) return { year, quarter: Number(match[1]) };
    return {
        year,
        quarter: undefined,
        quarterProblem: { key: 'period.not-a-quarter', params: { text: quarterText } }
    };
}

/**
 * The end of a period counted in quarters since year 0, so that periods can be compared and
 * subtracted exactly: the end of 2013/14 Q2 is 2013 × 4 + 2; the end of the whole year 2013/14 is
 * 2013 × 4 + 4.
 */
export function periodEnd(year: number, quarter?: number): number {
    return year * 4 + (quarter ?? 4);
}

export function periodLabel(year: number, quarter?: number): string {
    return quarter ? `${yearLabel(year)} Q${quarter}` : yearLabel(year);
}
