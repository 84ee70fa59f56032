import { render } from '../i18n/messages.js';
import { defineCheck } from './check.js';

/** Negative, sub-penny, wrongly grouped, or in another currency than the agreement's. */
export const badAmount = defineCheck({
    code: 'bad-amount',
    severity: 'error',
    tier: 'core',
    summary: "A negative amount, one with more than two decimal places, badly grouped digits, or an amount in another currency than the agreement's.",
    run(model, report, lang) {
        for (const amount of model.amounts) {
            for (const problem of amount.problems) {
                report({ node: amount.node, message: render(problem, lang) });
            }
        }
    }
});
