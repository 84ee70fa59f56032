/**
 * Why a text is not a financial year, as the catalogue key that words it and the key's values. It is
 * shaped as the catalogue's `Message` (i18n/en.ts), which readers word with `render`, so
 * money/ needs nothing from i18n/; the compiler checks the keys and values wherever one is used
 * as a `Message`.
 */
export type YearProblem =
    | { readonly key: 'year.not-a-year'; readonly params: { readonly text: string } }
    | { readonly key: 'year.two-digits'; readonly params: { readonly text: string; readonly expected: string } }
    | {
          readonly key: 'year.not-consecutive';
          readonly params: { readonly text: string; readonly first: number; readonly next: number; readonly expected: string };
      };

/**
 * UK financial years run from April to March and are written `2013/14`. A year is held as the
 * calendar year it starts in (2013 for 2013/14).
 */
export interface ParsedYear {
    readonly text: string;
    /** The starting calendar year, when the text is a well-formed financial year. */
    readonly start: number | undefined;
    /** Why it is not one, with the form the writer probably meant (worded in i18n/en.ts). */
    readonly problem?: YearProblem;
}

export function parseFinancialYear(text: string): ParsedYear {
    const match = /^(\d{4})\/(\d+)$/.exec(text.trim());
    if (!match) {
        return { text, start: undefined, problem: { key: 'year.not-a-year', params: { text } } };
    }
    // Both groups take part in every match.
    const [, firstDigits = '', second = ''] = match;
    const first = Number(firstDigits);
    const expected = yearLabel(first);
    if (second.length === 2 && Number(second) === (first + 1) % 100) {
        return { text, start: first };
    }
    if (second.length === 4 && Number(second) === first + 1) {
        return { text, start: undefined, problem: { key: 'year.two-digits', params: { text, expected } } };
    }
    return {
        text,
        start: undefined,
        problem: { key: 'year.not-consecutive', params: { text, first, next: first + 1, expected } }
    };
}

/** 2013 → `2013/14`; 1999 → `1999/00`. */
export function yearLabel(start: number): string {
    return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** All financial years from `first` to `last` inclusive. */
export function yearsBetween(first: number, last: number): number[] {
    const years: number[] = [];
    for (let year = first; year <= last; year++) {
        years.push(year);
    }
    return years;
}
