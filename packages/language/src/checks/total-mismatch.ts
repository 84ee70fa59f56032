import { defineCheck } from './check.js';
import { money, partnerName, year } from './describe.js';

/** A declared total (per year or overall) must equal the exact sum of the contributions it totals. */
export const totalMismatch = defineCheck({
    code: 'total-mismatch',
    severity: 'error',
    tier: 'core',
    summary: 'A declared total, for a year or for the whole pool, differs from the exact sum of its contributions.',
    run(model, report) {
        for (const pool of model.pools) {
            for (const figures of pool.years.values()) {
                for (const total of figures.declaredTotals) {
                    const declared = total.amount.pence;
                    if (declared === undefined || figures.income === undefined || declared === figures.income) continue;
                    report({
                        node: total.amount.node,
                        message: `contributions to ${pool.id} for ${year(figures.year)} sum to ${money(model, figures.income)} but the total says ${money(model, declared)}: ${gap(model, figures.income, declared)}`,
                        related: figures.contributions.map(line => ({
                            node: line.amount.node,
                            message: `${partnerName(model, line.partnerId)} puts in ${line.amount.parsed.text}`
                        })),
                        data: { computedPence: figures.income.toString(), computed: money(model, figures.income) }
                    });
                }
            }
            for (const total of pool.declaredTotals) {
                const declared = total.amount.pence;
                if (declared === undefined || pool.income === undefined || declared === pool.income) continue;
                report({
                    node: total.amount.node,
                    message: `contributions to ${pool.id} over all years sum to ${money(model, pool.income)} but the total says ${money(model, declared)}: ${gap(model, pool.income, declared)}`,
                    related: [...pool.years.values()].filter(figures => figures.contributions.length > 0).map(figures => ({
                        node: figures.contributions[0].node.$container,
                        property: 'year',
                        message: `${year(figures.year)}: ${figures.income === undefined ? 'unknown' : money(model, figures.income)}`
                    })),
                    data: { computedPence: pool.income.toString(), computed: money(model, pool.income) }
                });
            }
        }
    }
});

function gap(model: Parameters<typeof money>[0], sum: bigint, declared: bigint): string {
    return sum < declared ? `${money(model, declared - sum)} short` : `${money(model, sum - declared)} over`;
}
