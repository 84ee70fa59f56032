import { render } from '../i18n/index.js';
import { defineCheck } from './check.js';

/** Negative, sub-penny, wrongly grouped, or in another currency than the agreement's. The quick fix regroups digits grouped wrongly. */
export const badAmount = defineCheck({
    code: 'bad-amount',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const amount of model.amounts) {
            for (const problem of amount.problems) {
                // Only digits grouped wrongly have one sure repair (the same digits, grouped in threes); a
                // negative, sub-penny, too large or foreign amount needs the writer to say what was meant.
                const data = problem.key === 'amount.grouping' ? { grouped: problem.params.grouped } : undefined;
                report({ node: amount.node, message: render(problem, lang), data });
            }
        }
    }
});
