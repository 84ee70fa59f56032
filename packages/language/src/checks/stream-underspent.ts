import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/**
 * A funding stream that brings in more than the spending paid from it in a year leaves money
 * unspent. Only in a year whose spending says which streams pay for it, and where no stream is
 * overspent: there, what one stream has left pays for another's overspend, which
 * stream-overspent reports.
 */
export const streamUnderspent = defineCheck({
    code: 'stream-underspent',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const stream of pool.streams) {
                for (const figures of stream.years.values()) {
                    const spendSaysStreams = pool.years.get(figures.year)?.spendLines.some(line => line.funding.length > 0) ?? false;
                    const anyOverspent = pool.streams.some(other => (other.years.get(figures.year)?.balance ?? 0n) < 0n);
                    if (anyOverspent) continue;
                    const first = figures.contributions[0];
                    if (!spendSaysStreams || !first || figures.income === undefined || figures.spend === undefined) continue;
                    const unspent = figures.income - figures.spend;
                    if (unspent <= 0n) continue;
                    report({
                        node: first.amount.node,
                        message: t(
                            'stream-underspent',
                            {
                                stream: stream.id,
                                pool: pool.id,
                                year: year(figures.year),
                                income: money(model, figures.income),
                                spend: money(model, figures.spend),
                                unspent: money(model, unspent)
                            },
                            lang
                        )
                    });
                }
            }
        }
    }
});
