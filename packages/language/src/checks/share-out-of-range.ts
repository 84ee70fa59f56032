import { t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';

export const shareOutOfRange = defineCheck({
    code: 'share-out-of-range',
    severity: 'error',
    tier: 'core',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        const outOfRange = (points: Rational | undefined): points is Rational => points !== undefined && (points.sign() < 0 || points.gt(Rational.HUNDRED));
        for (const share of model.shares) {
            for (const line of share.lines) {
                if (line.node && outOfRange(line.written)) {
                    report({
                        node: line.node,
                        property: 'percent',
                        message: t('share-out-of-range.line', { partner: line.partnerId, percent: formatPercent(line.written) }, lang)
                    });
                }
            }
            for (const reinvestment of share.reinvestments) {
                if (outOfRange(reinvestment.points)) {
                    report({
                        node: reinvestment.node,
                        property: 'percent',
                        message: t('share-out-of-range.reinvest', { percent: formatPercent(reinvestment.points) }, lang)
                    });
                }
            }
        }
    }
});
