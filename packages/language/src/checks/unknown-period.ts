import { render } from '../i18n/index.js';
import { defineCheck } from './check.js';

export const unknownPeriod = defineCheck({
    code: 'unknown-period',
    severity: 'error',
    tier: 'domain',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            for (const actual of outcome.actuals) {
                if (!actual.quarterProblem) continue;
                report({ node: actual.node, property: 'quarter', message: render(actual.quarterProblem, lang) });
            }
        }
    }
});
