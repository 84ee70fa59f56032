import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { partnerName } from './describe.js';

/**
 * An approval records the fingerprint of the text approved (`pool fingerprint FILE` prints the
 * current one). When the text changes after an approval, that approval no longer covers it.
 */
export const approvalStale = defineCheck({
    code: 'approval-stale',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const approval of model.approvals) {
            if (!approval.stale) continue;
            const who = { partner: partnerName(model, approval.partnerId), approver: approval.approver };
            const wellFormed = /^sha256:[0-9a-f]{64}$/.test(approval.fingerprint);
            report({
                node: approval.node,
                property: 'fingerprint',
                message: wellFormed
                    ? t(
                          approval.signature === undefined ? 'approval-stale.changed' : 'approval-stale.signed',
                          { ...who, date: approval.date, approved: approval.fingerprint.slice(0, 19), current: model.fingerprint.slice(0, 19) },
                          lang
                      )
                    : t('approval-stale.unrecognised', { ...who, fingerprint: approval.fingerprint.slice(0, 30) }, lang),
                data: { current: model.fingerprint }
            });
        }
    }
});
