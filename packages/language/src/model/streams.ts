import type * as ast from '../generated/ast.js';
import { allocate } from '../money/allocate.js';
import { parsePercent } from '../money/percent.js';
import { Rational, sumRationals } from '../money/rational.js';
import type {
    ContributionInfo,
    MoneyKinds,
    RequiredMinimum,
    SpendLineInfo,
    SpendMinimumInfo,
    StreamFunding,
    StreamInfo,
    StreamMinimumInfo,
    StreamYearFigures,
    UpliftInfo
} from './types.js';
import { shortfall, sumKnown, type ValueReader } from './values.js';

/**
 * The streams a spend line is paid from: one stream without a percentage pays it all; a jointly
 * funded line gives each stream's percentage, and the line is split by them (largest remainder, so
 * the parts make the line) when they make exactly 100%.
 */
export function readFunding(line: ast.SpendLine, amount: bigint | undefined): StreamFunding[] {
    const written = (line.funding ?? [])
        .filter(share => share.stream?.$refText)
        .map(share => ({
            node: share,
            streamId: share.stream.$refText,
            points: share.percent === undefined ? undefined : parsePercent(share.percent).points
        }));
    const [only, ...others] = written;
    if (only && others.length === 0 && only.node.percent === undefined) {
        return [{ ...only, points: Rational.HUNDRED, pence: amount }];
    }
    const points = written.map(share => share.points);
    const known = points.filter(value => value !== undefined);
    const splits =
        amount !== undefined && known.length === points.length && known.every(value => value.sign() >= 0) && sumRationals(known).equals(Rational.HUNDRED)
            ? allocate(amount, known)
            : undefined;
    return written.map((share, index) => ({ ...share, pence: splits?.[index] }));
}

/** Contributions marked new, existing, and neither. */
export function moneyKinds(contributions: readonly ContributionInfo[]): MoneyKinds {
    const of = (kind: ast.MoneyKind | undefined) => sumKnown(contributions.filter(line => line.money === kind).map(line => line.amount.pence));
    return { new: of('new'), existing: of('existing'), unmarked: of(undefined) };
}

/** Rounds exact pence half up to the penny or to the pound. */
function roundMinimum(exact: Rational, rounding: ast.Rounding): bigint {
    if (rounding === 'pound') return exact.div(Rational.HUNDRED).roundHalfAwayFromZero() * 100n;
    return exact.roundHalfAwayFromZero();
}

/**
 * A pool's funding streams: the minimum each must bring in each year (as written, or computed by
 * an uplift from the year before, exactly, rounded by the stated rule), what it brings in, and
 * what is paid from it.
 */
export function readStreams(
    pool: ast.Pool,
    contributions: readonly ContributionInfo[],
    spendLines: readonly SpendLineInfo[],
    values: ValueReader
): StreamInfo[] {
    return (pool.streams ?? [])
        .filter(stream => stream.name)
        .map(node => {
            const declaredMinimums: StreamMinimumInfo[] = (node.minimums ?? []).map(minimum => ({
                node: minimum,
                amount: values.amount(minimum.amount, minimum),
                year: values.year(minimum, 'year', minimum.year)
            }));
            const upliftNodes = (node.uplifts ?? []).map(uplift => ({ node: uplift, year: values.year(uplift, 'year', uplift.year) }));
            // Years in order, so each uplift reads the minimum of the year before, itself perhaps uplifted.
            const minimumYears = [...new Set([...declaredMinimums, ...upliftNodes].map(entry => entry.year.start).filter(year => year !== undefined))].sort(
                (a, b) => a - b
            );
            const minimums = new Map<number, RequiredMinimum>();
            const uplifts: UpliftInfo[] = [];
            for (const year of minimumYears) {
                const declared = declaredMinimums.find(minimum => minimum.year.start === year);
                const upliftNode = upliftNodes.find(uplift => uplift.year.start === year);
                if (upliftNode) {
                    const points = upliftNode.node.percent === undefined ? undefined : parsePercent(upliftNode.node.percent).points;
                    const rounding: ast.Rounding = upliftNode.node.rounding ?? 'penny';
                    const base = minimums.get(year - 1)?.pence;
                    const exact =
                        base !== undefined && points !== undefined ? Rational.of(base).mul(Rational.HUNDRED.add(points)).div(Rational.HUNDRED) : undefined;
                    const uplift: UpliftInfo = {
                        node: upliftNode.node,
                        points,
                        year: upliftNode.year,
                        rounding,
                        base,
                        exact,
                        computed: exact && roundMinimum(exact, rounding),
                        declared
                    };
                    uplifts.push(uplift);
                    minimums.set(year, { year, pence: uplift.computed, source: 'uplift', uplift, declared });
                } else if (declared) {
                    minimums.set(year, { year, pence: declared.amount.pence, source: 'declared', declared });
                }
            }
            const years = streamYears(node.name, contributions, spendLines, minimums);
            return {
                node,
                id: node.name,
                title: node.title ?? node.name,
                poolId: pool.name,
                declaredMinimums,
                uplifts: [...upliftNodes].map(
                    entry =>
                        uplifts.find(uplift => uplift.node === entry.node) ?? {
                            node: entry.node,
                            points: undefined,
                            year: entry.year,
                            rounding: entry.node.rounding ?? 'penny',
                            base: undefined,
                            exact: undefined,
                            computed: undefined
                        }
                ),
                minimums,
                years,
                income: sumKnown([...years.values()].map(figures => figures.income))
            };
        });
}

function streamYears(
    streamId: string,
    contributions: readonly ContributionInfo[],
    spendLines: readonly SpendLineInfo[],
    minimums: ReadonlyMap<number, RequiredMinimum>
): Map<number, StreamYearFigures> {
    const own = contributions.filter(line => line.streamId === streamId);
    const funded = spendLines.flatMap(line => line.funding.filter(share => share.streamId === streamId).map(share => ({ line, pence: share.pence })));
    const years = [
        ...new Set([...own.map(line => line.year), ...funded.map(entry => entry.line.year), ...minimums.keys()].filter(year => year !== undefined))
    ].sort((a, b) => a - b);
    const figures = new Map<number, StreamYearFigures>();
    for (const year of years) {
        const yearContributions = own.filter(line => line.year === year);
        const income = sumKnown(yearContributions.map(line => line.amount.pence));
        const yearSpend = funded.filter(entry => entry.line.year === year);
        const spend = sumKnown(yearSpend.map(entry => entry.pence));
        const minimum = minimums.get(year);
        figures.set(year, {
            year,
            contributions: yearContributions,
            income,
            minimum,
            shortfall: shortfall(minimum?.pence, income),
            spendLines: yearSpend,
            spend,
            balance: yearSpend.length > 0 && income !== undefined && spend !== undefined ? income - spend : undefined
        });
    }
    return figures;
}

/** Each minimum spend: the lines of its year on its purpose, with the part of each its stream pays, against the minimum. */
export function readSpendMinimums(pool: ast.Pool, spendLines: readonly SpendLineInfo[], values: ValueReader): SpendMinimumInfo[] {
    return (pool.spendMinimums ?? [])
        .filter(minimum => minimum.stream?.$refText && minimum.purpose?.$refText)
        .map(node => {
            const amount = values.amount(node.amount, node);
            const year = values.year(node, 'year', node.year);
            const streamId = node.stream.$refText;
            const purposeId = node.purpose.$refText;
            const lines = spendLines
                .filter(line => line.year !== undefined && line.year === year.start && line.purposeTags.length === 1 && line.purposeTags[0] === purposeId)
                .flatMap(line => line.funding.filter(share => share.streamId === streamId).map(share => ({ line, pence: share.pence })));
            const spent = sumKnown(lines.map(entry => entry.pence));
            return { node, amount, streamId, purposeId, year, lines, spent, shortfall: shortfall(amount.pence, year.start === undefined ? undefined : spent) };
        });
}
