import { formatMoney } from '../money/amount.js';
import { yearLabel } from '../money/financial-year.js';
import { formatPercent } from '../money/percent.js';
import { formatQuantity } from '../money/quantity.js';
import type { Rational } from '../money/rational.js';
import type { AgreementModel, OutcomeInfo, PartnerInfo, ShareInfo } from '../model/types.js';

/**
 * What changed between two versions of an agreement, in the terms an approval board uses:
 * contributions by partner, pool and year with the difference in pounds, shares, outcomes, and
 * partners joining or leaving. Computed from the two models, so every figure is exact.
 */
export interface AgreementDiff {
    readonly header: readonly FieldChange[];
    readonly partners: readonly PartnerChange[];
    readonly pools: readonly PoolChange[];
    readonly contributions: readonly ContributionChange[];
    readonly spend: readonly SpendChange[];
    readonly shares: readonly ShareChange[];
    readonly outcomes: readonly OutcomeChange[];
    /** Approvals in the later version that no longer cover its text. */
    readonly staleApprovals: readonly { readonly partner: string; readonly approver: string; readonly date: string }[];
    /** Every change, each as one plain-English sentence, in the order above. */
    readonly sentences: readonly string[];
}

export interface FieldChange { readonly field: string; readonly before?: string; readonly after?: string }

export interface PartnerChange {
    readonly kind: 'joined' | 'left' | 'changed';
    readonly id: string;
    readonly name: string;
    readonly detail?: string;
}

export interface PoolChange { readonly kind: 'added' | 'removed' | 'changed'; readonly id: string; readonly title: string; readonly detail?: string }

/** One partner's contribution to one pool in one year, before and after (pence; 0 when absent). */
export interface ContributionChange {
    readonly pool: string;
    readonly poolTitle: string;
    readonly partner: string;
    readonly partnerName: string;
    readonly year: number;
    readonly before: bigint;
    readonly after: bigint;
    readonly difference: bigint;
}

export interface SpendChange { readonly pool: string; readonly year: number; readonly before: bigint; readonly after: bigint; readonly difference: bigint }

export interface ShareChange {
    readonly clause: string;
    readonly partner?: string;
    readonly before?: string;
    readonly after?: string;
}

export interface OutcomeChange {
    readonly kind: 'added' | 'removed' | 'retargeted' | 'changed';
    readonly id: string;
    readonly description: string;
    readonly before?: string;
    readonly after?: string;
}

/** `Manchester City Council's`, `Department for Work and Pensions'`. */
function possessive(name: string): string {
    return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** Figures that cannot be known exactly (a malformed amount) are treated as zero; `pool check` reports them. */
const known = (pence: bigint | undefined) => pence ?? 0n;

export function diffAgreements(before: AgreementModel, after: AgreementModel): AgreementDiff {
    const money = (pence: bigint) => formatMoney(pence, { currency: after.currency });
    const signed = (pence: bigint) => (pence > 0n ? `+${money(pence)}` : pence < 0n ? `−${money(-pence)}` : money(0n));
    const partnerName = (id: string) => after.partners.get(id)?.name ?? before.partners.get(id)?.name ?? id;
    const sentences: string[] = [];

    // Header.
    const header: FieldChange[] = [];
    const headerField = (field: string, a: string | undefined, b: string | undefined) => {
        if (a !== b) header.push({ field, before: a, after: b });
    };
    const period = (model: AgreementModel) => model.agreement?.period ? `${yearLabel(model.agreement.period.first)} to ${yearLabel(model.agreement.period.last)}` : undefined;
    headerField('title', before.agreement?.title, after.agreement?.title);
    headerField('reference', before.agreement?.reference, after.agreement?.reference);
    headerField('status', before.agreement?.status, after.agreement?.status);
    headerField('period', period(before), period(after));
    headerField('host', before.agreement?.host?.id, after.agreement?.host?.id);
    headerField('currency', before.currency, after.currency);
    for (const change of header) {
        sentences.push(`The agreement's ${change.field} changes from ${change.before ?? 'nothing'} to ${change.after ?? 'nothing'}.`);
    }

    // Partners.
    const partners: PartnerChange[] = [];
    const describe = (partner: PartnerInfo) => `${partner.name} (${partner.id}, ${partner.kind})`;
    for (const [id, partner] of after.partners) {
        const old = before.partners.get(id);
        if (!old) {
            partners.push({ kind: 'joined', id, name: partner.name });
            sentences.push(`${describe(partner)} joins.`);
        } else if (old.name !== partner.name || old.kind !== partner.kind) {
            const detail = old.name !== partner.name ? `is renamed from ${old.name} to ${partner.name}` : `changes kind from ${old.kind} to ${partner.kind}`;
            partners.push({ kind: 'changed', id, name: partner.name, detail });
            sentences.push(`${id} ${detail}.`);
        }
    }
    for (const [id, partner] of before.partners) {
        if (!after.partners.has(id)) {
            partners.push({ kind: 'left', id, name: partner.name });
            sentences.push(`${describe(partner)} leaves.`);
        }
    }

    // Pools, contributions and spend.
    const pools: PoolChange[] = [];
    const contributions: ContributionChange[] = [];
    const spend: SpendChange[] = [];
    const poolIds = [...new Set([...before.poolsById.keys(), ...after.poolsById.keys()])];
    for (const id of poolIds) {
        const old = before.poolsById.get(id);
        const next = after.poolsById.get(id);
        if (!old && next) {
            pools.push({ kind: 'added', id, title: next.title });
            sentences.push(`A new ${next.arrangement} pool, ${next.title} (${id}), is added with contributions of ${money(known(next.income))}.`);
        } else if (old && !next) {
            pools.push({ kind: 'removed', id, title: old.title });
            sentences.push(`The ${old.arrangement} pool ${old.title} (${id}) is removed; it had contributions of ${money(known(old.income))}.`);
        } else if (old && next && old.arrangement !== next.arrangement) {
            pools.push({ kind: 'changed', id, title: next.title, detail: `from ${old.arrangement} to ${next.arrangement}` });
            sentences.push(`${next.title} (${id}) changes from ${old.arrangement} to ${next.arrangement}.`);
        }
        const title = (next ?? old)!.title;
        const years = [...new Set([...(old?.years.keys() ?? []), ...(next?.years.keys() ?? [])])].sort((a, b) => a - b);
        for (const year of years) {
            const oldYear = old?.years.get(year);
            const nextYear = next?.years.get(year);
            const partnerIds = [...new Set([...(oldYear?.byPartner.keys() ?? []), ...(nextYear?.byPartner.keys() ?? [])])];
            for (const partner of partnerIds) {
                const a = known(oldYear?.byPartner.get(partner));
                const b = known(nextYear?.byPartner.get(partner));
                if (a === b) continue;
                contributions.push({ pool: id, poolTitle: title, partner, partnerName: partnerName(partner), year, before: a, after: b, difference: b - a });
                sentences.push(a === 0n
                    ? `${partnerName(partner)} now puts ${money(b)} into ${title} in ${yearLabel(year)}.`
                    : b === 0n
                        ? `${partnerName(partner)} no longer puts money into ${title} in ${yearLabel(year)} (was ${money(a)}).`
                          : `${possessive(partnerName(partner))} contribution to ${title} in ${yearLabel(year)} changes from ${money(a)} to ${money(b)} (${signed(b - a)}).`);
            }
            const spendBefore = oldYear?.spendLines.length ? known(oldYear.spend) : 0n;
            const spendAfter = nextYear?.spendLines.length ? known(nextYear.spend) : 0n;
            if (spendBefore !== spendAfter) {
                spend.push({ pool: id, year, before: spendBefore, after: spendAfter, difference: spendAfter - spendBefore });
                sentences.push(`Spending from ${title} in ${yearLabel(year)} changes from ${money(spendBefore)} to ${money(spendAfter)} (${signed(spendAfter - spendBefore)}).`);
            }
        }
    }

    // Shares.
    const shares: ShareChange[] = [];
    const clauseKey = (share: ShareInfo) => `${share.kind} of ${share.subjectId}`;
    const percent = (points: Rational | undefined) => (points ? formatPercent(points) : 'no percentage');
    const clauses = [...new Set([...before.shares.map(clauseKey), ...after.shares.map(clauseKey)])];
    for (const clause of clauses) {
        const old = before.shares.find(share => clauseKey(share) === clause);
        const next = after.shares.find(share => clauseKey(share) === clause);
        if (!old || !next) {
            shares.push({ clause, before: old ? 'present' : undefined, after: next ? 'present' : undefined });
            sentences.push(`The share of ${clause} is ${old ? 'removed' : 'added'}.`);
            continue;
        }
        if (old.proRata !== next.proRata) {
            shares.push({ clause, before: old.proRata ? 'pro rata' : 'percentages', after: next.proRata ? 'pro rata' : 'percentages' });
            sentences.push(`The share of ${clause} changes from ${old.proRata ? 'pro rata to contributions' : 'fixed percentages'} to ${next.proRata ? 'pro rata to contributions' : 'fixed percentages'}.`);
        }
        // Pro-rata percentages follow the contributions, whose changes are already listed.
        const partnerIds = old.proRata && next.proRata ? [] : [...new Set([...old.lines.map(line => line.partnerId), ...next.lines.map(line => line.partnerId)])];
        for (const partner of partnerIds) {
            const a = old.lines.find(line => line.partnerId === partner)?.points;
            const b = next.lines.find(line => line.partnerId === partner)?.points;
            if (a && b && a.equals(b)) continue;
            if (!a && !b) continue;
            shares.push({ clause, partner, before: a ? percent(a) : undefined, after: b ? percent(b) : undefined });
            sentences.push(`${possessive(partnerName(partner))} share of ${clause}: ${a ? percent(a) : 'none'} → ${b ? percent(b) : 'none'}.`);
        }
        const ra = old.reinvest;
        const rb = next.reinvest;
        if (ra && rb && !ra.equals(rb)) {
            shares.push({ clause, partner: 'reinvested', before: percent(ra), after: percent(rb) });
            sentences.push(`Reinvested in the pool from the ${clause}: ${percent(ra)} → ${percent(rb)}.`);
        }
    }

    // Outcomes.
    const outcomes: OutcomeChange[] = [];
    const target = (outcome: OutcomeInfo) => outcome.target?.value
        ? `${outcome.direction ?? ''} to ${formatQuantity(outcome.target.value, outcome.target.isPercent)} by ${outcome.target.year.parsed.text}`.trim()
        : 'no target';
    const baseline = (outcome: OutcomeInfo) => outcome.baseline?.value
        ? `${formatQuantity(outcome.baseline.value, outcome.baseline.isPercent)} in ${outcome.baseline.year.parsed.text}` : 'no baseline';
    const payment = (outcome: OutcomeInfo) => outcome.payment
        ? `${outcome.payment.rate.parsed.text} per ${outcome.payment.unitName}${outcome.payment.cap ? ` up to ${outcome.payment.cap.parsed.text}` : ''}` : 'no payment by results';
    const outcomeIds = [...new Set([...before.outcomesById.keys(), ...after.outcomesById.keys()])];
    for (const id of outcomeIds) {
        const old = before.outcomesById.get(id);
        const next = after.outcomesById.get(id);
        if (!old && next) {
            outcomes.push({ kind: 'added', id, description: next.description, after: target(next) });
            sentences.push(`A new outcome is added: ${next.description} (${id}), ${target(next)}.`);
        } else if (old && !next) {
            outcomes.push({ kind: 'removed', id, description: old.description, before: target(old) });
            sentences.push(`The outcome ${old.description} (${id}) is removed.`);
        } else if (old && next) {
            if (target(old) !== target(next)) {
                outcomes.push({ kind: 'retargeted', id, description: next.description, before: target(old), after: target(next) });
                sentences.push(`${next.description} (${id}) is retargeted: ${target(old)} → ${target(next)}.`);
            }
            if (baseline(old) !== baseline(next)) {
                outcomes.push({ kind: 'changed', id, description: next.description, before: `baseline ${baseline(old)}`, after: `baseline ${baseline(next)}` });
                sentences.push(`The baseline of ${next.description} (${id}) changes: ${baseline(old)} → ${baseline(next)}.`);
            }
            if (payment(old) !== payment(next)) {
                outcomes.push({ kind: 'changed', id, description: next.description, before: payment(old), after: payment(next) });
                sentences.push(`Payment by results for ${next.description} (${id}) changes: ${payment(old)} → ${payment(next)}.`);
            }
        }
    }

    // Approvals the change leaves behind: a board needs to know whose sign-off must be sought again.
    const staleApprovals = after.approvals.filter(approval => approval.stale)
        .map(approval => ({ partner: approval.partnerId, approver: approval.approver, date: approval.date }));
    for (const approval of staleApprovals) {
        sentences.push(`The approval by ${partnerName(approval.partner)} (${approval.approver}, ${approval.date}) no longer covers the text and must be given again.`);
    }

    return { header, partners, pools, contributions, spend, shares, outcomes, staleApprovals, sentences };
}
