import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { year } from './describe.js';

export const actualOutsidePeriod = defineCheck({
    code: 'actual-outside-period',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        const period = model.agreement?.period;
        if (!period) return;
        for (const outcome of model.outcomes) {
            for (const actual of outcome.actuals) {
                const start = actual.year.start;
                if (start === undefined || (start >= period.first && start <= period.last)) continue;
                report({
                    node: actual.node,
                    property: 'year',
                    message: t('actual-outside-period', { outcome: outcome.id, year: year(start), first: year(period.first), last: year(period.last) }, lang)
                });
            }
        }
    }
});
