import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { message, type Message } from '../i18n/messages.js';
import { allocate } from '../money/allocate.js';
import { type AmountProblem, type Currency, formatMoney, groupThousands, parseAmount } from '../money/amount.js';
import { parseFinancialYear, yearsBetween } from '../money/financial-year.js';
import { parsePercent } from '../money/percent.js';
import { parseQuantity } from '../money/quantity.js';
import { parsePeriod, periodEnd } from '../money/reporting-period.js';
import { Rational, sumRationals } from '../money/rational.js';
import { agreementFingerprint } from './fingerprint.js';
import type { ImportGraph } from './imports.js';
import { trajectoryAt } from './trajectory.js';
import type {
    ActualInfo, AgreementInfo, ApprovalInfo, AgreementModel, AgreementTotals, AmountValue, ContributionInfo, Declaration, DeclaredTotal, OutcomeInfo,
    PartnerInfo, PaymentInfo, PoolInfo, PoolYearBlock, PoolYearFigures, QuantityValue, RingFenceInfo, SavingsInfo, ShareInfo,
    ShareLineInfo, SpendBlockInfo, SpendLineInfo, YearValue
} from './types.js';

/** Adds two figures; unknown if either is. */
export function addKnown(a: bigint | undefined, b: bigint | undefined): bigint | undefined {
    return a === undefined || b === undefined ? undefined : a + b;
}

/** Sums figures; unknown if any is. An empty sum is zero. */
export function sumKnown(values: Iterable<bigint | undefined>): bigint | undefined {
    let total: bigint | undefined = 0n;
    for (const value of values) {
        total = addKnown(total, value);
    }
    return total;
}

function mapAdd<K>(map: Map<K, bigint | undefined>, key: K, value: bigint | undefined): void {
    map.set(key, map.has(key) ? addKnown(map.get(key), value) : value);
}

/** The keyword that starts an agreement or outcome field, for finding fields written twice. */
const FIELD_KEYWORD: Record<string, string> = {
    ReferenceField: 'reference', StatusField: 'status', PeriodField: 'period', CurrencyField: 'currency',
    HostField: 'host', BoardField: 'board', ReviewField: 'review',
    UnitField: 'unit', BaselineField: 'baseline', TargetField: 'target', DirectionField: 'reduce/increase',
    MeasuredByField: 'measured by', Payment: 'pays', ActualField: 'actual'
};

export function fieldKeyword(node: AstNode): string {
    return FIELD_KEYWORD[node.$type] ?? node.$type;
}

function groupByKeyword<T extends AstNode>(fields: readonly T[]): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const field of fields) {
        const keyword = fieldKeyword(field);
        groups.set(keyword, [...(groups.get(keyword) ?? []), field]);
    }
    return groups;
}

function first<T extends AstNode>(fields: readonly ast.AgreementField[] | readonly ast.OutcomeField[], guard: (node: unknown) => node is T): T | undefined {
    return (fields as readonly AstNode[]).find(guard);
}

/**
 * Builds the computed model of `document` with everything it imports. Pure: reads the linked
 * syntax trees, changes nothing, and gives the same model for the same text.
 */
export function buildAgreementModel(document: LangiumDocument<ast.Document>, imports: ImportGraph): AgreementModel {
    return new ModelBuilder(document, imports).build();
}

class ModelBuilder {
    private readonly amounts: AmountValue[] = [];
    private readonly years: YearValue[] = [];
    private currency: Currency = 'GBP';

    constructor(private readonly document: LangiumDocument<ast.Document>, private readonly imports: ImportGraph) { }

    build(): AgreementModel {
        const root = this.document.parseResult.value;
        const documents = this.imports.closure(this.document);
        const agreementNodes = root.agreements ?? [];
        const currencyField = agreementNodes[0] ? first(agreementNodes[0].fields, ast.isCurrencyField) : undefined;
        this.currency = (currencyField?.value as Currency | undefined) ?? 'GBP';

        const declarations = new Map<string, Declaration[]>();
        const partners = new Map<string, PartnerInfo>();
        const poolNodes: { node: ast.Pool; document: LangiumDocument }[] = [];
        const outcomeNodes: { node: ast.Outcome; document: LangiumDocument }[] = [];
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
            for (const node of content.pools ?? []) {
                declare({ id: node.name, kind: 'pool', node, document: doc });
                poolNodes.push({ node, document: doc });
            }
            for (const node of content.outcomes ?? []) {
                declare({ id: node.name, kind: 'outcome', node, document: doc });
                outcomeNodes.push({ node, document: doc });
            }
        }

        const agreement = agreementNodes[0] ? this.readAgreement(agreementNodes[0], partners) : undefined;
        const spendBlocks = documents.flatMap(doc => (doc.parseResult.value.spends ?? []).map(node => this.readSpendBlock(node)));
        const pools = poolNodes.map(({ node, document }) => this.readPool(node, document, spendBlocks.filter(block => block.node.pool?.ref === node)));
        const poolsById = new Map<string, PoolInfo>();
        for (const pool of pools) {
            if (pool.id && !poolsById.has(pool.id)) poolsById.set(pool.id, pool);
        }
        const outcomes = outcomeNodes.map(({ node, document }) => this.readOutcome(node, document));
        const outcomesById = new Map<string, OutcomeInfo>();
        for (const outcome of outcomes) {
            if (outcome.id && !outcomesById.has(outcome.id)) outcomesById.set(outcome.id, outcome);
        }
        const totals = this.computeTotals(pools);
        const savings = documents.flatMap(doc => (doc.parseResult.value.savings ?? []).map(node => this.readSavings(node, pools)));
        const shares = documents.flatMap(doc => (doc.parseResult.value.shares ?? []).map(node => this.readShare(node, pools, outcomes, savings, totals)));
        // Hashing the text of a file and all it imports is costly in a large workspace (every
        // agreement re-hashes a shared register), so it is done only when something reads it.
        let fingerprint: string | undefined;
        const currentFingerprint = (): string => (fingerprint ??= agreementFingerprint(documents));
        const approvals: ApprovalInfo[] = (root.approvals ?? []).flatMap(block => block.entries ?? []).map(node => ({
            node,
            partnerId: node.partner?.$refText ?? '',
            approver: node.approver ?? '',
            date: node.date ?? '',
            fingerprint: node.fingerprint ?? '',
            stale: node.fingerprint !== currentFingerprint()
        }));

        return {
            document: this.document,
            documents,
            imports: this.imports.directImports(this.document).map(resolved => ({ ...resolved, cycle: this.imports.cycleThrough(this.document, resolved) })),
            agreement,
            agreementNodes,
            currency: this.currency,
            declarations,
            partners,
            pools,
            poolsById,
            outcomes,
            outcomesById,
            shares,
            savings,
            spendBlocks: spendBlocks.filter(block => !pools.some(pool => block.node.pool?.ref === pool.node)),
            totals,
            amounts: this.amounts,
            years: this.years,
            get fingerprint() {
                return currentFingerprint();
            },
            approvals
        };
    }

    // ------------------------------------------------------------------ values

    /**
     * Reads an amount. Where the parser recovered from a syntax error and the amount is missing,
     * the value is unknown (the syntax error is already reported) and `owner` stands in for it.
     */
    private readAmount(node: ast.Amount | undefined, owner: AstNode): AmountValue {
        if (!node || node.value === undefined) {
            return { node: node ?? owner, parsed: parseAmount(''), pence: undefined, problems: [] };
        }
        const parsed = parseAmount(node.value, node.currency);
        const problems = parsed.problems.map(problem => describeAmountProblem(parsed.text, problem));
        if (parsed.currency && parsed.currency !== this.currency && !parsed.problems.some(p => p.kind === 'conflicting-currency')) {
            problems.push(message('amount.other-currency', { text: parsed.text, currency: parsed.currency, agreementCurrency: this.currency }));
        }
        const value: AmountValue = { node, parsed, pence: problems.length === 0 ? parsed.pence : undefined, problems };
        this.amounts.push(value);
        return value;
    }

    private readOptionalAmount(node: ast.Amount | undefined): AmountValue | undefined {
        return node ? this.readAmount(node, node) : undefined;
    }

    private readYear(node: AstNode, property: string, text: string | undefined): YearValue {
        const parsed = parseFinancialYear(text ?? '');
        const value: YearValue = { node, property, parsed, start: parsed.start };
        if (text !== undefined) {
            this.years.push(value);
        }
        return value;
    }

    // ------------------------------------------------------------------ agreement

    private readAgreement(node: ast.Agreement, partners: Map<string, PartnerInfo>): AgreementInfo {
        const fields = node.fields ?? [];
        const periodNode = first(fields, ast.isPeriodField);
        let period: AgreementInfo['period'];
        if (periodNode) {
            const start = this.readYear(periodNode, 'start', periodNode.start).start;
            const end = this.readYear(periodNode, 'end', periodNode.end).start;
            if (start !== undefined && end !== undefined && start <= end) {
                period = { first: start, last: end, years: yearsBetween(start, end) };
            }
        }
        const hostNode = first(fields, ast.isHostField);
        const hostId = hostNode?.partner?.$refText;
        return {
            node,
            title: node.title ?? '',
            reference: first(fields, ast.isReferenceField)?.value,
            status: first(fields, ast.isStatusField)?.value,
            period,
            periodNode,
            currency: this.currency,
            host: hostNode && hostId ? { id: hostId, partner: hostNode.partner?.ref ? partners.get(hostId) : undefined, node: hostNode } : undefined,
            board: first(fields, ast.isBoardField)?.value,
            reviews: fields.filter(ast.isReviewField).map(review => ({ date: review.date, note: review.note, node: review })),
            fieldsByKeyword: groupByKeyword(fields)
        };
    }

    // ------------------------------------------------------------------ pools

    private readSpendBlock(node: ast.SpendBlock): SpendBlockInfo {
        const year = this.readYear(node, 'year', node.year);
        const lines: SpendLineInfo[] = (node.lines ?? []).map(line => ({
            node: line,
            name: line.name ?? '',
            year: year.start,
            amount: this.readAmount(line.amount, line),
            commissioners: (line.commissioners ?? []).map(ref => ref.$refText),
            providers: (line.providers ?? []).map(ref => ref.$refText),
            ringfence: line.ringfences?.[0]?.$refText
        }));
        return { node, poolId: node.pool?.$refText ?? '', year, lines };
    }

    private readPool(node: ast.Pool, document: LangiumDocument, spendBlocks: SpendBlockInfo[]): PoolInfo {
        const blocks: PoolYearBlock[] = (node.years ?? []).map(block => {
            const year = this.readYear(block, 'year', block.year);
            return {
                node: block,
                year,
                contributions: (block.contributions ?? []).map(line => ({
                    node: line,
                    partnerId: line.partner?.$refText ?? '',
                    year: year.start,
                    amount: this.readAmount(line.amount, line),
                    note: line.note
                } satisfies ContributionInfo)),
                declaredTotals: (block.totals ?? []).map(total => ({ node: total, amount: this.readAmount(total.amount, total) }))
            };
        });
        const contributions = blocks.flatMap(block => block.contributions);
        const spendLines = spendBlocks.flatMap(block => block.lines);

        const yearNumbers = new Set<number>();
        for (const block of blocks) if (block.year.start !== undefined) yearNumbers.add(block.year.start);
        for (const block of spendBlocks) if (block.year.start !== undefined) yearNumbers.add(block.year.start);
        const years = new Map<number, PoolYearFigures>();
        for (const year of [...yearNumbers].sort((a, b) => a - b)) {
            const yearContributions = contributions.filter(line => line.year === year);
            const yearSpend = spendLines.filter(line => line.year === year);
            const byPartner = new Map<string, bigint | undefined>();
            for (const line of yearContributions) mapAdd(byPartner, line.partnerId, line.amount.pence);
            const income = sumKnown(yearContributions.map(line => line.amount.pence));
            const spend = sumKnown(yearSpend.map(line => line.amount.pence));
            years.set(year, {
                year,
                contributions: yearContributions,
                income,
                declaredTotals: blocks.filter(block => block.year.start === year).flatMap(block => block.declaredTotals),
                byPartner,
                spendLines: yearSpend,
                spend,
                balance: yearSpend.length > 0 && income !== undefined && spend !== undefined ? income - spend : undefined
            });
        }
        const byPartner = new Map<string, bigint | undefined>();
        for (const line of contributions) mapAdd(byPartner, line.partnerId, line.amount.pence);

        // A ring-fence a syntax error left without its name cannot be tagged; the error says so.
        const ringfences: RingFenceInfo[] = (node.ringfences ?? []).filter(ringfence => ringfence.name).map(ringfence => {
            const year = this.readYear(ringfence, 'year', ringfence.year);
            const taggedLines = spendLines.filter(line => line.ringfence === ringfence.name && line.year === year.start);
            return {
                node: ringfence,
                id: ringfence.name,
                purpose: ringfence.purpose,
                amount: this.readAmount(ringfence.amount, ringfence),
                year,
                taggedLines,
                taggedSpend: sumKnown(taggedLines.map(line => line.amount.pence))
            };
        });

        return {
            node,
            document,
            id: node.name,
            title: node.title ?? node.name,
            arrangement: node.arrangement,
            section: node.basis?.section !== undefined ? Number(node.basis.section.replace(/,/g, '')) : undefined,
            basisText: node.basis?.text,
            blocks,
            years,
            contributions,
            income: sumKnown(contributions.map(line => line.amount.pence)),
            byPartner,
            declaredTotals: (node.totals ?? []).map(total => ({ node: total, amount: this.readAmount(total.amount, total) } satisfies DeclaredTotal)),
            spendBlocks,
            spend: sumKnown(spendLines.map(line => line.amount.pence)),
            minimums: (node.minimums ?? []).map(minimum => ({
                node: minimum,
                partnerId: minimum.partner?.$refText ?? '',
                amount: this.readAmount(minimum.amount, minimum),
                year: this.readYear(minimum, 'year', minimum.year)
            })),
            ringfences
        };
    }

    private computeTotals(pools: readonly PoolInfo[]): AgreementTotals {
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
            byYear: new Map([...byYear].sort(([a], [b]) => a - b)),
            byPartner,
            byPartnerAndYear,
            income: sumKnown(pools.map(pool => pool.income)),
            spend: sumKnown(pools.map(pool => pool.spend))
        };
    }

    // ------------------------------------------------------------------ outcomes

    private readOutcome(node: ast.Outcome, document: LangiumDocument): OutcomeInfo {
        const fields = node.fields ?? [];
        const quantity = (field: ast.BaselineField | ast.TargetField | undefined): QuantityValue | undefined => {
            if (!field || field.value === undefined) return undefined;
            const parsed = parseQuantity(field.value);
            return { node: field, text: field.value, value: parsed.value, isPercent: parsed.isPercent, year: this.readYear(field, 'year', field.year) };
        };
        const baseline = quantity(first(fields, ast.isBaselineField));
        const target = quantity(first(fields, ast.isTargetField));
        const directionNode = first(fields, ast.isDirectionField);
        const paymentNode = first(fields, ast.isPayment);
        const payment = paymentNode ? this.readPayment(paymentNode, baseline, target) : undefined;
        const actuals = fields.filter(ast.isActualField).map(field => this.readActual(field, baseline, target, directionNode?.value, payment));
        const latest = actuals.filter(actual => actual.end !== undefined && actual.value !== undefined)
            .reduce<ActualInfo | undefined>((best, actual) => (!best || actual.end! >= best.end! ? actual : best), undefined);
        return {
            node,
            document,
            id: node.name,
            description: node.description ?? '',
            unit: first(fields, ast.isUnitField)?.value,
            baseline,
            target,
            direction: directionNode?.value,
            directionNode,
            measuredBy: first(fields, ast.isMeasuredByField)?.partner?.$refText,
            payment,
            actuals,
            latest,
            fieldsByKeyword: groupByKeyword(fields.filter(field => !ast.isActualField(field)))
        };
    }

    private readActual(node: ast.ActualField, baseline: QuantityValue | undefined, target: QuantityValue | undefined, direction: ast.Direction | undefined, payment: PaymentInfo | undefined): ActualInfo {
        const parsed = parseQuantity(node.value ?? '');
        const year = this.readYear(node, 'year', node.year);
        const period = parsePeriod(node.year ?? '', node.quarter);
        const end = year.start !== undefined && !period.quarterProblem ? periodEnd(year.start, period.quarter) : undefined;
        const point = end !== undefined && parsed.value && baseline && target && direction ? trajectoryAt(baseline, target, direction, end, parsed.value) : undefined;
        const unitsAchieved = point ? (point.achieved.sign() > 0 ? point.achieved : Rational.ZERO) : undefined;
        const earnedBeforeCap = unitsAchieved && payment?.rate.pence !== undefined ? unitsAchieved.mul(Rational.of(payment.rate.pence)).roundHalfAwayFromZero() : undefined;
        const cap = payment?.cap?.pence;
        return {
            node,
            text: node.value ?? '',
            value: parsed.value,
            isPercent: parsed.isPercent,
            year,
            quarter: period.quarter,
            quarterProblem: period.quarterProblem,
            end,
            expected: point?.expected,
            progress: point?.progress,
            rag: point?.rag,
            earnedBeforeCap,
            earned: earnedBeforeCap !== undefined && cap !== undefined && earnedBeforeCap > cap ? cap : earnedBeforeCap,
            unitsAchieved
        };
    }

    private readPayment(node: ast.Payment, baseline: QuantityValue | undefined, target: QuantityValue | undefined): PaymentInfo {
        const rate = this.readAmount(node.rate, node);
        const unitsAtTarget = baseline?.value && target?.value ? target.value.sub(baseline.value).abs() : undefined;
        return {
            node,
            rate,
            unitName: node.unitName ?? '',
            cap: this.readOptionalAmount(node.cap),
            splits: (node.splits ?? []).map(split => ({
                node: split,
                year: this.readYear(split, 'year', split.year),
                upfront: split.upfront ? parsePercent(split.upfront).points : undefined,
                results: split.results ? parsePercent(split.results).points : undefined
            })),
            unitsAtTarget,
            paymentAtTarget: unitsAtTarget && rate.pence !== undefined ? unitsAtTarget.mul(Rational.of(rate.pence)).roundHalfAwayFromZero() : undefined
        };
    }

    // ------------------------------------------------------------------ savings and shares

    private readSavings(node: ast.Savings, pools: readonly PoolInfo[]): SavingsInfo {
        const pool = pools.find(candidate => candidate.node === node.pool?.ref);
        const lines = (node.years ?? []).flatMap(block => {
            const year = this.readYear(block, 'year', block.year);
            return (block.lines ?? []).map(line => ({
                node: line,
                partnerId: line.partner?.$refText ?? '',
                year: year.start,
                amount: this.readAmount(line.amount, line)
            }));
        });
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
            paybackYear: pool ? paybackYear(pool, byYear) : undefined,
            returnPerPound: total !== undefined && investment !== undefined && investment > 0n ? Rational.of(total, investment) : undefined
        };
    }

    private readShare(node: ast.Share, pools: readonly PoolInfo[], outcomes: readonly OutcomeInfo[], savings: readonly SavingsInfo[], totals: AgreementTotals): ShareInfo {
        const family = node.kind === 'overspend' || node.kind === 'underspend' ? 'risk' : 'benefit';
        const target = node.subject?.ref;
        const pool = pools.find(candidate => candidate.node === target);
        const outcome = outcomes.find(candidate => candidate.node === target);
        const subject: ShareInfo['subject'] = pool ? { kind: 'pool', pool } : outcome ? { kind: 'outcome', outcome } : undefined;
        const reinvestments = (node.reinvestments ?? []).map(reinvestment => ({ node: reinvestment, points: parsePercent(reinvestment.percent ?? '').points }));
        const reinvest = reinvestments.some(r => r.points === undefined) ? undefined : sumRationals(reinvestments.map(r => r.points!));
        const written = (node.lines ?? []).map(line => ({
            node: line as ast.ShareLine | undefined,
            partnerId: line.partner?.$refText ?? '',
            written: line.percent ? parsePercent(line.percent).points : undefined,
            cap: this.readOptionalAmount(line.cap)
        }));

        let lines: ShareLineInfo[];
        if (node.proRata) {
            // Pro rata to contributions: to the pool's contributions, or for an outcome to every pool's.
            const weights = pool ? pool.byPartner : totals.byPartner;
            const known = [...weights.values()].every(value => value !== undefined);
            const contributed = sumKnown(weights.values());
            const distributable = reinvest !== undefined ? Rational.HUNDRED.sub(reinvest) : undefined;
            const partnerIds = [...new Set([...weights.keys(), ...written.map(line => line.partnerId)])];
            lines = partnerIds.map(partnerId => {
                const line = written.find(candidate => candidate.partnerId === partnerId);
                const weight = weights.get(partnerId) ?? 0n;
                const points = known && distributable && contributed !== undefined && contributed > 0n && weight !== undefined
                    ? distributable.mul(Rational.of(weight, contributed)) : undefined;
                return { node: line?.node, partnerId, written: line?.written, points, cap: line?.cap };
            });
        } else {
            lines = written.map(line => ({ ...line, points: line.written }));
        }
        const totalPoints = reinvest !== undefined && lines.every(line => line.points !== undefined)
            ? sumRationals(lines.map(line => line.points!)).add(reinvest) : undefined;

        const covering = this.readOptionalAmount(node.covering);
        const base = this.shareBase(family, subject, savings, covering);
        let pounds: ShareInfo['pounds'];
        if (base && totalPoints?.equals(Rational.HUNDRED) && lines.every(line => line.points!.sign() >= 0) && reinvest!.sign() >= 0) {
            const parts = allocate(base.pence, [...lines.map(line => line.points!), reinvest!]);
            pounds = { byLine: parts.slice(0, lines.length), reinvested: parts[lines.length] };
        }
        return {
            node,
            kind: node.kind,
            family,
            subjectId: node.subject?.$refText ?? '',
            subject,
            proRata: Boolean(node.proRata),
            lines,
            reinvestments,
            reinvest,
            covering,
            totalPoints,
            base,
            pounds
        };
    }

    private shareBase(family: 'benefit' | 'risk', subject: ShareInfo['subject'], savings: readonly SavingsInfo[], covering: AmountValue | undefined): ShareInfo['base'] {
        if (family === 'risk') {
            return covering?.pence !== undefined ? { pence: covering.pence, description: message('share-base.overspend', { amount: formatMoney(covering.pence, { currency: this.currency }) }) } : undefined;
        }
        if (subject?.kind === 'pool') {
            const projections = savings.filter(projection => projection.pool === subject.pool);
            const total = projections.length > 0 ? sumKnown(projections.map(projection => projection.total)) : undefined;
            return total !== undefined ? { pence: total, description: message('share-base.projected-savings', { amount: formatMoney(total, { currency: this.currency }) }) } : undefined;
        }
        if (subject?.kind === 'outcome') {
            const payment = subject.outcome.payment;
            if (payment?.paymentAtTarget !== undefined) {
                const cap = payment.cap?.pence;
                const pence = cap !== undefined && cap < payment.paymentAtTarget ? cap : payment.paymentAtTarget;
                return { pence, description: message('share-base.results-payments', { amount: formatMoney(pence, { currency: this.currency }) }) };
            }
        }
        return undefined;
    }
}

/** The first year in which cumulative projected savings reach the cumulative contributions. */
function paybackYear(pool: PoolInfo, savingsByYear: ReadonlyMap<number, bigint | undefined>): number | undefined {
    const years = [...new Set([...pool.years.keys(), ...savingsByYear.keys()])].sort((a, b) => a - b);
    let invested = 0n;
    let saved = 0n;
    for (const year of years) {
        const income = pool.years.get(year)?.income ?? 0n;
        const savings = savingsByYear.has(year) ? savingsByYear.get(year) : 0n;
        if (savings === undefined || pool.years.get(year)?.income === undefined && pool.years.has(year)) {
            return undefined;
        }
        invested += income;
        saved += savings;
        if (invested > 0n && saved >= invested) {
            return year;
        }
    }
    return undefined;
}

function describeAmountProblem(text: string, problem: AmountProblem): Message {
    switch (problem.kind) {
        case 'negative':
            return message('amount.negative', { text });
        case 'too-large':
            return message('amount.too-large', { text });
        case 'sub-penny':
            return message('amount.sub-penny', { text, places: problem.places });
        case 'grouping': {
            const digits = /[0-9][0-9,]*/.exec(text)?.[0] ?? '';
            return message('amount.grouping', { text, grouped: groupThousands(digits.replace(/,/g, '')) });
        }
        case 'conflicting-currency':
            return message('amount.conflicting-currency', { text, symbol: problem.symbol, code: problem.code });
        case 'malformed':
            return message('amount.malformed', { text });
    }
}
