import { periodEnd } from '../money/reporting-period.js';
import { Rational } from '../money/rational.js';
import type { Direction } from '../generated/ast.js';
import type { QuantityValue, Rag } from './types.js';

/**
 * RAG thresholds, as fractions of the improvement the straight-line trajectory expects by the end
 * of the period: green at 95% or more, amber at 75% or more, red below. Stated in the language
 * reference.
 */
export const GREEN_FROM = Rational.of(95, 100);
export const AMBER_FROM = Rational.of(75, 100);

export interface TrajectoryPoint {
    readonly expected: Rational;
    /** Achieved ÷ expected improvement; undefined when no improvement is expected yet. */
    readonly progress: Rational | undefined;
    readonly rag: Rag;
    /** Improvement achieved in the outcome's direction (negative when it went the wrong way). */
    readonly achieved: Rational;
}

/**
 * Where an outcome should be at the end of a period, on the straight line from its baseline (at
 * the end of the baseline year) to its target (at the end of the target year), and how an actual
 * value compares. Exact: periods are counted in quarters and values are rationals.
 */
export function trajectoryAt(baseline: QuantityValue, target: QuantityValue, direction: Direction, end: number, actual: Rational): TrajectoryPoint | undefined {
    if (!baseline.value || !target.value || baseline.year.start === undefined || target.year.start === undefined) return undefined;
    const start = periodEnd(baseline.year.start);
    const finish = periodEnd(target.year.start);
    if (finish <= start) return undefined;
    const elapsed = Math.min(Math.max(end - start, 0), finish - start);
    const expected = baseline.value.add(target.value.sub(baseline.value).mul(Rational.of(elapsed, finish - start)));
    const sign = Rational.of(direction === 'increase' ? 1 : -1);
    const expectedImprovement = expected.sub(baseline.value).mul(sign);
    const achieved = actual.sub(baseline.value).mul(sign);
    if (expectedImprovement.sign() <= 0) {
        return { expected, progress: undefined, rag: achieved.sign() >= 0 ? 'green' : 'red', achieved };
    }
    const progress = achieved.div(expectedImprovement);
    const rag: Rag = progress.ge(GREEN_FROM) ? 'green' : progress.ge(AMBER_FROM) ? 'amber' : 'red';
    return { expected, progress, rag, achieved };
}
