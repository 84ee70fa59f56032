import { defineCheck } from './check.js';
import { contributors } from './pools.js';

export const s75NeedsBoth = defineCheck({
    code: 's75-needs-both',
    severity: 'error',
    tier: 'domain',
    summary: 'A pooled fund stated to be under Section 75 without at least one NHS body and one local authority among its contributors.',
    run(model, report) {
        for (const pool of model.pools) {
            if (pool.arrangement !== 'pooled' || pool.section !== 75 || pool.contributions.length === 0) continue;
            const kinds = new Set([...contributors(pool).keys()].map(id => model.partners.get(id)?.kind));
            const missing = [kinds.has('health') ? undefined : 'NHS body (kind health)', kinds.has('council') ? undefined : 'local authority (kind council)'].filter(Boolean);
            if (missing.length === 0) continue;
            report({
                node: pool.node.basis ?? pool.node,
                message: `${pool.id} is a Section 75 pooled fund, which needs at least one NHS body and one local authority among its contributors; it has no ${missing.join(' and no ')}`
            });
        }
    }
});
