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
            const baselineYear = outcome.baseline?.year.start;
            const targetYear = outcome.target?.year.start;
            if (baselineYear === undefined || targetYear === undefined || targetYear > baselineYear) continue;
            report({
                // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- both years are known, so both fields are there (checked above)
                node: outcome.target!.node,
                property: 'year',
                message: t('deadline-before-baseline', { outcome: outcome.id, target: year(targetYear), baseline: year(baselineYear) }, lang),
                related: [
                    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- both years are known, so both fields are there (checked above)
                    { node: outcome.baseline!.node, property: 'year', message: t('deadline-before-baseline.baseline', { year: year(baselineYear) }, lang) }
                ]
            });
        }
    }
});
