import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';
import { yearsWithSpending } from './pools.js';

/** Spending from a pool in a year may not exceed what partners put into it that year. */
export const overspentPool = defineCheck({
    code: 'overspent-pool',
    severity: 'error',
    tier: 'core',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const { figures, income, spend, block } of yearsWithSpending(pool)) {
                if (spend <= income) continue;
                report({
                    node: block.node,
                    property: 'year',
                    message: t(
                        'overspent-pool',
                        {
                            pool: pool.id,
                            year: year(figures.year),
                            spend: money(model, spend),
                            income: money(model, income),
                            over: money(model, spend - income)
                        },
                        lang
                    ),
                    related: figures.spendLines.map(line => ({ node: line.amount.node, message: `${line.name}: ${line.amount.parsed.text}` }))
                });
            }
        }
    }
});
