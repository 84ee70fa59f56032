import { groupThousands } from './amount.js';
import { Rational } from './rational.js';

/** Outcome values: `58`, `1,500`, `12.5`, `35%`; exact. */
export interface ParsedQuantity {
    readonly text: string;
    readonly value: Rational | undefined;
    readonly isPercent: boolean;
}

export function parseQuantity(text: string): ParsedQuantity {
    const trimmed = text.trim();
    const match = /^(-)?([0-9][0-9,]*)(?:\.([0-9]+))?(bn|m|k|%)?$/.exec(trimmed);
    if (!match) {
        return { text, value: undefined, isPercent: false };
    }
    // The whole digits take part in every match; the sign, the fraction and the suffix are optional.
    const [, sign, whole = '', fraction, suffix] = match;
    let value = Rational.parseDecimal(`${whole.replace(/,/g, '')}${fraction ? '.' + fraction : ''}`);
    if (suffix === 'k') value = value.mul(Rational.of(1_000n));
    if (suffix === 'm') value = value.mul(Rational.of(1_000_000n));
    if (suffix === 'bn') value = value.mul(Rational.of(1_000_000_000n));
    return { text, value: sign ? value.neg() : value, isPercent: suffix === '%' };
}

/** `1,500`, `12.5`, `35%`. */
export function formatQuantity(value: Rational, isPercent = false): string {
    const decimal = value.toDecimal(4);
    const [whole = '', fraction] = decimal.replace('-', '').split('.');
    const grouped = groupThousands(whole);
    return `${decimal.startsWith('-') ? '-' : ''}${grouped}${fraction ? '.' + fraction : ''}${isPercent ? '%' : ''}`;
}
