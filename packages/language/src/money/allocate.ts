import { gcd, Rational, sumRationals } from './rational.js';

/**
 * Splits a whole number of pence into parts proportional to `weights`, so that the parts add up
 * to the whole exactly.
 *
 * The rule (stated in the language reference): each part is first rounded down to the penny; the
 * pence left over go one each to the parts with the largest remainders; among equal remainders
 * the part declared first comes first (the largest-remainder, or Hamilton, method). A negative
 * total is split as its magnitude and the parts negated.
 */
export function allocate(totalPence: bigint, weights: readonly Rational[]): bigint[] {
    if (weights.length === 0) {
        return [];
    }
    // The weights over one denominator, the least common multiple of theirs: whole numbers in the
    // same proportions. Each exact part is then `magnitude × weight ÷ sum` over the one
    // denominator `sum`, so its floor and remainder are integer division, and remainders compare
    // as integers: the same parts, in the same order, as the fractions give, without reducing a
    // fraction for each part (a share's split was a tenth of a keystroke's model).
    let common = 1n;
    for (const weight of weights) common = (common / gcd(common, weight.den)) * weight.den;
    const scaled = weights.map(weight => weight.num * (common / weight.den));
    const weightSum = scaled.reduce((sum, weight) => sum + weight, 0n);
    if (weightSum === 0n) {
        throw new RangeError('cannot allocate by weights that sum to zero');
    }
    if (scaled.some(weight => weight < 0n)) {
        throw new RangeError('cannot allocate by a negative weight');
    }
    const negative = totalPence < 0n;
    const magnitude = negative ? -totalPence : totalPence;
    const parts = scaled.map((weight, index) => {
        const exact = magnitude * weight;
        const floor = exact / weightSum;
        return { index, floor, remainder: exact - floor * weightSum };
    });
    // The exact parts add up to the whole and each floor is less than a penny below its part, so
    // fewer pence are left over than there are parts: one each to the largest remainders.
    const leftOver = magnitude - parts.reduce((sum, part) => sum + part.floor, 0n);
    const rounded = new Set(
        [...parts]
            .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder < b.remainder ? 1 : -1))
            .slice(0, Number(leftOver))
            .map(part => part.index)
    );
    const pence = parts.map(part => part.floor + (rounded.has(part.index) ? 1n : 0n));
    return negative ? pence.map(part => -part) : pence;
}

/** One figure rounded to the penny, halves away from zero (the rule for a single computed figure). */
export function roundToPence(poundsOrPence: Rational, unit: 'pounds' | 'pence' = 'pounds'): bigint {
    return (unit === 'pounds' ? poundsOrPence.mul(Rational.HUNDRED) : poundsOrPence).roundHalfAwayFromZero();
}

/**
 * Rounds exact figures (in pence) to whole pence so that they add up to their exact sum rounded
 * to the penny (halves away from zero): each is rounded down, and the pence still missing go one
 * each to the figures with the largest remainders, the first written first among equals. A table
 * rounded this way adds up to its own total.
 */
export function roundParts(parts: readonly Rational[]): bigint[] {
    const total = sumRationals(parts).roundHalfAwayFromZero();
    const floors = parts.map(part => part.floor());
    const leftOver = total - floors.reduce((sum, value) => sum + value, 0n);
    const order = parts
        .map((part, index) => ({ index, remainder: part.sub(Rational.of(floors[index] ?? 0n)) }))
        .sort((a, b) => b.remainder.compare(a.remainder) || a.index - b.index)
        .slice(0, Number(leftOver))
        .map(part => part.index);
    const bumped = new Set(order);
    return floors.map((value, index) => value + (bumped.has(index) ? 1n : 0n));
}
