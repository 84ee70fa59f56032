import { formatPercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';

/** Each year's payment-by-results split between upfront (attachment) and results fees must make 100%. */
export const pbrSplit = defineCheck({
    code: 'pbr-split',
    severity: 'error',
    tier: 'domain',
    summary: 'Payment-by-results terms whose upfront (attachment) and results percentages do not sum to 100% in a year.',
    run(model, report) {
        for (const outcome of model.outcomes) {
            for (const split of outcome.payment?.splits ?? []) {
                if (!split.upfront || !split.results) continue;
                const total = split.upfront.add(split.results);
                if (total.equals(Rational.HUNDRED)) continue;
                report({
                    node: split.node,
                    message: `in ${split.year.parsed.text} the upfront ${formatPercent(split.upfront)} and results ${formatPercent(split.results)} of ${outcome.id} sum to ${formatPercent(total)}, not 100%`
                });
            }
        }
    }
});
