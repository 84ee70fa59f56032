import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, partnerName, year } from './describe.js';

/** A partner's contribution below a minimum the agreement declares for it (the Better Care Fund's minimum NHS contribution). */
export const belowMinimum = defineCheck({
    code: 'below-minimum',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const minimum of pool.minimums) {
                const required = minimum.amount.pence;
                const when = minimum.year.start;
                if (required === undefined || when === undefined || minimum.contributed === undefined || !minimum.shortfall) continue;
                const line = minimum.lines[0];
                report({
                    node: line?.amount.node ?? minimum.amount.node,
                    message: t(
                        'below-minimum',
                        {
                            partner: partnerName(model, minimum.partnerId),
                            paid: money(model, minimum.contributed),
                            pool: pool.id,
                            year: year(when),
                            required: money(model, required),
                            short: money(model, minimum.shortfall)
                        },
                        lang
                    ),
                    related: line ? [{ node: minimum.amount.node, message: t('below-minimum.minimum', { amount: money(model, required) }, lang) }] : []
                });
            }
        }
    }
});
