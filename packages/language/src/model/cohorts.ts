import type * as ast from '../generated/ast.js';
import { allocate } from '../money/allocate.js';
import { parsePercent } from '../money/percent.js';
import { parseQuantity } from '../money/quantity.js';
import { Rational } from '../money/rational.js';
import type { ActualInfo, CohortInfo, CohortYearInfo } from './types.js';
import { sumKnown, type ValueReader } from './values.js';

/**
 * A payment-by-results cohort: each year, the families attached, the most that may be paid for
 * them (attached × rate) split into the upfront part paid on attachment and the results part
 * (largest remainder, so the parts make the total); and, from the latest actual (families turned
 * around), the results earned, counting the earliest attachments first.
 */
export function readCohort(node: ast.Cohort, latest: ActualInfo | undefined, values: ValueReader): CohortInfo {
    const rate = values.amount(node.rate, node);
    const cap = values.optionalAmount(node.cap);
    const written = (node.years ?? []).map(year => {
        const count = year.count === undefined ? undefined : parseQuantity(year.count);
        const attached = count && !count.isPercent && count.value?.isInteger() && count.value.sign() >= 0 ? count.value : undefined;
        const upfrontPoints = year.upfront === undefined ? undefined : parsePercent(year.upfront).points;
        const valid = upfrontPoints !== undefined && upfrontPoints.sign() >= 0 && !upfrontPoints.gt(Rational.HUNDRED);
        const resultsPoints = valid ? Rational.HUNDRED.sub(upfrontPoints) : undefined;
        const total = attached !== undefined && rate.pence !== undefined ? attached.mul(Rational.of(rate.pence)).roundHalfAwayFromZero() : undefined;
        const [upfront, results] =
            total !== undefined && valid && resultsPoints !== undefined ? allocate(total, [upfrontPoints, resultsPoints]) : [undefined, undefined];
        return { node: year, year: values.year(year, 'year', year.year), attached, upfrontPoints, resultsPoints, total, upfront, results };
    });
    // The families the latest actual counts as turned around, given to the earliest attachments first.
    const claimed = latest?.unitsAchieved;
    let remaining = claimed;
    const ordered = [...written].sort((a, b) => (a.year.start ?? 0) - (b.year.start ?? 0));
    const byNode = new Map<ast.CohortYear, { turnedAround: Rational | undefined; earned: bigint | undefined }>();
    for (const year of ordered) {
        if (remaining === undefined || year.attached === undefined) {
            byNode.set(year.node, { turnedAround: undefined, earned: undefined });
            continue;
        }
        const turnedAround = remaining.lt(year.attached) ? remaining : year.attached;
        remaining = remaining.sub(turnedAround);
        const earned =
            year.results !== undefined && year.attached.sign() > 0
                ? Rational.of(year.results).mul(turnedAround).div(year.attached).roundHalfAwayFromZero()
                : year.attached.sign() === 0
                  ? 0n
                  : undefined;
        byNode.set(year.node, { turnedAround, earned });
    }
    const years: CohortYearInfo[] = written.map(year => ({ ...year, ...(byNode.get(year.node) ?? { turnedAround: undefined, earned: undefined }) }));
    const attachedValues = years.map(year => year.attached);
    const attached = attachedValues.every(value => value !== undefined)
        ? attachedValues.reduce<Rational>((sum, value) => sum.add(value), Rational.ZERO)
        : undefined;
    const maximum = sumKnown(years.map(year => year.total));
    const upfront = sumKnown(years.map(year => year.upfront));
    const results = sumKnown(years.map(year => year.results));
    const capPence = cap?.pence;
    const payable = maximum === undefined || (cap && capPence === undefined) ? undefined : capPence !== undefined && capPence < maximum ? capPence : maximum;
    const earnedBeforeCap = claimed === undefined ? undefined : sumKnown(years.map(year => year.earned));
    // The cap holds for everything paid: upfront payments first, then results.
    const room = capPence !== undefined && upfront !== undefined ? (capPence > upfront ? capPence - upfront : 0n) : undefined;
    const earned = earnedBeforeCap !== undefined && room !== undefined && earnedBeforeCap > room ? room : earnedBeforeCap;
    return { node, rate, unitName: node.unitName ?? '', cap, years, attached, maximum, upfront, results, payable, claimed, earned };
}
