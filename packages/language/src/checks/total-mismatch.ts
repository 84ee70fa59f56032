import { type Lang, t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, partnerName, year } from './describe.js';

/** A declared total (per year or overall) must equal the exact sum of the contributions it totals. */
export const totalMismatch = defineCheck({
    code: 'total-mismatch',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const figures of pool.years.values()) {
                for (const total of figures.declaredTotals) {
                    const declared = total.amount.pence;
                    if (declared === undefined || figures.income === undefined || declared === figures.income) continue;
                    report({
                        node: total.amount.node,
                        message: t(
                            'total-mismatch.year',
                            {
                                pool: pool.id,
                                year: year(figures.year),
                                sum: money(model, figures.income),
                                declared: money(model, declared),
                                gap: gap(model, figures.income, declared, lang)
                            },
                            lang
                        ),
                        related: figures.contributions.map(line => ({
                            node: line.amount.node,
                            message: t('total-mismatch.puts-in', { partner: partnerName(model, line.partnerId), amount: line.amount.parsed.text }, lang)
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
                    message: t(
                        'total-mismatch.overall',
                        { pool: pool.id, sum: money(model, pool.income), declared: money(model, declared), gap: gap(model, pool.income, declared, lang) },
                        lang
                    ),
                    related: [...pool.years.values()].flatMap(figures =>
                        figures.contributions.slice(0, 1).map(first => ({
                            node: first.node.$container,
                            property: 'year',
                            message: `${year(figures.year)}: ${figures.income === undefined ? t('word.unknown', {}, lang) : money(model, figures.income)}`
                        }))
                    ),
                    data: { computedPence: pool.income.toString(), computed: money(model, pool.income) }
                });
            }
        }
    }
});

function gap(model: Parameters<typeof money>[0], sum: bigint, declared: bigint, lang: Lang): string {
    return sum < declared
        ? t('total-mismatch.short', { amount: money(model, declared - sum) }, lang)
        : t('total-mismatch.over', { amount: money(model, sum - declared) }, lang);
}
