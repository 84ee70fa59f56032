import { AstUtils, DocumentState } from 'langium';
import { type Document, Partner } from '../generated/ast.js';
import { en, t } from '../i18n/messages.js';
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
        const named = model.documents.map(document => namesReferencedIn(document.parseResult.value));
        for (const partner of model.document.parseResult.value.partners ?? []) {
            if (!partner.name || named.some(names => names.has(partner.name))) continue;
            report({
                node: partner,
                property: 'name',
                message: t('unused-partner', { id: partner.name, fullName: partner.fullName ? ` (${partner.fullName})` : '' }, lang),
                data: { type: Partner.$type }
            });
        }
    }
});

/**
 * Every name written where a reference belongs in a syntax tree. A reference's text is fixed when
 * the text is parsed, so the set is kept per tree: in a workspace where a thousand agreements
 * import one register, the register is walked once, not once per agreement.
 */
const referencedNames = new WeakMap<Document, Set<string>>();

function namesReferencedIn(root: Document): Set<string> {
    let names = referencedNames.get(root);
    if (!names) {
        names = new Set<string>();
        const document = AstUtils.getDocument(root);
        if (document.state >= DocumentState.Linked) {
            // Linking has listed every reference of the document already.
            for (const reference of document.references) {
                if (reference.$refText) names.add(reference.$refText);
            }
        } else {
            for (const node of AstUtils.streamAst(root)) {
                for (const reference of AstUtils.streamReferences(node)) {
                    if (reference.reference.$refText) names.add(reference.reference.$refText);
                }
            }
        }
        referencedNames.set(root, names);
    }
    return names;
}
