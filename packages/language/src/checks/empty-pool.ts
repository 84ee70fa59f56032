import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';

export const emptyPool = defineCheck({
    code: 'empty-pool',
    severity: 'warning',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            if (!pool.id || pool.contributions.length > 0) continue;
            report({
                node: pool.node,
                property: 'name',
                message: t('empty-pool', { pool: pool.id, example: '2013/14 { partner £100,000 }' }, lang)
            });
        }
    }
});
