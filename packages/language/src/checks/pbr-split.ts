import { t } from '../i18n/index.js';
import { formatPercent, parsePercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';

/** Each year's payment-by-results split between upfront (attachment) and results fees must make 100%; a cohort's upfront part is 0% to 100%. */
export const pbrSplit = defineCheck({
    code: 'pbr-split',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            for (const split of outcome.payment?.splits ?? []) {
                if (!split.upfront || !split.results) continue;
                const total = split.upfront.add(split.results);
                if (total.equals(Rational.HUNDRED)) continue;
                report({
                    node: split.node,
                    message: t(
                        'pbr-split',
                        {
                            year: split.year.parsed.text,
                            upfront: formatPercent(split.upfront),
                            results: formatPercent(split.results),
                            outcome: outcome.id,
                            total: formatPercent(total)
                        },
                        lang
                    )
                });
            }
            const cohort = outcome.cohort;
            for (const year of cohort?.years ?? []) {
                if (cohort && year.node.count !== undefined && year.attached === undefined) {
                    report({
                        node: year.node,
                        property: 'count',
                        message: t('pbr-split.cohort-count', { year: year.year.parsed.text, outcome: outcome.id, count: year.node.count }, lang)
                    });
                }
                const points = year.node.upfront === undefined ? undefined : parsePercent(year.node.upfront).points;
                if (!cohort || points === undefined || (points.sign() >= 0 && !points.gt(Rational.HUNDRED))) continue;
                report({
                    node: year.node,
                    property: 'upfront',
                    message: t(
                        'pbr-split.cohort',
                        {
                            year: year.year.parsed.text,
                            outcome: outcome.id,
                            upfront: formatPercent(points),
                            rate: cohort.rate.parsed.text,
                            unit: cohort.unitName
                        },
                        lang
                    )
                });
            }
        }
    }
});
