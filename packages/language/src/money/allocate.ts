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
    const exact = weights.map(weight => magnitude.mul(weight).div(weightSum));
    const parts = exact.map(share => share.floor());
    let leftOver = (negative ? -totalPence : totalPence) - parts.reduce((a, b) => a + b, 0n);
    const order = exact
        .map((share, index) => ({ index, remainder: share.sub(Rational.of(parts[index])) }))
        .sort((a, b) => b.remainder.compare(a.remainder) || a.index - b.index);
    for (let i = 0; leftOver > 0n; i = (i + 1) % order.length) {
        parts[order[i].index] += 1n;
        leftOver -= 1n;
    }
    return negative ? parts.map(part => -part) : parts;
}

/** One figure rounded to the penny, halves away from zero (the rule for a single computed figure). */
export function roundToPence(poundsOrPence: Rational, unit: 'pounds' | 'pence' = 'pounds'): bigint {
    return (unit === 'pounds' ? poundsOrPence.mul(Rational.HUNDRED) : poundsOrPence).roundHalfAwayFromZero();
}
