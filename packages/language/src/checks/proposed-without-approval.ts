import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';

/** `status proposed` with no approval recorded at all: proposed to whom, and who has agreed? */
export const proposedWithoutApproval = defineCheck({
    code: 'proposed-without-approval',
    severity: 'warning',
    tier: 'domain',
    fix: 'quick-fix',
    run(model, report, lang) {
        const status = model.agreement?.fieldsByKeyword.get('status')?.[0];
        if (model.agreement?.status !== 'proposed' || !status || model.approvals.length > 0) return;
        // With no approval recorded there is none that lowering the status to `draft` could make stale.
        report({ node: status, property: 'value', message: t('proposed-without-approval', {}, lang), data: { supported: 'draft' } });
    }
});
