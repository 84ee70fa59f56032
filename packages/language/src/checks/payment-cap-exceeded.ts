import { t } from '../i18n/index.js';
import { Rational } from '../money/rational.js';
import { formatQuantity } from '../money/quantity.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/** Meeting the target under payment by results, or paying for every family a cohort attaches, would pay more than the cap allows. */
export const paymentCapExceeded = defineCheck({
    code: 'payment-cap-exceeded',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            const cohort = outcome.cohort;
            const cohortCap = cohort?.cap?.pence;
            if (cohort?.cap && cohortCap !== undefined && cohort.maximum !== undefined && cohort.attached !== undefined && cohort.maximum > cohortCap) {
                report({
                    node: cohort.cap.node,
                    message: t(
                        'payment-cap-exceeded.cohort',
                        {
                            outcome: outcome.id,
                            attached: formatQuantity(cohort.attached),
                            unit: cohort.unitName,
                            rate: cohort.rate.parsed.text,
                            maximum: money(model, cohort.maximum),
                            cap: money(model, cohortCap),
                            over: money(model, cohort.maximum - cohortCap)
                        },
                        lang
                    )
                });
            }
            const payment = outcome.payment;
            const capClause = payment?.cap;
            const cap = capClause?.pence;
            if (!payment || !capClause || cap === undefined || payment.paymentAtTarget === undefined || payment.paymentAtTarget <= cap) continue;
            const units = formatQuantity(payment.unitsAtTarget ?? Rational.ZERO);
            report({
                node: capClause.node,
                message: t(
                    'payment-cap-exceeded',
                    {
                        outcome: outcome.id,
                        units,
                        rate: payment.rate.parsed.text,
                        unit: payment.unitName,
                        payment: money(model, payment.paymentAtTarget),
                        cap: money(model, cap),
                        over: money(model, payment.paymentAtTarget - cap)
                    },
                    lang
                )
            });
        }
    }
});
