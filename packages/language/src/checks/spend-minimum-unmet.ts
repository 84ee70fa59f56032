import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/** At least the stated amount of a stream must be spent on the named purpose in the year. */
export const spendMinimumUnmet = defineCheck({
    code: 'spend-minimum-unmet',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const minimum of pool.spendMinimums) {
                const required = minimum.amount.pence;
                const when = minimum.year.start;
                if (required === undefined || when === undefined || minimum.spent === undefined || !minimum.shortfall) continue;
                report({
                    node: minimum.amount.node,
                    message: t(
                        'spend-minimum-unmet',
                        {
                            amount: money(model, required),
                            stream: minimum.streamId,
                            purpose: minimum.purposeId,
                            year: year(when),
                            spent: money(model, minimum.spent),
                            short: money(model, minimum.shortfall)
                        },
                        lang
                    ),
                    related: minimum.lines.map(entry => ({
                        node: entry.line.amount.node,
                        message: `${entry.line.name}: ${entry.pence === undefined ? t('word.unknown', {}, lang) : money(model, entry.pence)}`
                    }))
                });
            }
        }
    }
});
