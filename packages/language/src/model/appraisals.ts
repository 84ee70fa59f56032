import type { LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { roundParts } from '../money/allocate.js';
import { parsePercent } from '../money/percent.js';
import { parseQuantity } from '../money/quantity.js';
import { Rational, sumRationals } from '../money/rational.js';
import { firstField } from './fields.js';
import type {
    AppraisalFigures,
    AppraisalInfo,
    AppraisalLineFigures,
    AppraisalPartnerFigures,
    AppraisalRateKind,
    BenefitReturnInfo,
    PoolInfo,
    UnitCostInfo
} from './types.js';
import type { ValueReader } from './values.js';

/** The Green Book's discount rate, used when an appraisal states none. */
const GREEN_BOOK_DISCOUNT_POINTS = Rational.parseDecimal('3.5');

/** The rates an appraisal needs, in the order the reference lists them. */
export const APPRAISAL_RATES: readonly AppraisalRateKind[] = ['engagement', 'success', 'deadweight', 'optimism'];

export function readUnitCost(node: ast.UnitCost, document: LangiumDocument, values: ValueReader): UnitCostInfo {
    const fields = node.fields ?? [];
    const savingNode = firstField(fields, ast.isUnitSavingField);
    // A saving line cut short before its amount (a syntax error says so) is no saving at all.
    const saving = savingNode?.amount ? values.amount(savingNode.amount, savingNode) : undefined;
    const cashableNode = firstField(fields, ast.isCashableField);
    const cashableAmount = cashableNode?.amount ? values.amount(cashableNode.amount, cashableNode) : undefined;
    // A bare `cashable` makes the whole saving cashable; no `cashable` line makes none of it so.
    const cashable = !cashableNode ? 0n : cashableAmount ? cashableAmount.pence : saving?.pence;
    const priceNode = firstField(fields, ast.isPriceYearField);
    return {
        node,
        document,
        id: node.name,
        description: node.description ?? '',
        agency: firstField(fields, ast.isAgencyField)?.value,
        saving,
        unitName: savingNode?.unitName,
        cashableNode,
        cashableAmount,
        cashable,
        source: firstField(fields, ast.isSourceField)?.value,
        priceYear: priceNode ? values.year(priceNode, 'year', priceNode.year) : undefined,
        illustrative: fields.some(field => ast.isIllustrativeField(field) && field.illustrative)
    };
}

/**
 * A cost-benefit appraisal of a pool, by the HM Treasury / New Economy method (the formulas and
 * the rounding rule are in the language reference, "Cost-benefit analysis"). Every figure is an
 * exact fraction until it is shown; each table is then rounded to the penny once, so that its
 * cells add up to its total.
 */
export function readAppraisal(
    node: ast.Appraisal,
    pools: readonly PoolInfo[],
    unitCosts: ReadonlyMap<string, UnitCostInfo>,
    values: ValueReader
): AppraisalInfo {
    const fields = node.fields ?? [];
    const pool = pools.find(candidate => candidate.node === node.pool?.ref);
    // A cohort line cut short (its syntax error is reported) takes no part.
    const cohorts = fields
        .filter(ast.isAppraisalCohort)
        .filter(cohort => cohort.count !== undefined && cohort.year !== undefined)
        .map(cohort => {
            const quantity = cohort.count === undefined ? undefined : parseQuantity(cohort.count);
            return { node: cohort, year: values.year(cohort, 'year', cohort.year), size: quantity && !quantity.isPercent ? quantity.value : undefined };
        });
    const rates = new Map<AppraisalRateKind, { node: ast.AppraisalRate; points: Rational | undefined }>();
    for (const rate of fields.filter(ast.isAppraisalRate)) {
        const kind = rate.kind;
        if (!rates.has(kind)) rates.set(kind, { node: rate, points: rate.value === undefined ? undefined : parsePercent(rate.value).points });
    }
    const durationNode = firstField(fields, ast.isBenefitDuration);
    const duration = durationNode?.years === undefined ? undefined : parseQuantity(durationNode.years).value;
    const discountNode = firstField(fields, ast.isDiscountField);
    const discount = discountNode
        ? { points: discountNode.rate === undefined ? undefined : parsePercent(discountNode.rate).points, node: discountNode }
        : { points: GREEN_BOOK_DISCOUNT_POINTS, node: undefined };
    const savings = fields.filter(ast.isAppraisalSaving).map(saving => ({
        node: saving,
        unitCostId: saving.cost?.$refText ?? '',
        unitCost: unitCosts.get(saving.cost?.$refText ?? ''),
        count: saving.count === undefined ? Rational.ONE : parseQuantity(saving.count).value,
        partnerId: saving.partner?.$refText ?? ''
    }));
    const returns: BenefitReturnInfo[] = fields.filter(ast.isBenefitReturn).map(clause => ({
        node: clause,
        partnerId: clause.partner?.$refText ?? '',
        points: clause.percent === undefined ? undefined : parsePercent(clause.percent).points,
        cashableOnly: clause.cashable,
        recipientId: clause.recipient?.$refText,
        proRata: clause.proRata
    }));
    const missing = [
        cohorts.length > 0 ? undefined : 'cohort',
        ...APPRAISAL_RATES.filter(kind => !rates.has(kind)),
        durationNode ? undefined : 'duration',
        savings.length > 0 ? undefined : 'saving'
    ].filter((item): item is string => item !== undefined);
    const info = { node, poolId: node.pool?.$refText ?? '', pool, cohorts, rates, duration, durationNode, discount, savings, returns, missing };
    return { ...info, figures: computeFigures(info) };
}

type AppraisalInputs = Omit<AppraisalInfo, 'figures'>;

/** A rate as a fraction of one, when it is written and between 0% and 100%. */
function fraction(points: Rational | undefined): Rational | undefined {
    return points !== undefined && points.sign() >= 0 && !points.gt(Rational.HUNDRED) ? points.div(Rational.HUNDRED) : undefined;
}

/** Whether the appraisal has every input its figures need, each well formed and in range. */
function usableInputs(info: AppraisalInputs) {
    if (info.missing.length > 0 || !info.pool || info.pool.income === undefined) return undefined;
    const rate = (kind: AppraisalRateKind) => fraction(info.rates.get(kind)?.points);
    const engagement = rate('engagement');
    const success = rate('success');
    const deadweight = rate('deadweight');
    const optimism = rate('optimism');
    const discount = fraction(info.discount.points);
    const duration = info.duration;
    if (engagement === undefined || success === undefined || deadweight === undefined || optimism === undefined || discount === undefined) return undefined;
    if (duration === undefined || !duration.isInteger() || duration.sign() <= 0) return undefined;
    if (info.cohorts.some(cohort => cohort.size === undefined || cohort.size.sign() < 0 || cohort.year.start === undefined)) return undefined;
    if (
        info.savings.some(
            line =>
                line.count === undefined ||
                line.count.sign() < 0 ||
                !line.unitCost ||
                line.unitCost.saving?.pence === undefined ||
                line.unitCost.cashable === undefined
        )
    )
        return undefined;
    if (info.pool.contributions.some(line => line.year === undefined || line.amount.pence === undefined)) return undefined;
    return { engagement, success, deadweight, optimism, discount, lasts: Number(duration.floor()), pool: info.pool };
}

function computeFigures(info: AppraisalInputs): AppraisalFigures | undefined {
    const inputs = usableInputs(info);
    if (!inputs) return undefined;
    const { engagement, success, deadweight, optimism, discount, lasts, pool } = inputs;
    const keep = Rational.ONE.sub(optimism);

    // Successes, and net successes (less deadweight), that are still saving in each year.
    const active = new Map<number, { successes: Rational; net: Rational }>();
    for (const cohort of info.cohorts) {
        const first = cohort.year.start ?? 0;
        const successes = (cohort.size ?? Rational.ZERO).mul(engagement).mul(success);
        const net = successes.mul(Rational.ONE.sub(deadweight));
        for (let year = first; year < first + lasts; year++) {
            const now = active.get(year) ?? { successes: Rational.ZERO, net: Rational.ZERO };
            active.set(year, { successes: now.successes.add(successes), net: now.net.add(net) });
        }
    }
    const costYears = pool.contributions.map(line => line.year ?? 0);
    const years = [...new Set([...costYears, ...active.keys()])].sort((a, b) => a - b);
    const baseYear = years[0];
    if (baseYear === undefined) return undefined;
    // (1 + r)^-t as an exact fraction: 3.5% gives (200/207)^t.
    const step = Rational.ONE.div(Rational.ONE.add(discount));
    const discountFactors = new Map<number, Rational>();
    let factor = Rational.ONE;
    for (let year = baseYear; year <= (years.at(-1) ?? baseYear); year++) {
        discountFactors.set(year, factor);
        factor = factor.mul(step);
    }
    const df = (year: number) => discountFactors.get(year) ?? Rational.ZERO;

    // Exact figures per saving line and year, in pence.
    const exactLines = info.savings.map(line => {
        const count = line.count ?? Rational.ONE;
        const unit = Rational.of(line.unitCost?.saving?.pence ?? 0n).mul(count);
        const cashableUnit = Rational.of(line.unitCost?.cashable ?? 0n).mul(count);
        return years.map(year => {
            const now = active.get(year) ?? { successes: Rational.ZERO, net: Rational.ZERO };
            const net = now.net.mul(unit).mul(keep);
            return { year, gross: now.successes.mul(unit), net, cashable: now.net.mul(cashableUnit).mul(keep), discounted: net.mul(df(year)) };
        });
    });
    const cells = exactLines.flat();
    const rounded = {
        gross: roundParts(cells.map(cell => cell.gross)),
        net: roundParts(cells.map(cell => cell.net)),
        cashable: roundParts(cells.map(cell => cell.cashable)),
        discounted: roundParts(cells.map(cell => cell.discounted))
    };
    let index = 0;
    const lines: AppraisalLineFigures[] = info.savings.map((line, lineIndex) => {
        const byYear = (exactLines[lineIndex] ?? []).map(cell => {
            const at = index++;
            return {
                year: cell.year,
                gross: rounded.gross[at] ?? 0n,
                net: rounded.net[at] ?? 0n,
                cashable: rounded.cashable[at] ?? 0n,
                discounted: rounded.discounted[at] ?? 0n
            };
        });
        return {
            partnerId: line.partnerId,
            unitCostId: line.unitCostId,
            byYear,
            net: byYear.reduce((sum, cell) => sum + cell.net, 0n),
            discounted: byYear.reduce((sum, cell) => sum + cell.discounted, 0n)
        };
    });

    // Partners: who puts money in (the pool's contributions) and who saves (the saving lines).
    const partnerIds = [...new Set([...pool.contributions.map(line => line.partnerId), ...info.savings.map(line => line.partnerId)])];
    // Each partner's contributions by year, summed once: the costs below read this table.
    const costTable = new Map<string, Rational>();
    const costKey = (partnerId: string, year: number) => `${partnerId}\u0000${String(year)}`;
    for (const line of pool.contributions) {
        const key = costKey(line.partnerId, line.year ?? 0);
        costTable.set(key, (costTable.get(key) ?? Rational.ZERO).add(Rational.of(line.amount.pence ?? 0n)));
    }
    const exactCost = (partnerId: string, year: number) => costTable.get(costKey(partnerId, year)) ?? Rational.ZERO;
    const exactBenefit = (partnerId: string, pick: (cell: (typeof cells)[number]) => Rational) =>
        sumRationals(exactLines.filter((_, at) => info.savings[at]?.partnerId === partnerId).flatMap(line => line.map(pick)));
    const costCells = partnerIds.map(partnerId => years.map(year => exactCost(partnerId, year).mul(df(year))));
    // Rounded together, so that the partners' present costs add up to the whole; then read back per partner and year.
    const discountedFlat = roundParts(costCells.flat());
    const discountedCosts = costCells.map((row, partnerIndex) => row.map((_, at) => discountedFlat[partnerIndex * years.length + at] ?? 0n));
    const presentCost = costCells.map(row => sumRationals(row));
    const before = partnerIds.map(partnerId => exactBenefit(partnerId, cell => cell.discounted));
    const cashableBefore = partnerIds.map(partnerId => exactBenefit(partnerId, cell => cell.cashable.mul(df(cell.year))));

    // Benefit returns, in the order written, each on what the partner saves itself.
    const moved = partnerIds.map(() => Rational.ZERO);
    const returnFigures = info.returns.map(clause => {
        const from = partnerIds.indexOf(clause.partnerId);
        const points = fraction(clause.points);
        if (from < 0 || points === undefined) return { node: clause.node, amount: undefined };
        const base = (clause.cashableOnly ? cashableBefore[from] : before[from]) ?? Rational.ZERO;
        const amount = base.mul(points);
        const weights = partnerIds.map((partnerId, at) =>
            at === from ? Rational.ZERO : clause.proRata ? (presentCost[at] ?? Rational.ZERO) : partnerId === clause.recipientId ? Rational.ONE : Rational.ZERO
        );
        const weightSum = sumRationals(weights);
        if (weightSum.isZero()) return { node: clause.node, amount: undefined };
        moved[from] = (moved[from] ?? Rational.ZERO).sub(amount);
        weights.forEach((weight, at) => {
            moved[at] = (moved[at] ?? Rational.ZERO).add(amount.mul(weight).div(weightSum));
        });
        return { node: clause.node, amount: roundParts([amount])[0] ?? 0n };
    });
    const after = before.map((value, at) => value.add(moved[at] ?? Rational.ZERO));
    const beforeRounded = roundParts(before);
    const afterRounded = roundParts(after);
    const totalCost = sumRationals(presentCost);
    const totalBenefit = sumRationals(before);
    const partners: AppraisalPartnerFigures[] = partnerIds.map((partnerId, at) => ({
        partnerId,
        costByYear: new Map(years.map(year => [year, exactCost(partnerId, year).roundHalfAwayFromZero()])),
        presentCost: (discountedCosts[at] ?? []).reduce((sum, value) => sum + value, 0n),
        benefitBefore: beforeRounded[at] ?? 0n,
        benefitAfter: afterRounded[at] ?? 0n,
        costShare: totalCost.isZero() ? undefined : (presentCost[at] ?? Rational.ZERO).mul(Rational.HUNDRED).div(totalCost),
        benefitShareBefore: totalBenefit.isZero() ? undefined : (before[at] ?? Rational.ZERO).mul(Rational.HUNDRED).div(totalBenefit),
        benefitShareAfter: totalBenefit.isZero() ? undefined : (after[at] ?? Rational.ZERO).mul(Rational.HUNDRED).div(totalBenefit)
    }));

    const presentCosts = discountedFlat.reduce((sum, value) => sum + value, 0n);
    const presentBenefits = rounded.discounted.reduce((sum, value) => sum + value, 0n);
    // Payback: the first year by whose end discounted benefits have caught up with discounted costs.
    let paybackYear: number | undefined;
    let running = Rational.ZERO;
    let spentYet = false;
    years.forEach((year, at) => {
        running = running.add(sumRationals(exactLines.map(line => line[at]?.discounted ?? Rational.ZERO)));
        running = running.sub(sumRationals(costCells.map(row => row[at] ?? Rational.ZERO)));
        spentYet ||= partnerIds.some(id => exactCost(id, year).sign() > 0);
        if (paybackYear === undefined && running.sign() >= 0 && spentYet) paybackYear = year;
    });
    const byYear = years.map((year, at) => {
        const pick = (field: 'gross' | 'net' | 'cashable' | 'discounted') => lines.reduce((sum, line) => sum + (line.byYear[at]?.[field] ?? 0n), 0n);
        return {
            year,
            discountFactor: df(year),
            successes: active.get(year)?.successes ?? Rational.ZERO,
            netSuccesses: active.get(year)?.net ?? Rational.ZERO,
            cost: partnerIds.reduce((sum, partnerId) => sum + exactCost(partnerId, year).roundHalfAwayFromZero(), 0n),
            presentCost: discountedCosts.reduce((sum, row) => sum + (row[at] ?? 0n), 0n),
            gross: pick('gross'),
            net: pick('net'),
            cashable: pick('cashable'),
            discounted: pick('discounted')
        };
    });
    return {
        baseYear,
        years: byYear,
        lines,
        partners,
        returns: returnFigures,
        costs: byYear.reduce((sum, year) => sum + year.cost, 0n),
        presentCosts,
        presentBenefits,
        netPresentValue: presentBenefits - presentCosts,
        benefitCostRatio: totalCost.isZero() ? undefined : totalBenefit.div(totalCost),
        returnOnInvestment: totalCost.isZero() ? undefined : totalBenefit.sub(totalCost).mul(Rational.HUNDRED).div(totalCost),
        paybackYear,
        gross: rounded.gross.reduce((sum, value) => sum + value, 0n),
        net: rounded.net.reduce((sum, value) => sum + value, 0n),
        cashable: rounded.cashable.reduce((sum, value) => sum + value, 0n)
    };
}
