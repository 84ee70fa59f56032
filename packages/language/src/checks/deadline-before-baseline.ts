import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { year } from './describe.js';

export const deadlineBeforeBaseline = defineCheck({
    code: 'deadline-before-baseline',
    severity: 'error',
    tier: 'core',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            const { baseline, target } = outcome;
            const baselineYear = baseline?.year.start;
            const targetYear = target?.year.start;
            if (baseline === undefined || target === undefined || baselineYear === undefined || targetYear === undefined || targetYear > baselineYear) continue;
            report({
                node: target.node,
                property: 'year',
                message: t('deadline-before-baseline', { outcome: outcome.id, target: year(targetYear), baseline: year(baselineYear) }, lang),
                related: [{ node: baseline.node, property: 'year', message: t('deadline-before-baseline.baseline', { year: year(baselineYear) }, lang) }]
            });
        }
    }
});
