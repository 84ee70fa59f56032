import { render } from '../i18n/index.js';
import { defineCheck } from './check.js';

/** Negative, sub-penny, wrongly grouped, or in another currency than the agreement's. */
export const badAmount = defineCheck({
    code: 'bad-amount',
    severity: 'error',
    tier: 'core',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const amount of model.amounts) {
            for (const problem of amount.problems) {
                report({ node: amount.node, message: render(problem, lang) });
            }
        }
    }
});
