import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { Rational, sumRationals } from '../money/rational.js';
import { allocate } from '../money/allocate.js';
import { defineCheck } from './check.js';

/**
 * A spend line paid from several streams gives each its percentage, and they make exactly 100%.
 * The quick fix scales the percentages written in proportion so that they do, as shares-not-100's
 * does for a share clause; a stream without a percentage has none to scale, so no fix is offered.
 */
export const jointSplitNot100 = defineCheck({
    code: 'joint-split-not-100',
    severity: 'error',
    tier: 'domain',
    fix: 'quick-fix',
    run(model, report, lang) {
        const lines = [...model.pools.flatMap(pool => pool.spendBlocks), ...model.spendBlocks].flatMap(block => block.lines);
        for (const line of lines) {
            if (line.funding.length === 0) continue;
            const missing = line.funding.find(share => share.points === undefined);
            if (missing) {
                report({ node: missing.node, message: t('joint-split-not-100.missing', { line: line.name, stream: missing.streamId }, lang) });
                continue;
            }
            const parts = line.funding.flatMap(share => (share.points === undefined ? [] : [{ streamId: share.streamId, points: share.points }]));
            const total = sumRationals(parts.map(share => share.points));
            if (total.equals(Rational.HUNDRED)) continue;
            report({
                node: line.node,
                property: 'funding',
                message: t(
                    'joint-split-not-100',
                    {
                        line: line.name,
                        total: formatPercent(total),
                        parts: parts.map(share => `${share.streamId} ${formatPercent(share.points)}`).join(', ')
                    },
                    lang
                ),
                data: rebalance(parts.map(share => share.points))
            });
        }
    }
});

/**
 * The percentages scaled to make exactly 100%, to two decimal places, split by the largest-remainder
 * rule so that they add up exactly; undefined when there is nothing to scale (all zero, or a negative).
 */
function rebalance(points: readonly Rational[]): { rebalanced: string[] } | undefined {
    if (points.some(point => point.sign() < 0) || sumRationals(points).isZero()) return undefined;
    return { rebalanced: allocate(10_000n, points).map(hundredths => formatPercent(Rational.of(hundredths, 100n))) };
}
