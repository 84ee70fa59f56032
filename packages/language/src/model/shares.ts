import type * as ast from '../generated/ast.js';
import { message } from '../i18n/index.js';
import { allocate } from '../money/allocate.js';
import { type Currency, formatMoney } from '../money/amount.js';
import { parsePercent } from '../money/percent.js';
import { Rational, sumRationals } from '../money/rational.js';
import type { AgreementTotals, AmountValue, OutcomeInfo, PoolInfo, SavingsInfo, ShareBasis, ShareInfo, ShareLineInfo } from './types.js';
import { occurrences, sumKnown, type ValueReader } from './values.js';

/**
 * A share clause with every figure about it: each partner's percentage (as written or pro rata to
 * contributions), the amount shared where the agreement states or implies one, each partner's
 * part of it in pounds and, for an overspend, what each bears once caps apply and what no cap covers.
 */
export function readShare(
    node: ast.Share,
    pools: readonly PoolInfo[],
    outcomes: readonly OutcomeInfo[],
    savings: readonly SavingsInfo[],
    totals: AgreementTotals,
    values: ValueReader
): ShareInfo {
    const family = node.kind === 'overspend' || node.kind === 'underspend' ? 'risk' : 'benefit';
    const target = node.subject?.ref;
    const pool = pools.find(candidate => candidate.node === target);
    const outcome = outcomes.find(candidate => candidate.node === target);
    const subject: ShareInfo['subject'] = pool ? { kind: 'pool', pool } : outcome ? { kind: 'outcome', outcome } : undefined;
    const reinvestments = (node.reinvestments ?? []).map(reinvestment => ({ node: reinvestment, points: parsePercent(reinvestment.percent ?? '').points }));
    const reinvest = knownSum(reinvestments.map(r => r.points));
    const writtenLines = (node.lines ?? []).filter(line => line.partner?.$refText);
    const occurrence = occurrences(writtenLines, line => line.partner?.$refText ?? '');
    const written = writtenLines.map((line, index) => ({
        node: line,
        partnerId: line.partner?.$refText ?? '',
        occurrence: occurrence[index] ?? 0,
        written: line.percent ? parsePercent(line.percent).points : undefined,
        cap: values.optionalAmount(line.cap)
    }));

    let lines: ShareLineInfo[];
    if (node.proRata) {
        // Pro rata to contributions: to the pool's contributions, or for an outcome to every pool's.
        const weights = pool ? pool.byPartner : totals.byPartner;
        const contributed = sumKnown(weights.values());
        const distributable = reinvest !== undefined ? Rational.HUNDRED.sub(reinvest) : undefined;
        const partnerIds = [...new Set([...weights.keys(), ...written.map(line => line.partnerId)])];
        lines = partnerIds.map(partnerId => {
            const line = written.find(candidate => candidate.partnerId === partnerId);
            const weight = weights.get(partnerId) ?? 0n;
            const points =
                distributable && contributed !== undefined && contributed > 0n && weight !== undefined
                    ? distributable.mul(Rational.of(weight, contributed))
                    : undefined;
            return { node: line?.node, partnerId, occurrence: 0, written: line?.written, points, cap: line?.cap };
        });
    } else {
        lines = written.map(line => ({ ...line, points: line.written }));
    }
    const linePoints = knownSum(lines.map(line => line.points));
    const totalPoints = reinvest !== undefined && linePoints !== undefined ? linePoints.add(reinvest) : undefined;

    const covering = values.optionalAmount(node.covering);
    const base = shareBase(node.kind, subject, savings, covering, values.currency);
    let pounds: ShareInfo['pounds'];
    let liabilities: ShareInfo['liabilities'];
    let example: ShareInfo['example'];
    const points = lines.map(line => line.points);
    if (reinvest && totalPoints?.equals(Rational.HUNDRED) && reinvest.sign() >= 0 && allKnownAndNotNegative(points)) {
        // One split, used for the amount the agreement shares and for the worked example alike.
        const split = (amount: bigint) => {
            const parts = allocate(amount, [...points, reinvest]);
            const byLine = parts.slice(0, lines.length);
            const capsKnown = lines.every(line => !line.cap || line.cap.pence !== undefined);
            return {
                byLine,
                reinvested: parts[lines.length] ?? 0n,
                liabilities:
                    node.kind === 'overspend' && capsKnown
                        ? capLiabilities(
                              amount,
                              byLine,
                              lines.map(line => line.cap)
                          )
                        : undefined
            };
        };
        if (base) {
            const shared = split(base.pence);
            pounds = { byLine: shared.byLine, reinvested: shared.reinvested };
            liabilities = shared.liabilities;
        }
        const worked = split(WORKED_EXAMPLE_PENCE);
        example = {
            pence: WORKED_EXAMPLE_PENCE,
            byLine: worked.byLine,
            reinvested: worked.reinvested,
            ...(worked.liabilities ? { liabilities: worked.liabilities } : {})
        };
    }
    return {
        node,
        kind: node.kind,
        family,
        subjectId: node.subject?.$refText ?? '',
        subject,
        proRata: node.proRata,
        lines,
        reinvestments,
        reinvest,
        covering,
        totalPoints,
        base,
        pounds,
        liabilities,
        example
    };
}

/** The round sum a share clause's worked example applies it to: £1,000,000 (in the agreement's currency). */
const WORKED_EXAMPLE_PENCE = 100_000_000n;

/**
 * What each partner bears of an overspend once caps apply: its share, no more than its cap. The
 * part the caps cut off is not passed to other partners; it is uncovered, so the parts and the
 * uncovered part add up to the overspend exactly.
 */
function capLiabilities(overspend: bigint, shares: readonly bigint[], caps: readonly (AmountValue | undefined)[]): NonNullable<ShareInfo['liabilities']> {
    const capped = shares.map((share, index) => {
        const cap = caps[index]?.pence;
        return cap !== undefined && share > cap;
    });
    const byLine = shares.map((share, index) => (capped[index] ? (caps[index]?.pence ?? share) : share));
    return { byLine, capped, uncovered: overspend - byLine.reduce((sum, part) => sum + part, 0n) };
}

/** The amount a clause shares, when the agreement states or implies one. */
function shareBase(
    kind: ast.ShareKind,
    subject: ShareInfo['subject'],
    savings: readonly SavingsInfo[],
    covering: AmountValue | undefined,
    currency: Currency
): ShareInfo['base'] {
    const based = (basis: ShareBasis, pence: bigint) => ({
        pence,
        basis,
        description: message('share-base', { basis, amount: formatMoney(pence, { currency }) })
    });
    if (kind === 'overspend' || kind === 'underspend') {
        // An overspend or underspend of an outcome has no meaning (`clause-not-applicable`).
        if (covering?.pence === undefined || subject?.kind !== 'pool') return undefined;
        return based(kind, covering.pence);
    }
    if (subject?.kind === 'pool') {
        const projections = savings.filter(projection => projection.pool === subject.pool);
        const total = projections.length > 0 ? sumKnown(projections.map(projection => projection.total)) : undefined;
        return total !== undefined ? based('savings', total) : undefined;
    }
    if (subject?.kind === 'outcome') {
        const payable = subject.outcome.payment?.payable;
        if (payable !== undefined) return based('results', payable);
    }
    return undefined;
}

function knownSum(values: readonly (Rational | undefined)[]): Rational | undefined {
    const known = values.filter(value => value !== undefined);
    return known.length === values.length ? sumRationals(known) : undefined;
}

function allKnownAndNotNegative(values: readonly (Rational | undefined)[]): values is readonly Rational[] {
    return values.every(value => value !== undefined && value.sign() >= 0);
}
