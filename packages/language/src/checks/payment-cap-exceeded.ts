import { en, t } from '../i18n/messages.js';
import { Rational } from '../money/rational.js';
import { formatQuantity } from '../money/quantity.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/** Meeting the target under payment by results would pay more than the cap allows. */
export const paymentCapExceeded = defineCheck({
    code: 'payment-cap-exceeded',
    severity: 'warning',
    tier: 'domain',
    summary: en['summary.payment-cap-exceeded'],
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            const payment = outcome.payment;
            const cap = payment?.cap?.pence;
            if (!payment || cap === undefined || payment.paymentAtTarget === undefined || payment.paymentAtTarget <= cap) continue;
            const units = formatQuantity(payment.unitsAtTarget ?? Rational.ZERO);
            report({
                // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the cap's amount is known (checked above), so the cap is there
                node: payment.cap!.node,
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
