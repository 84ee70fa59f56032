import { t } from '../i18n/index.js';
import { allocate } from '../money/allocate.js';
import { formatPercent } from '../money/percent.js';
import { Rational, sumRationals } from '../money/rational.js';
import type { ShareInfo } from '../model/types.js';
import { defineCheck } from './check.js';
import { shareReadWhole } from './describe.js';

/** The partners' percentages and any reinvestment must come to exactly 100%. */
export const sharesNot100 = defineCheck({
    code: 'shares-not-100',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const share of model.shares) {
            const total = share.totalPoints;
            if (total === undefined || total.equals(Rational.HUNDRED) || !shareReadWhole(share)) continue;
            const reinvest = share.reinvest && !share.reinvest.isZero() ? share.reinvest : undefined;
            const difference = total.sub(Rational.HUNDRED);
            const short = difference.sign() < 0;
            const words = {
                kind: share.kind,
                subject: share.subjectId,
                total: formatPercent(total),
                difference: formatPercent(difference.abs())
            };
            report({
                node: share.node,
                property: 'kind',
                message: reinvest
                    ? t(short ? 'shares-not-100.short-reinvested' : 'shares-not-100.over-reinvested', { ...words, reinvested: formatPercent(reinvest) }, lang)
                    : t(short ? 'shares-not-100.short' : 'shares-not-100.over', words, lang),
                related: share.lines.flatMap(line =>
                    line.node
                        ? [
                              {
                                  node: line.node,
                                  property: 'percent',
                                  message: line.points
                                      ? t('shares-not-100.line', { partner: line.partnerId, percent: formatPercent(line.points) }, lang)
                                      : t('shares-not-100.no-percentage', { partner: line.partnerId }, lang)
                              }
                          ]
                        : []
                ),
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
