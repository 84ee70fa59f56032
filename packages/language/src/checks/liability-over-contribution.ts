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
    summary: "A partner's share of an overspend, or its declared cap, can exceed its contribution to the pool.",
    run(model, report) {
        for (const share of model.shares) {
            if (share.family !== 'risk' || share.subject?.kind !== 'pool') continue;
            const pool = share.subject.pool;
            const covering = share.covering?.pence;
            for (const line of share.lines) {
                if (!line.points) continue;
                const contributed = pool.byPartner.has(line.partnerId) ? pool.byPartner.get(line.partnerId) : 0n;
                if (contributed === undefined) continue;
                const cap = line.cap?.pence;
                const shareOfCovering = covering !== undefined ? Rational.of(covering).mul(line.points).div(Rational.HUNDRED).roundHalfAwayFromZero() : undefined;
                const liability = cap !== undefined && shareOfCovering !== undefined ? (cap < shareOfCovering ? cap : shareOfCovering) : cap ?? shareOfCovering;
                if (liability === undefined || liability <= contributed) continue;
                const why = liability === cap
                    ? `its cap of ${money(model, cap)}`
                    : `its ${formatPercent(line.points)} of the ${money(model, covering!)} overspend, ${money(model, liability)},`;
                report({
                    node: line.node ?? share.node,
                    property: line.node ? (liability === cap ? 'cap' : 'percent') : 'kind',
                    message: `${partnerName(model, line.partnerId)} could bear more than it put in: ${why} exceeds its contribution of ${money(model, contributed)} to ${pool.id}`
                });
            }
        }
    }
});
