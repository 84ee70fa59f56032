import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/money/amount.js';
import { propertyRuns } from '../../../test/support/budget.js';
import { workspaces } from './helpers.js';

/**
 * The programme rules' figures against an independent computation written here with nothing but
 * BigInt numerators and denominators (no Rational, no allocate): an uplifted minimum for any base,
 * percentage and rounding rule; a cohort's payments, year by year, and the results earned for any
 * rate, attachments, upfront percentages, cap and latest actual.
 */

/** 150 cases a property in `pnpm test`, 1,500 under `pnpm fuzz`. */
const RUNS = { numRuns: propertyRuns(150, 1_500) };
/** One set of services for every case (see `workspaces`). */
const workspace = workspaces();
const pounds = (pence: bigint) => formatMoney(pence);

/** n / d rounded to the nearest whole number, halves up (n, d ≥ 0). */
function roundHalfUp(n: bigint, d: bigint): bigint {
    return (2n * n + d) / (2n * d);
}

/** A percentage held as ten-thousandths of a percent, written as Pool text: 5.66%, 12.3456%, 0%. */
function percentText(tenThousandths: bigint): string {
    const whole = tenThousandths / 10_000n;
    const fraction = (tenThousandths % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
    return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

describe('an uplifted minimum is the exact product rounded once, by the stated rule', () => {
    const uplift = fc.record({
        base: fc.bigInt({ min: 0n, max: 10_000_000_000_00n }),
        percent: fc.bigInt({ min: 0n, max: 300_000n }),
        rounding: fc.constantFrom('penny' as const, 'pound' as const, undefined),
        off: fc.constantFrom(0n, 1n, -1n)
    });

    it('matches the independent computation, and a written minimum one penny away is uplift-mismatch', async () => {
        await fc.assert(
            fc.asyncProperty(uplift, async ({ base, percent, rounding, off }) => {
                // base × (100 + p) / 100 pence, p in ten-thousandths of a percent: base × (1,000,000 + t) / 1,000,000.
                const numerator = base * (1_000_000n + percent);
                const expected = rounding === 'pound' ? roundHalfUp(numerator, 100_000_000n) * 100n : roundHalfUp(numerator, 1_000_000n);
                const written = expected + off;
                const text = `agreement "Uplift" {
    period 2023/24 to 2024/25
    host council
}
partner council "Anytown Council" council
partner icb "NHS Anytown Integrated Care Board" health
pool bcf "Better Care Fund" pooled under section 75 {
    stream nhs "NHS minimum contribution" {
        minimum ${pounds(base)} in 2023/24
        uplift ${percentText(percent)} in 2024/25${rounding ? ` rounded to the ${rounding}` : ''}
        ${written >= 0n ? `minimum ${pounds(written)} in 2024/25` : ''}
    }
    2023/24 { icb ${pounds(base)} from nhs }
}
`;
                const ws = await workspace({ 'main.pool': text });
                const stream = ws.model('main.pool').pools[0]?.streams[0];
                expect(stream?.minimums.get(2024)?.pence).toBe(expected);
                const mismatch = ws.diagnostics('main.pool').filter(d => d.code === 'uplift-mismatch');
                expect(mismatch.length).toBe(off !== 0n && written >= 0n ? 1 : 0);
                if (mismatch[0]) expect(mismatch[0].message).toContain(pounds(expected));
            }),
            RUNS
        );
    });
});

interface CohortYear {
    attached: bigint;
    /** Hundredths of a percent, 0 to 10,000. */
    upfront: bigint;
}

const cohort = fc
    .record({
        rate: fc.bigInt({ min: 1n, max: 1_000_000n }),
        years: fc.array(fc.record({ attached: fc.bigInt({ min: 0n, max: 3_000n }), upfront: fc.bigInt({ min: 0n, max: 10_000n }) }), {
            minLength: 1,
            maxLength: 3
        }),
        capFraction: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        claimedFraction: fc.integer({ min: 0, max: 100 })
    })
    .map(({ rate, years, capFraction, claimedFraction }) => {
        const attached = years.reduce((sum, year) => sum + year.attached, 0n);
        const maximum = attached * rate;
        return {
            rate,
            years,
            cap: capFraction === undefined ? undefined : (maximum * BigInt(capFraction)) / 100n,
            claimed: (attached * BigInt(claimedFraction)) / 100n
        };
    });

/** Two parts of a total by the largest-remainder rule, the earlier part first among equal remainders. */
function twoParts(total: bigint, upfront: bigint): [bigint, bigint] {
    const a = (total * upfront) / 10_000n;
    const b = (total * (10_000n - upfront)) / 10_000n;
    const leftover = total - a - b;
    if (leftover === 0n) return [a, b];
    const ra = (total * upfront) % 10_000n;
    const rb = (total * (10_000n - upfront)) % 10_000n;
    return ra >= rb ? [a + leftover, b] : [a, b + leftover];
}

function expectedCohort(rate: bigint, years: readonly CohortYear[], cap: bigint | undefined, claimed: bigint) {
    let remaining = claimed;
    const rows = years.map(year => {
        const total = year.attached * rate;
        const [upfront, results] = twoParts(total, year.upfront);
        const turnedAround = remaining < year.attached ? remaining : year.attached;
        remaining -= turnedAround;
        const earned = year.attached === 0n ? 0n : roundHalfUp(results * turnedAround, year.attached);
        return { total, upfront, results, turnedAround, earned };
    });
    const upfront = rows.reduce((sum, row) => sum + row.upfront, 0n);
    const earnedBeforeCap = rows.reduce((sum, row) => sum + row.earned, 0n);
    const room = cap === undefined ? undefined : cap > upfront ? cap - upfront : 0n;
    return { rows, upfront, earned: room !== undefined && earnedBeforeCap > room ? room : earnedBeforeCap };
}

describe('a cohort pays what the independent computation pays, year by year and in all', () => {
    it('totals, upfront and results parts, families turned around and results earned, to the penny', async () => {
        await fc.assert(
            fc.asyncProperty(cohort, async ({ rate, years, cap, claimed }) => {
                const attached = years.reduce((sum, year) => sum + year.attached, 0n);
                const lines = years.map(
                    (year, index) => `        ${2013 + index}/${14 + index} attach ${year.attached} upfront ${percentText(year.upfront * 100n)}`
                );
                const text = `agreement "Cohort" {
    period 2013/14 to 2015/16
    host council
}
partner council "Anytown Council" council
partner police "Anytown Police" police
pool families "Families pot" pooled under "the Anytown families agreement" {
    2013/14 { council £100,000  police £50,000 }
}
outcome turned_around "Families turned around" {
    baseline 0 in 2012/13
    target ${attached + 1n} by 2015/16
    increase
    measured by council
    cohort pays ${pounds(rate)} per family${cap === undefined ? '' : ` up to ${pounds(cap)}`} {
${lines.join('\n')}
    }
    actual ${claimed} in 2015/16
}
`;
                const ws = await workspace({ 'main.pool': text });
                const model = ws.model('main.pool').outcomes[0]?.cohort;
                const expected = expectedCohort(rate, years, cap, claimed);
                expect(model?.years.map(year => [year.total, year.upfront, year.results, year.turnedAround?.toDecimal(), year.earned])).toEqual(
                    expected.rows.map(row => [row.total, row.upfront, row.results, row.turnedAround.toString(), row.earned])
                );
                for (const row of expected.rows) expect(row.upfront + row.results).toBe(row.total);
                expect(model?.maximum).toBe(attached * rate);
                expect(model?.upfront).toBe(expected.upfront);
                expect(model?.earned).toBe(expected.earned);
                expect(model?.payable).toBe(cap !== undefined && cap < attached * rate ? cap : attached * rate);
                const codes = ws.diagnostics('main.pool').map(d => d.code);
                expect(codes.includes('payment-cap-exceeded')).toBe(cap !== undefined && attached * rate > cap);
                expect(codes.filter(code => code !== 'payment-cap-exceeded')).toEqual([]);
            }),
            RUNS
        );
    });

    it('cohort-over-attached exactly when the latest actual counts more than were attached', async () => {
        await fc.assert(
            fc.asyncProperty(fc.bigInt({ min: 0n, max: 500n }), fc.bigInt({ min: 0n, max: 500n }), fc.bigInt({ min: -3n, max: 3n }), async (a, b, off) => {
                const claimed = a + b + off < 0n ? 0n : a + b + off;
                const text = `agreement "Cohort" {
    period 2013/14 to 2014/15
    host council
}
partner council "Anytown Council" council
partner police "Anytown Police" police
pool families "Families pot" pooled under "the Anytown families agreement" {
    2013/14 { council £100,000  police £50,000 }
}
outcome turned_around "Families turned around" {
    baseline 0 in 2012/13
    target ${a + b + 1n} by 2014/15
    increase
    cohort pays £4,000 per family {
        2013/14 attach ${a} upfront 60%
        2014/15 attach ${b} upfront 40%
    }
    actual ${claimed} in 2014/15
}
`;
                const ws = await workspace({ 'main.pool': text });
                const found = ws.diagnostics('main.pool').filter(d => d.code === 'cohort-over-attached');
                expect(found.length).toBe(claimed > a + b ? 1 : 0);
                if (found[0]) expect(found[0].message).toContain(`counts ${claimed.toLocaleString('en-GB')} turned around`);
            }),
            RUNS
        );
    });
});

/** A fraction of BigInts, reduced only when compared: the test's own arithmetic, independent of Rational. */
type Fraction = readonly [bigint, bigint];
const add = ([a, b]: Fraction, [c, d]: Fraction): Fraction => [a * d + c * b, b * d];
const mul = ([a, b]: Fraction, [c, d]: Fraction): Fraction => [a * c, b * d];
const roundFraction = ([n, d]: Fraction): bigint => (n >= 0n ? roundHalfUp(n, d) : -roundHalfUp(-n, d));

const appraisalCase = fc.record({
    cohorts: fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 3 }),
    // Rates in hundredths of a percent.
    engagement: fc.integer({ min: 0, max: 10_000 }),
    success: fc.integer({ min: 0, max: 10_000 }),
    deadweight: fc.integer({ min: 0, max: 10_000 }),
    optimism: fc.integer({ min: 0, max: 10_000 }),
    discount: fc.integer({ min: 0, max: 2_000 }),
    lasts: fc.integer({ min: 1, max: 4 }),
    savingPence: fc.tuple(fc.bigInt({ min: 1n, max: 5_000_000n }), fc.bigInt({ min: 1n, max: 5_000_000n })),
    counts: fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })),
    costs: fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 50_000_000n }), fc.bigInt({ min: 0n, max: 50_000_000n })), { minLength: 1, maxLength: 3 }),
    returned: fc.integer({ min: 0, max: 10_000 }),
    cashableOnly: fc.boolean()
});

const hundredths = (value: number) => `${Math.floor(value / 100)}${value % 100 ? `.${String(value % 100).padStart(2, '0')}` : ''}%`;

describe('a cost-benefit appraisal matches the Green Book formulas computed independently', () => {
    it('gives the same present values, net present value, benefit-cost ratio and payback, and positions that add up to the benefits', async () => {
        await fc.assert(
            fc.asyncProperty(appraisalCase, async c => {
                const years = c.costs.map((_, index) => 2013 + index);
                const text = `agreement "Appraisal" {
    period 2013/14 to ${2013 + c.costs.length - 1}/${String((2014 + c.costs.length - 1) % 100).padStart(2, '0')}
    host council
}
partner council "Anytown Council" council
partner police "Anytown Police" police
pool families "Families" pooled under "the agreement" {
${c.costs.map(([council, police], index) => `    ${2013 + index}/${String((2014 + index) % 100).padStart(2, '0')} { council ${pounds(council)} police ${pounds(police)} }`).join('\n')}
}
unit cost a "A" {
    saving ${pounds(c.savingPence[0])}
    cashable
    source "s"
    prices 2012/13
}
unit cost b "B" {
    saving ${pounds(c.savingPence[1])}
    source "s"
    prices 2012/13
}
appraisal of families {
${c.cohorts.map((size, index) => `    cohort ${size} in ${2013 + index}/${String((2014 + index) % 100).padStart(2, '0')}`).join('\n')}
    engagement ${hundredths(c.engagement)}
    success ${hundredths(c.success)}
    deadweight ${hundredths(c.deadweight)}
    optimism bias ${hundredths(c.optimism)}
    benefits last ${c.lasts} years
    discount ${hundredths(c.discount)}
    saving ${c.counts[0] / 100} a for police
    saving ${c.counts[1] / 100} b for council
    return ${hundredths(c.returned)} of police ${c.cashableOnly ? 'cashable ' : ''}savings to council
}
`;
                const ws = await workspace({ 'main.pool': text });
                const figures = ws.model('main.pool').appraisals[0]?.figures;
                expect(
                    figures,
                    ws
                        .diagnostics('main.pool')
                        .map(d => (typeof d.message === 'string' ? d.message : d.message.value))
                        .join('\n')
                ).toBeDefined();
                if (!figures) return;
                // Net successes saving in each year, and the discount factor 1 / (1 + r)^t.
                const rate = (value: number): Fraction => [BigInt(value), 10_000n];
                const perCohort = mul(mul(rate(c.engagement), rate(c.success)), [10_000n - BigInt(c.deadweight), 10_000n]);
                const lastYear = Math.max(2013 + c.cohorts.length - 1 + c.lasts - 1, years.at(-1) ?? 2013);
                let pvBenefits: Fraction = [0n, 1n];
                let pvCosts: Fraction = [0n, 1n];
                let police: Fraction = [0n, 1n];
                let policeCashable: Fraction = [0n, 1n];
                let payback: number | undefined;
                let running: Fraction = [0n, 1n];
                for (let year = 2013; year <= lastYear; year++) {
                    const t = BigInt(year - 2013);
                    const factor: Fraction = [10_000n ** t, (10_000n + BigInt(c.discount)) ** t];
                    const active = c.cohorts.reduce(
                        (sum, size, index) => sum + (year >= 2013 + index && year < 2013 + index + c.lasts ? BigInt(size) : 0n),
                        0n
                    );
                    const net = mul(mul([active, 1n], perCohort), [10_000n - BigInt(c.optimism), 10_000n]);
                    const policeYear = mul(net, [c.savingPence[0] * BigInt(c.counts[0]), 100n]);
                    const councilYear = mul(net, [c.savingPence[1] * BigInt(c.counts[1]), 100n]);
                    const benefit = mul(add(policeYear, councilYear), factor);
                    const [council, policeCost] = c.costs[year - 2013] ?? [0n, 0n];
                    const cost = mul([council + policeCost, 1n], factor);
                    pvBenefits = add(pvBenefits, benefit);
                    pvCosts = add(pvCosts, cost);
                    police = add(police, mul(policeYear, factor));
                    policeCashable = add(policeCashable, mul(policeYear, factor));
                    running = add(running, add(benefit, [-cost[0], cost[1]]));
                    if (payback === undefined && running[0] >= 0n) payback = year;
                }
                expect(figures.presentBenefits).toBe(roundFraction(pvBenefits));
                expect(figures.presentCosts).toBe(roundFraction(pvCosts));
                expect(figures.netPresentValue).toBe(figures.presentBenefits - figures.presentCosts);
                // The ratio is exact: PVb × den(ratio) = num(ratio) × PVc.
                const ratio = figures.benefitCostRatio;
                expect(ratio && pvBenefits[0] * pvCosts[1] * ratio.den === ratio.num * pvCosts[0] * pvBenefits[1]).toBe(true);
                expect(figures.paybackYear).toBe(payback);
                // Positions: what moves is what the return says, and after returns they still add up to the benefits.
                const before = figures.partners.reduce((sum, partner) => sum + partner.benefitBefore, 0n);
                const after = figures.partners.reduce((sum, partner) => sum + partner.benefitAfter, 0n);
                expect(before).toBe(figures.presentBenefits);
                expect(after).toBe(figures.presentBenefits);
                const moved = roundFraction(mul(c.cashableOnly ? policeCashable : police, rate(c.returned)));
                const policeAfter = figures.partners.find(partner => partner.partnerId === 'police');
                const exactAfter = add(police, mul(c.cashableOnly ? policeCashable : police, [-BigInt(c.returned), 10_000n]));
                expect(policeAfter ? policeAfter.benefitAfter - roundFraction(exactAfter) : 0n).toBeGreaterThanOrEqual(-1n);
                expect(policeAfter ? policeAfter.benefitAfter - roundFraction(exactAfter) : 0n).toBeLessThanOrEqual(1n);
                expect(figures.returns[0]?.amount).toBe(moved);
            }),
            { numRuns: propertyRuns(100, 1_000) }
        );
    });
});
