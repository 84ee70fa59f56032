import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/**
 * A minimum written for a year with an uplift rule must be the one the rule computes: the year
 * before's minimum times (1 + the uplift), exactly, rounded by the rule stated.
 */
export const upliftMismatch = defineCheck({
    code: 'uplift-mismatch',
    severity: 'error',
    tier: 'domain',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const stream of pool.streams) {
                for (const uplift of stream.uplifts) {
                    const declaredAmount = uplift.declared?.amount;
                    const declared = declaredAmount?.pence;
                    const when = uplift.year.start;
                    if (
                        declaredAmount === undefined ||
                        declared === undefined ||
                        uplift.computed === undefined ||
                        uplift.base === undefined ||
                        uplift.points === undefined ||
                        when === undefined ||
                        declared === uplift.computed
                    )
                        continue;
                    report({
                        node: declaredAmount.node,
                        message: t(
                            uplift.rounding === 'pound' ? 'uplift-mismatch.pound' : 'uplift-mismatch.penny',
                            {
                                stream: stream.id,
                                year: year(when),
                                declared: money(model, declared),
                                percent: formatPercent(uplift.points),
                                base: money(model, uplift.base),
                                previous: year(when - 1),
                                computed: money(model, uplift.computed),
                                difference: money(model, declared > uplift.computed ? declared - uplift.computed : uplift.computed - declared)
                            },
                            lang
                        ),
                        related: [{ node: uplift.node, message: t('uplift-mismatch.rule', { percent: formatPercent(uplift.points), year: year(when) }, lang) }],
                        data: { upliftedMinimum: money(model, uplift.computed) }
                    });
                }
            }
        }
    }
});
