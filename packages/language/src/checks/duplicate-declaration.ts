import type { AstNode } from 'langium';
import type { AgreementModel } from '../model/types.js';
import { defineCheck, type Report } from './check.js';
import { where, year } from './describe.js';

/**
 * The same id declared twice in scope, across imports too; and, inside one declaration, the same
 * year block, ring-fence or header field written twice, where the second would silently win.
 */
export const duplicateDeclaration = defineCheck({
    code: 'duplicate-declaration',
    severity: 'error',
    tier: 'core',
    summary: 'The same id is declared twice in scope (across imports too), or a year, ring-fence or field is written twice in one declaration.',
    run(model, report) {
        for (const [id, declarations] of model.declarations) {
            if (declarations.length < 2) continue;
            // An imported declaration counts as the first: the one to remove is the one in this file.
            const imported = declarations.filter(declaration => declaration.document !== model.document);
            const local = declarations.filter(declaration => declaration.document === model.document);
            const [original, ...repeats] = [...imported, ...local];
            for (const repeat of repeats) {
                report({
                    node: repeat.node,
                    property: 'name',
                    message: `\`${id}\` is already declared as a ${original.kind} ${where(model, original.node)}`,
                    related: [{ node: original.node, property: 'name', message: `first declaration of \`${id}\`` }]
                });
            }
        }
        reportRepeats(model, report, model.agreementNodes, () => 'title', () => 'this file already has an agreement header');
        for (const pool of model.pools) {
            reportRepeatedKeys(model, report, pool.blocks, block => block.year.start, block => block.node, 'year',
                key => `${year(key)} appears twice in pool ${pool.id}; put all of a year's contributions in one block`);
            reportRepeatedKeys(model, report, pool.ringfences, ringfence => ringfence.id, ringfence => ringfence.node, 'name',
                key => `ring-fence \`${key}\` is declared twice in pool ${pool.id}`);
            reportRepeats(model, report, pool.declaredTotals.map(total => total.node), () => 'amount', () => `pool ${pool.id} declares its overall total twice`);
            for (const block of pool.blocks) {
                reportRepeats(model, report, block.declaredTotals.map(total => total.node), () => 'amount',
                    () => `${block.year.parsed.text} in pool ${pool.id} declares its total twice`);
            }
        }
        if (model.agreement) {
            for (const [keyword, fields] of model.agreement.fieldsByKeyword) {
                if (keyword === 'review') continue; // several review dates are expected
                reportRepeats(model, report, fields, () => undefined, () => `the agreement states its ${keyword} twice; only the first is used`);
            }
        }
        for (const outcome of model.outcomes) {
            for (const [keyword, fields] of outcome.fieldsByKeyword) {
                reportRepeats(model, report, fields, () => undefined, () => `outcome ${outcome.id} states its ${keyword} twice; only the first is used`);
            }
        }
    }
});

function reportRepeats(model: AgreementModel, report: Report, nodes: readonly AstNode[], property: () => string | undefined, message: () => string): void {
    const [original, ...repeats] = nodes;
    for (const repeat of repeats) {
        report({ node: repeat, property: property(), message: message(), related: [{ node: original, message: `first written ${where(model, original)}` }] });
    }
}

function reportRepeatedKeys<T, K>(model: AgreementModel, report: Report, items: readonly T[], key: (item: T) => K | undefined, node: (item: T) => AstNode,
    property: string, message: (key: K) => string): void {
    const seen = new Map<K, AstNode>();
    for (const item of items) {
        const k = key(item);
        if (k === undefined || k === '') continue;
        const original = seen.get(k);
        if (original) {
            report({ node: node(item), property, message: message(k), related: [{ node: original, property, message: `first written ${where(model, original)}` }] });
        } else {
            seen.set(k, node(item));
        }
    }
}
