import type { AstNode } from 'langium';
import { formatQuantity } from '../money/quantity.js';
import { periodLabel } from '../money/reporting-period.js';
import type { ActualInfo, CohortInfo, CohortYearInfo, OutcomeInfo, PaymentInfo, PaymentSplitInfo, QuantityValue } from '../model/types.js';
import { type ChangeList, moneyValues, pairs, points } from './changes.js';

const NUL = '\u0000';

/** Outcomes: added, removed, and each of their terms; payment by results with its schedule in pounds; actuals. */
export function diffOutcomes(list: ChangeList): void {
    for (const [id, old, next] of pairs(list.before.outcomes, list.after.outcomes, outcome => outcome.id)) {
        const input = { topic: 'outcome' as const, key: id, beforeNode: old?.node, afterNode: next?.node };
        if (!old && next) {
            list.add({ ...input, field: 'added', after: id }, 'diff.outcome.added', { description: next.description, id });
        } else if (old && !next) {
            list.add({ ...input, field: 'removed', before: id }, 'diff.outcome.removed', { description: old.description, id });
        } else if (old && next) {
            diffOutcomeTerms(list, old, next);
        }
        diffPayment(list, id, old?.payment, next?.payment);
        diffCohort(list, id, old?.cohort, next?.cohort);
        diffActuals(list, id, old?.actuals ?? [], next?.actuals ?? []);
    }
}

function quantity(list: ChangeList, value: QuantityValue | undefined, key: 'diff.outcome.value-in' | 'diff.outcome.value-by'): string {
    if (!value) return list.none();
    return list.word(key, {
        value: value.value ? formatQuantity(value.value, value.isPercent) : value.text,
        year: list.year(value.year.start, value.year.parsed.text)
    });
}

function diffOutcomeTerms(list: ChangeList, old: OutcomeInfo, next: OutcomeInfo): void {
    const id = next.id;
    const description = next.description;
    const field = (name: string, before: unknown, after: unknown) => ({
        topic: 'outcome' as const,
        key: id,
        field: name,
        beforeNode: before as never,
        afterNode: after as never
    });
    if (old.description !== description) {
        list.add({ ...field('description', old.node, next.node), before: old.description, after: description }, 'diff.outcome.renamed', {
            id,
            before: old.description,
            after: description
        });
    }
    if (old.unit !== next.unit) {
        const unit = (value: string | undefined) => (value === undefined ? list.none() : `"${value}"`);
        list.add({ ...field('unit', old.node, next.node), before: old.unit, after: next.unit }, 'diff.outcome.unit', {
            description,
            id,
            before: unit(old.unit),
            after: unit(next.unit)
        });
    }
    const baseline = [quantity(list, old.baseline, 'diff.outcome.value-in'), quantity(list, next.baseline, 'diff.outcome.value-in')] as const;
    if (baseline[0] !== baseline[1]) {
        list.add({ ...field('baseline', old.baseline?.node, next.baseline?.node), before: baseline[0], after: baseline[1] }, 'diff.outcome.baseline', {
            description,
            id,
            before: baseline[0],
            after: baseline[1]
        });
    }
    const target = [quantity(list, old.target, 'diff.outcome.value-by'), quantity(list, next.target, 'diff.outcome.value-by')] as const;
    if (target[0] !== target[1]) {
        list.add({ ...field('target', old.target?.node, next.target?.node), before: target[0], after: target[1] }, 'diff.outcome.target', {
            description,
            id,
            before: target[0],
            after: target[1]
        });
    }
    if (old.direction !== next.direction) {
        const direction = (value: OutcomeInfo['direction']) => (value === undefined ? list.none() : list.word(`word.direction.${value}`, {}));
        list.add({ ...field('direction', old.directionNode, next.directionNode), before: old.direction, after: next.direction }, 'diff.outcome.direction', {
            description,
            id,
            before: direction(old.direction),
            after: direction(next.direction)
        });
    }
    if (old.measuredBy !== next.measuredBy) {
        const who = (partner: string | undefined) => (partner === undefined ? list.word('word.nobody', {}) : list.partner(partner));
        list.add({ ...field('measured-by', old.node, next.node), before: old.measuredBy, after: next.measuredBy }, 'diff.outcome.measured-by', {
            description,
            id,
            before: who(old.measuredBy),
            after: who(next.measuredBy)
        });
    }
}

function diffPayment(list: ChangeList, id: string, old: PaymentInfo | undefined, next: PaymentInfo | undefined): void {
    if (!old && !next) return;
    diffRateTerms(list, 'payment', id, old, next, PAYMENT_KEYS);
    diffSplits(list, id, old?.splits ?? [], next?.splits ?? []);
    diffSchedule(list, id, old, next);
}

/** The terms a payment by results and a cohort share: a rate per unit, and an optional cap. */
type RateTerms = Pick<PaymentInfo, 'rate' | 'unitName' | 'cap' | 'node'> | Pick<CohortInfo, 'rate' | 'unitName' | 'cap' | 'node'>;

const PAYMENT_KEYS = { added: 'diff.payment.added', removed: 'diff.payment.removed', rate: 'diff.payment.rate', unit: 'diff.payment.unit' } as const;
const COHORT_KEYS = { added: 'diff.cohort.added', removed: 'diff.cohort.removed', rate: 'diff.cohort.rate', unit: 'diff.cohort.unit' } as const;

/** A payment's or a cohort's rate terms added, removed or changed: the rate, the unit and the cap. */
function diffRateTerms(
    list: ChangeList,
    topic: 'payment' | 'cohort',
    id: string,
    old: RateTerms | undefined,
    next: RateTerms | undefined,
    keys: typeof PAYMENT_KEYS | typeof COHORT_KEYS
): void {
    const description = list.outcome(id);
    const input = { topic, key: id, beforeNode: old?.node, afterNode: next?.node };
    if (!old && next) {
        list.add({ ...input, field: 'added', ...moneyValues(undefined, next.rate.pence) }, keys.added, {
            description,
            id,
            rate: list.money(next.rate.pence),
            unit: next.unitName
        });
    } else if (old && !next) {
        list.add({ ...input, field: 'removed', ...moneyValues(old.rate.pence, undefined) }, keys.removed, {
            description,
            id,
            rate: list.money(old.rate.pence),
            unit: old.unitName
        });
    } else if (old && next) {
        const a = old.rate.pence;
        const b = next.rate.pence;
        if (a !== b)
            list.add({ ...input, field: 'rate', ...moneyValues(a, b) }, keys.rate, {
                description,
                id,
                before: list.money(a),
                after: list.money(b),
                unit: next.unitName,
                difference: list.difference(a, b)
            });
        if (old.unitName !== next.unitName)
            list.add({ ...input, field: 'unit', before: old.unitName, after: next.unitName }, keys.unit, {
                description,
                id,
                before: old.unitName,
                after: next.unitName
            });
        const ca = old.cap?.pence;
        const cb = next.cap?.pence;
        if (old.cap && next.cap && ca !== cb) {
            list.add({ ...input, field: 'cap', ...moneyValues(ca, cb) }, 'diff.payment.cap', {
                description,
                id,
                before: list.money(ca),
                after: list.money(cb),
                difference: list.difference(ca, cb)
            });
        } else if (!old.cap && next.cap) {
            list.add({ ...input, field: 'cap', ...moneyValues(undefined, cb) }, 'diff.payment.cap-added', { description, id, amount: list.money(cb) });
        } else if (old.cap && !next.cap) {
            list.add({ ...input, field: 'cap', ...moneyValues(ca, undefined) }, 'diff.payment.cap-removed', { description, id, amount: list.money(ca) });
        }
    }
}

function diffSplits(list: ChangeList, id: string, before: readonly PaymentSplitInfo[], after: readonly PaymentSplitInfo[]): void {
    const description = list.outcome(id);
    const terms = (split: PaymentSplitInfo) => `${points(split.upfront) ?? '?'}/${points(split.results) ?? '?'}`;
    for (const [key, old, next] of pairs(before, after, split => list.year(split.year.start, split.year.parsed.text))) {
        const input = {
            topic: 'payment-split' as const,
            key: [id, key].join(NUL),
            beforeNode: old?.node,
            afterNode: next?.node,
            before: old && terms(old),
            after: next && terms(next)
        };
        const year = key;
        if (!old && next) {
            list.add({ ...input, field: 'added' }, 'diff.split.added', {
                description,
                id,
                year,
                upfront: list.percent(next.upfront),
                results: list.percent(next.results)
            });
        } else if (old && !next) {
            list.add({ ...input, field: 'removed' }, 'diff.split.removed', {
                description,
                id,
                year,
                upfront: list.percent(old.upfront),
                results: list.percent(old.results)
            });
        } else if (old && next && terms(old) !== terms(next)) {
            list.add({ ...input, field: 'split' }, 'diff.split.changed', {
                description,
                id,
                year,
                beforeUpfront: list.percent(old.upfront),
                beforeResults: list.percent(old.results),
                afterUpfront: list.percent(next.upfront),
                afterResults: list.percent(next.results)
            });
        }
    }
}

/** The schedule in pounds is computed from the terms above: its changes are derived, so a board sees what a term's change is worth. */
function diffSchedule(list: ChangeList, id: string, old: PaymentInfo | undefined, next: PaymentInfo | undefined): void {
    const rows = pairs(old?.schedule ?? [], next?.schedule ?? [], entry => list.year(entry.year));
    diffYearTerms(list, id, 'payment-schedule', 'diff.schedule.year', rows, entry => ({ ...entry, node: undefined }), { before: old?.node, after: next?.node });
}

/** The money of one year of a schedule: in all, upfront, and on results. */
interface YearTerms {
    readonly amount: bigint | undefined;
    readonly upfront: bigint | undefined;
    readonly results: bigint | undefined;
    /** Where the year is written, when it is written on its own. */
    readonly node: AstNode | undefined;
}

/**
 * One derived change per year whose money differs, for a payment-by-results schedule and a
 * cohort's payments alike: `before` and `after` as `total/upfront/results`, the difference in the total.
 */
function diffYearTerms<T>(
    list: ChangeList,
    id: string,
    topic: 'payment-schedule' | 'cohort-payments',
    message: 'diff.schedule.year' | 'diff.cohort-payments.year',
    rows: Iterable<readonly [string, T | undefined, T | undefined, ...unknown[]]>,
    termsOf: (entry: T) => YearTerms,
    wholeNodes: { readonly before?: AstNode | undefined; readonly after?: AstNode | undefined } = {}
): void {
    const description = list.outcome(id);
    const money = (value: bigint | undefined) => list.money(value);
    const words = (year: YearTerms) =>
        list.word('diff.schedule.terms', { amount: money(year.amount), upfront: money(year.upfront), results: money(year.results) });
    const values = (year: YearTerms) => [year.amount ?? '?', year.upfront ?? '?', year.results ?? '?'].join('/');
    for (const [year, oldEntry, nextEntry] of rows) {
        const a = oldEntry === undefined ? undefined : termsOf(oldEntry);
        const b = nextEntry === undefined ? undefined : termsOf(nextEntry);
        if (a && b && values(a) === values(b)) continue;
        list.add(
            {
                topic,
                key: [id, year].join(NUL),
                field: 'year',
                derived: true,
                before: a && values(a),
                after: b && values(b),
                difference: a && b ? moneyValues(a.amount, b.amount).difference : undefined,
                beforeNode: a?.node ?? wholeNodes.before,
                afterNode: b?.node ?? wholeNodes.after
            },
            message,
            { description, id, year, before: a ? words(a) : list.none(), after: b ? words(b) : list.none() }
        );
    }
}

/** A cohort: its terms, each year's attachment, and (derived) each year's payments in pounds and the results earned. */
function diffCohort(list: ChangeList, id: string, old: CohortInfo | undefined, next: CohortInfo | undefined): void {
    if (!old && !next) return;
    diffRateTerms(list, 'cohort', id, old, next, COHORT_KEYS);
    diffCohortYears(list, id, old?.years ?? [], next?.years ?? []);
    diffCohortPayments(list, id, old, next);
}

function diffCohortYears(list: ChangeList, id: string, before: readonly CohortYearInfo[], after: readonly CohortYearInfo[]): void {
    const description = list.outcome(id);
    const count = (year: CohortYearInfo) => (year.attached ? formatQuantity(year.attached) : year.node.count);
    const upfront = (year: CohortYearInfo) => list.percent(year.upfrontPoints);
    for (const [key, old, next] of pairs(before, after, year => list.year(year.year.start, year.year.parsed.text))) {
        const input = { topic: 'cohort-year' as const, key: [id, key].join(NUL), beforeNode: old?.node, afterNode: next?.node };
        if (!old && next) {
            list.add({ ...input, field: 'added', after: count(next) }, 'diff.cohort-year.added', {
                description,
                id,
                year: key,
                attached: count(next),
                upfront: upfront(next)
            });
        } else if (old && !next) {
            list.add({ ...input, field: 'removed', before: count(old) }, 'diff.cohort-year.removed', { description, id, year: key, attached: count(old) });
        } else if (old && next) {
            if (count(old) !== count(next))
                list.add({ ...input, field: 'attached', before: count(old), after: count(next) }, 'diff.cohort-year.attached', {
                    description,
                    id,
                    year: key,
                    before: count(old),
                    after: count(next)
                });
            if (points(old.upfrontPoints) !== points(next.upfrontPoints))
                list.add({ ...input, field: 'upfront', before: points(old.upfrontPoints), after: points(next.upfrontPoints) }, 'diff.cohort-year.upfront', {
                    description,
                    id,
                    year: key,
                    before: upfront(old),
                    after: upfront(next)
                });
        }
    }
}

/** Each year's payments in pounds and the results earned are computed from the terms: their changes are derived. */
function diffCohortPayments(list: ChangeList, id: string, old: CohortInfo | undefined, next: CohortInfo | undefined): void {
    const description = list.outcome(id);
    const rows = pairs(old?.years ?? [], next?.years ?? [], entry => list.year(entry.year.start, entry.year.parsed.text));
    diffYearTerms(list, id, 'cohort-payments', 'diff.cohort-payments.year', rows, (year: CohortYearInfo) => ({ ...year, amount: year.total }));
    const money = (value: bigint | undefined) => list.money(value);
    if (old && next && old.earned !== next.earned) {
        list.add(
            {
                topic: 'cohort-payments',
                key: id,
                field: 'earned',
                derived: true,
                ...moneyValues(old.earned, next.earned),
                beforeNode: old.node,
                afterNode: next.node
            },
            'diff.cohort.earned',
            { description, id, before: money(old.earned), after: money(next.earned), difference: list.difference(old.earned, next.earned) }
        );
    }
}

function diffActuals(list: ChangeList, id: string, before: readonly ActualInfo[], after: readonly ActualInfo[]): void {
    const description = list.outcome(id);
    const period = (actual: ActualInfo) =>
        actual.year.start === undefined ? `${actual.year.parsed.text} ${actual.node.quarter ?? ''}`.trim() : periodLabel(actual.year.start, actual.quarter);
    const value = (actual: ActualInfo) => (actual.value ? formatQuantity(actual.value, actual.isPercent) : actual.text);
    for (const [key, old, next] of pairs(before, after, period)) {
        const input = {
            topic: 'actual' as const,
            key: [id, key].join(NUL),
            beforeNode: old?.node,
            afterNode: next?.node,
            before: old && value(old),
            after: next && value(next)
        };
        if (!old && next) list.add({ ...input, field: 'added' }, 'diff.actual.added', { description, id, period: key, value: value(next) });
        else if (old && !next) list.add({ ...input, field: 'removed' }, 'diff.actual.removed', { description, id, period: key, value: value(old) });
        else if (old && next && value(old) !== value(next))
            list.add({ ...input, field: 'value' }, 'diff.actual.changed', { description, id, period: key, before: value(old), after: value(next) });
    }
}
