import { en, t } from '../i18n/messages.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';
import { yearsWithSpending } from './pools.js';

/** Money put into a pool in a year that has spend lines, but not allocated to any of them. */
export const unallocatedFunds = defineCheck({
    code: 'unallocated-funds',
    severity: 'warning',
    tier: 'core',
    summary: en['summary.unallocated-funds'],
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const { figures, income, spend, block } of yearsWithSpending(pool)) {
                if (income <= spend) continue;
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
