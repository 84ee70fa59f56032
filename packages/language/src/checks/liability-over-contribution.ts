import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { defineCheck } from './check.js';
import { money, partnerName, shareReadWhole } from './describe.js';

/**
 * A partner could be asked to bear more of an overspend than it put into the pool: what it bears
 * of the stated overspend (its share, no more than its cap), or, where no overspend is stated, its
 * declared cap, exceeds its contribution. The liabilities are the model's, as statements print them.
 */
export const liabilityOverContribution = defineCheck({
    code: 'liability-over-contribution',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const share of model.shares) {
            if (share.kind !== 'overspend' || share.subject?.kind !== 'pool' || !shareReadWhole(share)) continue;
            const pool = share.subject.pool;
            const covering = share.covering?.pence;
            share.lines.forEach((line, index) => {
                if (!line.points) return;
                const contributed = pool.byPartner.has(line.partnerId) ? pool.byPartner.get(line.partnerId) : 0n;
                if (contributed === undefined) return;
                const cap = line.cap?.pence;
                // With a stated overspend, what the partner bears of it; without one, its cap (if any).
                // A stated overspend that cannot be split (the shares do not make 100%) is left to shares-not-100.
                const liability = share.liabilities ? share.liabilities.byLine[index] : covering === undefined ? cap : undefined;
                const capApplies = share.liabilities ? share.liabilities.capped[index] === true : true;
                if (liability === undefined || liability <= contributed) return;
                const partner = partnerName(model, line.partnerId);
                const contribution = money(model, contributed);
                report({
                    node: line.node ?? share.node,
                    property: line.node ? (capApplies ? 'cap' : 'percent') : 'kind',
                    message:
                        capApplies && cap !== undefined
                            ? t('liability-over-contribution.cap', { partner, cap: money(model, cap), contributed: contribution, pool: pool.id }, lang)
                            : t(
                                  'liability-over-contribution.share',
                                  {
                                      partner,
                                      percent: formatPercent(line.points),
                                      covering: money(model, covering ?? 0n),
                                      liability: money(model, liability),
                                      contributed: contribution,
                                      pool: pool.id
                                  },
                                  lang
                              )
                });
            });
        }
    }
});
