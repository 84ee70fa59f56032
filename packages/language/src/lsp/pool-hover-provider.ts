import { type AstNode, AstUtils, CstUtils, type LangiumDocument, type LeafCstNode } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { CHECKS_BY_CODE } from '../checks/index.js';
import { relativeTo } from '../checks/describe.js';
import * as ast from '../generated/ast.js';
import { message, render } from '../i18n/messages.js';
import { formatMoney } from '../money/amount.js';
import { parseFinancialYear, yearLabel } from '../money/financial-year.js';
import { formatQuantity } from '../money/quantity.js';
import type { AgreementModel } from '../model/types.js';
import type { PoolServices } from '../services/pool-module.js';
import { code, escapeMarkdown, table } from './markdown.js';
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

    constructor(services: PoolServices) {
        super(services);
        this.services = services;
        this.settings = services.pool.Settings;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
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
        sections.push(...this.checkExplanations(document, params.position, leaf));
        if (sections.length === 0) return undefined;
        return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range };
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
        if (ast.isAmount(node)) return this.describeAmount(model, node);
        if (ast.isApproval(node)) return describeApproval(model, node);
        if (leaf.tokenType.name === 'FIN_YEAR') return describeYear(leaf.text, this.settings);
        return undefined;
    }

    private describeDeclaration(model: AgreementModel, document: LangiumDocument, node: AstNode): string | undefined {
        const where = declaredElsewhere(document, node);
        if (ast.isPartner(node)) return [this.describePartner(model, node), where].filter(Boolean).join('\n\n');
        if (ast.isPool(node)) return [this.describePool(model, node), where].filter(Boolean).join('\n\n');
        if (ast.isOutcome(node)) return [describeOutcome(model, node), where].filter(Boolean).join('\n\n');
        if (ast.isRingFence(node)) return describeRingFence(model, node);
        return undefined;
    }

    private describePartner(model: AgreementModel, node: ast.Partner): string {
        const id = node.name;
        const lines = [`${code(id)}: **${escapeMarkdown(node.fullName ?? id)}**, ${node.kind ?? 'partner'}`];
        if (model.agreement?.host?.id === id) lines[0] += ', the host (accountable body)';
        const pools = model.pools.filter(pool => pool.byPartner.has(id));
        if (pools.length === 0) {
            lines.push(model.agreement ? 'Puts nothing into any pool of this agreement.' : 'No pools in this file: the agreements that import it show what it puts in.');
            return lines.join('\n\n');
        }
        const years = [...new Set(pools.flatMap(pool => [...pool.years.values()].filter(figures => figures.byPartner.has(id)).map(figures => figures.year)))].sort((a, b) => a - b);
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
            rows.push(['all pools', ...years.map(year => this.money(model, byYear?.get(year))), this.money(model, model.totals.byPartner.get(id))]);
        }
        lines.push(`Contributions:\n\n${table(['pool', ...years.map(yearLabel), 'all years'], ['left', ...years.map(() => 'right' as const), 'right'], rows)}`);
        return lines.join('\n\n');
    }

    private describePool(model: AgreementModel, node: ast.Pool): string {
        const pool = poolOf(model, node);
        const basis = node.basis?.section !== undefined ? ` under section ${node.basis.section}` : node.basis?.text ? ` under ${escapeMarkdown(node.basis.text)}` : '';
        const lines = [`${code(node.name)}: **${escapeMarkdown(node.title ?? node.name)}**, ${node.arrangement ?? 'pool'}${basis}`];
        if (!pool || pool.years.size === 0) {
            lines.push('No contributions or spending yet.');
            return lines.join('\n\n');
        }
        const rows = [...pool.years.values()].map(figures => [
            yearLabel(figures.year),
            this.money(model, figures.income),
            figures.spendLines.length > 0 ? this.money(model, figures.spend) : '—',
            figures.balance !== undefined ? this.money(model, figures.balance) : '—'
        ]);
        rows.push(['all years', this.money(model, pool.income), this.money(model, pool.spend), '']);
        lines.push(table(['year', 'in', 'spent', 'left'], ['left', 'right', 'right', 'right'], rows));
        return lines.join('\n\n');
    }

    private describeAmount(model: AgreementModel, node: ast.Amount): string | undefined {
        const amount = amountOf(model, node);
        if (!amount) return undefined;
        const written = `**${escapeMarkdown(amount.parsed.text)}**`;
        if (amount.pence === undefined) {
            return `${written} cannot be used in totals:\n\n${amount.problems.map(problem => `- ${escapeMarkdown(render(problem, this.settings.language))}`).join('\n')}`;
        }
        const lines = [`${written} is exactly ${escapeMarkdown(formatMoney(amount.pence, { currency: model.currency, pence: 'always' }))}`];
        const owner = node.$container;
        if (ast.isYearTotal(owner) || ast.isPoolTotal(owner)) {
            const sum = totalCheckedAgainst(model, owner);
            if (sum !== undefined) {
                const scope = ast.isPoolTotal(owner) ? 'all years\' contributions' : 'the contributions of the year';
                lines.push(`Checked against ${scope}, which sum to ${escapeMarkdown(formatMoney(sum, { currency: model.currency }))}.`);
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
            const link = href ? ` [Read more about ${code(checkCode)}](${href})` : '';
            return [`${code(checkCode)} (${check.severity}): ${escapeMarkdown(check.summary)}${link}`];
        });
    }

    private money(model: AgreementModel, pence: bigint | undefined): string {
        return pence === undefined ? 'unknown' : escapeMarkdown(formatMoney(pence, { currency: model.currency }));
    }
}

function describeOutcome(model: AgreementModel, node: ast.Outcome): string {
    const outcome = outcomeOf(model, node);
    const lines = [`${code(node.name)}: **${escapeMarkdown(node.description ?? node.name)}**`];
    if (!outcome) return lines[0];
    const parts: string[] = [];
    if (outcome.baseline) parts.push(`from ${escapeMarkdown(outcome.baseline.text)} in ${escapeMarkdown(outcome.baseline.year.parsed.text)}`);
    if (outcome.target) parts.push(`to ${escapeMarkdown(outcome.target.text)} by ${escapeMarkdown(outcome.target.year.parsed.text)}`);
    if (parts.length > 0) {
        const unit = outcome.unit ? ` ${escapeMarkdown(outcome.unit)}` : '';
        lines.push(`${outcome.direction === 'reduce' ? 'Reduce' : outcome.direction === 'increase' ? 'Increase' : 'Change'}${unit} ${parts.join(' ')}${outcome.measuredBy ? `, measured by ${code(outcome.measuredBy)}` : ''}.`);
    }
    const latest = outcome.latest;
    if (latest) {
        const period = `${escapeMarkdown(latest.year.parsed.text)}${latest.quarter !== undefined ? ` Q${latest.quarter}` : ''}`;
        const expected = latest.expected !== undefined ? `, against ${escapeMarkdown(formatQuantity(latest.expected, latest.isPercent))} expected by then` : '';
        const rag = latest.rag ? ` **${latest.rag}**` : '';
        const earned = latest.earned !== undefined ? `; earned ${escapeMarkdown(formatMoney(latest.earned, { currency: model.currency }))}` : '';
        lines.push(`Latest actual: ${escapeMarkdown(latest.text)} in ${period}${expected}:${rag || ' no status'}${earned}.`);
    }
    const payment = outcome.payment;
    if (payment && payment.rate.pence !== undefined) {
        const rate = escapeMarkdown(formatMoney(payment.rate.pence, { currency: model.currency }));
        let text = `Payment by results: ${rate} per ${escapeMarkdown(payment.unitName)}`;
        if (payment.paymentAtTarget !== undefined) text += `; ${escapeMarkdown(formatMoney(payment.paymentAtTarget, { currency: model.currency }))} if the target is met exactly`;
        if (payment.cap?.pence !== undefined) text += `, capped at ${escapeMarkdown(formatMoney(payment.cap.pence, { currency: model.currency }))}`;
        lines.push(`${text}.`);
    }
    return lines.join('\n\n');
}

function describeApproval(model: AgreementModel, node: ast.Approval): string | undefined {
    const approval = model.approvals.find(candidate => candidate.node === node);
    if (!approval) return undefined;
    const who = `${code(approval.partnerId)}, ${escapeMarkdown(approval.approver)}, on ${approval.date}`;
    return approval.stale
        ? `Approved by ${who}, for a version of the text that has since changed: it does not cover the text as it stands (now ${code(`${model.fingerprint.slice(0, 19)}…`)}).`
        : `Approved by ${who}: it covers the text as it stands.`;
}

function describeRingFence(model: AgreementModel, node: ast.RingFence): string {
    const ringfence = ringfenceOf(model, node);
    const lines = [`${code(node.name)}: ring-fence${node.purpose ? ` for **${escapeMarkdown(node.purpose)}**` : ''}`];
    if (ringfence?.amount.pence !== undefined && ringfence.year.start !== undefined) {
        const tagged = ringfence.taggedSpend !== undefined ? escapeMarkdown(formatMoney(ringfence.taggedSpend, { currency: model.currency })) : 'unknown';
        lines.push(`${escapeMarkdown(formatMoney(ringfence.amount.pence, { currency: model.currency }))} set aside in ${yearLabel(ringfence.year.start)}; spend lines tagged \`for ${node.name}\` that year: ${tagged}.`);
    }
    return lines.join('\n\n');
}

function describeYear(text: string, settings: PoolSettings): string {
    const year = parseFinancialYear(text);
    if (year.start === undefined) return escapeMarkdown(render(year.problem ?? message('year.not-a-year', { text }), settings.language));
    return `**${year.text}**: the UK financial year from 1 April ${year.start} to 31 March ${year.start + 1}`;
}

/** `Declared in registers/essex.pool.` for a declaration in another file. */
function declaredElsewhere(document: LangiumDocument, node: AstNode): string | undefined {
    const home = AstUtils.getDocument(node);
    if (home.uri.toString() === document.uri.toString()) return undefined;
    return `Declared in ${code(relativeTo(document, home))}.`;
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
