import { Rational, sumRationals } from './rational.js';

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
    const weightSum = sumRationals(weights);
    if (weightSum.isZero()) {
        throw new RangeError('cannot allocate by weights that sum to zero');
    }
    if (weights.some(weight => weight.sign() < 0)) {
        throw new RangeError('cannot allocate by a negative weight');
    }
    const negative = totalPence < 0n;
    const magnitude = Rational.of(negative ? -totalPence : totalPence);
    const parts = weights.map((weight, index) => {
        const exact = magnitude.mul(weight).div(weightSum);
        const floor = exact.floor();
        return { index, floor, remainder: exact.sub(Rational.of(floor)) };
    });
    // The exact parts add up to the whole and each floor is less than a penny below its part, so
    // fewer pence are left over than there are parts: one each to the largest remainders.
    const leftOver = (negative ? -totalPence : totalPence) - parts.reduce((sum, part) => sum + part.floor, 0n);
    const rounded = new Set(
        [...parts]
            .sort((a, b) => b.remainder.compare(a.remainder) || a.index - b.index)
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
