import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { contributors, isSection75 } from './pools.js';

/**
 * Section 75 of the NHS Act 2006 lets NHS bodies and local authorities pool money. A pooled fund
 * with other contributors needs another legal basis (stated with `under "…"`), or those partners
 * should align their money instead.
 */
export const s75Party = defineCheck({
    code: 's75-party',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            if (!isSection75(pool)) continue;
            for (const [partnerId, line] of contributors(pool)) {
                const partner = model.partners.get(partnerId);
                // A partner whose kind a syntax error cut off is reported as that error, not guessed at here.
                if (!partner || partner.kind === undefined || partner.kind === 'council' || partner.kind === 'health') continue;
                report({
                    node: line.node,
                    property: 'partner',
                    message: t('s75-party', { id: partnerId, name: partner.name, kind: partner.kind, pool: pool.id }, lang)
                });
            }
        }
    }
});
