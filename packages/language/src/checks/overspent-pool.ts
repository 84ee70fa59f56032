import { defineCheck } from './check.js';
import { money, year } from './describe.js';
import { yearsWithSpending } from './pools.js';

/** Spending from a pool in a year may not exceed what partners put into it that year. */
export const overspentPool = defineCheck({
    code: 'overspent-pool',
    severity: 'error',
    tier: 'core',
    summary: "The spend lines of a pool in a year add up to more than that year's contributions.",
    run(model, report) {
        for (const pool of model.pools) {
            for (const { figures, income, spend, block } of yearsWithSpending(pool)) {
                if (spend <= income) continue;
                report({
                    node: block.node,
                    property: 'year',
                    message: `spending from ${pool.id} in ${year(figures.year)} is ${money(model, spend)} but contributions are ${money(model, income)}: overspent by ${money(model, spend - income)}`,
                    related: figures.spendLines.map(line => ({ node: line.amount.node, message: `${line.name}: ${line.amount.parsed.text}` }))
                });
            }
        }
    }
});
