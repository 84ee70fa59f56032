import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { didYouMean } from './describe.js';
import { closestNames } from './suggest.js';

/**
 * Every agreement names its host (the accountable body), and the host is one of its partners. A
 * host misspelt so that exactly one partner has a close name has a quick fix (that name); an
 * agreement that names no host needs the partners to say which of them is accountable.
 */
export const missingHost = defineCheck({
    code: 'missing-host',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        const agreement = model.agreement;
        if (!agreement) return;
        if (!agreement.node.fields.some(field => field.$type === 'HostField')) {
            report({
                node: agreement.node,
                property: 'title',
                message: t('missing-host.none', {}, lang)
            });
            return;
        }
        const host = agreement.host;
        // The host may be declared in an import that could not be read: that import's error is the one cause.
        if (host && !host.node.partner?.ref && !model.importsUnread) {
            const near = closestNames(host.id, model.partners.keys());
            report({
                node: host.node,
                property: 'partner',
                message: t('missing-host.not-partner', { id: host.id, ...didYouMean(near, lang) }, lang),
                data: { kind: 'partner', name: host.id, suggestions: near }
            });
        }
    }
});
