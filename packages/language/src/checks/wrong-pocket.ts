import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';
import { partnerName, shareReadWhole } from './describe.js';

/**
 * With a cost-benefit appraisal, a partner's share of the discounted benefits (after benefit
 * returns) may fall this many percentage points below its share of the discounted costs, no more.
 */
const WRONG_POCKET_TOLERANCE_POINTS = Rational.of(10);

/** A partner's share of the costs is at least this many times its share of the benefits… */
const WRONG_POCKET_RATIO = Rational.of(2);
/** …and at least this many percentage points above it. */
const WRONG_POCKET_GAP_POINTS = Rational.of(10);

/**
 * The "wrong pocket" problem (HM Treasury, cost-benefit guidance for local partnerships): one
 * partner pays while the savings land with another. A partner's share of the benefit is its share
 * in the pool's benefit-share clause when there is one, otherwise its share of projected savings;
 * where the pool has a cost-benefit appraisal, its shares of the appraisal's discounted costs and
 * benefits after benefit returns.
 */
export const wrongPocket = defineCheck({
    code: 'wrong-pocket',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        const appraised = new Set<unknown>();
        for (const appraisal of model.appraisals) {
            const figures = appraisal.figures;
            if (!figures || !appraisal.pool) continue;
            appraised.add(appraisal.pool);
            for (const partner of figures.partners) {
                const cost = partner.costShare;
                const benefit = partner.benefitShareAfter;
                if (cost === undefined || benefit === undefined || partner.presentCost <= 0n) continue;
                if (!cost.sub(benefit).gt(WRONG_POCKET_TOLERANCE_POINTS)) continue;
                report({
                    node: appraisal.node,
                    property: 'pool',
                    message: t(
                        'wrong-pocket.appraisal',
                        {
                            partner: partnerName(model, partner.partnerId),
                            cost: formatPercent(cost),
                            pool: appraisal.poolId,
                            benefit: formatPercent(benefit),
                            tolerance: WRONG_POCKET_TOLERANCE_POINTS.toString()
                        },
                        lang
                    )
                });
            }
        }
        // A pool with an appraisal is judged by it; the savings projection is the rough guide for the rest.
        for (const projection of model.savings) {
            const pool = projection.pool;
            if (appraised.has(pool)) continue;
            if (!pool || pool.income === undefined || pool.income <= 0n || projection.total === undefined || projection.total <= 0n) continue;
            const clause = model.shares.find(
                share => share.family === 'benefit' && share.subject?.kind === 'pool' && share.subject.pool === pool && share.totalPoints
            );
            // A clause written but not read whole: its syntax error is the one message, not a share worked out from part of it.
            if (clause && !shareReadWhole(clause)) continue;
            for (const [partnerId, paid] of pool.byPartner) {
                if (paid === undefined || paid <= 0n) continue;
                const costShare = Rational.of(paid * 100n, pool.income);
                let benefitShare: Rational | undefined;
                if (clause) {
                    benefitShare = clause.lines.find(line => line.partnerId === partnerId)?.points ?? Rational.ZERO;
                } else {
                    const saved = projection.byPartner.get(partnerId) ?? 0n;
                    benefitShare = saved === undefined ? undefined : Rational.of(saved * 100n, projection.total);
                }
                if (!benefitShare) continue;
                if (costShare.lt(benefitShare.mul(WRONG_POCKET_RATIO)) || costShare.sub(benefitShare).lt(WRONG_POCKET_GAP_POINTS)) continue;
                report({
                    node: projection.node,
                    property: 'pool',
                    message: t(
                        clause ? 'wrong-pocket.clause' : 'wrong-pocket.projection',
                        {
                            partner: partnerName(model, partnerId),
                            cost: formatPercent(costShare),
                            pool: pool.id,
                            benefit: formatPercent(benefitShare)
                        },
                        lang
                    )
                });
            }
        }
    }
});
