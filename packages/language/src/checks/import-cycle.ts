import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { relativeTo } from './describe.js';

export const importCycle = defineCheck({
    code: 'import-cycle',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const resolved of model.imports) {
            const cycle = resolved.cycle;
            if (!cycle) continue;
            const names = [model.document, ...cycle].map(doc => relativeTo(model.document, doc));
            report({
                node: resolved.node,
                property: 'path',
                message: t('import-cycle', { path: resolved.node.path, cycle: names.join(' → ') }, lang)
            });
        }
    }
});
