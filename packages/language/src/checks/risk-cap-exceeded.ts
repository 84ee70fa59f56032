import { en, listInWords, t } from '../i18n/messages.js';
import { Rational } from '../money/rational.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/**
 * With `covering £X`, a risk share states the overspend it must cover. Each partner bears its
 * percentage of it, but no more than its cap; what the caps cut off is left uncovered.
 */
export const riskCapExceeded = defineCheck({
    code: 'risk-cap-exceeded',
    severity: 'warning',
    tier: 'domain',
    summary: en['summary.risk-cap-exceeded'],
    run(model, report, lang) {
        for (const share of model.shares) {
            const covering = share.covering?.pence;
            if (share.family !== 'risk' || covering === undefined || !share.lines.some(line => line.cap)) continue;
            if (share.lines.some(line => !line.points || (line.cap && line.cap.pence === undefined))) continue;
            let covered = Rational.ZERO;
            const capped: string[] = [];
            for (const line of share.lines) {
                // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- lines without points were skipped above
                const liability = Rational.of(covering).mul(line.points!).div(Rational.HUNDRED);
                const cap = line.cap?.pence;
                if (cap !== undefined && liability.gt(Rational.of(cap))) {
                    covered = covered.add(Rational.of(cap));
                    capped.push(
                        t(
                            'risk-cap-exceeded.capped',
                            { partner: line.partnerId, share: money(model, liability.roundHalfAwayFromZero()), cap: money(model, cap) },
                            lang
                        )
                    );
                } else {
                    covered = covered.add(liability);
                }
            }
            const uncovered = Rational.of(covering).sub(covered);
            if (uncovered.sign() <= 0) continue;
            report({
                // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the overspend covered is known (checked above), so the clause has one
                node: share.covering!.node,
                message: t(
                    'risk-cap-exceeded',
                    { uncovered: money(model, uncovered.roundHalfAwayFromZero()), covering: money(model, covering), capped: listInWords(capped, lang) },
                    lang
                )
            });
        }
    }
});
