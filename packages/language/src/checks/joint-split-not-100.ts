import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { Rational, sumRationals } from '../money/rational.js';
import { defineCheck } from './check.js';

/** A spend line paid from several streams gives each its percentage, and they make exactly 100%. */
export const jointSplitNot100 = defineCheck({
    code: 'joint-split-not-100',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        const lines = [...model.pools.flatMap(pool => pool.spendBlocks), ...model.spendBlocks].flatMap(block => block.lines);
        for (const line of lines) {
            if (line.funding.length === 0) continue;
            const missing = line.funding.find(share => share.points === undefined);
            if (missing) {
                report({ node: missing.node, message: t('joint-split-not-100.missing', { line: line.name, stream: missing.streamId }, lang) });
                continue;
            }
            const parts = line.funding.flatMap(share => (share.points === undefined ? [] : [{ streamId: share.streamId, points: share.points }]));
            const total = sumRationals(parts.map(share => share.points));
            if (total.equals(Rational.HUNDRED)) continue;
            report({
                node: line.node,
                property: 'funding',
                message: t(
                    'joint-split-not-100',
                    {
                        line: line.name,
                        total: formatPercent(total),
                        parts: parts.map(share => `${share.streamId} ${formatPercent(share.points)}`).join(', ')
                    },
                    lang
                )
            });
        }
    }
});
