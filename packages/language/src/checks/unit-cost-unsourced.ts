import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/** A unit cost in a business case has to say where it comes from and which year's prices it is in. */
export const unitCostUnsourced = defineCheck({
    code: 'unit-cost-unsourced',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const cost of model.unitCosts) {
            // Without a saving (missing-field says so) there is no figure to source yet.
            if (cost.document !== model.document || !cost.saving || (cost.source !== undefined && cost.priceYear !== undefined)) continue;
            const key = cost.source === undefined && cost.priceYear === undefined ? 'both' : cost.source === undefined ? 'source' : 'price-year';
            const saving = cost.saving.pence === undefined ? cost.saving.parsed.text : money(model, cost.saving.pence);
            report({ node: cost.node, property: 'name', message: t(`unit-cost-unsourced.${key}`, { id: cost.id, saving }, lang) });
        }
    }
});
