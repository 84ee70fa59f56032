import { type AstNode, AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { formatMoney } from '../money/amount.js';
import { formatPercent } from '../money/percent.js';
import type { AgreementModel, ShareInfo } from '../model/types.js';
import type { PoolServices } from '../services/pool-module.js';
import { modelOf, savingsOf, shareOf, spendBlockOf, yearFiguresOf } from './model-lookup.js';
import type { PoolSettings } from './pool-settings.js';

/**
 * Inlay hints with the figures Pool computes, where they belong: the sum of each year's
 * contributions after its block, what a spend block spends of the year's money, each share in
 * pounds (and, pro rata, in percent). Read from the model; off when `pool.inlayHints.enabled` is.
 */
export class PoolInlayHintProvider implements InlayHintProvider {
    private readonly services: PoolServices;
    private readonly settings: PoolSettings;

    constructor(services: PoolServices) {
        this.services = services;
        this.settings = services.pool.Settings;
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[] | undefined> {
        if (!(await this.settings.inlayHintsEnabled())) return [];
        const model = modelOf(this.services, document);
        const hints: InlayHint[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value, { range: params.range })) {
            hints.push(...this.hintsFor(model, node));
        }
        return hints;
    }

    private hintsFor(model: AgreementModel, node: AstNode): InlayHint[] {
        const money = (pence: bigint) => formatMoney(pence, { currency: model.currency });
        if (ast.isPoolYear(node)) {
            const income = yearFiguresOf(model, node)?.income;
            return income === undefined ? [] : [hint(end(node), `sums to ${money(income)}`, 'The exact sum of this year\'s contributions to the pool.')];
        }
        if (ast.isSpendBlock(node)) {
            const found = spendBlockOf(model, node);
            const spend = found?.figures?.spend;
            if (spend === undefined) return [];
            const income = found?.figures?.income;
            return [hint(end(node), income === undefined ? `spends ${money(spend)}` : `spends ${money(spend)} of ${money(income)}`,
                'The exact sum of the pool\'s spend lines this year, and of its contributions.')];
        }
        if (ast.isSavingsYear(node)) {
            const year = /^(\d{4})\//.exec(node.year ?? '')?.[1];
            const total = year === undefined ? undefined : savingsOf(model, node.$container)?.byYear.get(Number(year));
            return total === undefined ? [] : [hint(end(node), `sums to ${money(total)}`, 'The exact sum of the savings projected for this year.')];
        }
        if (ast.isShare(node)) {
            const share = shareOf(model, node);
            return share ? shareHints(share, money) : [];
        }
        return [];
    }
}

function shareHints(share: ShareInfo, money: (pence: bigint) => string): InlayHint[] {
    const hints: InlayHint[] = [];
    const of = share.base ? ` of ${share.base.description}` : '';
    const unlisted: string[] = [];
    share.lines.forEach((line, index) => {
        const pounds = share.pounds?.byLine[index];
        const percent = share.proRata && line.points !== undefined ? formatPercent(line.points) : undefined;
        const label = [percent, pounds !== undefined ? money(pounds) : undefined].filter(Boolean).join(' = ');
        if (!label) return;
        if (!line.node) {
            unlisted.push(`${line.partnerId} ${label}`);
            return;
        }
        const anchor = GrammarUtils.findNodeForProperty(line.node.$cstNode, 'percent') ?? GrammarUtils.findNodeForProperty(line.node.$cstNode, 'partner');
        if (anchor) hints.push(hint(anchor.range.end, label, `${line.partnerId}'s share${of}.`));
    });
    share.reinvestments.forEach((reinvestment, index) => {
        const anchor = GrammarUtils.findNodeForProperty(reinvestment.node.$cstNode, 'percent');
        if (anchor && index === 0 && share.pounds && share.reinvestments.length === 1) {
            hints.push(hint(anchor.range.end, money(share.pounds.reinvested), `Put back into the pool${of}.`));
        }
    });
    if (unlisted.length > 0 && share.node.$cstNode) {
        hints.push(hint(end(share.node), unlisted.join(', '), `Each partner's share pro rata to its contributions${of}.`));
    }
    return hints;
}

function hint(position: Position, label: string, tooltip: string): InlayHint {
    return { position, label, tooltip, paddingLeft: true };
}

function end(node: AstNode): Position {
    return node.$cstNode!.range.end;
}
