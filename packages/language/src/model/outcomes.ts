import type { LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { allocate } from '../money/allocate.js';
import { parsePercent } from '../money/percent.js';
import { parseQuantity } from '../money/quantity.js';
import { parsePeriod, periodEnd } from '../money/reporting-period.js';
import { Rational } from '../money/rational.js';
import { trajectoryAt } from './trajectory.js';
import type { ActualInfo, OutcomeInfo, PaymentInfo, PaymentSplitInfo, PaymentYear, QuantityValue } from './types.js';
import { readCohort } from './cohorts.js';
import { firstField, groupByKeyword } from './fields.js';
import type { ReadCache, ValueReader } from './values.js';

/**
 * An outcome with its target, its payment-by-results terms and schedule, and its actuals against
 * the trajectory. An outcome reads nothing outside itself, so its reading is kept while its syntax
 * node is (see {@link ReadCache}).
 */
export function readOutcome(node: ast.Outcome, document: LangiumDocument, values: ValueReader, kept: ReadCache<ast.Outcome, OutcomeInfo>): OutcomeInfo {
    return kept.read(node, document, values, own => readOutcomeAfresh(node, document, own));
}

function readOutcomeAfresh(node: ast.Outcome, document: LangiumDocument, values: ValueReader): OutcomeInfo {
    const fields = node.fields ?? [];
    const quantity = (field: ast.BaselineField | ast.TargetField | undefined): QuantityValue | undefined => {
        if (!field || field.value === undefined) return undefined;
        const parsed = parseQuantity(field.value);
        return { node: field, text: field.value, value: parsed.value, isPercent: parsed.isPercent, year: values.year(field, 'year', field.year) };
    };
    const baseline = quantity(firstField(fields, ast.isBaselineField));
    const target = quantity(firstField(fields, ast.isTargetField));
    const directionNode = firstField(fields, ast.isDirectionField);
    const paymentNode = firstField(fields, ast.isPayment);
    const payment = paymentNode ? readPayment(paymentNode, baseline, target, values) : undefined;
    const actuals = fields
        .filter(ast.isActualField)
        .filter(field => field.value !== undefined)
        .map(field => readActual(field, baseline, target, directionNode?.value, payment, values));
    let latest: ActualInfo | undefined;
    for (const actual of actuals) {
        if (actual.end === undefined || actual.value === undefined) continue;
        if (!latest || latest.end === undefined || actual.end >= latest.end) latest = actual;
    }
    const cohortNode = firstField(fields, ast.isCohort);
    const cohort = cohortNode ? readCohort(cohortNode, latest, values) : undefined;
    return {
        node,
        document,
        id: node.name,
        description: node.description ?? '',
        unit: firstField(fields, ast.isUnitField)?.value,
        baseline,
        target,
        direction: directionNode?.value,
        directionNode,
        measuredBy: firstField(fields, ast.isMeasuredByField)?.partner?.$refText,
        payment,
        cohort,
        actuals,
        latest,
        fieldsByKeyword: groupByKeyword(fields.filter(field => !ast.isActualField(field)))
    };
}

function readActual(
    node: ast.ActualField,
    baseline: QuantityValue | undefined,
    target: QuantityValue | undefined,
    direction: ast.Direction | undefined,
    payment: PaymentInfo | undefined,
    values: ValueReader
): ActualInfo {
    const parsed = parseQuantity(node.value ?? '');
    const year = values.year(node, 'year', node.year);
    const period = parsePeriod(node.year ?? '', node.quarter);
    const end = year.start !== undefined && !period.quarterProblem ? periodEnd(year.start, period.quarter) : undefined;
    const point =
        end !== undefined && parsed.value && baseline && target && direction ? trajectoryAt(baseline, target, direction, end, parsed.value) : undefined;
    const unitsAchieved = point ? (point.achieved.sign() > 0 ? point.achieved : Rational.ZERO) : undefined;
    const earnedBeforeCap =
        unitsAchieved && payment?.rate.pence !== undefined ? unitsAchieved.mul(Rational.of(payment.rate.pence)).roundHalfAwayFromZero() : undefined;
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

function readPayment(node: ast.Payment, baseline: QuantityValue | undefined, target: QuantityValue | undefined, values: ValueReader): PaymentInfo {
    const rate = values.amount(node.rate, node);
    const cap = values.optionalAmount(node.cap);
    const unitsAtTarget = baseline?.value && target?.value ? target.value.sub(baseline.value).abs() : undefined;
    const paymentAtTarget = unitsAtTarget && rate.pence !== undefined ? unitsAtTarget.mul(Rational.of(rate.pence)).roundHalfAwayFromZero() : undefined;
    const payable =
        paymentAtTarget === undefined || (cap && cap.pence === undefined)
            ? undefined
            : cap?.pence !== undefined && cap.pence < paymentAtTarget
              ? cap.pence
              : paymentAtTarget;
    const splits: PaymentSplitInfo[] = (node.splits ?? []).map(split => ({
        node: split,
        year: values.year(split, 'year', split.year),
        upfront: split.upfront ? parsePercent(split.upfront).points : undefined,
        results: split.results ? parsePercent(split.results).points : undefined
    }));
    return {
        node,
        rate,
        unitName: node.unitName ?? '',
        cap,
        splits,
        unitsAtTarget,
        paymentAtTarget,
        payable,
        schedule: paymentSchedule(payable, unitsAtTarget, baseline, target, splits)
    };
}

/**
 * The payable amount spread over the years from the year after the baseline to the target year,
 * as the straight-line trajectory spreads the units (an equal part each year, largest-remainder
 * rounding so the years add up to the payable amount), and each year's part divided into upfront
 * and results fees by the split written for that year (largest-remainder again), or paid wholly on
 * results where none is written.
 */
function paymentSchedule(
    payable: bigint | undefined,
    units: Rational | undefined,
    baseline: QuantityValue | undefined,
    target: QuantityValue | undefined,
    splits: readonly PaymentSplitInfo[]
): PaymentYear[] {
    const first = baseline?.year.start;
    const last = target?.year.start;
    if (payable === undefined || units === undefined || first === undefined || last === undefined || last <= first) return [];
    const years = Array.from({ length: last - first }, (_, index) => first + 1 + index);
    const unitsPerYear = units.div(Rational.of(years.length));
    const amounts = allocate(
        payable,
        years.map(() => Rational.ONE)
    );
    return years.map((year, index) => {
        const amount = amounts[index] ?? 0n;
        const split = splits.find(candidate => candidate.year.start === year);
        if (!split) return { year, units: unitsPerYear, amount, upfront: 0n, results: amount };
        const { upfront, results } = split;
        if (!upfront || !results || !upfront.add(results).equals(Rational.HUNDRED) || upfront.sign() < 0 || results.sign() < 0) {
            return { year, units: unitsPerYear, amount, upfront: undefined, results: undefined, split };
        }
        const [upfrontPart = 0n, resultsPart = 0n] = allocate(amount, [upfront, results]);
        return { year, units: unitsPerYear, amount, upfront: upfrontPart, results: resultsPart, split };
    });
}
