import { allocate } from '../money/allocate.js';
import { formatPercent } from '../money/percent.js';
import { Rational, sumRationals } from '../money/rational.js';
import type { ShareInfo } from '../model/types.js';
import { defineCheck } from './check.js';

export function shareTitle(share: ShareInfo): string {
    return `share of ${share.kind} of ${share.subjectId}`;
}

/** The partners' percentages and any reinvestment must come to exactly 100%. */
export const sharesNot100 = defineCheck({
    code: 'shares-not-100',
    severity: 'error',
    tier: 'core',
    summary: 'The percentages of a share clause, with any reinvestment, do not sum to exactly 100%.',
    run(model, report) {
        for (const share of model.shares) {
            const total = share.totalPoints;
            if (total === undefined || total.equals(Rational.HUNDRED)) continue;
            const reinvested = share.reinvest && !share.reinvest.isZero() ? ` (including ${formatPercent(share.reinvest)} reinvested)` : '';
            const difference = total.sub(Rational.HUNDRED);
            report({
                node: share.node,
                property: 'kind',
                message: `the ${shareTitle(share)} sums to ${formatPercent(total)}${reinvested}: ${formatPercent(difference.abs())} ${difference.sign() < 0 ? 'short of' : 'over'} 100%`,
                related: share.lines.filter(line => line.node).map(line => ({ node: line.node!, property: 'percent', message: `${line.partnerId}: ${line.points ? formatPercent(line.points) : 'no percentage'}` })),
                data: { totalPoints: total.toDecimal(6), rebalanced: rebalance(share) }
            });
        }
    }
});

/**
 * The written percentages scaled so that, with any reinvestment left as it is, they make exactly
 * 100%, each to two decimal places (split by the largest-remainder rule, so they add up exactly):
 * the quick fix offers them. One entry per share line, in order; undefined when the clause
 * cannot be rebalanced that way (pro rata, a line without a percentage, or nothing to scale).
 */
function rebalance(share: ShareInfo): string[] | undefined {
    if (share.proRata || share.reinvest === undefined || share.lines.length === 0) return undefined;
    const written = share.lines.map(line => line.written);
    if (written.some(points => points === undefined || points.sign() < 0)) return undefined;
    const weights = written as Rational[];
    const distributable = Rational.HUNDRED.sub(share.reinvest).mul(Rational.HUNDRED);
    if (sumRationals(weights).isZero() || !distributable.isInteger() || distributable.sign() < 0) return undefined;
    return allocate(distributable.num, weights).map(hundredths => formatPercent(Rational.of(hundredths, 100n)));
}
