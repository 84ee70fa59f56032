import { en, t } from '../i18n/messages.js';
import { Rational } from '../money/rational.js';
import { formatPercent } from '../money/percent.js';
import { defineCheck } from './check.js';
import { money, partnerName } from './describe.js';

/**
 * A partner could be asked to bear more of an overspend than it put into the pool: its share of
 * the stated overspend, or its declared cap, exceeds its contribution.
 */
export const liabilityOverContribution = defineCheck({
    code: 'liability-over-contribution',
    severity: 'warning',
    tier: 'domain',
    summary: en['summary.liability-over-contribution'],
    run(model, report, lang) {
        for (const share of model.shares) {
            if (share.family !== 'risk' || share.subject?.kind !== 'pool') continue;
            const pool = share.subject.pool;
            const covering = share.covering?.pence;
            for (const line of share.lines) {
                if (!line.points) continue;
                const contributed = pool.byPartner.has(line.partnerId) ? pool.byPartner.get(line.partnerId) : 0n;
                if (contributed === undefined) continue;
                const cap = line.cap?.pence;
                const shareOfCovering =
                    covering !== undefined ? Rational.of(covering).mul(line.points).div(Rational.HUNDRED).roundHalfAwayFromZero() : undefined;
                const liability =
                    cap !== undefined && shareOfCovering !== undefined ? (cap < shareOfCovering ? cap : shareOfCovering) : (cap ?? shareOfCovering);
                if (liability === undefined || liability <= contributed) continue;
                const partner = partnerName(model, line.partnerId);
                const contribution = money(model, contributed);
                report({
                    node: line.node ?? share.node,
                    property: line.node ? (liability === cap ? 'cap' : 'percent') : 'kind',
                    message:
                        liability === cap
                            ? t('liability-over-contribution.cap', { partner, cap: money(model, cap), contributed: contribution, pool: pool.id }, lang)
                            : t(
                                  'liability-over-contribution.share',
                                  {
                                      partner,
                                      percent: formatPercent(line.points),
                                      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a liability by share is computed only from a known overspend
                                      covering: money(model, covering!),
                                      liability: money(model, liability),
                                      contributed: contribution,
                                      pool: pool.id
                                  },
                                  lang
                              )
                });
            }
        }
    }
});
