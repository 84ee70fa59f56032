import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { partnerName } from './describe.js';

/**
 * `status signed` means every contributing partner has approved the text as it stands: each
 * partner without a current approval is an error of its own, on the status.
 */
export const signedWithoutApproval = defineCheck({
    code: 'signed-without-approval',
    severity: 'error',
    tier: 'domain',
    fix: 'quick-fix',
    run(model, report, lang) {
        const status = model.agreement?.fieldsByKeyword.get('status')?.[0];
        if (model.agreement?.status !== 'signed' || !status) return;
        // The quick fix lowers the status to what the approvals support, only where no approval is of
        // the current text: the status is part of that text, so changing it would make them stale.
        const supported = model.signOff.approved.length > 0 ? undefined : model.approvals.length > 0 ? 'proposed' : 'draft';
        for (const partnerId of model.signOff.missing) {
            const stale = model.approvals.filter(approval => approval.partnerId === partnerId);
            const latest = stale[stale.length - 1];
            report({
                node: status,
                property: 'value',
                message: latest
                    ? t('signed-without-approval.stale', { partner: partnerName(model, partnerId), date: latest.date }, lang)
                    : t('signed-without-approval', { partner: partnerName(model, partnerId) }, lang),
                related: stale.map(approval => ({
                    node: approval.node,
                    property: 'fingerprint',
                    message: t('signed-without-approval.earlier', { date: approval.date }, lang)
                })),
                data: { partner: partnerId, fingerprint: model.fingerprint, ...(supported ? { supported } : {}) }
            });
        }
    }
});
