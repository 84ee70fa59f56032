import { t } from '../i18n/index.js';
import { formatQuantity } from '../money/quantity.js';
import { periodLabel } from '../money/reporting-period.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/** Results recorded so far would earn more than the payment-by-results cap allows. */
export const earnedOverCap = defineCheck({
    code: 'earned-over-cap',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            const latest = outcome.latest;
            const payment = outcome.payment;
            const cap = payment?.cap?.pence;
            if (!latest || !payment || cap === undefined || latest.earnedBeforeCap === undefined || latest.earnedBeforeCap <= cap) continue;
            report({
                node: latest.node,
                property: 'value',
                message: t(
                    'earned-over-cap',
                    {
                        outcome: outcome.id,
                        value: latest.text,
                        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- an actual that earned something has its year and units (earnedBeforeCap is known)
                        period: periodLabel(latest.year.start!, latest.quarter),
                        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- an actual that earned something has its year and units (earnedBeforeCap is known)
                        units: formatQuantity(latest.unitsAchieved!),
                        rate: payment.rate.parsed.text,
                        unit: payment.unitName,
                        earned: money(model, latest.earnedBeforeCap),
                        cap: money(model, cap)
                    },
                    lang
                )
            });
        }
    }
});
