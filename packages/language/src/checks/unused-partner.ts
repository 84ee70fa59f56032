import { en, t } from '../i18n/messages.js';
import { AstUtils } from 'langium';
import { Partner } from '../generated/ast.js';
import { defineCheck } from './check.js';

/**
 * A partner declared in an agreement and never named again. Registers (files without an
 * agreement header) exist to be imported, so their partners are not reported.
 */
export const unusedPartner = defineCheck({
    code: 'unused-partner',
    severity: 'warning',
    tier: 'core',
    summary: en['summary.unused-partner'],
    run(model, report, lang) {
        if (!model.agreement) return;
        const used = new Set<string>();
        for (const document of model.documents) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                for (const reference of AstUtils.streamReferences(node)) {
                    if (reference.reference.$refText) used.add(reference.reference.$refText);
                }
            }
        }
        for (const partner of model.document.parseResult.value.partners ?? []) {
            if (!partner.name || used.has(partner.name)) continue;
            report({
                node: partner,
                property: 'name',
                message: t('unused-partner', { id: partner.name, fullName: partner.fullName ? ` (${partner.fullName})` : '' }, lang),
                data: { type: Partner.$type }
            });
        }
    }
});
