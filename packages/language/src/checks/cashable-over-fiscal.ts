import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money } from './describe.js';

/** The cashable part of a saving (money that can be taken out of a budget) is part of the saving, so never more than it. */
export const cashableOverFiscal = defineCheck({
    code: 'cashable-over-fiscal',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const cost of model.unitCosts) {
            if (cost.document !== model.document) continue;
            const saving = cost.saving?.pence;
            const cashable = cost.cashableAmount?.pence;
            if (saving === undefined || cashable === undefined || cashable <= saving || !cost.cashableNode) continue;
            report({
                node: cost.cashableNode,
                property: 'amount',
                message: t(
                    'cashable-over-fiscal',
                    { id: cost.id, cashable: money(model, cashable), saving: money(model, saving), over: money(model, cashable - saving) },
                    lang
                )
            });
        }
    }
});
