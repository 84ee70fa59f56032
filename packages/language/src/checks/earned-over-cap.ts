import { formatQuantity } from '../money/quantity.js';
import { periodLabel } from '../money/reporting-period.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/** Results recorded so far would earn more than the payment-by-results cap allows. */
export const earnedOverCap = defineCheck({
    code: 'earned-over-cap',
    severity: 'warning',
    tier: 'domain',
    summary: 'The payment earned by the latest actual value of a payment-by-results outcome is above its cap; payment stops at the cap.',
    run(model, report) {
        for (const outcome of model.outcomes) {
            const latest = outcome.latest;
            const payment = outcome.payment;
            const cap = payment?.cap?.pence;
            if (!latest || !payment || cap === undefined || latest.earnedBeforeCap === undefined || latest.earnedBeforeCap <= cap) continue;
            report({
                node: latest.node,
                property: 'value',
                message: `the latest actual of ${outcome.id} (${latest.text} in ${periodLabel(latest.year.start!, latest.quarter)}) earns ${formatQuantity(latest.unitsAchieved!)} × ${payment.rate.parsed.text} per ${payment.unitName} = ${money(model, latest.earnedBeforeCap)}, above the cap of ${money(model, cap)}; payment stops at the cap`
            });
        }
    }
});
