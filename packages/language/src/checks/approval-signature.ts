import { t } from '../i18n/index.js';
import { formatPublicKey } from '../model/sshsig.js';
import { defineCheck } from './check.js';
import { partnerName } from './describe.js';

/**
 * A signed approval (`… fingerprint "sha256:…" signature "…"`, made with `ssh-keygen -Y sign -n pool`) must carry
 * an `sshsig` signature in the `pool` namespace over its own fingerprint, partner, role and date,
 * made by a key that the allowed-signers file lets sign for that partner. Anything else is an
 * error naming the reason: a signature that proves nothing must not read as one that does.
 * Unsigned approvals are not this check's concern; a signature over an earlier text verifies
 * here and is reported by approval-stale.
 */
export const approvalSignature = defineCheck({
    code: 'approval-signature',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const approval of model.approvals) {
            if (approval.signature === undefined) continue;
            const who = { partner: partnerName(model, approval.partnerId), approver: approval.approver };
            const at = { node: approval.node, property: 'signature' };
            const standing = approval.signatureStanding;
            if (standing.status !== 'refused') continue;
            if (standing.fault === 'not-allowed') {
                const key = `${formatPublicKey(standing.key).slice(0, 30)}…`;
                report({ ...at, message: t('approval-signature.not-allowed', { ...who, key, id: approval.partnerId, file: standing.source }, lang) });
            } else if (standing.fault === 'wrong-namespace') {
                report({ ...at, message: t('approval-signature.wrong-namespace', { ...who, namespace: standing.namespace ?? '' }, lang) });
            } else {
                report({ ...at, message: t(`approval-signature.${standing.fault}`, who, lang) });
            }
        }
    }
});
