import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/** Spending paid from a funding stream in a year must not exceed what the stream brings in. */
export const streamOverspent = defineCheck({
    code: 'stream-overspent',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const stream of pool.streams) {
                for (const figures of stream.years.values()) {
                    const last = figures.spendLines[figures.spendLines.length - 1];
                    if (figures.balance === undefined || figures.balance >= 0n || !last || figures.spend === undefined || figures.income === undefined)
                        continue;
                    report({
                        node: last.line.node,
                        property: 'funding',
                        message: t(
                            'stream-overspent',
                            {
                                stream: stream.id,
                                pool: pool.id,
                                year: year(figures.year),
                                spend: money(model, figures.spend),
                                income: money(model, figures.income),
                                over: money(model, -figures.balance)
                            },
                            lang
                        ),
                        related: figures.spendLines.map(entry => ({
                            node: entry.line.amount.node,
                            message: `${entry.line.name}: ${entry.pence === undefined ? t('word.unknown', {}, lang) : money(model, entry.pence)}`
                        }))
                    });
                }
            }
        }
    }
});
