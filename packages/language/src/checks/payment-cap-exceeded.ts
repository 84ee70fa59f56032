import { Rational } from '../money/rational.js';
import { formatQuantity } from '../money/quantity.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/** Meeting the target under payment by results would pay more than the cap allows. */
export const paymentCapExceeded = defineCheck({
    code: 'payment-cap-exceeded',
    severity: 'warning',
    tier: 'domain',
    summary: 'The payments a payment-by-results target implies, if met, exceed its cap.',
    run(model, report) {
        for (const outcome of model.outcomes) {
            const payment = outcome.payment;
            const cap = payment?.cap?.pence;
            if (!payment || cap === undefined || payment.paymentAtTarget === undefined || payment.paymentAtTarget <= cap) continue;
            const units = formatQuantity(payment.unitsAtTarget ?? Rational.ZERO);
            report({
                node: payment.cap!.node,
                message: `meeting the target of ${outcome.id} pays ${units} × ${payment.rate.parsed.text} per ${payment.unitName} = ${money(model, payment.paymentAtTarget)}, above the cap of ${money(model, cap)} by ${money(model, payment.paymentAtTarget - cap)}`
            });
        }
    }
});
