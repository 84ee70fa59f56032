import { listInWords, t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, shareReadWhole } from './describe.js';

/**
 * With `covering £X`, an overspend share states the overspend it must cover. Each partner bears
 * its share of it, but no more than its cap; what the caps cut off is left uncovered. The figures
 * are the model's (`ShareInfo.liabilities`), the same that statements and reports print.
 */
export const riskCapExceeded = defineCheck({
    code: 'risk-cap-exceeded',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const share of model.shares) {
            const { liabilities, pounds, covering } = share;
            if (!liabilities || !pounds || !covering || covering.pence === undefined || liabilities.uncovered <= 0n || !shareReadWhole(share)) continue;
            const capped = share.lines.flatMap((line, index) => {
                const cap = line.cap?.pence;
                const part = pounds.byLine[index];
                return liabilities.capped[index] && cap !== undefined && part !== undefined
                    ? [t('risk-cap-exceeded.capped', { partner: line.partnerId, share: money(model, part), cap: money(model, cap) }, lang)]
                    : [];
            });
            report({
                node: covering.node,
                message: t(
                    'risk-cap-exceeded',
                    { uncovered: money(model, liabilities.uncovered), covering: money(model, covering.pence), capped: listInWords(capped, lang) },
                    lang
                )
            });
        }
    }
});
