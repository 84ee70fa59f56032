import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/** Spending from a pool in a year may not exceed what partners put into it that year. */
export const overspentPool = defineCheck({
    code: 'overspent-pool',
    severity: 'error',
    tier: 'core',
    summary: "The spend lines of a pool in a year add up to more than that year's contributions.",
    run(model, report) {
        for (const pool of model.pools) {
            for (const figures of pool.years.values()) {
                if (figures.spendLines.length === 0 || figures.income === undefined || figures.spend === undefined) continue;
                if (figures.spend <= figures.income) continue;
                const block = pool.spendBlocks.find(candidate => candidate.year.start === figures.year)!;
                report({
                    node: block.node,
                    property: 'year',
                    message: `spending from ${pool.id} in ${year(figures.year)} is ${money(model, figures.spend)} but contributions are ${money(model, figures.income)}: overspent by ${money(model, figures.spend - figures.income)}`,
                    related: figures.spendLines.map(line => ({ node: line.amount.node, message: `${line.name}: ${line.amount.parsed.text}` }))
                });
            }
        }
    }
});
