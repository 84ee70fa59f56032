import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { contributors } from './pools.js';

export const s75NeedsBoth = defineCheck({
    code: 's75-needs-both',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            if (pool.arrangement !== 'pooled' || pool.section !== 75 || pool.contributions.length === 0) continue;
            const kinds = new Set([...contributors(pool).keys()].map(id => model.partners.get(id)?.kind));
            if (kinds.has('health') && kinds.has('council')) continue;
            const key = kinds.has('health') ? 's75-needs-both.no-council' : kinds.has('council') ? 's75-needs-both.no-health' : 's75-needs-both.no-either';
            report({
                node: pool.node.basis ?? pool.node,
                message: t(key, { pool: pool.id }, lang)
            });
        }
    }
});
