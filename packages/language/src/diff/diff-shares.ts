import type { Rational } from '../money/rational.js';
import type { ShareInfo, ShareLineInfo } from '../model/types.js';
import { type ChangeList, moneyValues, pairs, points } from './changes.js';

const NUL = '\u0000';

/** A clause as programs identify it: `savings of families`. */
const clauseKey = (share: ShareInfo) => `${share.kind} of ${share.subjectId}`;

/**
 * Share clauses: added or removed, their method, what they are written for, each partner's
 * percentage and cap, the reinvestment; then, derived, what each change is worth in pounds to each
 * partner (and the part of an overspend no cap covers).
 */
export function diffShares(list: ChangeList): void {
    for (const [key, old, next, share] of pairs(list.before.shares, list.after.shares, clauseKey)) {
        const clause = list.word(`diff.clause.${share.kind}`, { subject: subjectName(share) });
        const input = { topic: 'share' as const, key, beforeNode: old?.node, afterNode: next?.node };
        if (!old || !next) {
            list.add(
                { ...input, field: next ? 'added' : 'removed', before: old && key, after: next && key },
                next ? 'diff.share.added' : 'diff.share.removed',
                { clause }
            );
            diffEffects(list, key, clause, old, next);
            continue;
        }
        if (old.proRata !== next.proRata) {
            const method = (value: boolean) => list.word(value ? 'diff.share.pro-rata' : 'diff.share.fixed', {});
            list.add(
                { ...input, field: 'method', before: old.proRata ? 'pro-rata' : 'percentages', after: next.proRata ? 'pro-rata' : 'percentages' },
                'diff.share.method-changed',
                { clause, before: method(old.proRata), after: method(next.proRata) }
            );
        }
        const ca = old.covering?.pence;
        const cb = next.covering?.pence;
        if (old.covering && next.covering && ca !== cb) {
            list.add({ ...input, field: 'covering', ...moneyValues(ca, cb) }, 'diff.share.covering', {
                clause,
                before: list.money(ca),
                after: list.money(cb),
                difference: list.difference(ca, cb)
            });
        } else if (!old.covering !== !next.covering) {
            list.add({ ...input, field: 'covering', ...moneyValues(ca, cb) }, next.covering ? 'diff.share.covering-added' : 'diff.share.covering-removed', {
                clause,
                amount: list.money(cb ?? ca)
            });
        }
        diffLines(list, key, clause, old, next);
        const ra = old.reinvest;
        const rb = next.reinvest;
        if (ra && rb && !ra.equals(rb)) {
            list.add({ ...input, field: 'reinvest', before: points(ra), after: points(rb), difference: points(rb.sub(ra)) }, 'diff.share.reinvested', {
                clause,
                before: list.percent(ra),
                after: list.percent(rb),
                difference: list.signedPoints(rb.sub(ra))
            });
        }
        diffEffects(list, key, clause, old, next);
    }
}

function subjectName(share: ShareInfo): string {
    if (share.subject?.kind === 'outcome') return share.subject.outcome.description;
    if (share.subject?.kind === 'pool') return share.subject.pool.title;
    return share.subjectId;
}

const lineKey = (line: ShareLineInfo) => `${line.partnerId}${NUL}${line.occurrence}`;

function diffLines(list: ChangeList, key: string, clause: string, old: ShareInfo, next: ShareInfo): void {
    for (const [k, a, b, line] of pairs(
        old.lines.filter(line => line.node),
        next.lines.filter(line => line.node),
        lineKey
    )) {
        const partner = list.partner(line.partnerId);
        const input = { topic: 'share-line' as const, key: [key, k].join(NUL), beforeNode: a?.node, afterNode: b?.node };
        const percentOf = (share: ShareInfo, written: Rational | undefined) =>
            share.proRata ? list.word('diff.share.pro-rata', {}) : written ? list.percent(written) : list.none();
        if (!a && b) {
            list.add({ ...input, field: 'added', after: points(b.written) }, 'diff.share.partner-added', {
                partner,
                clause,
                percent: percentOf(next, b.written)
            });
            continue;
        }
        if (a && !b) {
            list.add({ ...input, field: 'removed', before: points(a.written) }, 'diff.share.partner-removed', {
                partner,
                clause,
                percent: percentOf(old, a.written)
            });
            continue;
        }
        // A pro-rata percentage follows the contributions, whose changes are listed already; its effect in pounds is below.
        const pa = a?.written;
        const pb = b?.written;
        if (!old.proRata && !next.proRata && (pa && pb ? !pa.equals(pb) : pa !== pb)) {
            list.add(
                { ...input, field: 'percent', before: points(pa), after: points(pb), difference: pa && pb ? points(pb.sub(pa)) : undefined },
                'diff.share.partner',
                {
                    partner,
                    clause,
                    before: percentOf(old, pa),
                    after: percentOf(next, pb),
                    difference: pa && pb ? list.signedPoints(pb.sub(pa)) : list.word('word.unknown', {})
                }
            );
        }
        const capA = a?.cap?.pence;
        const capB = b?.cap?.pence;
        if (a && b && a.cap && b.cap && capA !== capB) {
            list.add({ ...input, field: 'cap', ...moneyValues(capA, capB) }, 'diff.share.cap', {
                partner,
                clause,
                before: list.money(capA),
                after: list.money(capB),
                difference: list.difference(capA, capB)
            });
        } else if (a && b && !a.cap !== !b.cap) {
            list.add({ ...input, field: 'cap', ...moneyValues(capA, capB) }, b.cap ? 'diff.share.cap-added' : 'diff.share.cap-removed', {
                partner,
                clause,
                amount: list.money(capB ?? capA)
            });
        }
    }
}

/** What the clause gives or costs each partner in pounds, before and after: derived from the terms and the figures they apply to. */
function diffEffects(list: ChangeList, key: string, clause: string, old: ShareInfo | undefined, next: ShareInfo | undefined): void {
    const partIn = (share: ShareInfo | undefined, partnerId: string): bigint | undefined => {
        if (!share?.pounds) return undefined;
        let total: bigint | undefined;
        share.lines.forEach((line, index) => {
            if (line.partnerId !== partnerId) return;
            const part = share.liabilities?.byLine[index] ?? share.pounds?.byLine[index];
            if (part !== undefined) total = (total ?? 0n) + part;
        });
        return total;
    };
    const partners = [...new Set([...(old?.lines ?? []), ...(next?.lines ?? [])].map(line => line.partnerId))];
    for (const partnerId of partners) {
        const a = partIn(old, partnerId);
        const b = partIn(next, partnerId);
        if (a === b || (a ?? 0n) === (b ?? 0n)) continue;
        const input = {
            topic: 'share-effect' as const,
            key: [key, partnerId].join(NUL),
            field: 'pounds',
            derived: true,
            ...moneyValues(a ?? 0n, b ?? 0n),
            beforeNode: old?.node,
            afterNode: next?.node
        };
        const family = (next ?? old)?.family;
        list.add(input, family === 'risk' ? 'diff.effect.bears' : 'diff.effect.receives', {
            partner: list.partner(partnerId),
            clause,
            before: list.money(a ?? 0n),
            after: list.money(b ?? 0n),
            difference: list.signedMoney((b ?? 0n) - (a ?? 0n))
        });
    }
    // What no partner bears (beyond the caps), and what the clause puts back into the pool.
    const totals = [
        { field: 'uncovered', message: 'diff.effect.uncovered', before: old?.liabilities?.uncovered, after: next?.liabilities?.uncovered },
        { field: 'reinvested', message: 'diff.effect.reinvested', before: old?.pounds?.reinvested, after: next?.pounds?.reinvested }
    ] as const;
    for (const total of totals) {
        const before = total.before ?? 0n;
        const after = total.after ?? 0n;
        if (before === after) continue;
        list.add(
            {
                topic: 'share-effect',
                key: [key, total.field].join(NUL),
                field: total.field,
                derived: true,
                ...moneyValues(before, after),
                beforeNode: old?.node,
                afterNode: next?.node
            },
            total.message,
            { clause, before: list.money(before), after: list.money(after), difference: list.signedMoney(after - before) }
        );
    }
}
