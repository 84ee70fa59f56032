import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, partnerName, year } from './describe.js';

/**
 * A funding stream must bring in at least its minimum each year (the Better Care Fund's NHS
 * minimum): its own contributions are counted, not the partner's other money, so a shortfall on
 * one stream is not hidden by another.
 */
export const streamBelowMinimum = defineCheck({
    code: 'stream-below-minimum',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const stream of pool.streams) {
                for (const figures of stream.years.values()) {
                    const required = figures.minimum?.pence;
                    if (required === undefined || figures.income === undefined || !figures.shortfall) continue;
                    const where = figures.minimum?.declared?.amount.node ?? figures.minimum?.uplift?.node ?? stream.node;
                    const first = figures.contributions[0];
                    report({
                        node: first?.amount.node ?? where,
                        message: t(
                            'stream-below-minimum',
                            {
                                stream: stream.id,
                                title: stream.title,
                                pool: pool.id,
                                year: year(figures.year),
                                income: money(model, figures.income),
                                minimum: money(model, required),
                                short: money(model, figures.shortfall)
                            },
                            lang
                        ),
                        related: [
                            ...(first ? [{ node: where, message: t('stream-below-minimum.minimum', { amount: money(model, required) }, lang) }] : []),
                            ...figures.contributions.map(line => ({
                                node: line.amount.node,
                                message: t('total-mismatch.puts-in', { partner: partnerName(model, line.partnerId), amount: line.amount.parsed.text }, lang)
                            }))
                        ],
                        data: { required: money(model, required) }
                    });
                }
            }
        }
    }
});
