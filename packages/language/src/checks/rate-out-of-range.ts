import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { formatQuantity } from '../money/quantity.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';
import { year } from './describe.js';

const outside = (points: Rational) => points.sign() < 0 || points.gt(Rational.HUNDRED);

/** An appraisal's rates are fractions of a whole, its cohorts counts of people, and its benefits last whole years. */
export const rateOutOfRange = defineCheck({
    code: 'rate-out-of-range',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const appraisal of model.appraisals) {
            const pool = appraisal.poolId;
            for (const [kind, rate] of appraisal.rates) {
                if (rate.points === undefined || !outside(rate.points)) continue;
                report({ node: rate.node, property: 'value', message: t(`rate-out-of-range.${kind}`, { pool, value: formatPercent(rate.points) }, lang) });
            }
            const discount = appraisal.discount;
            if (discount.node && discount.points !== undefined && outside(discount.points)) {
                report({
                    node: discount.node,
                    property: 'rate',
                    message: t('rate-out-of-range.discount', { pool, value: formatPercent(discount.points) }, lang)
                });
            }
            for (const cohort of appraisal.cohorts) {
                if (cohort.size === undefined || cohort.size.sign() >= 0 || cohort.year.start === undefined) continue;
                report({
                    node: cohort.node,
                    property: 'count',
                    message: t('rate-out-of-range.cohort', { pool, year: year(cohort.year.start), value: formatQuantity(cohort.size) }, lang)
                });
            }
            for (const clause of appraisal.returns) {
                if (clause.points === undefined || !outside(clause.points)) continue;
                report({
                    node: clause.node,
                    property: 'percent',
                    message: t('rate-out-of-range.return', { pool, partner: clause.partnerId, value: formatPercent(clause.points) }, lang)
                });
            }
            const duration = appraisal.duration;
            if (appraisal.durationNode && duration !== undefined && (!duration.isInteger() || duration.sign() <= 0)) {
                report({
                    node: appraisal.durationNode,
                    property: 'years',
                    message: t('rate-out-of-range.duration', { pool, value: formatQuantity(duration) }, lang)
                });
            }
        }
    }
});
