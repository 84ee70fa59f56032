import { formatPercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';

export const shareOutOfRange = defineCheck({
    code: 'share-out-of-range',
    severity: 'error',
    tier: 'core',
    summary: 'A percentage in a share clause is below 0% or above 100%.',
    run(model, report) {
        const outOfRange = (points: Rational | undefined) => points !== undefined && (points.sign() < 0 || points.gt(Rational.HUNDRED));
        for (const share of model.shares) {
            for (const line of share.lines) {
                if (line.node && outOfRange(line.written)) {
                    report({
                        node: line.node,
                        property: 'percent',
                        message: `${line.partnerId}'s share of ${formatPercent(line.written!)} is not between 0% and 100%`
                    });
                }
            }
            for (const reinvestment of share.reinvestments) {
                if (outOfRange(reinvestment.points)) {
                    report({
                        node: reinvestment.node,
                        property: 'percent',
                        message: `reinvesting ${formatPercent(reinvestment.points!)} is not between 0% and 100%`
                    });
                }
            }
        }
    }
});
