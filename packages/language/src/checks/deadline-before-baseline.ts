import { defineCheck } from './check.js';
import { year } from './describe.js';

export const deadlineBeforeBaseline = defineCheck({
    code: 'deadline-before-baseline',
    severity: 'error',
    tier: 'core',
    summary: 'A target year that is not after its baseline year.',
    run(model, report) {
        for (const outcome of model.outcomes) {
            const baselineYear = outcome.baseline?.year.start;
            const targetYear = outcome.target?.year.start;
            if (baselineYear === undefined || targetYear === undefined || targetYear > baselineYear) continue;
            report({
                node: outcome.target!.node,
                property: 'year',
                message: `outcome ${outcome.id} has its target by ${year(targetYear)}, which is not after its baseline in ${year(baselineYear)}`,
                related: [{ node: outcome.baseline!.node, property: 'year', message: `baseline in ${year(baselineYear)}` }]
            });
        }
    }
});
