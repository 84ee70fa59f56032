import type { AstNode } from 'langium';
import { type Lang, t } from '../i18n/index.js';
import * as ast from '../generated/ast.js';
import { fieldKeyword, groupByKeyword } from '../model/fields.js';
import type { AgreementModel } from '../model/types.js';
import { defineCheck, type Report } from './check.js';
import { where, year } from './describe.js';
import { removal, writtenTheSame } from './removal.js';

/**
 * The same id declared twice in scope, across imports too; and, inside one declaration, the same
 * year block, ring-fence or header field written twice, where the second would silently win.
 * A repeat written exactly as the first (a line pasted twice, a partner declared both here and in
 * the register this file imports) has one sure repair, which the quick fix makes: removing the
 * repeat changes nothing. Repeats that differ need the writer to say which is right.
 */
export const duplicateDeclaration = defineCheck({
    code: 'duplicate-declaration',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        const repeats = repeatReporter(model, report, lang);
        for (const [id, declarations] of model.declarations) {
            if (declarations.length < 2) continue;
            // An imported declaration counts as the first: the one to remove is the one in this file.
            const imported = declarations.filter(declaration => declaration.document !== model.document);
            const local = declarations.filter(declaration => declaration.document === model.document);
            const [original, ...repeats] = [...imported, ...local];
            if (original === undefined) continue;
            for (const repeat of repeats) {
                report({
                    node: repeat.node,
                    property: 'name',
                    message: t('duplicate-declaration.id', { id, kind: original.kind, ...where(model, original.node) }, lang),
                    related: [{ node: original.node, property: 'name', message: t('duplicate-declaration.first-declaration', { id }, lang) }],
                    data: repeatFacts(model, original.node, repeat.node)
                });
            }
        }
        repeats.nodes(model.agreementNodes, 'title', () => t('duplicate-declaration.header', {}, lang));
        for (const pool of model.pools) {
            repeats.keys(
                pool.blocks,
                block => block.year.start,
                block => block.node,
                'year',
                key => t('duplicate-declaration.year', { year: year(key), pool: pool.id }, lang)
            );
            repeats.keys(
                pool.ringfences,
                ringfence => ringfence.id,
                ringfence => ringfence.node,
                'name',
                key => t('duplicate-declaration.ring-fence', { id: key, pool: pool.id }, lang)
            );
            repeats.nodes(
                pool.declaredTotals.map(total => total.node),
                'amount',
                () => t('duplicate-declaration.pool-total', { pool: pool.id }, lang)
            );
            for (const block of pool.blocks) {
                repeats.nodes(
                    block.declaredTotals.map(total => total.node),
                    'amount',
                    () => t('duplicate-declaration.year-total', { year: block.year.parsed.text, pool: pool.id }, lang)
                );
            }
        }
        if (model.agreement) {
            for (const [keyword, fields] of model.agreement.fieldsByKeyword) {
                if (keyword === 'review') continue; // several review dates are expected
                repeats.nodes(fields, undefined, () => t('duplicate-declaration.agreement-field', { keyword }, lang));
            }
        }
        for (const outcome of model.outcomes) {
            for (const [keyword, fields] of outcome.fieldsByKeyword) {
                repeats.nodes(fields, undefined, () => t('duplicate-declaration.outcome-field', { outcome: outcome.id, keyword }, lang));
            }
        }
        for (const cost of model.unitCosts) {
            if (cost.document !== model.document) continue;
            for (const [keyword, fields] of groupByKeyword(cost.node.fields ?? [])) {
                repeats.nodes(fields, undefined, () => t('duplicate-declaration.unit-cost-field', { id: cost.id, keyword }, lang));
            }
        }
        repeats.keys(
            model.appraisals,
            appraisal => appraisal.poolId,
            appraisal => appraisal.node,
            'pool',
            key => t('duplicate-declaration.appraisal', { pool: key }, lang)
        );
        for (const appraisal of model.appraisals) {
            const pool = appraisal.poolId;
            const single = (appraisal.node.fields ?? []).filter(
                field => !ast.isAppraisalCohort(field) && !ast.isAppraisalSaving(field) && !ast.isBenefitReturn(field)
            );
            const keyword = (field: AstNode) => (ast.isAppraisalRate(field) ? (field.kind === 'optimism' ? 'optimism bias' : field.kind) : fieldKeyword(field));
            const groups = new Map<string, AstNode[]>();
            for (const field of single) groups.set(keyword(field), [...(groups.get(keyword(field)) ?? []), field]);
            for (const [name, fields] of groups) {
                repeats.nodes(fields, undefined, () => t('duplicate-declaration.appraisal-field', { pool, keyword: name }, lang));
            }
            repeats.keys(
                appraisal.cohorts,
                cohort => cohort.year.start,
                cohort => cohort.node,
                'year',
                key => t('duplicate-declaration.appraisal-cohort', { pool, year: year(key) }, lang)
            );
        }
    }
});

/** Reports the second and later of things written more than once, each pointing back to the first. */
function repeatReporter(model: AgreementModel, report: Report, lang: Lang) {
    const firstWritten = (original: AstNode) => t('duplicate-declaration.first-written', where(model, original), lang);
    return {
        /** Every node after the first of a list that should hold one. */
        nodes(nodes: readonly AstNode[], property: string | undefined, message: () => string): void {
            const [original, ...repeated] = nodes;
            if (original === undefined) return;
            for (const repeat of repeated) {
                report({
                    node: repeat,
                    property,
                    message: message(),
                    related: [{ node: original, message: firstWritten(original) }],
                    data: repeatFacts(model, original, repeat)
                });
            }
        },
        /** Every item whose key an earlier item already had. */
        keys<T, K>(items: readonly T[], key: (item: T) => K | undefined, node: (item: T) => AstNode, property: string, message: (key: K) => string): void {
            const seen = new Map<K, AstNode>();
            for (const item of items) {
                const k = key(item);
                if (k === undefined || k === '') continue;
                const original = seen.get(k);
                if (original) {
                    report({
                        node: node(item),
                        property,
                        message: message(k),
                        related: [{ node: original, property, message: firstWritten(original) }],
                        data: repeatFacts(model, original, node(item))
                    });
                } else {
                    seen.set(k, node(item));
                }
            }
        }
    };
}

/** For the quick fix: the repeat to remove, when it is written exactly as the first (see removal.ts). */
function repeatFacts(model: AgreementModel, original: AstNode, repeat: AstNode): Record<string, unknown> | undefined {
    if (!writtenTheSame(original, repeat)) return undefined;
    const facts = removal(repeat);
    return facts ? { ...facts, first: where(model, original) } : undefined;
}
