import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';
import { yearsWithSpending } from './pools.js';

/**
 * Money put into a pool in a year that has spend lines, but not allocated to any of them. Where
 * every line of the year says which funding streams pay for it, stream-underspent names the
 * streams the money is left in instead.
 */
export const unallocatedFunds = defineCheck({
    code: 'unallocated-funds',
    severity: 'warning',
    tier: 'core',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const { figures, income, spend, block } of yearsWithSpending(pool)) {
                if (income <= spend) continue;
                if (pool.streams.length > 0 && figures.spendLines.every(line => line.funding.length > 0)) continue;
                report({
                    node: block.node,
                    property: 'year',
                    message: t(
                        'unallocated-funds',
                        {
                            pool: pool.id,
                            year: year(figures.year),
                            income: money(model, income),
                            spend: money(model, spend),
                            unallocated: money(model, income - spend)
                        },
                        lang
                    ),
                    data: { unallocatedPence: (income - spend).toString() }
                });
            }
        }
    }
});
