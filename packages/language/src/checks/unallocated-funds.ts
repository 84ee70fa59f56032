import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/** Money put into a pool in a year that has spend lines, but not allocated to any of them. */
export const unallocatedFunds = defineCheck({
    code: 'unallocated-funds',
    severity: 'warning',
    tier: 'core',
    summary: "A pool's contributions in a year exceed its spend lines, where it has spend lines that year.",
    run(model, report) {
        for (const pool of model.pools) {
            for (const figures of pool.years.values()) {
                if (figures.spendLines.length === 0 || figures.income === undefined || figures.spend === undefined) continue;
                if (figures.income <= figures.spend) continue;
                const block = pool.spendBlocks.find(candidate => candidate.year.start === figures.year)!;
                report({
                    node: block.node,
                    property: 'year',
                    message: `contributions to ${pool.id} in ${year(figures.year)} are ${money(model, figures.income)} but spending is ${money(model, figures.spend)}: ${money(model, figures.income - figures.spend)} is not allocated to any spend line`,
                    data: { unallocatedPence: (figures.income - figures.spend).toString() }
                });
            }
        }
    }
});
