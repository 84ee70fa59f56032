import { en, t } from '../i18n/messages.js';
import { formatPercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';

/** Each year's payment-by-results split between upfront (attachment) and results fees must make 100%. */
export const pbrSplit = defineCheck({
    code: 'pbr-split',
    severity: 'error',
    tier: 'domain',
    summary: en['summary.pbr-split'],
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            for (const split of outcome.payment?.splits ?? []) {
                if (!split.upfront || !split.results) continue;
                const total = split.upfront.add(split.results);
                if (total.equals(Rational.HUNDRED)) continue;
                report({
                    node: split.node,
                    message: t(
                        'pbr-split',
                        {
                            year: split.year.parsed.text,
                            upfront: formatPercent(split.upfront),
                            results: formatPercent(split.results),
                            outcome: outcome.id,
                            total: formatPercent(total)
                        },
                        lang
                    )
                });
            }
        }
    }
});
