// Long: every heading, label and sentence of the reports, in one typed table read from the catalogue, so a report cannot print a word the catalogue lacks.
import { isWordKey, type MessageKey, type MessageParams, t, word as catalogueWord, type WordKey } from './i18n/index.js';
import type { ChartWords } from './charts.js';
import { type ShareBasis, SHARE_BASIS_IN_MESSAGES } from './report-data.js';

/**
 * The reports' text in English and Welsh. Every word comes from the message catalogue
 * (packages/reports/src/i18n and the language package's: `report.*` keys, `share-base` for what a share clause
 * shares); here the figures are put into those sentences, choosing a sentence by the figures it is
 * given (a total or none, a stale approval or not). Values are formatted by the caller; escaping
 * is the renderer's job. Welsh follows the Welsh Government's public-sector terms (cronfa gyfun,
 * arbedion, blwyddyn ariannol, corff lletyol).
 */
export type ReportLang = 'en' | 'cy';

export interface ReportText {
    readonly reportTitle: (title: string) => string;
    readonly statementTitle: (partner: string, title: string) => string;
    readonly untitled: string;
    readonly skipLink: string;
    readonly unknown: string;
    /** The PDF's running foot: reference · status · version · page x of y. */
    readonly runningFoot: (reference: string, status: string, version: string, page: number, pages: number) => string;
    /** The PDF's running foot of a document that is not about one agreement. */
    readonly pageOf: (page: number, pages: number) => string;
    /** The word printed across every page of a report on an agreement short of signed. */
    readonly watermark: string;
    /** An agreement's status where it states none. */
    readonly noStatus: string;
    readonly headings: {
        readonly about: string;
        readonly summary: string;
        readonly partners: string;
        readonly contributions: string;
        readonly spending: string;
        readonly outcomes: string;
        readonly shares: string;
        readonly savings: string;
        readonly approvals: string;
        readonly statement: string;
        readonly checks: string;
        readonly fingerprint: string;
        readonly pools: string;
        readonly payments: string;
        readonly appraisal: string;
        readonly unitCosts: string;
        readonly contents: string;
        readonly signatures: string;
        readonly overview: string;
        readonly appendix: string;
        readonly sinceApproved: string;
    };
    readonly labels: {
        readonly reference: string;
        readonly status: string;
        readonly period: string;
        readonly host: string;
        readonly board: string;
        readonly reviews: string;
        readonly file: string;
        readonly partner: string;
        readonly id: string;
        readonly kind: string;
        readonly pool: string;
        readonly year: string;
        readonly total: string;
        readonly income: string;
        readonly spend: string;
        readonly balance: string;
        readonly outcome: string;
        readonly baseline: string;
        readonly target: string;
        readonly direction: string;
        readonly measuredBy: string;
        readonly period2: string;
        readonly actual: string;
        readonly expected: string;
        readonly progress: string;
        readonly rag: string;
        readonly earned: string;
        readonly share: string;
        readonly amount: string;
        readonly cap: string;
        readonly reinvested: string;
        readonly projected: string;
        readonly investment: string;
        readonly netBenefit: string;
        readonly payback: string;
        readonly returnPerPound: string;
        readonly approver: string;
        readonly date: string;
        readonly version: string;
        readonly textFingerprint: string;
        readonly name: string;
        readonly role: string;
        readonly signature: string;
        readonly chiefExecutive: string;
        readonly financeOfficer: string;
        readonly approvedText: string;
        readonly current: string;
        readonly stale: string;
        readonly signatureVerified: string;
        readonly signatureRefused: string;
        readonly unsigned: string;
        readonly severity: string;
        readonly code: string;
        readonly place: string;
        readonly change: string;
        readonly message: string;
        readonly sha256: string;
        readonly agreementFingerprint: string;
        readonly toolVersion: string;
        readonly generatedAt: string;
        readonly paysIn: string;
        readonly receives: string;
        readonly bears: string;
        readonly noPayback: string;
        readonly increase: string;
        readonly reduce: string;
        readonly green: string;
        readonly amber: string;
        readonly red: string;
        readonly error: string;
        readonly warning: string;
        readonly info: string;
        readonly hint: string;
        readonly chartAlternative: string;
        readonly currency: string;
        readonly imports: string;
        readonly declaredIn: string;
        readonly arrangement: string;
        readonly basis: string;
        readonly declaredTotal: string;
        readonly minimum: string;
        readonly contributed: string;
        readonly met: string;
        readonly ringfence: string;
        readonly purpose: string;
        readonly taggedSpend: string;
        readonly unfenced: string;
        readonly untaggedSpend: string;
        readonly line: string;
        readonly commissionedBy: string;
        readonly providedBy: string;
        readonly note: string;
        readonly unit: string;
        readonly rate: string;
        readonly paymentCap: string;
        readonly atTarget: string;
        readonly payable: string;
        readonly units: string;
        readonly upfront: string;
        readonly results: string;
        readonly split: string;
        readonly attached: string;
        readonly upfrontPercent: string;
        readonly maximum: string;
        readonly turnedAround: string;
        readonly earnedOnResults: string;
        readonly presentCosts: string;
        readonly presentBenefits: string;
        readonly netPresentValue: string;
        readonly benefitCostRatio: string;
        readonly returnOnInvestment: string;
        readonly discountRate: string;
        readonly engagement: string;
        readonly success: string;
        readonly deadweight: string;
        readonly optimismBias: string;
        readonly benefitYears: string;
        readonly cohort: string;
        readonly successes: string;
        readonly netSuccesses: string;
        readonly cost: string;
        readonly discountedCost: string;
        readonly grossBenefit: string;
        readonly netBenefitYear: string;
        readonly cashable: string;
        readonly discountedBenefit: string;
        readonly costShare: string;
        readonly benefitBefore: string;
        readonly benefitAfter: string;
        readonly benefitShare: string;
        readonly benefitShareBefore: string;
        readonly commissioner: string;
        readonly moneyIn: string;
        readonly plannedSpend: string;
        readonly provider: string;
        readonly alone: string;
        readonly jointly: string;
        readonly noneNamed: string;
        readonly discountFactor: string;
        readonly resultsPercent: string;
        readonly unitsAchieved: string;
        readonly unitCost: string;
        readonly agency: string;
        readonly perSuccess: string;
        readonly savingPerYear: string;
        readonly source: string;
        readonly prices: string;
        readonly illustrative: string;
        readonly borne: string;
        readonly uncovered: string;
        readonly yes: string;
        readonly none: string;
        readonly unknownPool: string;
        readonly stream: string;
        readonly minimumSet: string;
        readonly paidFrom: string;
        readonly forPurpose: string;
        readonly newMoney: string;
        readonly existingMoney: string;
        readonly unmarkedMoney: string;
        readonly netBenefitNew: string;
        readonly topic: string;
    };
    readonly chart: ChartWords;
    readonly sentences: {
        readonly contributes: (partner: string, amounts: string, pool: string, total: string | undefined) => string;
        readonly amountInYear: (amount: string, year: string) => string;
        readonly valueInYear: (value: string, year: string) => string;
        readonly valueByYear: (value: string, year: string) => string;
        /** What a share clause shares, said in words: `projected savings of £8,900,000`. */
        readonly shareBase: (basis: ShareBasis, amount: string) => string;
        readonly spends: (pool: string, spend: string, income: string, year: string, balance: string) => string;
        readonly noSpending: (pool: string) => string;
        readonly outcome: (
            description: string,
            direction: 'increase' | 'reduce' | null,
            baseline: string,
            target: string,
            measuredBy: string | undefined
        ) => string;
        readonly latestActual: (value: string, period: string, rag: string | undefined, expected: string | undefined) => string;
        readonly payment: (rate: string, per: string, cap: string | undefined, atTarget: string | undefined) => string;
        readonly share: (kind: string, subject: string, parts: string, base: { readonly basis: ShareBasis; readonly amount: string } | undefined) => string;
        readonly sharePart: (partner: string, percent: string, amount: string | undefined) => string;
        readonly reinvestPart: (percent: string, amount: string | undefined) => string;
        readonly savings: (
            pool: string,
            total: string,
            first: string,
            last: string,
            investment: string,
            netBenefit: string,
            payback: string | undefined,
            returnPerPound: string | undefined
        ) => string;
        readonly approval: (approver: string, partner: string, date: string, stale: boolean) => string;
        readonly checksPassed: string;
        readonly checksFailed: (errors: number, warnings: number) => string;
        readonly checksWarnings: (warnings: number) => string;
        readonly noApprovals: string;
        readonly noOutcomes: string;
        readonly noShares: string;
        readonly fingerprintExplained: string;
        /** What the net benefit is set against: all the money put in; `existing` is the existing budgets in it, when the contributions say which money is new. */
        readonly netBenefitExplained: (existing: string | undefined) => string;
        readonly statementTotals: (paysIn: string, receives: string, bears: string) => string;
        readonly chartContributions: (title: string) => string;
        readonly chartShares: (kind: string, subject: string) => string;
        readonly chartOutcome: (description: string) => string;
        readonly shareKind: (kind: string) => string;
        readonly trajectoryExplained: string;
        readonly shortBy: (amount: string) => string;
        readonly declaredTotal: (declared: string, computed: string | undefined) => string;
        readonly basis: (section: number | null, text: string | null) => string;
        readonly spendLines: (pool: string, year: string) => string;
        readonly unplacedSpend: (pool: string, year: string) => string;
        readonly minimums: (pool: string) => string;
        readonly ringfences: (pool: string) => string;
        readonly notes: (pool: string) => string;
        readonly paymentSchedule: (description: string) => string;
        readonly scheduleExplained: string;
        readonly cohort: (rate: string, per: string, attached: string, payable: string) => string;
        readonly cohortSchedule: (description: string) => string;
        readonly cohortExplained: string;
        readonly appraisal: (pool: string, npv: string, benefits: string, costs: string, ratio: string, payback: string | undefined) => string;
        readonly appraisalIncomplete: (pool: string) => string;
        readonly appraisalExplained: (baseYear: string, rate: string) => string;
        readonly discountDefault: (rate: string) => string;
        readonly appraisalYears: (pool: string) => string;
        readonly appraisalPartners: (pool: string) => string;
        readonly appraisalLines: (pool: string) => string;
        readonly appraisalLineYears: (pool: string) => string;
        readonly proRata: string;
        readonly draftBanner: (status: string) => string;
        readonly overview: string;
        readonly spendByCommissioner: (pool: string) => string;
        readonly spendByProvider: (pool: string) => string;
        readonly jointSpend: string;
        readonly exampleCaption: (subject: string, amount: string) => string;
        /** The worked example of a share clause, by its kind; for an overspend, with what no cap covers (undefined when the caps cover it all). */
        readonly example: (kind: string, subject: string, amount: string, uncovered: string | undefined) => string;
        readonly unitCosts: string;
        readonly benefitReturn: (partner: string, percent: string, amount: string, cashableOnly: boolean, recipient: string | undefined) => string;
        readonly split: (upfront: string, results: string) => string;
        readonly rounding: string;
        /** How caps apply to an overspend; `uncovered` when they leave part of it uncovered. */
        readonly capsExplained: (amount: string, uncovered: string | undefined) => string;
        readonly savingsLines: (pool: string) => string;
        readonly savingsNotes: (pool: string) => string;
        readonly signOff: (missing: string | undefined) => string;
        /** What the signatory blocks are for. */
        readonly signatures: string;
        readonly signatoryCaption: (partner: string) => string;
        /** What the appendix holds. */
        readonly appendix: string;
        /** Why there is no earlier approved version to compare with, or that the history was not read; `file` is the agreement's. */
        readonly sinceApprovedNone: (status: 'no-approvals' | 'no-repository' | 'not-in-history' | 'history-not-read', file: string) => string;
        /** The text as it stands is the approved one; `approvals` is a list of `sinceApprovedApproval`. */
        readonly sinceApprovedThis: (approvals: string) => string;
        readonly sinceApprovedCompared: (approvals: string, commit: string, file: string, count: number) => string;
        readonly sinceApprovedApproval: (partner: string, approver: string, date: string) => string;
        readonly sinceApprovedWrittenCaption: string;
        readonly sinceApprovedDerivedCaption: string;
        /** Where something removed was written: in the approved version. */
        readonly placeBefore: (place: string) => string;
        readonly statementCapped: (share: string, beforeCap: string) => string;
        readonly streams: (pool: string) => string;
        readonly streamContributions: (pool: string) => string;
        /** How a stream's minimum for a year is set: as written, or by an uplift (with its base and rounding). */
        readonly minimumSet: (
            source: 'declared' | 'uplift' | null,
            percent: string | undefined,
            base: string | undefined,
            rounding: 'penny' | 'pound' | undefined,
            written: string | undefined
        ) => string;
        readonly spendMinimums: (pool: string) => string;
        readonly contents: (pool: string) => string;
        readonly topic: (topic: string) => string;
        readonly streamShare: (stream: string, percent: string, amount: string) => string;
        /** A partner kind, a status and an arrangement in words. */
        readonly kind: (kind: string) => string;
        readonly status: (status: string) => string;
        readonly arrangement: (arrangement: string) => string;
    };
}

/** Headings, labels and chart words live in the message catalogue (keys `report.heading.*`, `report.label.*`, `report.chart.*`). */
const WORDS = {
    headings: {
        prefix: 'heading',
        names: [
            'about',
            'summary',
            'partners',
            'contributions',
            'spending',
            'outcomes',
            'shares',
            'savings',
            'approvals',
            'statement',
            'checks',
            'fingerprint',
            'pools',
            'payments',
            'appraisal',
            'unitCosts',
            'contents',
            'signatures',
            'overview',
            'appendix',
            'sinceApproved'
        ]
    },
    labels: {
        prefix: 'label',
        names: [
            'reference',
            'status',
            'period',
            'host',
            'board',
            'reviews',
            'file',
            'partner',
            'id',
            'kind',
            'pool',
            'year',
            'total',
            'income',
            'spend',
            'balance',
            'outcome',
            'baseline',
            'target',
            'direction',
            'measuredBy',
            'period2',
            'actual',
            'expected',
            'progress',
            'rag',
            'earned',
            'share',
            'amount',
            'cap',
            'reinvested',
            'projected',
            'investment',
            'netBenefit',
            'payback',
            'returnPerPound',
            'approver',
            'date',
            'version',
            'textFingerprint',
            'name',
            'role',
            'signature',
            'chiefExecutive',
            'financeOfficer',
            'approvedText',
            'current',
            'stale',
            'signatureVerified',
            'signatureRefused',
            'unsigned',
            'severity',
            'code',
            'place',
            'change',
            'message',
            'sha256',
            'agreementFingerprint',
            'toolVersion',
            'generatedAt',
            'paysIn',
            'receives',
            'bears',
            'noPayback',
            'increase',
            'reduce',
            'green',
            'amber',
            'red',
            'error',
            'warning',
            'info',
            'hint',
            'chartAlternative',
            'currency',
            'imports',
            'declaredIn',
            'arrangement',
            'basis',
            'declaredTotal',
            'minimum',
            'contributed',
            'met',
            'ringfence',
            'purpose',
            'taggedSpend',
            'unfenced',
            'untaggedSpend',
            'line',
            'commissionedBy',
            'providedBy',
            'note',
            'unit',
            'rate',
            'paymentCap',
            'atTarget',
            'payable',
            'units',
            'upfront',
            'results',
            'split',
            'attached',
            'upfrontPercent',
            'maximum',
            'turnedAround',
            'earnedOnResults',
            'borne',
            'uncovered',
            'yes',
            'none',
            'unknownPool',
            'stream',
            'minimumSet',
            'paidFrom',
            'forPurpose',
            'newMoney',
            'existingMoney',
            'unmarkedMoney',
            'netBenefitNew',
            'topic',
            'presentCosts',
            'presentBenefits',
            'netPresentValue',
            'benefitCostRatio',
            'returnOnInvestment',
            'discountRate',
            'engagement',
            'success',
            'deadweight',
            'optimismBias',
            'benefitYears',
            'cohort',
            'successes',
            'netSuccesses',
            'cost',
            'discountedCost',
            'grossBenefit',
            'netBenefitYear',
            'cashable',
            'discountedBenefit',
            'costShare',
            'benefitBefore',
            'benefitAfter',
            'benefitShare',
            'benefitShareBefore',
            'commissioner',
            'moneyIn',
            'plannedSpend',
            'provider',
            'alone',
            'jointly',
            'noneNamed',
            'discountFactor',
            'resultsPercent',
            'unitsAchieved',
            'unitCost',
            'agency',
            'perSuccess',
            'savingPerYear',
            'source',
            'prices',
            'illustrative'
        ]
    },
    chart: { prefix: 'chart', names: ['financialYear', 'contributions', 'partner', 'share', 'endOfPeriod', 'status', 'noStatus'] }
} as const;

type Words = Pick<ReportText, 'headings' | 'labels' | 'chart'>;

function catalogueWords(lang: ReportLang): Words {
    const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const group = (prefix: string, groupNames: readonly string[]) =>
        Object.fromEntries(
            groupNames.map(name => {
                const key = `report.${prefix}.${kebab(name)}`;
                if (!isWordKey(key)) throw new Error(`the message catalogue has no word '${key}' for the reports`);
                return [name, catalogueWord(key, lang)];
            })
        );
    return {
        headings: group(WORDS.headings.prefix, WORDS.headings.names),
        labels: group(WORDS.labels.prefix, WORDS.labels.names),
        chart: group(WORDS.chart.prefix, WORDS.chart.names)
    } as unknown as Words;
}

/** The case of a share sentence's `kind` select for what a share clause shares (its keyword, singular or plural). */
function shareKindCase(kind: string): string {
    if (kind === 'overspends' || kind === 'underspends') return kind.slice(0, -1);
    return kind;
}

const SHARE_KINDS: Readonly<Record<string, WordKey>> = {
    savings: 'report.share-kind.savings',
    benefits: 'report.share-kind.benefits',
    overspend: 'report.share-kind.overspend',
    overspends: 'report.share-kind.overspend',
    underspend: 'report.share-kind.underspend',
    underspends: 'report.share-kind.underspend'
};

const KINDS = ['council', 'health', 'police', 'fire', 'central-government', 'voluntary', 'housing', 'private', 'other'] as const;
const STATUSES = ['draft', 'proposed', 'signed'] as const;
const ARRANGEMENTS = ['pooled', 'aligned', 'in-kind'] as const;
const TOPICS = ['aims', 'contributions', 'functions', 'resources', 'duration', 'review', 'termination', 'management'] as const;

/** Whether `value` is one of `values`, narrowing it so the key made from it is a catalogue key. */
function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
    return (values as readonly string[]).includes(value);
}

/** The report's text in `lang`: every word from the catalogue, the figures put in here. */
function textIn(lang: ReportLang): ReportText {
    const say = <K extends MessageKey>(key: K, params: MessageParams<K>) => t(key, params, lang);
    const word = (key: WordKey) => catalogueWord(key, lang);
    return {
        ...catalogueWords(lang),
        reportTitle: title => say('report.title', { title }),
        statementTitle: (partner, title) => say('report.statement-title', { partner, title }),
        untitled: word('report.untitled'),
        skipLink: word('report.skip-link'),
        runningFoot: (reference, status, version, page, pages) =>
            say('report.running-foot', { reference, status, version, page: String(page), pages: String(pages) }),
        pageOf: (page, pages) => say('report.page-of', { page: String(page), pages: String(pages) }),
        watermark: word('report.watermark'),
        noStatus: word('report.no-status'),
        unknown: word('word.unknown'),
        sentences: {
            contributes: (partner, amounts, pool, total) =>
                total
                    ? say('report.sentence.contributes-total', { partner, amounts, pool, total })
                    : say('report.sentence.contributes', { partner, amounts, pool }),
            amountInYear: (amount, year) => say('report.sentence.amount-in-year', { amount, year }),
            valueInYear: (value, year) => say('report.sentence.amount-in-year', { amount: value, year }),
            valueByYear: (value, year) => say('report.sentence.value-by-year', { value, year }),
            shareBase: (basis, amount) => say('share-base', { basis: SHARE_BASIS_IN_MESSAGES[basis], amount }),
            spends: (pool, spend, income, year, balance) => say('report.sentence.spends', { pool, spend, income, year, balance }),
            noSpending: pool => say('report.sentence.no-spending', { pool }),
            // Each sentence with an optional part is a sentence of its own for each case, so every
            // language words each whole.
            outcome: (description, direction, baseline, target, measuredBy) => {
                const figures = { description, baseline, target };
                if (direction === 'increase')
                    return measuredBy
                        ? say('report.sentence.outcome.increase.measured', { ...figures, partner: measuredBy })
                        : say('report.sentence.outcome.increase', figures);
                if (direction === 'reduce')
                    return measuredBy
                        ? say('report.sentence.outcome.reduce.measured', { ...figures, partner: measuredBy })
                        : say('report.sentence.outcome.reduce', figures);
                return measuredBy
                    ? say('report.sentence.outcome.change.measured', { ...figures, partner: measuredBy })
                    : say('report.sentence.outcome.change', figures);
            },
            latestActual: (value, period, rag, expected) => {
                if (expected && rag) return say('report.sentence.latest-actual.expected.status', { value, period, expected, status: rag });
                if (expected) return say('report.sentence.latest-actual.expected', { value, period, expected });
                if (rag) return say('report.sentence.latest-actual.status', { value, period, status: rag });
                return say('report.sentence.latest-actual', { value, period });
            },
            payment: (rate, per, cap, atTarget) => {
                if (cap && atTarget) return say('report.sentence.payment.cap.at-target', { rate, unit: per, cap, atTarget });
                if (cap) return say('report.sentence.payment.cap', { rate, unit: per, cap });
                if (atTarget) return say('report.sentence.payment.at-target', { rate, unit: per, atTarget });
                return say('report.sentence.payment', { rate, unit: per });
            },
            share: (kind, subject, parts, base) =>
                base
                    ? say('report.sentence.share.base', {
                          kind: shareKindCase(kind),
                          subject,
                          parts,
                          basis: SHARE_BASIS_IN_MESSAGES[base.basis],
                          amount: base.amount
                      })
                    : say('report.sentence.share', { kind: shareKindCase(kind), subject, parts }),
            sharePart: (partner, percent, amount) =>
                amount ? say('report.sentence.share-part.amount', { partner, percent, amount }) : say('report.sentence.share-part', { partner, percent }),
            reinvestPart: (percent, amount) =>
                amount ? say('report.sentence.reinvest-part.amount', { percent, amount }) : say('report.sentence.reinvest-part', { percent }),
            savings: (pool, total, first, last, investment, netBenefit, payback, returnPerPound) => {
                const figures = { pool, total, first, last, investment, netBenefit };
                if (payback && returnPerPound) return say('report.sentence.savings.payback.return-per-pound', { ...figures, payback, returnPerPound });
                if (payback) return say('report.sentence.savings.payback', { ...figures, payback });
                if (returnPerPound) return say('report.sentence.savings.return-per-pound', { ...figures, returnPerPound });
                return say('report.sentence.savings', figures);
            },
            approval: (approver, partner, date, stale) =>
                say(stale ? 'report.sentence.approval-stale' : 'report.sentence.approval', { approver, partner, date }),
            checksPassed: word('report.sentence.checks-passed'),
            checksFailed: (errors, warnings) => say('report.sentence.checks-failed', { errors, warnings }),
            checksWarnings: warnings => say('report.sentence.checks-warnings', { warnings }),
            noApprovals: word('report.sentence.no-approvals'),
            noOutcomes: word('report.sentence.no-outcomes'),
            noShares: word('report.sentence.no-shares'),
            fingerprintExplained: word('report.sentence.fingerprint-explained'),
            netBenefitExplained: existing =>
                say('report.sentence.net-benefit-explained', existing === undefined ? { marked: 'no', existing: '' } : { marked: 'yes', existing }),
            statementTotals: (paysIn, receives, bears) => say('report.sentence.statement-totals', { paysIn, receives, bears }),
            chartContributions: title => say('report.sentence.chart-contributions', { pool: title }),
            chartShares: (kind, subject) => say('report.sentence.chart-shares', { kind: shareKindCase(kind), subject }),
            chartOutcome: description => say('report.sentence.chart-outcome', { description }),
            shareKind: kind => {
                const key = SHARE_KINDS[kind];
                return key ? word(key) : kind;
            },
            trajectoryExplained: word('report.sentence.trajectory-explained'),
            shortBy: amount => say('report.sentence.short-by', { amount }),
            declaredTotal: (declared, computed) =>
                computed === undefined
                    ? say('report.sentence.declared-total-matches', { declared })
                    : say('report.sentence.declared-total-differs', { declared, computed }),
            basis: (section, text) =>
                section !== null
                    ? say('report.sentence.basis.section', { section })
                    : text !== null
                      ? say('report.sentence.basis.text', { text })
                      : word('report.sentence.basis.none'),
            spendLines: (pool, year) => say('report.sentence.spend-lines', { pool, year }),
            unplacedSpend: (pool, year) => say('report.sentence.unplaced-spend', { pool, year }),
            minimums: pool => say('report.sentence.minimums', { pool }),
            ringfences: pool => say('report.sentence.ringfences', { pool }),
            notes: pool => say('report.sentence.notes', { pool }),
            paymentSchedule: description => say('report.sentence.payment-schedule', { description }),
            scheduleExplained: word('report.sentence.schedule-explained'),
            cohort: (rate, per, attached, payable) => say('report.sentence.cohort', { rate, unit: per, attached, payable }),
            cohortSchedule: description => say('report.sentence.cohort-schedule', { description }),
            cohortExplained: word('report.sentence.cohort-explained'),
            appraisal: (pool, npv, benefits, costs, ratio, payback) =>
                payback === undefined
                    ? say('report.sentence.appraisal-no-payback', { pool, npv, benefits, costs, ratio })
                    : say('report.sentence.appraisal', { pool, npv, benefits, costs, ratio, payback }),
            appraisalIncomplete: pool => say('report.sentence.appraisal-incomplete', { pool }),
            appraisalExplained: (baseYear, rate) => say('report.sentence.appraisal-explained', { baseYear, rate }),
            discountDefault: rate => say('report.sentence.discount-default', { rate }),
            appraisalYears: pool => say('report.sentence.appraisal-years', { pool }),
            appraisalPartners: pool => say('report.sentence.appraisal-partners', { pool }),
            appraisalLines: pool => say('report.sentence.appraisal-lines', { pool }),
            appraisalLineYears: pool => say('report.sentence.appraisal-line-years', { pool }),
            proRata: word('report.sentence.pro-rata'),
            draftBanner: status => say('report.sentence.draft-banner', { status }),
            overview: word('report.sentence.overview'),
            spendByCommissioner: pool => say('report.sentence.spend-by-commissioner', { pool }),
            spendByProvider: pool => say('report.sentence.spend-by-provider', { pool }),
            jointSpend: word('report.sentence.joint-spend'),
            exampleCaption: (subject, amount) => say('report.sentence.example-caption', { subject, amount }),
            example: (kind, subject, amount, uncovered) => {
                if (kind === 'overspend')
                    return uncovered === undefined
                        ? say('report.sentence.example-overspend-covered', { subject, amount })
                        : say('report.sentence.example-overspend', { subject, amount, uncovered });
                if (kind === 'underspend') return say('report.sentence.example-underspend', { subject, amount });
                if (kind === 'benefits') return say('report.sentence.example-benefits', { subject, amount });
                return say('report.sentence.example-savings', { subject, amount });
            },
            unitCosts: word('report.sentence.unit-costs'),
            benefitReturn: (partner, percent, amount, cashableOnly, recipient) =>
                recipient === undefined
                    ? say(cashableOnly ? 'report.sentence.return.cashable-pro-rata' : 'report.sentence.return.pro-rata', { partner, percent, amount })
                    : say(cashableOnly ? 'report.sentence.return.cashable-to' : 'report.sentence.return.to', { partner, percent, amount, recipient }),
            split: (upfront, results) => say('report.sentence.split', { upfront, results }),
            rounding: word('report.sentence.rounding'),
            capsExplained: (amount, uncovered) =>
                uncovered === undefined ? say('report.sentence.caps-cover', { amount }) : say('report.sentence.caps-explained', { amount, uncovered }),
            savingsLines: pool => say('report.sentence.savings-lines', { pool }),
            savingsNotes: pool => say('report.sentence.savings-notes', { pool }),
            signOff: missing =>
                missing === undefined ? word('report.sentence.sign-off.complete') : say('report.sentence.sign-off.missing', { partners: missing }),
            signatures: word('report.sentence.signatures'),
            signatoryCaption: partner => say('report.sentence.signatory-caption', { partner }),
            appendix: word('report.sentence.appendix'),
            sinceApprovedNone: (status, file) => {
                switch (status) {
                    case 'no-approvals':
                        return word('report.sentence.since-approved.no-approvals');
                    case 'no-repository':
                        return say('report.sentence.since-approved.no-repository', { file });
                    case 'not-in-history':
                        return say('report.sentence.since-approved.not-in-history', { file });
                    case 'history-not-read':
                        return word('report.sentence.since-approved.history-not-read');
                }
            },
            sinceApprovedThis: approvals => say('report.sentence.since-approved.this-version', { approvals }),
            sinceApprovedCompared: (approvals, commit, file, count) => say('report.sentence.since-approved.compared', { approvals, commit, file, count }),
            sinceApprovedApproval: (partner, approver, date) => say('report.sentence.since-approved.approval', { partner, approver, date }),
            sinceApprovedWrittenCaption: word('report.sentence.since-approved.written-caption'),
            sinceApprovedDerivedCaption: word('report.sentence.since-approved.derived-caption'),
            placeBefore: place => say('report.sentence.since-approved.place-before', { place }),
            statementCapped: (share, beforeCap) => say('report.sentence.statement-capped', { share, beforeCap }),
            streams: pool => say('report.sentence.streams', { pool }),
            streamContributions: pool => say('report.sentence.stream-contributions', { pool }),
            minimumSet: (source, percent, base, rounding, written) => {
                if (source !== 'uplift' || percent === undefined || base === undefined) return word('report.sentence.minimum-written');
                if (written !== undefined)
                    return say(rounding === 'pound' ? 'report.sentence.minimum-uplift-differs.pound' : 'report.sentence.minimum-uplift-differs.penny', {
                        percent,
                        base,
                        written
                    });
                return say(rounding === 'pound' ? 'report.sentence.minimum-uplift.pound' : 'report.sentence.minimum-uplift.penny', { percent, base });
            },
            spendMinimums: pool => say('report.sentence.spend-minimums', { pool }),
            contents: pool => say('report.sentence.contents', { pool }),
            topic: topic => (isOneOf(TOPICS, topic) ? word(`report.topic.${topic}`) : topic),
            streamShare: (stream, percent, amount) => say('report.sentence.stream-share', { stream, percent, amount }),
            kind: kind => (isOneOf(KINDS, kind) ? word(`word.kind.${kind}`) : kind),
            status: status => (isOneOf(STATUSES, status) ? word(`word.status.${status}`) : status),
            arrangement: arrangement => (isOneOf(ARRANGEMENTS, arrangement) ? word(`word.arrangement.${arrangement}`) : arrangement)
        }
    };
}

const en = textIn('en');
const cy = textIn('cy');

/** The report's words in each language; the compiler refuses a language that lacks one. */
export const REPORT_TEXT: Record<ReportLang, ReportText> = { en, cy };

export function reportText(lang: ReportLang = 'en'): ReportText {
    return REPORT_TEXT[lang];
}
