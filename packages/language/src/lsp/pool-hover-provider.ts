import { type AstNode, AstUtils, CstUtils, type LangiumDocument, type LeafCstNode } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { checkSummary, CHECKS_BY_CODE } from '../checks/index.js';
import { relativeTo } from '../checks/describe.js';
import * as ast from '../generated/ast.js';
import { type Lang, message, render, t } from '../i18n/index.js';
import { formatMoney } from '../money/amount.js';
import { parseFinancialYear, yearLabel } from '../money/financial-year.js';
import { formatPercent } from '../money/percent.js';
import { formatQuantity } from '../money/quantity.js';
import type { Rational } from '../money/rational.js';
import type { AgreementModel } from '../model/types.js';
import type { PoolServices } from '../services/pool-module.js';
import { describeApproval } from './approval-hover.js';
import { describeHeaderVersion } from './header-hover.js';
import { code, escapeMarkdown, markdownAsPlainText, table } from './markdown.js';
import { amountOf, modelOf, outcomeOf, poolOf, ringfenceOf, totalCheckedAgainst } from './model-lookup.js';
import type { PoolSettings } from './pool-settings.js';

/**
 * Hovers that answer what a finance officer asks of a line: who a partner is and what it puts in,
 * what a pool takes in and spends, the exact value of an amount, the dates of a financial year,
 * and what a check code means. Every figure is read from the computed model.
 */
export class PoolHoverProvider extends AstNodeHoverProvider {
    private readonly services: PoolServices;
    private readonly settings: PoolSettings;
    /** Whether the client shows only plain text in hovers (its `hover.contentFormat` leaves out Markdown). */
    private plainText = false;

    constructor(services: PoolServices) {
        super(services);
        this.services = services;
        this.settings = services.pool.Settings;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            const formats = params.capabilities.textDocument?.hover?.contentFormat;
            this.plainText = formats !== undefined && !formats.includes('markdown');
        });
    }

    override getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return Promise.resolve(this.hover(document, params));
    }

    private hover(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        const sections: string[] = [];
        let range: Range | undefined;
        if (leaf && leaf.offset <= offset && offset < leaf.end) {
            const model = modelOf(this.services, document);
            const about = this.hoverForLeaf(model, document, leaf);
            if (about) {
                sections.push(about);
                range = leaf.range;
            }
        }
        for (const section of this.checkExplanations(document, params.position, leaf)) sections.push(section);
        if (sections.length === 0) return undefined;
        const value = sections.join('\n\n---\n\n');
        return { contents: this.plainText ? { kind: 'plaintext', value: markdownAsPlainText(value) } : { kind: 'markdown', value }, range };
    }

    /** Required by the base class; this provider answers in `getHoverContent`. */
    protected getAstNodeHoverContent(): undefined {
        return undefined;
    }

    private hoverForLeaf(model: AgreementModel, document: LangiumDocument, leaf: LeafCstNode): string | undefined {
        if (leaf.hidden) return undefined;
        const declared = this.references.findDeclarations(leaf)[0];
        if (declared) return this.describeDeclaration(model, document, declared);
        const node = leaf.astNode;
        const uplift = AstUtils.getContainerOfType(node, ast.isUplift);
        if (uplift) return describeUplift(model, uplift, this.settings.language);
        const minimum = AstUtils.getContainerOfType(node, ast.isMinimum);
        if (minimum && (ast.isMinimum(node) || (ast.isAmount(node) && node.$container === minimum)))
            return describeMinimum(model, minimum, this.settings.language);
        const payment = AstUtils.getContainerOfType(node, ast.isPayment);
        if (payment && (ast.isPayment(node) || (ast.isAmount(node) && node.$container === payment)))
            return describePayment(model, payment, this.settings.language);
        const cohort = AstUtils.getContainerOfType(node, ast.isCohort);
        if (cohort && (ast.isCohort(node) || (ast.isAmount(node) && node.$container === cohort))) return describeCohort(model, cohort, this.settings.language);
        const saving = AstUtils.getContainerOfType(node, ast.isAppraisalSaving);
        if (saving) return describeAppraisalSaving(model, saving, this.settings.language);
        const benefitReturn = AstUtils.getContainerOfType(node, ast.isBenefitReturn);
        if (benefitReturn) return describeBenefitReturn(model, benefitReturn, this.settings.language);
        if (ast.isAppraisal(node)) return describeAppraisal(model, node, this.settings.language);
        const shareLine = AstUtils.getContainerOfType(node, ast.isShareLine);
        if (shareLine && (ast.isShareLine(node) || (ast.isAmount(node) && node.$container === shareLine))) {
            const about = describeShareLine(model, shareLine, this.settings.language);
            if (about) return about;
        }
        if (ast.isAmount(node)) return this.describeAmount(model, node);
        if (ast.isApproval(node)) return describeApproval(model, node, this.settings.language);
        if (leaf.tokenType.name === 'FIN_YEAR') return describeYear(leaf.text, this.settings);
        const header = AstUtils.getContainerOfType(node, ast.isAgreement);
        if (header && model.agreement?.node === header) return describeHeaderVersion(model, this.settings.language);
        return undefined;
    }

    private describeDeclaration(model: AgreementModel, document: LangiumDocument, node: AstNode): string | undefined {
        const where = declaredElsewhere(document, node, this.settings.language);
        if (ast.isPartner(node)) return [this.describePartner(model, node), where].filter(Boolean).join('\n\n');
        if (ast.isPool(node)) return [this.describePool(model, node), where].filter(Boolean).join('\n\n');
        if (ast.isOutcome(node)) return [describeOutcome(model, node, this.settings.language), where].filter(Boolean).join('\n\n');
        if (ast.isRingFence(node)) return describeRingFence(model, node, this.settings.language);
        if (ast.isStream(node)) return describeStream(model, node, this.settings.language);
        if (ast.isUnitCost(node)) return [describeUnitCost(model, node, this.settings.language), where].filter(Boolean).join('\n\n');
        return undefined;
    }

    private describePartner(model: AgreementModel, node: ast.Partner): string {
        const id = node.name;
        const lang = this.settings.language;
        const heading = { id: code(id), name: escapeMarkdown(node.fullName ?? id), host: model.agreement?.host?.id === id ? 'yes' : 'no' };
        // The parser leaves the kind out of a partner it could not read whole.
        const kind: string | undefined = node.kind;
        const lines = [kind !== undefined ? t('hover.partner.heading', { ...heading, kind }, lang) : t('hover.partner.heading.no-kind', heading, lang)];
        const pools = model.pools.filter(pool => pool.byPartner.has(id));
        if (pools.length === 0) {
            lines.push(t(model.agreement ? 'hover.partner.puts-nothing' : 'hover.partner.register', {}, lang));
            return lines.join('\n\n');
        }
        const years = [
            ...new Set(pools.flatMap(pool => [...pool.years.values()].filter(figures => figures.byPartner.has(id)).map(figures => figures.year)))
        ].sort((a, b) => a - b);
        const rows = pools.map(pool => [
            code(pool.id),
            ...years.map(year => {
                const figures = pool.years.get(year);
                return figures?.byPartner.has(id) ? this.money(model, figures.byPartner.get(id)) : '—';
            }),
            this.money(model, pool.byPartner.get(id))
        ]);
        if (pools.length > 1) {
            const byYear = model.totals.byPartnerAndYear.get(id);
            rows.push([
                t('hover.all-pools', {}, lang),
                ...years.map(year => this.money(model, byYear?.get(year))),
                this.money(model, model.totals.byPartner.get(id))
            ]);
        }
        lines.push(
            `${t('hover.contributions', {}, lang)}\n\n${table([t('hover.pool', {}, lang), ...years.map(yearLabel), t('hover.all-years', {}, lang)], ['left', ...years.map(() => 'right' as const), 'right'], rows)}`
        );
        return lines.join('\n\n');
    }

    private describePool(model: AgreementModel, node: ast.Pool): string {
        const pool = poolOf(model, node);
        const lang = this.settings.language;
        const heading = {
            id: code(node.name),
            title: escapeMarkdown(node.title ?? node.name),
            basis: pool?.section !== undefined ? 'section' : pool?.basisText ? 'text' : 'none',
            section: pool?.section ?? '',
            basisText: escapeMarkdown(pool?.basisText ?? '')
        };
        // The parser leaves the arrangement out of a pool it could not read whole.
        const arrangement: string | undefined = node.arrangement;
        const lines = [
            arrangement !== undefined ? t('hover.pool.heading', { ...heading, arrangement }, lang) : t('hover.pool.heading.no-arrangement', heading, lang)
        ];
        if (!pool || pool.years.size === 0) {
            lines.push(t('hover.pool.empty', {}, lang));
            return lines.join('\n\n');
        }
        const rows = [...pool.years.values()].map(figures => [
            yearLabel(figures.year),
            this.money(model, figures.income),
            figures.spendLines.length > 0 ? this.money(model, figures.spend) : '—',
            figures.balance !== undefined ? this.money(model, figures.balance) : '—'
        ]);
        rows.push([t('hover.all-years', {}, lang), this.money(model, pool.income), this.money(model, pool.spend), '']);
        lines.push(
            table(
                [t('hover.column.year', {}, lang), t('hover.column.in', {}, lang), t('hover.column.spent', {}, lang), t('hover.column.left', {}, lang)],
                ['left', 'right', 'right', 'right'],
                rows
            )
        );
        return lines.join('\n\n');
    }

    private describeAmount(model: AgreementModel, node: ast.Amount): string | undefined {
        const amount = amountOf(model, node);
        if (!amount) return undefined;
        const lang = this.settings.language;
        const written = `**${escapeMarkdown(amount.parsed.text)}**`;
        if (amount.pence === undefined) {
            return `${t('hover.amount.unusable', { amount: written }, lang)}\n\n${amount.problems.map(problem => `- ${escapeMarkdown(render(problem, lang))}`).join('\n')}`;
        }
        const lines = [
            t(
                'hover.amount.exactly',
                { amount: written, exact: escapeMarkdown(formatMoney(amount.pence, { currency: model.currency, pence: 'always' })) },
                lang
            )
        ];
        const owner = node.$container;
        if (ast.isYearTotal(owner) || ast.isPoolTotal(owner)) {
            const sum = totalCheckedAgainst(model, owner);
            if (sum !== undefined) {
                const sumText = escapeMarkdown(formatMoney(sum, { currency: model.currency }));
                lines.push(t(ast.isPoolTotal(owner) ? 'hover.amount.checked-all-years' : 'hover.amount.checked-year', { sum: sumText }, lang));
            }
        }
        return lines.join('\n\n');
    }

    /** What each check reported here means, with a link to its documentation when the client gave one. */
    private checkExplanations(document: LangiumDocument, position: Position, leaf: LeafCstNode | undefined): string[] {
        const codes = new Set<string>();
        for (const diagnostic of document.diagnostics ?? []) {
            if (typeof diagnostic.code === 'string' && contains(diagnostic.range, position)) codes.add(diagnostic.code);
        }
        // A check code written in a comment explains itself too.
        if (leaf?.hidden) {
            const at = document.textDocument.offsetAt(position) - leaf.offset;
            const word = wordAt(leaf.text, at);
            if (word && CHECKS_BY_CODE.has(word)) codes.add(word);
        }
        return [...codes].flatMap(checkCode => {
            const check = CHECKS_BY_CODE.get(checkCode);
            if (!check) return [];
            const href = this.settings.checkDocumentationHref(checkCode);
            const lang = this.settings.language;
            const link = href ? ` [${t('hover.read-more', { code: code(checkCode) }, lang)}](${href})` : '';
            return [`${code(checkCode)} (${check.severity}): ${escapeMarkdown(checkSummary(check, lang))}${link}`];
        });
    }

    private money(model: AgreementModel, pence: bigint | undefined): string {
        return pence === undefined ? t('word.unknown', {}, this.settings.language) : escapeMarkdown(formatMoney(pence, { currency: model.currency }));
    }
}

function describeOutcome(model: AgreementModel, node: ast.Outcome, lang: Lang): string {
    const outcome = outcomeOf(model, node);
    const heading = `${code(node.name)}: **${escapeMarkdown(node.description ?? node.name)}**`;
    if (!outcome) return heading;
    const lines = [heading];
    const { baseline, target } = outcome;
    if (baseline || target) {
        const aim = {
            direction: outcome.direction ?? 'change',
            span: baseline && target ? 'both' : baseline ? 'from' : 'to',
            baseline: escapeMarkdown(baseline?.text ?? ''),
            baselineYear: escapeMarkdown(baseline?.year.parsed.text ?? ''),
            target: escapeMarkdown(target?.text ?? ''),
            targetYear: escapeMarkdown(target?.year.parsed.text ?? ''),
            measured: outcome.measuredBy ? 'yes' : 'no',
            partner: outcome.measuredBy ? code(outcome.measuredBy) : ''
        };
        lines.push(outcome.unit ? t('hover.outcome.aim', { ...aim, unit: escapeMarkdown(outcome.unit) }, lang) : t('hover.outcome.aim.no-unit', aim, lang));
    }
    // A figure the sentence leaves out (its select chose another case) is passed empty.
    const money = (pence: bigint | undefined) => (pence === undefined ? '' : escapeMarkdown(formatMoney(pence, { currency: model.currency })));
    const latest = outcome.latest;
    if (latest) {
        lines.push(
            t(
                'hover.outcome.latest',
                {
                    value: escapeMarkdown(latest.text),
                    // The period as the agreement writes it: `2015/16` or `2015/16 Q2`.
                    period: `${escapeMarkdown(latest.year.parsed.text)}${latest.quarter !== undefined ? ` Q${latest.quarter}` : ''}`,
                    expected: latest.expected !== undefined ? 'yes' : 'no',
                    expectedValue: latest.expected !== undefined ? escapeMarkdown(formatQuantity(latest.expected, latest.isPercent)) : '',
                    rag: latest.rag ?? 'none',
                    earned: latest.earned !== undefined ? 'yes' : 'no',
                    earnedAmount: money(latest.earned)
                },
                lang
            )
        );
    }
    const payment = outcome.payment;
    if (payment && payment.rate.pence !== undefined) {
        lines.push(
            t(
                'hover.payment',
                {
                    rate: money(payment.rate.pence),
                    unit: escapeMarkdown(payment.unitName),
                    atTarget: payment.paymentAtTarget !== undefined ? 'yes' : 'no',
                    atTargetAmount: money(payment.paymentAtTarget),
                    capped: payment.cap?.pence !== undefined ? 'yes' : 'no',
                    cap: money(payment.cap?.pence)
                },
                lang
            )
        );
    }
    return lines.join('\n\n');
}

function describeRingFence(model: AgreementModel, node: ast.RingFence, lang: Lang): string {
    const ringfence = ringfenceOf(model, node);
    const lines = [
        node.purpose
            ? t('hover.ring-fence.heading.for', { id: code(node.name), purpose: escapeMarkdown(node.purpose) }, lang)
            : t('hover.ring-fence.heading', { id: code(node.name) }, lang)
    ];
    if (ringfence?.amount.pence !== undefined && ringfence.year.start !== undefined) {
        const setAside = {
            amount: escapeMarkdown(formatMoney(ringfence.amount.pence, { currency: model.currency })),
            year: yearLabel(ringfence.year.start),
            id: node.name
        };
        lines.push(
            ringfence.taggedSpend !== undefined
                ? t(
                      'hover.ring-fence.set-aside',
                      { ...setAside, tagged: escapeMarkdown(formatMoney(ringfence.taggedSpend, { currency: model.currency })) },
                      lang
                  )
                : t('hover.ring-fence.set-aside.unknown', setAside, lang)
        );
    }
    return lines.join('\n\n');
}

/** A funding stream: its minimum, income and the spending paid from it, year by year, from the model. */
function describeStream(model: AgreementModel, node: ast.Stream, lang: Lang): string {
    const stream = model.pools.flatMap(pool => pool.streams).find(candidate => candidate.node === node);
    const lines = [t('hover.stream.heading', { id: code(node.name), title: escapeMarkdown(node.title ?? node.name), pool: code(node.$container.name) }, lang)];
    if (!stream || stream.years.size === 0) {
        lines.push(t('hover.stream.empty', {}, lang));
        return lines.join('\n\n');
    }
    const money = (pence: bigint | undefined) => (pence === undefined ? '—' : escapeMarkdown(formatMoney(pence, { currency: model.currency })));
    lines.push(
        table(
            [t('hover.column.year', {}, lang), t('hover.column.minimum', {}, lang), t('hover.column.in', {}, lang), t('hover.column.paid-from', {}, lang)],
            ['left', 'right', 'right', 'right'],
            [...stream.years.values()].map(figures => [
                yearLabel(figures.year),
                money(figures.minimum?.pence),
                money(figures.income),
                figures.spendLines.length > 0 ? money(figures.spend) : '—'
            ])
        )
    );
    return lines.join('\n\n');
}

/** An uplift: the year before's minimum times (1 + the uplift), exactly, and rounded by its rule. */
function describeUplift(model: AgreementModel, node: ast.Uplift, lang: Lang): string | undefined {
    const uplift = model.pools
        .flatMap(pool => pool.streams)
        .flatMap(stream => stream.uplifts)
        .find(candidate => candidate.node === node);
    const when = uplift?.year.start;
    if (
        !uplift ||
        uplift.base === undefined ||
        uplift.exact === undefined ||
        uplift.computed === undefined ||
        uplift.points === undefined ||
        when === undefined
    )
        return undefined;
    const money = (pence: bigint) => escapeMarkdown(formatMoney(pence, { currency: model.currency }));
    const exact = escapeMarkdown(`${formatMoney(uplift.exact.floor(), { currency: model.currency, pence: 'always' })}${uplift.exact.isInteger() ? '' : '…'}`);
    const values = {
        base: money(uplift.base),
        previous: yearLabel(when - 1),
        percent: formatPercent(uplift.points),
        exact,
        year: yearLabel(when),
        computed: `**${money(uplift.computed)}**`
    };
    return t(uplift.rounding === 'pound' ? 'hover.uplift.pound' : 'hover.uplift.penny', values, lang);
}

/** A minimum: what the partner contributes that year against it, from the model. */
function describeMinimum(model: AgreementModel, node: ast.Minimum, lang: Lang): string | undefined {
    const minimum = model.pools.flatMap(pool => pool.minimums).find(candidate => candidate.node === node);
    if (
        !minimum ||
        minimum.amount.pence === undefined ||
        minimum.contributed === undefined ||
        minimum.shortfall === undefined ||
        minimum.year.start === undefined
    )
        return undefined;
    const money = (pence: bigint) => escapeMarkdown(formatMoney(pence, { currency: model.currency }));
    const values = {
        partner: escapeMarkdown(model.partners.get(minimum.partnerId)?.name ?? minimum.partnerId),
        year: yearLabel(minimum.year.start),
        minimum: money(minimum.amount.pence),
        contributed: money(minimum.contributed)
    };
    return minimum.shortfall === 0n ? t('hover.minimum.met', values, lang) : t('hover.minimum.short', { ...values, short: money(minimum.shortfall) }, lang);
}

/** Payment by results: what meeting the target pays and the schedule year by year, from the model. */
function describePayment(model: AgreementModel, node: ast.Payment, lang: Lang): string | undefined {
    const payment = model.outcomes.find(outcome => outcome.payment?.node === node)?.payment;
    if (!payment || payment.payable === undefined) return undefined;
    const money = (pence: bigint | undefined) =>
        pence === undefined ? t('word.unknown', {}, lang) : escapeMarkdown(formatMoney(pence, { currency: model.currency }));
    const lines = [t('hover.payment.payable', { amount: money(payment.payable) }, lang)];
    if (payment.schedule.length > 0) {
        lines.push(
            table(
                [t('hover.column.year', {}, lang), t('hover.column.upfront', {}, lang), t('hover.column.results', {}, lang), t('hover.column.total', {}, lang)],
                ['left', 'right', 'right', 'right'],
                payment.schedule.map(entry => [yearLabel(entry.year), money(entry.upfront), money(entry.results), money(entry.amount)])
            )
        );
    }
    return lines.join('\n\n');
}

/** A payment-by-results cohort: the most it can pay, year by year, and what the latest actual earns, from the model. */
function describeCohort(model: AgreementModel, node: ast.Cohort, lang: Lang): string | undefined {
    const cohort = model.outcomes.find(outcome => outcome.cohort?.node === node)?.cohort;
    if (!cohort || cohort.maximum === undefined || cohort.payable === undefined) return undefined;
    const money = (pence: bigint | undefined) =>
        pence === undefined ? t('word.unknown', {}, lang) : escapeMarkdown(formatMoney(pence, { currency: model.currency }));
    const count = (value: Rational | undefined) => (value === undefined ? t('word.unknown', {}, lang) : formatQuantity(value));
    const unit = escapeMarkdown(cohort.unitName);
    const lines = [
        t('hover.cohort.payable', { unit, rate: escapeMarkdown(cohort.rate.parsed.text), maximum: money(cohort.maximum), payable: money(cohort.payable) }, lang)
    ];
    const measured = cohort.claimed !== undefined;
    lines.push(
        table(
            [
                t('hover.column.year', {}, lang),
                t('hover.column.attached', {}, lang),
                t('hover.column.upfront', {}, lang),
                t('hover.column.results', {}, lang),
                t('hover.column.total', {}, lang),
                ...(measured ? [t('hover.column.turned-around', {}, lang), t('hover.column.earned', {}, lang)] : [])
            ],
            ['left', 'right', 'right', 'right', 'right', ...(measured ? (['right', 'right'] as const) : [])],
            cohort.years.map(year => [
                escapeMarkdown(year.year.parsed.text),
                count(year.attached),
                money(year.upfront),
                money(year.results),
                money(year.total),
                ...(measured ? [count(year.turnedAround), money(year.earned)] : [])
            ])
        )
    );
    if (cohort.claimed !== undefined && cohort.earned !== undefined)
        lines.push(t('hover.cohort.earned', { claimed: formatQuantity(cohort.claimed), earned: money(cohort.earned) }, lang));
    return lines.join('\n\n');
}

function moneyIn(model: AgreementModel, lang: Lang): (pence: bigint | undefined) => string {
    return pence => (pence === undefined ? t('word.unknown', {}, lang) : escapeMarkdown(formatMoney(pence, { currency: model.currency })));
}

/** An appraisal's headline figures, and who invests against who benefits. */
function describeAppraisal(model: AgreementModel, node: ast.Appraisal, lang: Lang): string | undefined {
    const appraisal = model.appraisals.find(candidate => candidate.node === node);
    if (!appraisal) return undefined;
    const figures = appraisal.figures;
    if (!figures) return t('hover.appraisal.incomplete', {}, lang);
    const money = moneyIn(model, lang);
    const percent = (points: Rational | undefined) => (points === undefined ? t('word.unknown', {}, lang) : formatPercent(points));
    const args = {
        npv: money(figures.netPresentValue),
        benefits: money(figures.presentBenefits),
        costs: money(figures.presentCosts),
        baseYear: yearLabel(figures.baseYear),
        rate: percent(appraisal.discount.points),
        ratio: figures.benefitCostRatio?.toDecimal(2, 2) ?? t('word.unknown', {}, lang),
        roi: percent(figures.returnOnInvestment)
    };
    const headline =
        figures.paybackYear === undefined
            ? t('hover.appraisal.no-payback', args, lang)
            : t('hover.appraisal', { ...args, payback: yearLabel(figures.paybackYear) }, lang);
    const partners = table(
        [
            t('hover.column.partner', {}, lang),
            t('hover.column.cost-share', {}, lang),
            t('hover.column.benefit-before', {}, lang),
            t('hover.column.benefit-after', {}, lang)
        ],
        ['left', 'right', 'right', 'right'],
        figures.partners.map(partner => [
            escapeMarkdown(partner.partnerId),
            percent(partner.costShare),
            `${money(partner.benefitBefore)} (${percent(partner.benefitShareBefore)})`,
            `${money(partner.benefitAfter)} (${percent(partner.benefitShareAfter)})`
        ])
    );
    return [headline, partners].join('\n\n');
}

function describeAppraisalSaving(model: AgreementModel, node: ast.AppraisalSaving, lang: Lang): string | undefined {
    const appraisal = model.appraisals.find(candidate => candidate.node === node.$container);
    const index = appraisal?.savings.findIndex(line => line.node === node) ?? -1;
    const line = appraisal?.savings[index];
    const figures = appraisal?.figures?.lines[index];
    if (!line || !figures || line.unitCost?.saving?.pence === undefined || !line.count) return undefined;
    const money = moneyIn(model, lang);
    return t(
        'hover.appraisal-saving',
        {
            partner: escapeMarkdown(line.partnerId),
            count: formatQuantity(line.count),
            saving: money(line.unitCost.saving.pence),
            net: money(figures.net),
            discounted: money(figures.discounted)
        },
        lang
    );
}

function describeBenefitReturn(model: AgreementModel, node: ast.BenefitReturn, lang: Lang): string | undefined {
    const amount = model.appraisals.flatMap(appraisal => appraisal.figures?.returns ?? []).find(figure => figure.node === node)?.amount;
    return amount === undefined
        ? undefined
        : t('hover.benefit-return', { partner: escapeMarkdown(node.partner?.$refText ?? ''), amount: moneyIn(model, lang)(amount) }, lang);
}

function describeUnitCost(model: AgreementModel, node: ast.UnitCost, lang: Lang): string | undefined {
    const cost = model.unitCosts.find(candidate => candidate.node === node);
    if (!cost) return undefined;
    const money = moneyIn(model, lang);
    const lines = [
        t(
            'hover.unit-cost',
            {
                description: escapeMarkdown(cost.description),
                agency: escapeMarkdown(cost.agency ?? '—'),
                saving: money(cost.saving?.pence),
                cashable: money(cost.cashable)
            },
            lang
        )
    ];
    if (cost.source !== undefined && cost.priceYear?.start !== undefined)
        lines.push(t('hover.unit-cost.source', { source: escapeMarkdown(cost.source), year: yearLabel(cost.priceYear.start) }, lang));
    if (cost.illustrative) lines.push(t('hover.unit-cost.illustrative', {}, lang));
    return lines.join('\n\n');
}

/** A partner's line of a share: its part in pounds and, for an overspend, what it bears once its cap applies. */
function describeShareLine(model: AgreementModel, node: ast.ShareLine, lang: Lang): string | undefined {
    const share = model.shares.find(candidate => candidate.node === node.$container);
    const index = share?.lines.findIndex(line => line.node === node) ?? -1;
    const part = share?.pounds?.byLine[index];
    if (!share || part === undefined || !share.base) return undefined;
    const money = (pence: bigint) => escapeMarkdown(formatMoney(pence, { currency: model.currency }));
    const partner = escapeMarkdown(model.partners.get(node.partner?.$refText ?? '')?.name ?? node.partner?.$refText ?? '');
    const base = { basis: share.base.basis, amount: money(share.base.pence) };
    const borne = share.liabilities?.byLine[index];
    if (borne !== undefined && share.liabilities?.capped[index])
        return t('hover.share-line.capped', { partner, part: money(part), ...base, borne: money(borne) }, lang);
    return t('hover.share-line.part', { partner, part: money(part), ...base }, lang);
}

function describeYear(text: string, settings: PoolSettings): string {
    const year = parseFinancialYear(text);
    if (year.start === undefined) return escapeMarkdown(render(year.problem ?? message('year.not-a-year', { text }), settings.language));
    return t('hover.year', { year: `**${year.text}**`, start: year.start, end: year.start + 1 }, settings.language);
}

/** `Declared in registers/essex.pool.` for a declaration in another file. */
function declaredElsewhere(document: LangiumDocument, node: AstNode, lang: Lang): string | undefined {
    const home = AstUtils.getDocument(node);
    if (home.uri.toString() === document.uri.toString()) return undefined;
    return t('hover.declared-in', { file: code(relativeTo(document, home)) }, lang);
}

function contains(range: Range, position: Position): boolean {
    const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}

function wordAt(text: string, at: number): string | undefined {
    const isWord = (character: string | undefined) => character !== undefined && /[a-z0-9-]/.test(character);
    if (!isWord(text[at])) return undefined;
    let start = at;
    let end = at;
    while (isWord(text[start - 1])) start--;
    while (isWord(text[end])) end++;
    return text.slice(start, end);
}
