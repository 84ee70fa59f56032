import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { partnerName } from './describe.js';

/** The host holds a pooled fund; a host that puts nothing into it is unusual enough to ask about. */
export const hostNotContributing = defineCheck({
    code: 'host-not-contributing',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        const host = model.agreement?.host;
        if (!host?.partner) return;
        for (const pool of model.pools) {
            if (pool.arrangement !== 'pooled' || pool.contributions.length === 0) continue;
            const contribution = pool.byPartner.get(host.id);
            if (contribution === undefined && pool.byPartner.has(host.id)) continue; // unknown amount
            if ((contribution ?? 0n) > 0n) continue;
            report({
                node: pool.node,
                property: 'name',
                message: t('host-not-contributing', { host: partnerName(model, host.id), pool: pool.id }, lang),
                related: [{ node: host.node, property: 'partner', message: t('host-not-contributing.host', {}, lang) }]
            });
        }
    }
});
