import { t } from '../i18n/index.js';
import type { YearValue } from '../model/types.js';
import { defineCheck } from './check.js';
import { year } from './describe.js';

/** Contributions, spending, targets, cohort attachments, minimums and ring-fences must fall within the agreement period. */
export const yearOutsidePeriod = defineCheck({
    code: 'year-outside-period',
    severity: 'error',
    tier: 'core',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        const period = model.agreement?.period;
        if (!period) return;
        const check = (value: YearValue, what: string) => {
            if (value.start === undefined || (value.start >= period.first && value.start <= period.last)) return;
            report({
                node: value.node,
                property: value.property,
                message: t('year-outside-period', { what, year: year(value.start), first: year(period.first), last: year(period.last) }, lang),
                data: { first: period.first, last: period.last }
            });
        };
        for (const pool of model.pools) {
            for (const block of pool.blocks) check(block.year, t('year-outside-period.contributions', { pool: pool.id }, lang));
            for (const block of pool.spendBlocks) check(block.year, t('year-outside-period.spending', { pool: pool.id }, lang));
            for (const minimum of pool.minimums) check(minimum.year, t('year-outside-period.minimum', { partner: minimum.partnerId, pool: pool.id }, lang));
            for (const ringfence of pool.ringfences) check(ringfence.year, t('year-outside-period.ring-fence', { id: ringfence.id, pool: pool.id }, lang));
        }
        for (const block of model.spendBlocks) check(block.year, t('year-outside-period.spending', { pool: block.poolId }, lang));
        for (const outcome of model.outcomes) {
            if (outcome.target) check(outcome.target.year, t('year-outside-period.target', { outcome: outcome.id }, lang));
            for (const attachment of outcome.cohort?.years ?? []) check(attachment.year, t('year-outside-period.cohort', { outcome: outcome.id }, lang));
        }
    }
});
