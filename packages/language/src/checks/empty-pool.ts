import { defineCheck } from './check.js';

export const emptyPool = defineCheck({
    code: 'empty-pool',
    severity: 'warning',
    tier: 'core',
    summary: 'A pool with no contributions in any year.',
    run(model, report) {
        for (const pool of model.pools) {
            if (!pool.id || pool.contributions.length > 0) continue;
            report({
                node: pool.node,
                property: 'name',
                message: `pool ${pool.id} has no contributions: add a year block such as \`2013/14 { partner £100,000 }\``
            });
        }
    }
});
