import { t } from '../i18n/index.js';
import { formatQuantity } from '../money/quantity.js';
import { periodLabel } from '../money/reporting-period.js';
import { defineCheck } from './check.js';

/** A cohort pays once for each family attached: the latest actual cannot count more turned around than were attached. */
export const cohortOverAttached = defineCheck({
    code: 'cohort-over-attached',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            const cohort = outcome.cohort;
            const latest = outcome.latest;
            if (!cohort || !latest || latest.year.start === undefined || cohort.claimed === undefined || cohort.attached === undefined) continue;
            if (!cohort.claimed.gt(cohort.attached)) continue;
            report({
                node: latest.node,
                property: 'value',
                message: t(
                    'cohort-over-attached',
                    {
                        outcome: outcome.id,
                        period: periodLabel(latest.year.start, latest.quarter),
                        claimed: formatQuantity(cohort.claimed),
                        unit: cohort.unitName,
                        attached: formatQuantity(cohort.attached),
                        over: formatQuantity(cohort.claimed.sub(cohort.attached))
                    },
                    lang
                )
            });
        }
    }
});
