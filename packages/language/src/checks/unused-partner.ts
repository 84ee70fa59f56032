import { Partner } from '../generated/ast.js';
import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';

/**
 * A partner declared in an agreement and never named again: the model lists every place the
 * agreement and its imports name a partner (`partnerUses`). Registers (files without an agreement
 * header) exist to be imported, so their partners are not reported.
 */
export const unusedPartner = defineCheck({
    code: 'unused-partner',
    severity: 'warning',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        if (!model.agreement) return;
        for (const declarations of model.declarations.values()) {
            for (const declaration of declarations) {
                if (declaration.kind !== 'partner' || declaration.document !== model.document || model.partnerUses.has(declaration.id)) continue;
                const fullName = model.partners.get(declaration.id)?.node === declaration.node ? model.partners.get(declaration.id)?.name : undefined;
                report({
                    node: declaration.node,
                    property: 'name',
                    message: t('unused-partner', { id: declaration.id, fullName: fullName ? ` (${fullName})` : '' }, lang),
                    data: { type: Partner.$type }
                });
            }
        }
    }
});
