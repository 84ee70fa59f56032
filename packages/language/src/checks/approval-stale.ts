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
    summary: 'The text has changed since an approval was given: the fingerprint it approved is not the current one.',
    run(model, report) {
        for (const approval of model.approvals) {
            if (!approval.stale) continue;
            const who = `${partnerName(model, approval.partnerId)}, ${approval.approver},`;
            const wellFormed = /^sha256:[0-9a-f]{64}$/.test(approval.fingerprint);
            report({
                node: approval.node,
                property: 'fingerprint',
                message: wellFormed
                    ? `the text has changed since ${who} approved it on ${approval.date}: this approval no longer covers it (approved ${approval.fingerprint.slice(0, 19)}…, now ${model.fingerprint.slice(0, 19)}…)`
                    : `${who} approved a fingerprint that Pool does not recognise (\`${approval.fingerprint.slice(0, 30)}\`), so this approval covers no version of the text; \`pool fingerprint\` prints the current one`,
                data: { current: model.fingerprint }
            });
        }
    }
});
