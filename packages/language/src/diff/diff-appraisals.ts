import type { AstNode } from 'langium';
import { yearLabel } from '../money/financial-year.js';
import { formatQuantity } from '../money/quantity.js';
import type { Rational } from '../money/rational.js';
import type { AppraisalInfo, AppraisalRateKind, BenefitReturnInfo, UnitCostInfo } from '../model/types.js';
import { APPRAISAL_RATES } from '../model/appraisals.js';
import { type ChangeList, moneyValues, pairs, points } from './changes.js';

const NUL = '\u0000';

/** Unit costs (the agreement's and its registers'): each field as written. */
export function diffUnitCosts(list: ChangeList): void {
    for (const [id, old, next] of pairs(list.before.unitCosts, list.after.unitCosts, cost => cost.id)) {
        const input = { topic: 'unit-cost' as const, key: id, beforeNode: old?.node, afterNode: next?.node };
        const description = (next ?? old)?.description ?? id;
        const saving = (cost: UnitCostInfo) => {
            const amount = list.money(cost.saving?.pence);
            return cost.unitName ? `${amount} / ${cost.unitName}` : amount;
        };
        if (!old && next) {
            list.add({ ...input, field: 'added', after: id }, 'diff.unit-cost.added', { id, description, saving: saving(next) });
            continue;
        }
        if (old && !next) {
            list.add({ ...input, field: 'removed', before: id }, 'diff.unit-cost.removed', { id, description });
            continue;
        }
        if (!old || !next) continue;
        if (old.description !== next.description)
            list.add({ ...input, field: 'description', before: old.description, after: next.description }, 'diff.unit-cost.description', {
                id,
                before: old.description,
                after: next.description
            });
        const text = (value: string | undefined) => (value === undefined ? list.none() : `"${value}"`);
        if (old.agency !== next.agency)
            list.add({ ...input, field: 'agency', before: old.agency, after: next.agency }, 'diff.unit-cost.agency', {
                id,
                description,
                before: text(old.agency),
                after: text(next.agency)
            });
        if (saving(old) !== saving(next))
            list.add({ ...input, field: 'saving', ...moneyValues(old.saving?.pence, next.saving?.pence) }, 'diff.unit-cost.saving', {
                id,
                description,
                before: saving(old),
                after: saving(next)
            });
        if (old.cashable !== next.cashable)
            list.add({ ...input, field: 'cashable', ...moneyValues(old.cashable, next.cashable) }, 'diff.unit-cost.cashable', {
                id,
                description,
                before: list.money(old.cashable),
                after: list.money(next.cashable)
            });
        if (old.source !== next.source)
            list.add({ ...input, field: 'source', before: old.source, after: next.source }, 'diff.unit-cost.source', {
                id,
                description,
                before: text(old.source),
                after: text(next.source)
            });
        const prices = (cost: UnitCostInfo) => (cost.priceYear ? list.year(cost.priceYear.start, cost.priceYear.parsed.text) : list.none());
        if (prices(old) !== prices(next))
            list.add({ ...input, field: 'prices', before: prices(old), after: prices(next) }, 'diff.unit-cost.prices', {
                id,
                description,
                before: prices(old),
                after: prices(next)
            });
        if (old.illustrative !== next.illustrative)
            list.add(
                { ...input, field: 'illustrative', before: String(old.illustrative), after: String(next.illustrative) },
                next.illustrative ? 'diff.unit-cost.illustrative' : 'diff.unit-cost.not-illustrative',
                { id, description }
            );
    }
}

/** Appraisals, by the pool they appraise: their inputs as written, then, derived, the figures they give. */
export function diffAppraisals(list: ChangeList): void {
    for (const [id, old, next] of pairs(list.before.appraisals, list.after.appraisals, appraisal => appraisal.poolId)) {
        const pool = list.pool(id);
        const input = { topic: 'appraisal' as const, key: id, beforeNode: old?.node, afterNode: next?.node };
        if (!old && next) list.add({ ...input, field: 'added', after: id }, 'diff.appraisal.added', { pool });
        else if (old && !next) list.add({ ...input, field: 'removed', before: id }, 'diff.appraisal.removed', { pool });
        else if (old && next) diffInputs(list, id, old, next);
        diffFigures(list, id, old, next);
    }
}

function diffInputs(list: ChangeList, id: string, old: AppraisalInfo, next: AppraisalInfo): void {
    const pool = list.pool(id);
    const count = (value: Rational | undefined, written?: string) => (value ? formatQuantity(value) : (written ?? list.none()));
    const input = (field: string, beforeNode: AstNode | undefined, afterNode: AstNode | undefined) => ({
        topic: 'appraisal' as const,
        key: [id, field].join(NUL),
        field,
        beforeNode: beforeNode ?? old.node,
        afterNode: afterNode ?? next.node
    });
    for (const [year, a, b] of pairs(old.cohorts, next.cohorts, cohort => list.year(cohort.year.start, cohort.year.parsed.text))) {
        const at = { ...input('cohort', a?.node, b?.node), key: [id, 'cohort', year].join(NUL) };
        if (!a && b) list.add({ ...at, after: count(b.size, b.node.count) }, 'diff.appraisal.cohort-added', { pool, year, size: count(b.size, b.node.count) });
        else if (a && !b)
            list.add({ ...at, before: count(a.size, a.node.count) }, 'diff.appraisal.cohort-removed', { pool, year, size: count(a.size, a.node.count) });
        else if (a && b && count(a.size, a.node.count) !== count(b.size, b.node.count))
            list.add({ ...at, before: count(a.size, a.node.count), after: count(b.size, b.node.count) }, 'diff.appraisal.cohort', {
                pool,
                year,
                before: count(a.size, a.node.count),
                after: count(b.size, b.node.count)
            });
    }
    const rate = (appraisal: AppraisalInfo, kind: AppraisalRateKind) => appraisal.rates.get(kind)?.points;
    for (const kind of APPRAISAL_RATES) {
        const [a, b] = [rate(old, kind), rate(next, kind)];
        if (points(a) === points(b)) continue;
        list.add({ ...input(kind, old.rates.get(kind)?.node, next.rates.get(kind)?.node), before: points(a), after: points(b) }, `diff.appraisal.${kind}`, {
            pool,
            before: a ? list.percent(a) : list.none(),
            after: b ? list.percent(b) : list.none()
        });
    }
    if (points(old.discount.points) !== points(next.discount.points))
        list.add(
            { ...input('discount', old.discount.node, next.discount.node), before: points(old.discount.points), after: points(next.discount.points) },
            'diff.appraisal.discount',
            { pool, before: list.percent(old.discount.points), after: list.percent(next.discount.points) }
        );
    const years = (appraisal: AppraisalInfo) => count(appraisal.duration, appraisal.durationNode?.years);
    if (years(old) !== years(next))
        list.add({ ...input('duration', old.durationNode, next.durationNode), before: years(old), after: years(next) }, 'diff.appraisal.duration', {
            pool,
            before: years(old),
            after: years(next)
        });
    const lineKey = (line: AppraisalInfo['savings'][number]) => [line.unitCostId, line.partnerId].join(NUL);
    const numbered = (appraisal: AppraisalInfo) => {
        const seen = new Map<string, number>();
        return appraisal.savings.map(line => {
            const n = seen.get(lineKey(line)) ?? 0;
            seen.set(lineKey(line), n + 1);
            return { line, key: [lineKey(line), String(n)].join(NUL) };
        });
    };
    for (const [key, a, b] of pairs(numbered(old), numbered(next), entry => entry.key)) {
        const at = { ...input('saving', a?.line.node, b?.line.node), key: [id, 'saving', key].join(NUL) };
        const line = (b ?? a)?.line;
        if (!line) continue;
        const args = { pool, cost: line.unitCostId, partner: list.partner(line.partnerId) };
        if (!a && b) list.add({ ...at, after: count(b.line.count) }, 'diff.appraisal.saving-added', { ...args, count: count(b.line.count) });
        else if (a && !b) list.add({ ...at, before: count(a.line.count) }, 'diff.appraisal.saving-removed', args);
        else if (a && b && count(a.line.count, a.line.node.count) !== count(b.line.count, b.line.node.count))
            list.add({ ...at, before: count(a.line.count), after: count(b.line.count) }, 'diff.appraisal.saving-count', {
                ...args,
                before: count(a.line.count, a.line.node.count),
                after: count(b.line.count, b.line.node.count)
            });
    }
    diffReturns(list, id, old.returns, next.returns);
}

function diffReturns(list: ChangeList, id: string, before: readonly BenefitReturnInfo[], after: readonly BenefitReturnInfo[]): void {
    const pool = list.pool(id);
    const numbered = (clauses: readonly BenefitReturnInfo[]) => {
        const seen = new Map<string, number>();
        return clauses.map(clause => {
            const n = seen.get(clause.partnerId) ?? 0;
            seen.set(clause.partnerId, n + 1);
            return { clause, key: [clause.partnerId, String(n)].join(NUL) };
        });
    };
    for (const [key, a, b] of pairs(numbered(before), numbered(after), entry => entry.key)) {
        const clause = (b ?? a)?.clause;
        if (!clause) continue;
        const partner = list.partner(clause.partnerId);
        const input = { topic: 'benefit-return' as const, key: [id, key].join(NUL), beforeNode: a?.clause.node, afterNode: b?.clause.node };
        if (!a && b) {
            list.add({ ...input, field: 'added', after: points(b.clause.points) }, 'diff.appraisal.return-added', {
                pool,
                partner,
                percent: list.percent(b.clause.points)
            });
            continue;
        }
        if (a && !b) {
            list.add({ ...input, field: 'removed', before: points(a.clause.points) }, 'diff.appraisal.return-removed', { pool, partner });
            continue;
        }
        if (!a || !b) continue;
        const [old, next] = [a.clause, b.clause];
        if (points(old.points) !== points(next.points))
            list.add({ ...input, field: 'percent', before: points(old.points), after: points(next.points) }, 'diff.appraisal.return-percent', {
                pool,
                partner,
                before: list.percent(old.points),
                after: list.percent(next.points)
            });
        if (old.cashableOnly !== next.cashableOnly)
            list.add(
                { ...input, field: 'cashable', before: String(old.cashableOnly), after: String(next.cashableOnly) },
                next.cashableOnly ? 'diff.appraisal.return-cashable' : 'diff.appraisal.return-all',
                { pool, partner }
            );
        const to = (entry: BenefitReturnInfo) => (entry.proRata ? 'pro rata' : (entry.recipientId ?? ''));
        if (to(old) === to(next)) continue;
        const field = { ...input, field: 'to', before: to(old), after: to(next) };
        if (next.proRata) list.add(field, 'diff.appraisal.return-pro-rata', { pool, partner, before: list.partner(old.recipientId ?? '') });
        else if (old.proRata) list.add(field, 'diff.appraisal.return-named', { pool, partner, after: list.partner(next.recipientId ?? '') });
        else
            list.add(field, 'diff.appraisal.return-to', {
                pool,
                partner,
                before: list.partner(old.recipientId ?? ''),
                after: list.partner(next.recipientId ?? '')
            });
    }
}

/** The figures an appraisal gives change with its inputs, its unit costs and the pool's contributions: derived changes. */
function diffFigures(list: ChangeList, id: string, old: AppraisalInfo | undefined, next: AppraisalInfo | undefined): void {
    const pool = list.pool(id);
    const [a, b] = [old?.figures, next?.figures];
    const ratio = (value: Rational | undefined) => value?.toDecimal(2, 2) ?? list.word('word.unknown', {});
    const derived = { topic: 'appraisal-figures' as const, derived: true, beforeNode: old?.node, afterNode: next?.node };
    if (a?.netPresentValue !== b?.netPresentValue || ratio(a?.benefitCostRatio) !== ratio(b?.benefitCostRatio))
        list.add({ ...derived, key: id, field: 'net-present-value', ...moneyValues(a?.netPresentValue, b?.netPresentValue) }, 'diff.appraisal.figures', {
            pool,
            before: list.money(a?.netPresentValue),
            after: list.money(b?.netPresentValue),
            difference: list.difference(a?.netPresentValue, b?.netPresentValue),
            ratioBefore: ratio(a?.benefitCostRatio),
            ratioAfter: ratio(b?.benefitCostRatio)
        });
    const payback = (year: number | undefined) => (year === undefined ? list.none() : yearLabel(year));
    if (a && b && a.paybackYear !== b.paybackYear)
        list.add({ ...derived, key: id, field: 'payback', before: payback(a.paybackYear), after: payback(b.paybackYear) }, 'diff.appraisal.payback', {
            pool,
            before: payback(a.paybackYear),
            after: payback(b.paybackYear)
        });
    if (!a || !b) return;
    for (const [partnerId, p, q] of pairs(a.partners, b.partners, partner => partner.partnerId)) {
        if (p?.benefitAfter === q?.benefitAfter) continue;
        list.add(
            { ...derived, key: [id, partnerId].join(NUL), field: 'position', ...moneyValues(p?.benefitAfter, q?.benefitAfter) },
            'diff.appraisal.position',
            {
                pool,
                partner: list.partner(partnerId),
                before: list.money(p?.benefitAfter),
                after: list.money(q?.benefitAfter),
                difference: list.difference(p?.benefitAfter, q?.benefitAfter)
            }
        );
    }
}
