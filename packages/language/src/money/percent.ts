import { Rational } from './rational.js';

/** Percentages are exact: `33.33%` is 3333/100 percentage points, never a float. */
export interface ParsedPercent {
    readonly text: string;
    /** Percentage points: `25%` is 25. */
    readonly points: Rational | undefined;
}

export function parsePercent(text: string): ParsedPercent {
    const match = /^(-)?([0-9][0-9,]*)(?:\.([0-9]+))?%$/.exec(text.trim());
    if (!match) {
        return { text, points: undefined };
    }
    // The whole digits take part in every match; the sign and the fraction are optional.
    const [, sign, whole = '', fraction] = match;
    const value = Rational.parseDecimal(`${whole.replace(/,/g, '')}${fraction ? '.' + fraction : ''}`);
    return { text, points: sign ? value.neg() : value };
}

/**
 * `25%`, `33.33%`; a value that does not terminate within `places` decimals is rounded (half away
 * from zero) and marked with `≈` so a reader knows it is not exact.
 */
export function formatPercent(points: Rational, places = 2): string {
    const exact = points.hasAtMostPlaces(places);
    return `${exact ? '' : '≈'}${points.toDecimal(places)}%`;
}
