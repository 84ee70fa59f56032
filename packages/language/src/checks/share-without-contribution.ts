import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { defineCheck } from './check.js';
import { partnerName } from './describe.js';

export const shareWithoutContribution = defineCheck({
    code: 'share-without-contribution',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const share of model.shares) {
            if (share.family !== 'benefit' || share.subject?.kind !== 'pool' || share.proRata) continue;
            const pool = share.subject.pool;
            for (const line of share.lines) {
                if (!line.node || !line.points || line.points.sign() <= 0) continue;
                const contributed = pool.byPartner.get(line.partnerId);
                if (pool.byPartner.has(line.partnerId) && (contributed === undefined || contributed > 0n)) continue;
                report({
                    node: line.node,
                    property: 'partner',
                    message: t(
                        'share-without-contribution',
                        {
                            partner: partnerName(model, line.partnerId),
                            percent: formatPercent(line.points),
                            kind: share.kind,
                            pool: pool.id
                        },
                        lang
                    )
                });
            }
        }
    }
});
