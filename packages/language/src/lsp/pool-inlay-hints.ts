import { type AstNode, AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { type Lang, t } from '../i18n/index.js';
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
            for (const hint of this.hintsFor(model, node)) hints.push(hint);
        }
        return hints;
    }

    private hintsFor(model: AgreementModel, node: AstNode): InlayHint[] {
        const money = (pence: bigint) => formatMoney(pence, { currency: model.currency });
        const lang = this.settings.language;
        if (ast.isPoolYear(node)) {
            const income = yearFiguresOf(model, node)?.income;
            return income === undefined
                ? []
                : [hint(end(node), t('inlay.sums-to', { amount: money(income) }, lang), t('inlay.sums-to.contributions', {}, lang))];
        }
        if (ast.isSpendBlock(node)) {
            const found = spendBlockOf(model, node);
            const spend = found?.figures?.spend;
            if (spend === undefined) return [];
            const income = found?.figures?.income;
            return [
                hint(
                    end(node),
                    income === undefined
                        ? t('inlay.spends', { spend: money(spend) }, lang)
                        : t('inlay.spends-of', { spend: money(spend), income: money(income) }, lang),
                    t('inlay.spends.tooltip', {}, lang)
                )
            ];
        }
        if (ast.isSavingsYear(node)) {
            const year = /^(\d{4})\//.exec(node.year ?? '')?.[1];
            const total = year === undefined ? undefined : savingsOf(model, node.$container)?.byYear.get(Number(year));
            return total === undefined ? [] : [hint(end(node), t('inlay.sums-to', { amount: money(total) }, lang), t('inlay.sums-to.savings', {}, lang))];
        }
        if (ast.isUplift(node)) {
            const uplift = model.pools
                .flatMap(pool => pool.streams)
                .flatMap(stream => stream.uplifts)
                .find(candidate => candidate.node === node);
            return uplift?.computed === undefined
                ? []
                : [hint(end(node), t('inlay.uplifted', { amount: money(uplift.computed) }, lang), t('inlay.uplifted.tooltip', {}, lang))];
        }
        if (ast.isCohortYear(node)) {
            const year = model.outcomes.flatMap(outcome => outcome.cohort?.years ?? []).find(candidate => candidate.node === node);
            return year?.total === undefined || year.upfront === undefined
                ? []
                : [
                      hint(
                          end(node),
                          t('inlay.cohort-year', { total: money(year.total), upfront: money(year.upfront) }, lang),
                          t('inlay.cohort-year.tooltip', {}, lang)
                      )
                  ];
        }
        if (ast.isAppraisalSaving(node)) {
            const appraisal = model.appraisals.find(candidate => candidate.node === node.$container);
            const index = appraisal?.savings.findIndex(line => line.node === node) ?? -1;
            const line = appraisal?.figures?.lines[index];
            return line
                ? [
                      hint(
                          end(node),
                          t('inlay.appraisal-saving', { net: money(line.net), discounted: money(line.discounted) }, lang),
                          t('inlay.appraisal-saving.tooltip', {}, lang)
                      )
                  ]
                : [];
        }
        if (ast.isShare(node)) {
            const share = shareOf(model, node);
            return share ? shareHints(share, money, lang) : [];
        }
        return [];
    }
}

function shareHints(share: ShareInfo, money: (pence: bigint) => string, lang: Lang): InlayHint[] {
    const hints: InlayHint[] = [];
    const base = share.base ? { basis: share.base.basis, amount: money(share.base.pence) } : undefined;
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
        if (anchor)
            hints.push(
                hint(
                    anchor.range.end,
                    label,
                    base ? t('inlay.share-of', { partner: line.partnerId, ...base }, lang) : t('inlay.share', { partner: line.partnerId }, lang)
                )
            );
    });
    share.reinvestments.forEach((reinvestment, index) => {
        const anchor = GrammarUtils.findNodeForProperty(reinvestment.node.$cstNode, 'percent');
        if (anchor && index === 0 && share.pounds && share.reinvestments.length === 1) {
            hints.push(hint(anchor.range.end, money(share.pounds.reinvested), base ? t('inlay.reinvested-of', base, lang) : t('inlay.reinvested', {}, lang)));
        }
    });
    if (unlisted.length > 0 && share.node.$cstNode) {
        hints.push(hint(end(share.node), unlisted.join(', '), base ? t('inlay.pro-rata-of', base, lang) : t('inlay.pro-rata', {}, lang)));
    }
    return hints;
}

function hint(position: Position, label: string, tooltip: string): InlayHint {
    return { position, label, tooltip, paddingLeft: true };
}

function end(node: AstNode): Position {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- hints are placed after nodes of the parsed text, which all have their text's node.
    return node.$cstNode!.range.end;
}
