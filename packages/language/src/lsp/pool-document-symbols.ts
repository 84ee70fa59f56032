import { type AstNode, type CstNode, GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { t } from '../i18n/index.js';
import { formatMoney } from '../money/amount.js';
import type { AgreementModel } from '../model/types.js';
import type { PoolServices } from '../services/pool-module.js';
import { modelOf, savingsOf, spendBlockOf, yearFiguresOf } from './model-lookup.js';

/**
 * The outline of an agreement: its header, imports, partners, pools (with their years,
 * minimums and ring-fences), spend blocks, outcomes, shares and savings, each named the way the
 * text names it, with the figures the model computes beside the years and blocks.
 */
export class PoolDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly kinds: NodeKindProvider;

    constructor(private readonly services: PoolServices) {
        this.kinds = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = modelOf(this.services, document);
        const root = document.parseResult.value as ast.Document;
        const declarations: AstNode[] = [
            ...root.agreements,
            ...root.imports,
            ...root.partners,
            ...root.pools,
            ...root.spends,
            ...root.outcomes,
            ...root.shares,
            ...root.savings,
            ...root.approvals
        ].sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
        return declarations.flatMap(node => this.symbolFor(model, node));
    }

    private symbolFor(model: AgreementModel, node: AstNode): DocumentSymbol[] {
        const money = (pence: bigint | undefined) => (pence === undefined ? undefined : formatMoney(pence, { currency: model.currency }));
        if (ast.isAgreement(node)) return this.symbol(node, node.title || 'agreement', 'title', 'agreement');
        if (ast.isImport(node)) return this.symbol(node, node.path || 'import', 'path');
        if (ast.isPartner(node)) return this.symbol(node, node.name, 'name', node.fullName);
        if (ast.isOutcome(node)) return this.symbol(node, node.name, 'name', node.description);
        if (ast.isPool(node)) {
            const children = [
                ...node.years.flatMap(block => this.symbol(block, block.year, 'year', money(yearFiguresOf(model, block)?.income))),
                ...node.minimums.flatMap(minimum => this.symbol(minimum, `minimum ${minimum.partner?.$refText ?? ''} ${minimum.year ?? ''}`.trim(), 'partner')),
                ...node.ringfences.flatMap(ringfence => this.symbol(ringfence, ringfence.name, 'name', ringfence.purpose))
            ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
            return this.symbol(node, node.name, 'name', node.title, children);
        }
        if (ast.isSpendBlock(node)) {
            const children = node.lines.flatMap(line => this.symbol(line, line.name || 'spend line', 'name', line.amount?.value));
            return this.symbol(
                node,
                `spend ${node.pool?.$refText ?? ''} ${node.year ?? ''}`.trim(),
                'pool',
                money(spendBlockOf(model, node)?.figures?.spend),
                children
            );
        }
        if (ast.isShare(node)) {
            return this.symbol(
                node,
                `share ${node.kind ?? ''} of ${node.subject?.$refText ?? ''}`.trim(),
                'kind',
                node.proRata ? t('outline.pro-rata', {}, this.services.pool.Settings.language) : undefined
            );
        }
        if (ast.isSavings(node)) {
            const savings = savingsOf(model, node);
            const children = node.years.flatMap(block => {
                const start = /^(\d{4})\//.exec(block.year ?? '')?.[1];
                return this.symbol(block, block.year, 'year', money(start === undefined ? undefined : savings?.byYear.get(Number(start))));
            });
            return this.symbol(node, `savings of ${node.pool?.$refText ?? ''}`.trim(), 'pool', money(savings?.total), children);
        }
        if (ast.isApprovals(node)) {
            const children = node.entries.flatMap(entry =>
                this.symbol(entry, `${entry.partner?.$refText ?? ''}, ${entry.approver ?? ''}`, 'partner', entry.date)
            );
            const stale = new Set(model.approvals.filter(approval => approval.stale).map(approval => approval.node));
            const fresh = node.entries.filter(entry => !stale.has(entry)).length;
            return this.symbol(
                node,
                'approvals',
                'entries',
                t('outline.approvals-current', { current: fresh, total: node.entries.length }, this.services.pool.Settings.language),
                children
            );
        }
        return [];
    }

    private symbol(node: AstNode, name: string | undefined, nameProperty: string, detail?: string, children?: DocumentSymbol[]): DocumentSymbol[] {
        const cst = node.$cstNode;
        if (!cst || !name) return [];
        const nameNode: CstNode = GrammarUtils.findNodeForProperty(cst, nameProperty) ?? cst;
        return [
            {
                name,
                detail,
                kind: this.kinds.getSymbolKind(node),
                range: cst.range,
                selectionRange: nameNode.range,
                children: children && children.length > 0 ? children : undefined
            }
        ];
    }
}
