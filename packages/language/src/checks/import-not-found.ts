import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';

export const importNotFound = defineCheck({
    code: 'import-not-found',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const resolved of model.imports) {
            const path = resolved.node.path ?? '';
            const message = resolved.status === 'loaded' ? undefined : t(`import-not-found.${resolved.status}`, { path, reason: resolved.reason ?? '' }, lang);
            if (message) {
                report({ node: resolved.node, property: 'path', message });
            }
        }
    }
});
