import { defineCheck } from './check.js';
import { year } from './describe.js';

export const actualOutsidePeriod = defineCheck({
    code: 'actual-outside-period',
    severity: 'error',
    tier: 'domain',
    summary: 'An actual value of an outcome recorded for a period outside the agreement period.',
    run(model, report) {
        const period = model.agreement?.period;
        if (!period) return;
        for (const outcome of model.outcomes) {
            for (const actual of outcome.actuals) {
                const start = actual.year.start;
                if (start === undefined || (start >= period.first && start <= period.last)) continue;
                report({
                    node: actual.node,
                    property: 'year',
                    message: `the actual of ${outcome.id} for ${year(start)} is outside the agreement period, ${year(period.first)} to ${year(period.last)}`
                });
            }
        }
    }
});
