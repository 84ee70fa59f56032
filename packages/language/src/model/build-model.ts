import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { Currency } from '../money/amount.js';
import { yearsBetween } from '../money/financial-year.js';
import { Rational } from '../money/rational.js';
import { firstField, groupByKeyword } from './fields.js';
import type { AllowedSigners } from './allowed-signers.js';
import { type SignatureStanding, signatureStanding } from './approval-message.js';
import { agreementFingerprint } from './fingerprint.js';
import type { ImportGraph } from './imports.js';
import { readAppraisal, readUnitCost } from './appraisals.js';
import { readOutcome } from './outcomes.js';
import { readPool, readSpendBlock } from './pools.js';
import { readShare } from './shares.js';
import { moneyKinds } from './streams.js';
import type {
    AgreementInfo,
    AgreementModel,
    AgreementTotals,
    AppraisalInfo,
    ApprovalInfo,
    Declaration,
    OutcomeInfo,
    PartnerInfo,
    PartnerRole,
    PartnerUse,
    PoolInfo,
    SavingsInfo,
    SavingsLineInfo,
    ShareInfo,
    SignOffInfo,
    SpendBlockInfo,
    UnitCostInfo
} from './types.js';
import { KeptReadings, mapAdd, occurrences, sumKnown, ValueReader } from './values.js';

export { addKnown, sumKnown } from './values.js';
export { fieldKeyword } from './fields.js';

/**
 * Builds the computed model of `document` with everything it imports. Pure: reads the linked
 * syntax trees, changes nothing, and gives the same model for the same text.
 *
 * `kept` holds the readings of declarations that depend on nothing outside them, from the models
 * built before: the same syntax node is read to the same figures (see {@link KeptReadings}).
 *
 * Every figure an output shows is computed here (and in the files beside it, one per part of an
 * agreement), once, with the rounding rules of the language reference; checks, hovers, inlay
 * hints, code lenses, the JSON, the reports, the statements and `pool diff` read it.
 */
export function buildAgreementModel(
    document: LangiumDocument<ast.Document>,
    imports: ImportGraph,
    allowedSigners?: AllowedSigners,
    kept: KeptReadings = new KeptReadings()
): AgreementModel {
    const root = document.parseResult.value;
    const documents = imports.closure(document);
    const agreementNodes = root.agreements ?? [];
    const currencyField = agreementNodes[0] ? firstField(agreementNodes[0].fields, ast.isCurrencyField) : undefined;
    const currency: Currency = currencyField?.value ?? 'GBP';
    const values = new ValueReader(currency);

    const declarations = new Map<string, Declaration[]>();
    const partners = new Map<string, PartnerInfo>();
    const poolNodes: { node: ast.Pool; document: LangiumDocument }[] = [];
    const outcomeNodes: { node: ast.Outcome; document: LangiumDocument }[] = [];
    const unitCosts: UnitCostInfo[] = [];
    const declare = (declaration: Declaration) => {
        if (!declaration.id) return;
        declarations.set(declaration.id, [...(declarations.get(declaration.id) ?? []), declaration]);
    };
    for (const doc of documents) {
        const content = doc.parseResult.value;
        for (const node of content.partners ?? []) {
            declare({ id: node.name, kind: 'partner', node, document: doc });
            if (node.name && !partners.has(node.name)) {
                partners.set(node.name, { id: node.name, name: node.fullName ?? node.name, kind: node.kind, node, document: doc });
            }
        }
        // A declaration a syntax error cut short before its id is left out: the syntax error says why,
        // and nothing can name it, so every output would only show it as a blank.
        for (const node of (content.pools ?? []).filter(pool => pool.name)) {
            declare({ id: node.name, kind: 'pool', node, document: doc });
            poolNodes.push({ node, document: doc });
        }
        for (const node of (content.outcomes ?? []).filter(outcome => outcome.name)) {
            declare({ id: node.name, kind: 'outcome', node, document: doc });
            outcomeNodes.push({ node, document: doc });
        }
        for (const node of (content.unitCosts ?? []).filter(cost => cost.name)) {
            declare({ id: node.name, kind: 'unit-cost', node, document: doc });
            unitCosts.push(readUnitCost(node, doc, values));
        }
    }

    const agreement = agreementNodes[0] ? readAgreement(agreementNodes[0], partners, currency, values) : undefined;
    const spendBlocks = documents.flatMap(doc =>
        (doc.parseResult.value.spends ?? []).filter(node => node.pool?.$refText).map(node => readSpendBlock(node, values))
    );
    // Lines of one name in one pool and year (across blocks) are told apart by their order.
    const spendLines = spendBlocks.flatMap(block => block.lines);
    occurrences(spendLines, line => `${line.poolId}\u0000${line.year ?? ''}\u0000${line.name}`).forEach((occurrence, index) => {
        const line = spendLines[index];
        if (line) Object.assign(line, { occurrence });
    });
    const pools = poolNodes.map(({ node, document: doc }) =>
        readPool(
            node,
            doc,
            spendBlocks.filter(block => block.node.pool?.ref === node),
            values,
            kept.poolYears
        )
    );
    const poolsById = firstById(pools);
    const outcomes = outcomeNodes.map(({ node, document: doc }) => readOutcome(node, doc, values, kept.outcomes));
    const outcomesById = firstById(outcomes);
    const totals = computeTotals(pools);
    const savings = documents.flatMap(doc => (doc.parseResult.value.savings ?? []).map(node => readSavings(node, pools, values)));
    const unitCostsById = firstById(unitCosts);
    const appraisals = (root.appraisals ?? []).filter(node => node.pool?.$refText).map(node => readAppraisal(node, pools, unitCostsById, values));
    const shares = documents.flatMap(doc =>
        (doc.parseResult.value.shares ?? [])
            .filter(node => node.kind && node.subject?.$refText)
            .map(node => readShare(node, pools, outcomes, savings, totals, values))
    );

    // Hashing the text of a file and all it imports is costly in a large workspace (every
    // agreement re-hashes a shared register), so it is done only when something reads it.
    let fingerprint: string | undefined;
    const currentFingerprint = (): string => (fingerprint ??= agreementFingerprint(documents));
    const approvals: ApprovalInfo[] = (root.approvals ?? [])
        .flatMap(block => block.entries ?? [])
        .filter(node => node.partner?.$refText && node.approver !== undefined && node.date !== undefined && node.fingerprint !== undefined)
        .map(node => {
            let standing: SignatureStanding | undefined;
            const approval: ApprovalInfo = {
                node,
                partnerId: node.partner?.$refText ?? '',
                approver: node.approver ?? '',
                date: node.date ?? '',
                fingerprint: node.fingerprint ?? '',
                signature: node.signature,
                get stale() {
                    return node.fingerprint !== currentFingerprint();
                },
                // Verifying costs a signature check: done when something first asks.
                get signatureStanding() {
                    return (standing ??= signatureStanding(approval, allowedSigners));
                }
            };
            return approval;
        });
    let signOffInfo: SignOffInfo | undefined;
    const placed = new Set(pools.flatMap(pool => pool.spendBlocks));

    return {
        document,
        documents,
        imports: imports
            .directImports(document)
            .filter(resolved => resolved.node.path !== undefined)
            .map(resolved => ({ ...resolved, cycle: imports.cycleThrough(document, resolved) })),
        importsUnread: documents.some(doc => imports.directImports(doc).some(resolved => resolved.node.path !== undefined && resolved.status !== 'loaded')),
        agreement,
        agreementNodes,
        currency,
        declarations,
        partners,
        pools,
        poolsById,
        outcomes,
        outcomesById,
        shares,
        savings,
        unitCosts,
        unitCostsById,
        appraisals,
        spendBlocks: spendBlocks.filter(block => !placed.has(block)),
        totals,
        amounts: values.amounts,
        years: values.years,
        get fingerprint() {
            return currentFingerprint();
        },
        approvals,
        allowedSigners,
        get signOff() {
            return (signOffInfo ??= signOff(pools, approvals));
        },
        partnerUses: partnerUses(agreement, pools, spendBlocks, outcomes, shares, savings, appraisals, approvals)
    };
}

function firstById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
    const byId = new Map<string, T>();
    for (const item of items) {
        if (item.id && !byId.has(item.id)) byId.set(item.id, item);
    }
    return byId;
}

function readAgreement(node: ast.Agreement, partners: ReadonlyMap<string, PartnerInfo>, currency: Currency, values: ValueReader): AgreementInfo {
    const fields = node.fields ?? [];
    const periodNode = firstField(fields, ast.isPeriodField);
    let period: AgreementInfo['period'];
    if (periodNode) {
        const start = values.year(periodNode, 'start', periodNode.start).start;
        const end = values.year(periodNode, 'end', periodNode.end).start;
        if (start !== undefined && end !== undefined && start <= end) {
            period = { first: start, last: end, years: yearsBetween(start, end) };
        }
    }
    const hostNode = firstField(fields, ast.isHostField);
    const hostId = hostNode?.partner?.$refText;
    return {
        node,
        title: node.title ?? '',
        reference: firstField(fields, ast.isReferenceField)?.value,
        status: firstField(fields, ast.isStatusField)?.value,
        version: firstField(fields, ast.isVersionField)?.value,
        period,
        periodNode,
        currency,
        host: hostNode && hostId ? { id: hostId, partner: hostNode.partner?.ref ? partners.get(hostId) : undefined, node: hostNode } : undefined,
        board: firstField(fields, ast.isBoardField)?.value,
        reviews: fields
            .filter(ast.isReviewField)
            .filter(review => review.date !== undefined)
            .map(review => ({ date: review.date, note: review.note, node: review })),
        fieldsByKeyword: groupByKeyword(fields)
    };
}

function computeTotals(pools: readonly PoolInfo[]): AgreementTotals {
    const byYear = new Map<number, bigint | undefined>();
    const byPartner = new Map<string, bigint | undefined>();
    const byPartnerAndYear = new Map<string, Map<number, bigint | undefined>>();
    for (const pool of pools) {
        for (const line of pool.contributions) {
            if (line.year !== undefined) {
                mapAdd(byYear, line.year, line.amount.pence);
                const partnerYears = byPartnerAndYear.get(line.partnerId) ?? new Map<number, bigint | undefined>();
                mapAdd(partnerYears, line.year, line.amount.pence);
                byPartnerAndYear.set(line.partnerId, partnerYears);
            }
            mapAdd(byPartner, line.partnerId, line.amount.pence);
        }
    }
    return {
        money: moneyKinds(pools.flatMap(pool => pool.contributions)),
        byYear: new Map([...byYear].sort(([a], [b]) => a - b)),
        byPartner,
        byPartnerAndYear,
        income: sumKnown(pools.map(pool => pool.income)),
        spend: sumKnown(pools.map(pool => pool.spend))
    };
}

function readSavings(node: ast.Savings, pools: readonly PoolInfo[], values: ValueReader): SavingsInfo {
    const pool = pools.find(candidate => candidate.node === node.pool?.ref);
    const written = (node.years ?? []).flatMap(block => {
        const year = values.year(block, 'year', block.year);
        return (block.lines ?? [])
            .filter(line => line.partner?.$refText)
            .map(line => ({
                node: line,
                partnerId: line.partner?.$refText ?? '',
                year: year.start,
                amount: values.amount(line.amount, line),
                note: line.note
            }));
    });
    const occurrence = occurrences(written, line => `${line.year ?? ''}\u0000${line.partnerId}`);
    const lines: SavingsLineInfo[] = written.map((line, index) => ({ ...line, occurrence: occurrence[index] ?? 0 }));
    const byYear = new Map<number, bigint | undefined>();
    const byPartner = new Map<string, bigint | undefined>();
    for (const line of lines) {
        if (line.year !== undefined) mapAdd(byYear, line.year, line.amount.pence);
        mapAdd(byPartner, line.partnerId, line.amount.pence);
    }
    const total = sumKnown(lines.map(line => line.amount.pence));
    const investment = pool?.income;
    return {
        node,
        poolId: node.pool?.$refText ?? '',
        pool,
        lines,
        byYear: new Map([...byYear].sort(([a], [b]) => a - b)),
        byPartner,
        total,
        netBenefit: total !== undefined && investment !== undefined ? total - investment : undefined,
        netBenefitOfNewMoney:
            pool && total !== undefined && pool.contributions.some(line => line.money !== undefined) && pool.money.new !== undefined
                ? total - pool.money.new
                : undefined,
        paybackYear: pool ? paybackYear(pool, byYear) : undefined,
        returnPerPound: total !== undefined && investment !== undefined && investment > 0n ? Rational.of(total, investment) : undefined
    };
}

/** The first year in which cumulative projected savings reach the cumulative contributions. */
function paybackYear(pool: PoolInfo, savingsByYear: ReadonlyMap<number, bigint | undefined>): number | undefined {
    const years = [...new Set([...pool.years.keys(), ...savingsByYear.keys()])].sort((a, b) => a - b);
    let invested = 0n;
    let saved = 0n;
    for (const year of years) {
        const figures = pool.years.get(year);
        const savings = savingsByYear.has(year) ? savingsByYear.get(year) : 0n;
        if (savings === undefined || (figures && figures.income === undefined)) return undefined;
        invested += figures?.income ?? 0n;
        saved += savings;
        if (invested > 0n && saved >= invested) return year;
    }
    return undefined;
}

/**
 * Whose approval `status signed` needs: every partner that puts a known, non-zero amount into a
 * pool, each with an approval of the current text.
 */
function signOff(pools: readonly PoolInfo[], approvals: readonly ApprovalInfo[]): SignOffInfo {
    const required: string[] = [];
    for (const pool of pools) {
        for (const [partnerId, pence] of pool.byPartner) {
            if (partnerId && pence !== undefined && pence > 0n && !required.includes(partnerId)) required.push(partnerId);
        }
    }
    const approved = [...new Set(approvals.filter(approval => approval.partnerId && !approval.stale).map(approval => approval.partnerId))];
    return { required, approved, missing: required.filter(partnerId => !approved.includes(partnerId)) };
}

function partnerUses(
    agreement: AgreementInfo | undefined,
    pools: readonly PoolInfo[],
    spendBlocks: readonly SpendBlockInfo[],
    outcomes: readonly OutcomeInfo[],
    shares: readonly ShareInfo[],
    savings: readonly SavingsInfo[],
    appraisals: readonly AppraisalInfo[],
    approvals: readonly ApprovalInfo[]
): Map<string, PartnerUse[]> {
    const uses = new Map<string, PartnerUse[]>();
    const use = (partnerId: string | undefined, role: PartnerRole, node: AstNode) => {
        if (!partnerId) return;
        const list = uses.get(partnerId) ?? [];
        list.push({ role, node });
        uses.set(partnerId, list);
    };
    if (agreement?.host) use(agreement.host.id, 'host', agreement.host.node);
    for (const pool of pools) {
        for (const line of pool.contributions) use(line.partnerId, 'contributor', line.node);
        for (const minimum of pool.minimums) use(minimum.partnerId, 'minimum', minimum.node);
    }
    for (const block of spendBlocks) {
        for (const line of block.lines) {
            for (const id of line.commissioners) use(id, 'commissioner', line.node);
            for (const id of line.providers) use(id, 'provider', line.node);
        }
    }
    for (const outcome of outcomes) {
        const measuredBy = firstField(outcome.node.fields ?? [], ast.isMeasuredByField);
        if (measuredBy) use(outcome.measuredBy, 'measurer', measuredBy);
    }
    for (const share of shares) {
        for (const line of share.lines) if (line.node) use(line.partnerId, 'share', line.node);
    }
    for (const projection of savings) {
        for (const line of projection.lines) use(line.partnerId, 'savings', line.node);
    }
    for (const appraisal of appraisals) {
        for (const line of appraisal.savings) use(line.partnerId, 'appraisal', line.node);
        for (const clause of appraisal.returns) {
            use(clause.partnerId, 'appraisal', clause.node);
            use(clause.recipientId, 'appraisal', clause.node);
        }
    }
    for (const approval of approvals) use(approval.partnerId, 'approval', approval.node);
    return uses;
}
