import { GrammarUtils } from 'langium';
import { listInWords, t } from '../i18n/index.js';
import { formatPercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { defineCheck, type Report } from './check.js';
import { partnerName, shareReadWhole, year } from './describe.js';
import { removal } from './removal.js';
import type { AgreementModel, OutcomeInfo } from '../model/types.js';
import type { Lang } from '../i18n/index.js';

/**
 * No clause is accepted and ignored: a modifier the grammar allows in a place where it has no
 * meaning is an error that says why. The language reference lists each combination (section
 * "Where each clause applies").
 *
 * Where the clause is simply ignored (a `covering` amount on a savings share, a cap outside an
 * overspend, a percentage in a pro-rata share, a payment split for a year nothing is paid in, a
 * benefit return that returns nothing, a section 75 basis on aligned budgets), the quick fix removes
 * it: what Pool computes stays the same, and the text stops saying something it does not mean. Where
 * two clauses conflict (a year written twice, a cohort beside a per-unit payment, two ring-fences on
 * a line) or the clause still counts (a reinvestment is part of the 100%), only the writer knows
 * which one is meant, so there is no quick fix.
 */
export const clauseNotApplicable = defineCheck({
    code: 'clause-not-applicable',
    severity: 'error',
    tier: 'language',
    fix: 'quick-fix',
    run(model, report, lang) {
        shareClauses(model, report, lang);
        spendClauses(model, report, lang);
        paymentClauses(model, report, lang);
        streamClauses(model, report, lang);
        returnClauses(model, report, lang);
        for (const pool of model.pools) {
            if (pool.section === 75 && pool.arrangement === 'aligned' && pool.node.basis) {
                report({ node: pool.node.basis, message: t('clause-not-applicable.s75-aligned', { pool: pool.id }, lang), data: removal(pool.node.basis) });
            }
        }
    }
});

/** A benefit return needs a partner that saves something and another partner to receive it. */
function returnClauses(model: AgreementModel, report: Report, lang: Lang): void {
    for (const appraisal of model.appraisals) {
        if (!appraisal.figures) continue;
        for (const clause of appraisal.returns) {
            // A percentage out of range is rate-out-of-range's business.
            if (!clause.partnerId || clause.points === undefined || clause.points.sign() < 0 || clause.points.gt(Rational.HUNDRED)) continue;
            const args = { partner: clause.partnerId, pool: appraisal.poolId };
            if (!appraisal.savings.some(line => line.partnerId === clause.partnerId)) {
                report({ node: clause.node, property: 'partner', message: t('clause-not-applicable.return-nothing', args, lang), data: removal(clause.node) });
            } else if (appraisal.figures.returns.find(figure => figure.node === clause.node)?.amount === undefined) {
                report({
                    node: clause.node,
                    property: clause.recipientId ? 'recipient' : 'proRata',
                    message: t('clause-not-applicable.return-nobody', args, lang),
                    data: removal(clause.node)
                });
            }
        }
    }
}

function shareClauses(model: AgreementModel, report: Report, lang: Lang): void {
    for (const share of model.shares) {
        if (!shareReadWhole(share)) continue;
        const kind = share.kind;
        if (share.covering && share.family === 'benefit') {
            report({
                node: share.node,
                property: 'covering',
                message: t('clause-not-applicable.covering-benefit', { kind, amount: share.covering.parsed.text }, lang),
                data: removal(share.node, { from: 'covering', property: 'covering' })
            });
        }
        if (share.family === 'risk' && share.subject?.kind === 'outcome') {
            report({ node: share.node, property: 'subject', message: t('clause-not-applicable.risk-of-outcome', { kind, outcome: share.subjectId }, lang) });
        }
        for (const reinvestment of share.reinvestments) {
            const percent = reinvestment.points ? formatPercent(reinvestment.points) : (reinvestment.node.percent ?? '');
            if (share.kind === 'overspend') {
                report({ node: reinvestment.node, message: t('clause-not-applicable.reinvest-overspend', { percent }, lang) });
            } else if (share.subject?.kind === 'outcome') {
                report({ node: reinvestment.node, message: t('clause-not-applicable.reinvest-outcome', { percent, outcome: share.subjectId }, lang) });
            }
        }
        for (const line of share.lines) {
            if (!line.node) continue;
            if (line.cap && share.kind !== 'overspend') {
                report({
                    node: line.node,
                    property: 'cap',
                    message: t('clause-not-applicable.cap-not-overspend', { cap: line.cap.parsed.text, kind }, lang),
                    data: removal(line.node, { from: 'up', property: 'cap' })
                });
            }
            if (share.proRata && line.node.percent !== undefined) {
                report({
                    node: line.node,
                    property: 'percent',
                    message: t('clause-not-applicable.percent-pro-rata', { partner: partnerName(model, line.partnerId), percent: line.node.percent }, lang),
                    data: removal(line.node, { property: 'percent' })
                });
            }
        }
    }
}

function spendClauses(model: AgreementModel, report: Report, lang: Lang): void {
    const lines = [...model.pools.flatMap(pool => pool.spendBlocks), ...model.spendBlocks].flatMap(block => block.lines);
    for (const line of lines) {
        if (line.purposeTags.length > 1) {
            report({
                node: line.node,
                property: 'purposes',
                index: 1,
                message: t(
                    'clause-not-applicable.two-purposes',
                    {
                        line: line.name,
                        purposes: listInWords(
                            line.purposeTags.map(id => `\`${id}\``),
                            lang
                        )
                    },
                    lang
                )
            });
        }
        const [tag, ...more] = line.ringfenceTags;
        if (tag === undefined) continue;
        if (more.length > 0) {
            report({
                node: line.node,
                property: 'ringfences',
                index: 1,
                message: t(
                    'clause-not-applicable.two-ringfences',
                    {
                        line: line.name,
                        ringfences: listInWords(
                            line.ringfenceTags.map(id => `\`${id}\``),
                            lang
                        )
                    },
                    lang
                )
            });
            continue;
        }
        const fence = model.poolsById.get(line.poolId)?.ringfences.find(candidate => candidate.id === tag);
        const fenceYear = fence?.year.start;
        if (fenceYear !== undefined && line.year !== undefined && fenceYear !== line.year) {
            report({
                node: line.node,
                property: 'ringfences',
                index: 0,
                message: t('clause-not-applicable.ringfence-year', { ringfence: tag, fenceYear: year(fenceYear), line: line.name, year: year(line.year) }, lang)
            });
        }
    }
}

function streamClauses(model: AgreementModel, report: Report, lang: Lang): void {
    for (const stream of model.pools.flatMap(pool => pool.streams)) {
        const seen = new Set<number>();
        const entries = [
            ...stream.declaredMinimums.map(minimum => ({ node: minimum.node, year: minimum.year.start, kind: 'minimum' })),
            ...stream.uplifts.map(uplift => ({ node: uplift.node, year: uplift.year.start, kind: 'uplift' }))
        ].sort((a, b) => (a.node.$cstNode?.offset ?? 0) - (b.node.$cstNode?.offset ?? 0));
        for (const kind of ['minimum', 'uplift']) {
            seen.clear();
            for (const entry of entries.filter(candidate => candidate.kind === kind)) {
                if (entry.year === undefined) continue;
                if (seen.has(entry.year))
                    report({
                        node: entry.node,
                        property: 'year',
                        message: t('clause-not-applicable.stream-year-twice', { stream: stream.id, year: year(entry.year) }, lang)
                    });
                seen.add(entry.year);
            }
        }
        for (const uplift of stream.uplifts) {
            const when = uplift.year.start;
            if (when !== undefined && !stream.minimums.has(when - 1)) {
                report({
                    node: uplift.node,
                    property: 'year',
                    message: t('clause-not-applicable.uplift-no-base', { stream: stream.id, year: year(when), previous: year(when - 1) }, lang)
                });
            }
        }
    }
}

function cohortClauses(outcome: OutcomeInfo, report: Report, lang: Lang): void {
    const cohort = outcome.cohort;
    if (!cohort) return;
    if (outcome.payment)
        report({
            node: cohort.node,
            range: GrammarUtils.findNodeForKeyword(cohort.node.$cstNode, 'cohort')?.range,
            message: t('clause-not-applicable.pays-and-cohort', { outcome: outcome.id }, lang),
            related: [{ node: outcome.payment.node, message: t('clause-not-applicable.per-unit-payment', { outcome: outcome.id }, lang) }]
        });
    const seen = new Set<number>();
    for (const attachment of cohort.years) {
        const when = attachment.year.start;
        if (when === undefined) continue;
        if (seen.has(when))
            report({
                node: attachment.node,
                property: 'year',
                message: t('clause-not-applicable.cohort-year-twice', { outcome: outcome.id, year: year(when) }, lang)
            });
        seen.add(when);
    }
}

function paymentClauses(model: AgreementModel, report: Report, lang: Lang): void {
    for (const outcome of model.outcomes) {
        cohortClauses(outcome, report, lang);
        const payment = outcome.payment;
        if (!payment) continue;
        const first = payment.schedule[0]?.year;
        const last = payment.schedule[payment.schedule.length - 1]?.year;
        const seen = new Set<number>();
        for (const split of payment.splits) {
            const when = split.year.start;
            if (when === undefined) continue;
            if (seen.has(when)) {
                report({
                    node: split.node,
                    property: 'year',
                    message: t('clause-not-applicable.split-twice', { outcome: outcome.id, year: year(when) }, lang)
                });
            } else if (first !== undefined && last !== undefined && (when < first || when > last)) {
                report({
                    node: split.node,
                    property: 'year',
                    message: t('clause-not-applicable.split-year', { outcome: outcome.id, year: year(when), first: year(first), last: year(last) }, lang),
                    data: removal(split.node)
                });
            }
            seen.add(when);
        }
    }
}
