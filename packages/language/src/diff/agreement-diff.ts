import { formatMoney } from '../money/amount.js';
import { yearLabel } from '../money/financial-year.js';
import { formatPercent } from '../money/percent.js';
import { formatQuantity } from '../money/quantity.js';
import type { Rational } from '../money/rational.js';
import type { AgreementModel, OutcomeInfo, PartnerInfo, ShareInfo } from '../model/types.js';
import { type Lang, type MessageKey, t } from '../i18n/messages.js';

/**
 * What changed between two versions of an agreement, in the terms an approval board uses:
 * contributions by partner, pool and year with the difference in pounds, shares, outcomes, and
 * partners joining or leaving. Computed from the two models, so every figure is exact. The sentences,
 * and the phrases a person reads in the details (`detail`, an outcome's target), are in the language
 * asked for; ids, kinds and field names stay as they are, for programs.
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
    /** Every change, each as one plain sentence in the language asked for, in the order above. */
    readonly sentences: readonly string[];
}

export interface FieldChange {
    readonly field: string;
    readonly before?: string;
    readonly after?: string;
}

export interface PartnerChange {
    readonly kind: 'joined' | 'left' | 'changed';
    readonly id: string;
    readonly name: string;
    readonly detail?: string;
}

export interface PoolChange {
    readonly kind: 'added' | 'removed' | 'changed';
    readonly id: string;
    readonly title: string;
    readonly detail?: string;
}

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

export interface SpendChange {
    readonly pool: string;
    readonly year: number;
    readonly before: bigint;
    readonly after: bigint;
    readonly difference: bigint;
}

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

/** `Manchester City Council's`, `Department for Work and Pensions'` (Welsh puts the owner after the thing owned, unmarked). */
function possessive(name: string, lang: Lang): string {
    return t(name.endsWith('s') ? 'diff.possessive-s' : 'diff.possessive', { name }, lang);
}

const ARRANGEMENT_WORDS: Record<string, MessageKey> = {
    pooled: 'diff.arrangement.pooled',
    aligned: 'diff.arrangement.aligned',
    'in-kind': 'diff.arrangement.in-kind'
};
const SHARE_KIND_WORDS: Record<string, MessageKey> = {
    savings: 'share-kind.savings',
    benefits: 'share-kind.benefits',
    overspend: 'share-kind.overspend',
    underspend: 'share-kind.underspend'
};

/** Figures that cannot be known exactly (a malformed amount) are treated as zero; `pool check` reports them. */
const known = (pence: bigint | undefined) => pence ?? 0n;

export function diffAgreements(before: AgreementModel, after: AgreementModel, lang: Lang = 'en'): AgreementDiff {
    const words = (key: MessageKey) => t(key, {} as never, lang);
    const arrangement = (value: string) => (ARRANGEMENT_WORDS[value] ? words(ARRANGEMENT_WORDS[value]) : value);
    const money = (pence: bigint) => formatMoney(pence, { currency: after.currency });
    const signed = (pence: bigint) => (pence > 0n ? `+${money(pence)}` : pence < 0n ? `−${money(-pence)}` : money(0n));
    const partnerName = (id: string) => after.partners.get(id)?.name ?? before.partners.get(id)?.name ?? id;
    const sentences: string[] = [];

    // Header.
    const header: FieldChange[] = [];
    const headerField = (field: string, a: string | undefined, b: string | undefined) => {
        if (a !== b) header.push({ field, before: a, after: b });
    };
    const period = (model: AgreementModel) =>
        model.agreement?.period
            ? t('diff.period', { first: yearLabel(model.agreement.period.first), last: yearLabel(model.agreement.period.last) }, lang)
            : undefined;
    headerField('title', before.agreement?.title, after.agreement?.title);
    headerField('reference', before.agreement?.reference, after.agreement?.reference);
    headerField('status', before.agreement?.status, after.agreement?.status);
    headerField('period', period(before), period(after));
    headerField('host', before.agreement?.host?.id, after.agreement?.host?.id);
    headerField('currency', before.currency, after.currency);
    for (const change of header) {
        const field = words(`diff.field.${change.field}` as MessageKey);
        sentences.push(t('diff.header.changed', { field, before: change.before ?? words('diff.nothing'), after: change.after ?? words('diff.nothing') }, lang));
    }

    // Partners.
    const partners: PartnerChange[] = [];
    const describe = (partner: PartnerInfo) => (partner.kind ? `${partner.name} (${partner.id}, ${partner.kind})` : `${partner.name} (${partner.id})`);
    for (const [id, partner] of after.partners) {
        const old = before.partners.get(id);
        if (!old) {
            partners.push({ kind: 'joined', id, name: partner.name });
            sentences.push(t('diff.partner.joins', { partner: describe(partner) }, lang));
        } else if (old.name !== partner.name || old.kind !== partner.kind) {
            const renamed = old.name !== partner.name;
            const change = renamed ? { before: old.name, after: partner.name } : { before: old.kind ?? '—', after: partner.kind ?? '—' };
            const detail = t(renamed ? 'diff.partner.renamed-detail' : 'diff.partner.kind-changed-detail', change, lang);
            partners.push({ kind: 'changed', id, name: partner.name, detail });
            sentences.push(t(renamed ? 'diff.partner.renamed' : 'diff.partner.kind-changed', { id, ...change }, lang));
        }
    }
    for (const [id, partner] of before.partners) {
        if (!after.partners.has(id)) {
            partners.push({ kind: 'left', id, name: partner.name });
            sentences.push(t('diff.partner.leaves', { partner: describe(partner) }, lang));
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
            sentences.push(
                t('diff.pool.added', { arrangement: arrangement(next.arrangement), title: next.title, id, amount: money(known(next.income)) }, lang)
            );
        } else if (old && !next) {
            pools.push({ kind: 'removed', id, title: old.title });
            sentences.push(t('diff.pool.removed', { arrangement: arrangement(old.arrangement), title: old.title, id, amount: money(known(old.income)) }, lang));
        } else if (old && next && old.arrangement !== next.arrangement) {
            const change = { before: arrangement(old.arrangement), after: arrangement(next.arrangement) };
            pools.push({ kind: 'changed', id, title: next.title, detail: t('diff.pool.arrangement-detail', change, lang) });
            sentences.push(t('diff.pool.arrangement-changed', { title: next.title, id, ...change }, lang));
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
                const where = { pool: title, year: yearLabel(year) };
                sentences.push(
                    a === 0n
                        ? t('diff.contribution.new', { partner: partnerName(partner), amount: money(b), ...where }, lang)
                        : b === 0n
                          ? t('diff.contribution.stopped', { partner: partnerName(partner), amount: money(a), ...where }, lang)
                          : t(
                                'diff.contribution.changed',
                                { owner: possessive(partnerName(partner), lang), before: money(a), after: money(b), difference: signed(b - a), ...where },
                                lang
                            )
                );
            }
            const spendBefore = oldYear?.spendLines.length ? known(oldYear.spend) : 0n;
            const spendAfter = nextYear?.spendLines.length ? known(nextYear.spend) : 0n;
            if (spendBefore !== spendAfter) {
                spend.push({ pool: id, year, before: spendBefore, after: spendAfter, difference: spendAfter - spendBefore });
                sentences.push(
                    t(
                        'diff.spend.changed',
                        {
                            pool: title,
                            year: yearLabel(year),
                            before: money(spendBefore),
                            after: money(spendAfter),
                            difference: signed(spendAfter - spendBefore)
                        },
                        lang
                    )
                );
            }
        }
    }

    // Shares.
    const shares: ShareChange[] = [];
    // The clause as programs identify it (`savings of families`), and as a person reads it.
    const clauseKey = (share: ShareInfo) => `${share.kind} of ${share.subjectId}`;
    const clauseWords = (share: ShareInfo) =>
        t('diff.share.clause', { kind: SHARE_KIND_WORDS[share.kind] ? words(SHARE_KIND_WORDS[share.kind]) : share.kind, subject: share.subjectId }, lang);
    const percent = (points: Rational) => formatPercent(points);
    const clauses = [...new Set([...before.shares.map(clauseKey), ...after.shares.map(clauseKey)])];
    for (const clause of clauses) {
        const old = before.shares.find(share => clauseKey(share) === clause);
        const next = after.shares.find(share => clauseKey(share) === clause);
        if (!old || !next) {
            shares.push({ clause, before: old ? 'present' : undefined, after: next ? 'present' : undefined });
            sentences.push(t(old ? 'diff.share.removed' : 'diff.share.added', { clause: clauseWords((old ?? next)!) }, lang));
            continue;
        }
        if (old.proRata !== next.proRata) {
            shares.push({ clause, before: old.proRata ? 'pro rata' : 'percentages', after: next.proRata ? 'pro rata' : 'percentages' });
            const method = (share: ShareInfo) => words(share.proRata ? 'diff.share.pro-rata' : 'diff.share.fixed');
            sentences.push(t('diff.share.method-changed', { clause: clauseWords(next), before: method(old), after: method(next) }, lang));
        }
        // Pro-rata percentages follow the contributions, whose changes are already listed.
        const partnerIds =
            old.proRata && next.proRata ? [] : [...new Set([...old.lines.map(line => line.partnerId), ...next.lines.map(line => line.partnerId)])];
        for (const partner of partnerIds) {
            const a = old.lines.find(line => line.partnerId === partner)?.points;
            const b = next.lines.find(line => line.partnerId === partner)?.points;
            if (a && b && a.equals(b)) continue;
            if (!a && !b) continue;
            shares.push({ clause, partner, before: a ? percent(a) : undefined, after: b ? percent(b) : undefined });
            const none = words('diff.share.none');
            sentences.push(
                t(
                    'diff.share.partner',
                    { owner: possessive(partnerName(partner), lang), clause: clauseWords(next), before: a ? percent(a) : none, after: b ? percent(b) : none },
                    lang
                )
            );
        }
        const ra = old.reinvest;
        const rb = next.reinvest;
        if (ra && rb && !ra.equals(rb)) {
            shares.push({ clause, partner: 'reinvested', before: percent(ra), after: percent(rb) });
            sentences.push(t('diff.share.reinvested', { clause: clauseWords(next), before: percent(ra), after: percent(rb) }, lang));
        }
    }

    // Outcomes.
    const outcomes: OutcomeChange[] = [];
    const target = (outcome: OutcomeInfo) =>
        outcome.target?.value
            ? t(
                  outcome.direction === 'increase'
                      ? 'diff.outcome.target.increase'
                      : outcome.direction === 'reduce'
                        ? 'diff.outcome.target.reduce'
                        : 'diff.outcome.target.any',
                  { value: formatQuantity(outcome.target.value, outcome.target.isPercent), year: outcome.target.year.parsed.text },
                  lang
              )
            : words('diff.outcome.no-target');
    const baseline = (outcome: OutcomeInfo) =>
        outcome.baseline?.value
            ? t(
                  'diff.outcome.baseline',
                  { value: formatQuantity(outcome.baseline.value, outcome.baseline.isPercent), year: outcome.baseline.year.parsed.text },
                  lang
              )
            : words('diff.outcome.no-baseline');
    const payment = (outcome: OutcomeInfo) => {
        if (!outcome.payment) return words('diff.outcome.no-payment');
        const terms = { rate: outcome.payment.rate.parsed.text, unit: outcome.payment.unitName };
        return outcome.payment.cap
            ? t('diff.outcome.payment-capped', { ...terms, cap: outcome.payment.cap.parsed.text }, lang)
            : t('diff.outcome.payment', terms, lang);
    };
    const outcomeIds = [...new Set([...before.outcomesById.keys(), ...after.outcomesById.keys()])];
    for (const id of outcomeIds) {
        const old = before.outcomesById.get(id);
        const next = after.outcomesById.get(id);
        if (!old && next) {
            outcomes.push({ kind: 'added', id, description: next.description, after: target(next) });
            sentences.push(t('diff.outcome.added', { description: next.description, id, target: target(next) }, lang));
        } else if (old && !next) {
            outcomes.push({ kind: 'removed', id, description: old.description, before: target(old) });
            sentences.push(t('diff.outcome.removed', { description: old.description, id }, lang));
        } else if (old && next) {
            if (target(old) !== target(next)) {
                outcomes.push({ kind: 'retargeted', id, description: next.description, before: target(old), after: target(next) });
                sentences.push(t('diff.outcome.retargeted', { description: next.description, id, before: target(old), after: target(next) }, lang));
            }
            if (baseline(old) !== baseline(next)) {
                outcomes.push({
                    kind: 'changed',
                    id,
                    description: next.description,
                    before: t('diff.outcome.baseline-detail', { baseline: baseline(old) }, lang),
                    after: t('diff.outcome.baseline-detail', { baseline: baseline(next) }, lang)
                });
                sentences.push(t('diff.outcome.baseline-changed', { description: next.description, id, before: baseline(old), after: baseline(next) }, lang));
            }
            if (payment(old) !== payment(next)) {
                outcomes.push({ kind: 'changed', id, description: next.description, before: payment(old), after: payment(next) });
                sentences.push(t('diff.outcome.payment-changed', { description: next.description, id, before: payment(old), after: payment(next) }, lang));
            }
        }
    }

    // Approvals the change leaves behind: a board needs to know whose sign-off must be sought again.
    const staleApprovals = after.approvals
        .filter(approval => approval.stale)
        .map(approval => ({ partner: approval.partnerId, approver: approval.approver, date: approval.date }));
    for (const approval of staleApprovals) {
        sentences.push(t('diff.approval.stale', { partner: partnerName(approval.partner), approver: approval.approver, date: approval.date }, lang));
    }

    return { header, partners, pools, contributions, spend, shares, outcomes, staleApprovals, sentences };
}
