import { defineCheck } from './check.js';
import { money, year } from './describe.js';
import { yearsWithSpending } from './pools.js';

/** Money put into a pool in a year that has spend lines, but not allocated to any of them. */
export const unallocatedFunds = defineCheck({
    code: 'unallocated-funds',
    severity: 'warning',
    tier: 'core',
    summary: "A pool's contributions in a year exceed its spend lines, where it has spend lines that year.",
    run(model, report) {
        for (const pool of model.pools) {
            for (const { figures, income, spend, block } of yearsWithSpending(pool)) {
                if (income <= spend) continue;
                report({
                    node: block.node,
                    property: 'year',
                    message: `contributions to ${pool.id} in ${year(figures.year)} are ${money(model, income)} but spending is ${money(model, spend)}: ${money(model, income - spend)} is not allocated to any spend line`,
                    data: { unallocatedPence: (income - spend).toString() }
                });
            }
        }
    }
});
