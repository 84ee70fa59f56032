// Long: the whole shape of the report data (the published JSON) and how each part is read from the model.
import {
    type AgreementModel,
    type ActualInfo,
    type AmountValue,
    type MoneyKinds,
    type PartySpend,
    type OutcomeInfo,
    type PaymentInfo,
    type CohortInfo,
    type AppraisalInfo,
    type UnitCostInfo,
    type PoolInfo,
    type StreamInfo,
    type QuantityValue,
    type ShareInfo,
    type ShareBasis as ModelShareBasis,
    type SpendLineInfo,
    type YearValue,
    type Change,
    Rational,
    formatQuantity,
    partnerStatements,
    penceToDecimalString,
    periodLabel,
    sha256Hex,
    yearLabel
} from '@pool/language';
import { render } from './i18n/index.js';
import { type AstNode, AstUtils, type LangiumDocument, UriUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Everything a report shows, as plain data: strings, numbers and booleans only, amounts as
 * decimal strings of pounds ("1200000.00"). Every figure is read from the model, never computed
 * here, so a report cannot disagree with `pool check`, the editor or another report. The JSON
 * output is this object; `schema/agreement-json-4.schema.json` describes it.
 */
export interface ReportData {
    readonly $schema: typeof AGREEMENT_JSON_SCHEMA_ID;
    readonly schemaVersion: 4;
    readonly tool: { readonly name: 'pool'; readonly version: string };
    /** The agreement's file name; other files are named by their path from its folder. */
    readonly file: string;
    readonly currency: string;
    readonly agreement: AgreementData | null;
    readonly fingerprint: { readonly agreement: string; readonly files: readonly { readonly file: string; readonly sha256: string }[] };
    readonly imports: readonly ImportData[];
    readonly partners: readonly PartnerData[];
    readonly pools: readonly PoolData[];
    /** Spend blocks that name a pool no declaration provides: their lines, placed against no income. */
    readonly unplacedSpend: readonly { readonly pool: string; readonly year: string; readonly spendLines: readonly SpendLineData[] }[];
    readonly totals: TotalsData;
    readonly outcomes: readonly OutcomeData[];
    readonly shares: readonly ShareData[];
    readonly savings: readonly SavingsData[];
    /** Unit costs declared in the agreement or the registers it imports. */
    readonly unitCosts: readonly UnitCostData[];
    readonly appraisals: readonly AppraisalData[];
    readonly approvals: readonly ApprovalData[];
    /** Whose approval `status signed` needs (every contributing partner), who has approved the current text, and who has not. */
    readonly signOff: { readonly required: readonly string[]; readonly approved: readonly string[]; readonly missing: readonly string[] };
    readonly statements: readonly StatementData[];
    readonly diagnostics: readonly DiagnosticData[];
    readonly verdict: { readonly errors: number; readonly warnings: number; readonly passed: boolean };
    /** The changes since the last version the partners approved, for the appendix: `pool diff --approved`'s own comparison. */
    readonly sinceApproved: SinceApprovedData;
}

export const AGREEMENT_JSON_SCHEMA_ID = 'urn:pool:schema:agreement-json:4';

/** An approval of the version compared with, as the appendix names it. */
export interface ApprovalRefData {
    readonly partner: string;
    readonly approver: string;
    readonly date: string;
}

/**
 * What changed since the last version the partners approved, worked out by the code of
 * `pool diff --approved` (the CLI's `sinceApprovedVersion`) and carried here as found:
 * `no-approvals`: the text records no approval, so there is no approved version;
 * `this-version`: an approval covers the text as it stands, so nothing has changed since;
 * `compared`: the newest commit in git whose text has the fingerprint an approval records, the
 * agreement's path in the repository, the approvals of that text, and the changes from it to this
 * text (the diff's own `changes`, every figure computed once by the diff);
 * `no-repository`: the approvals are all of earlier text and the agreement is not in a git repository;
 * `not-in-history`: they are all of earlier text and no commit in the history has that text;
 * `history-not-read`: they are all of earlier text and the report was made where the history is not
 * read (the editor's reports).
 */
export type SinceApprovedData =
    | { readonly status: 'no-approvals' | 'no-repository' | 'not-in-history' | 'history-not-read' }
    | { readonly status: 'this-version'; readonly approvals: readonly ApprovalRefData[] }
    | {
          readonly status: 'compared';
          readonly commit: string;
          readonly file: string;
          readonly approvals: readonly ApprovalRefData[];
          readonly changes: readonly Change[];
      };

/** The approvals that record `fingerprint`, newest first. */
export function approvalsOf(model: AgreementModel, fingerprint: string): ApprovalRefData[] {
    return model.approvals
        .filter(approval => approval.fingerprint === fingerprint)
        .sort((a, b) => compareText(b.date, a.date))
        .map(approval => ({ partner: approval.partnerId, approver: approval.approver, date: approval.date }));
}

/**
 * What the text alone says of its last approved version: none (no approval), or this text (an
 * approval covers it); undefined when only the history can tell. `pool diff --approved` and the
 * reports both start here.
 */
export function approvedVersionInText(model: AgreementModel): SinceApprovedData | undefined {
    if (model.approvals.length === 0) return { status: 'no-approvals' };
    const standing = model.approvals.find(approval => !approval.stale);
    return standing ? { status: 'this-version', approvals: approvalsOf(model, standing.fingerprint) } : undefined;
}

/** An amount in pounds as a decimal string, or null when a malformed amount makes it unknowable. */
export type Money = string | null;

export interface Position {
    readonly line: number;
    readonly column: number;
}
/** Where a declaration is written: 1-based lines and columns, end exclusive. */
export interface SourceRange {
    readonly file: string;
    readonly start: Position;
    readonly end: Position;
}

export interface AgreementData {
    readonly title: string;
    readonly reference: string | null;
    readonly status: string | null;
    /** The version the partners call this text, as written; null when none is (the fingerprint then stands for it). */
    readonly version: string | null;
    readonly period: { readonly first: string; readonly last: string; readonly years: readonly string[] } | null;
    readonly host: { readonly id: string; readonly name: string | null } | null;
    readonly board: string | null;
    readonly reviews: readonly { readonly date: string; readonly note: string | null }[];
    readonly source: SourceRange | null;
}

/** `kind` is null only where a syntax error cut the declaration short; `file` is where it is declared. */
export interface PartnerData {
    readonly id: string;
    readonly name: string;
    readonly kind: string | null;
    readonly file: string;
    readonly source: SourceRange | null;
}

/** An import as written, the file it names (relative to the agreement's folder) and whether it was read. */
export interface ImportData {
    readonly path: string;
    readonly file: string;
    readonly status: string;
    readonly source: SourceRange | null;
}

export interface ContributionData {
    readonly partner: string;
    readonly amount: Money;
    /** The funding stream it belongs to, and whether it is new money or an existing budget (null where the text does not say). */
    readonly stream: string | null;
    readonly money: 'new' | 'existing' | null;
    readonly note: string | null;
    readonly source: SourceRange | null;
}

/** Contributions that are new money, existing budgets, and neither marked. */
export interface MoneyKindsData {
    readonly new: Money;
    readonly existing: Money;
    readonly unmarked: Money;
}

export interface StreamData {
    readonly id: string;
    readonly title: string;
    /** Minimums as written. */
    readonly minimums: readonly { readonly year: string; readonly amount: Money; readonly source: SourceRange | null }[];
    /** Each uplift: the year before's minimum, the exact uplifted figure (pence, as a decimal string), and the rounded minimum. */
    readonly uplifts: readonly {
        readonly year: string;
        readonly percent: string | null;
        readonly rounding: 'penny' | 'pound';
        readonly base: Money;
        readonly exactPence: string | null;
        readonly computed: Money;
        readonly declared: Money;
        readonly source: SourceRange | null;
    }[];
    /** Each year: the minimum that applies (and whether written or computed by an uplift), income, shortfall, spend paid from the stream and what is left. */
    readonly years: readonly {
        readonly year: string;
        readonly minimum: Money;
        readonly minimumSource: 'declared' | 'uplift' | null;
        readonly income: Money;
        readonly shortfall: Money;
        readonly spend: Money;
        readonly balance: Money;
    }[];
    /** What the stream brings in over all years. */
    readonly income: Money;
    readonly source: SourceRange | null;
}

export interface SpendMinimumData {
    readonly stream: string;
    readonly purpose: string;
    readonly year: string;
    readonly amount: Money;
    readonly spent: Money;
    readonly shortfall: Money;
    readonly met: boolean | null;
    readonly source: SourceRange | null;
}

export interface PartySpendData {
    readonly partner: string | null;
    readonly alone: Money;
    readonly jointly: Money;
}

export interface SpendLineData {
    readonly name: string;
    readonly amount: Money;
    readonly commissioners: readonly string[];
    readonly providers: readonly string[];
    /** The ring-fence the line is paid from, when its tag names one of the pool for its year. */
    readonly ringfence: string | null;
    /** Every ring-fence tag written on the line. */
    readonly ringfenceTags: readonly string[];
    /** The funding streams paying for the line: each one's percentage and part. */
    readonly funding: readonly { readonly stream: string; readonly percent: string | null; readonly amount: Money }[];
    /** The purposes the line is tagged with. */
    readonly purposes: readonly string[];
    readonly source: SourceRange | null;
}

export interface PoolYearData {
    readonly year: string;
    readonly contributions: readonly ContributionData[];
    /** Each partner's contributions this year (a partner may have more than one line). */
    readonly byPartner: readonly { readonly partner: string; readonly amount: Money }[];
    readonly income: Money;
    readonly declaredTotals: readonly Money[];
    readonly spendLines: readonly SpendLineData[];
    readonly spend: Money;
    /** Income less spend; null when the pool has no spending this year. */
    readonly balance: Money;
    /** Ring-fenced money this year, the money outside the ring-fences, and what lines not paid from a ring-fence spend. */
    readonly ringfenced: { readonly fenced: Money; readonly unfenced: Money; readonly untaggedSpend: Money } | null;
    readonly money: MoneyKindsData;
}

export interface PoolData {
    readonly id: string;
    readonly title: string;
    /** Null only where a syntax error cut the declaration short. */
    readonly arrangement: string | null;
    readonly section: number | null;
    readonly basis: string | null;
    readonly years: readonly PoolYearData[];
    readonly byPartner: readonly { readonly partner: string; readonly amount: Money }[];
    readonly income: Money;
    readonly spend: Money;
    readonly declaredTotals: readonly Money[];
    readonly minimums: readonly {
        readonly partner: string;
        readonly year: string;
        readonly amount: Money;
        readonly contributed: Money;
        readonly shortfall: Money;
        readonly met: boolean | null;
        readonly source: SourceRange | null;
    }[];
    readonly ringfences: readonly {
        readonly id: string;
        readonly purpose: string | null;
        readonly year: string;
        readonly amount: Money;
        readonly spent: Money;
        readonly shortfall: Money;
        readonly met: boolean | null;
        readonly source: SourceRange | null;
    }[];
    readonly streams: readonly StreamData[];
    readonly purposes: readonly { readonly id: string; readonly title: string; readonly source: SourceRange | null }[];
    readonly spendMinimums: readonly SpendMinimumData[];
    /** Spend over all years by commissioner and by provider: lines naming the partner alone, and with others (in full); `partner` null for lines naming none. */
    readonly spendByCommissioner: readonly PartySpendData[];
    readonly spendByProvider: readonly PartySpendData[];
    readonly money: MoneyKindsData;
    /** What a section 75 pool sets out (regulation 7), by topic. */
    readonly contents: readonly { readonly topic: string; readonly text: string; readonly source: SourceRange | null }[];
    readonly source: SourceRange | null;
}

export interface TotalsData {
    readonly income: Money;
    readonly money: MoneyKindsData;
    readonly spend: Money;
    readonly byYear: readonly { readonly year: string; readonly amount: Money }[];
    readonly byPartner: readonly { readonly partner: string; readonly amount: Money }[];
    readonly byPartnerAndYear: readonly { readonly partner: string; readonly year: string; readonly amount: Money }[];
}

export interface QuantityData {
    readonly value: string;
    readonly year: string;
}

export interface ActualData {
    readonly period: string;
    readonly value: string;
    /** Where the straight line from baseline to target says the value should be by then. */
    readonly expected: string | null;
    /** Improvement achieved as a percentage of the improvement expected by then. */
    readonly progressPercent: string | null;
    readonly rag: 'green' | 'amber' | 'red' | null;
    /** Units achieved in the outcome's direction since the baseline (never negative), which payment by results pays for. */
    readonly unitsAchieved: string | null;
    readonly earned: Money;
    readonly source: SourceRange | null;
}

export interface OutcomeData {
    readonly id: string;
    readonly description: string;
    readonly unit: string | null;
    readonly baseline: QuantityData | null;
    readonly target: QuantityData | null;
    readonly direction: 'increase' | 'reduce' | null;
    readonly measuredBy: string | null;
    readonly payment: PaymentData | null;
    readonly cohort: CohortData | null;
    readonly actuals: readonly ActualData[];
    /** Chart positions (not money): baseline and target as numbers, periods as year fractions. */
    readonly chart: OutcomeChartData | null;
    readonly source: SourceRange | null;
}

export interface PaymentData {
    readonly rate: Money;
    readonly per: string;
    readonly cap: Money;
    /** Payment if the target is met exactly, before the cap. */
    readonly atTarget: Money;
    /** What meeting the target pays: no more than the cap. */
    readonly payable: Money;
    /** The upfront and results percentages written for each year. */
    readonly splits: readonly { readonly year: string; readonly upfront: string | null; readonly results: string | null }[];
    /** The payable amount year by year along the trajectory, each year divided into upfront and results fees. */
    readonly schedule: readonly { readonly year: string; readonly units: string; readonly amount: Money; readonly upfront: Money; readonly results: Money }[];
}

/** Payment by results for a cohort: what each year's attachment may be paid, upfront and on results, and what the latest actual earns. */
export interface CohortData {
    readonly rate: Money;
    readonly per: string;
    readonly cap: Money;
    /** Everyone attached over all years (a whole number). */
    readonly attached: string | null;
    /** Everyone attached × rate, before the cap. */
    readonly maximum: Money;
    readonly upfront: Money;
    readonly results: Money;
    /** The maximum, no more than the cap. */
    readonly payable: Money;
    /** Turned around by the latest actual. */
    readonly claimed: string | null;
    /** Results payments earned by the latest actual, no more than the cap leaves after upfront payments. */
    readonly earned: Money;
    readonly years: readonly {
        readonly year: string;
        readonly attached: string | null;
        readonly upfrontPercent: string | null;
        readonly resultsPercent: string | null;
        readonly total: Money;
        readonly upfront: Money;
        readonly results: Money;
        readonly turnedAround: string | null;
        readonly earned: Money;
        readonly source: SourceRange | null;
    }[];
}

export interface OutcomeChartData {
    readonly baseline: { readonly at: number; readonly value: number; readonly label: string };
    readonly target: { readonly at: number; readonly value: number; readonly label: string };
    readonly actuals: readonly { readonly at: number; readonly value: number; readonly label: string; readonly rag: string | null }[];
}

/** What a share clause shares, as the published JSON names it: the overspend it covers, the projected savings, or results payments. */
export type ShareBasis = 'overspend' | 'underspend' | 'projected-savings' | 'results-payments';

/** The JSON's name for each basis the model knows (the model's names are messages' `select` values, which cannot hold a hyphen). */
export const SHARE_BASIS_IN_JSON: Readonly<Record<ModelShareBasis, ShareBasis>> = {
    overspend: 'overspend',
    underspend: 'underspend',
    savings: 'projected-savings',
    results: 'results-payments'
};

/** The other way: the `select` value a report's message words a JSON basis with. */
export const SHARE_BASIS_IN_MESSAGES: Readonly<Record<ShareBasis, ModelShareBasis>> = {
    overspend: 'overspend',
    underspend: 'underspend',
    'projected-savings': 'savings',
    'results-payments': 'results'
};

export interface ShareData {
    readonly kind: string;
    readonly family: 'benefit' | 'risk';
    readonly subject: { readonly kind: 'pool' | 'outcome'; readonly id: string; readonly title: string } | null;
    readonly proRata: boolean;
    /**
     * The amount shared, when the agreement states or implies one: what it is (`basis`), and
     * `description` in English for programs; reports word it from `basis` in their language.
     */
    readonly base: { readonly amount: Money; readonly basis: ShareBasis; readonly description: string } | null;
    /** The amount a risk share is written for (`covering £500,000`). */
    readonly covering: Money;
    /**
     * Each partner's percentage, its part of the amount shared, its cap, and for an overspend what
     * it bears once the cap applies (`borne`, with `capped` when the cap cuts its part down).
     */
    readonly lines: readonly {
        readonly partner: string;
        readonly percent: string | null;
        readonly amount: Money;
        readonly cap: Money;
        readonly borne: Money;
        readonly capped: boolean;
    }[];
    readonly reinvest: { readonly percent: string; readonly amount: Money } | null;
    /** The part of an overspend no cap covers: the partners' parts and this make the overspend. */
    readonly uncovered: Money;
    /**
     * The worked example: the clause applied to `amount` (£1,000,000), split as the amount shared
     * is: each line's part (`amount`), for an overspend what it bears once its cap applies, the
     * reinvested part and the part no cap covers; the parts add up to `amount`.
     */
    readonly example: {
        readonly amount: string;
        readonly lines: readonly { readonly partner: string; readonly amount: string; readonly borne: string | null }[];
        readonly reinvested: string;
        readonly uncovered: string | null;
    } | null;
    readonly totalPercent: string | null;
    readonly source: SourceRange | null;
}

export interface SavingsData {
    readonly pool: string;
    /** Each projection line as written: partner, year, amount. */
    readonly lines: readonly { readonly partner: string; readonly year: string; readonly amount: Money; readonly note: string | null }[];
    readonly byYear: readonly { readonly year: string; readonly amount: Money }[];
    readonly byPartner: readonly { readonly partner: string; readonly amount: Money }[];
    readonly total: Money;
    readonly investment: Money;
    readonly netBenefit: Money;
    /** Savings less only the new money put in, when contributions say which money is new. */
    readonly netBenefitOfNewMoney: Money;
    readonly paybackYear: string | null;
    /** Savings per pound contributed, as a decimal string. */
    readonly returnPerPound: string | null;
    readonly source: SourceRange | null;
}

export interface UnitCostData {
    readonly id: string;
    readonly description: string;
    readonly agency: string | null;
    /** The saving per success per year. */
    readonly saving: Money;
    readonly per: string | null;
    /** The cashable part of the saving (0 when none of it is cashable). */
    readonly cashable: Money;
    /** Where the figure comes from (`source "…"`). */
    readonly citation: string | null;
    readonly priceYear: string | null;
    readonly illustrative: boolean;
    /** Where the unit cost is declared (a register's file, relative to the agreement's folder). */
    readonly file: string;
}

/**
 * A cost-benefit appraisal (HM Treasury / New Economy method). Rates are percentages as decimal
 * strings; counts of people are decimal strings (a cohort × rates is rarely whole). Each table of
 * money is rounded to the penny once, so its cells add up to its totals. `figures` is null while
 * an input is missing, malformed or out of range.
 */
export interface AppraisalData {
    readonly pool: string;
    readonly cohorts: readonly { readonly year: string; readonly size: string | null }[];
    readonly engagementPercent: string | null;
    readonly successPercent: string | null;
    readonly deadweightPercent: string | null;
    readonly optimismBiasPercent: string | null;
    readonly discountPercent: string | null;
    /** True when the appraisal states no discount rate and the Green Book's 3.5% applies. */
    readonly discountDefault: boolean;
    readonly benefitYears: string | null;
    readonly savings: readonly { readonly unitCost: string; readonly partner: string; readonly perSuccess: string | null }[];
    readonly returns: readonly {
        readonly partner: string;
        readonly percent: string | null;
        readonly cashableOnly: boolean;
        readonly to: string | null;
        readonly proRata: boolean;
        /** The present value it moves. */
        readonly amount: Money;
    }[];
    readonly figures: {
        readonly baseYear: string;
        readonly years: readonly {
            readonly year: string;
            /** 1 / (1 + r)^t as a decimal to 6 places. */
            readonly discountFactor: string;
            readonly successes: string;
            readonly netSuccesses: string;
            readonly cost: Money;
            readonly presentCost: Money;
            readonly gross: Money;
            readonly net: Money;
            readonly cashable: Money;
            readonly discounted: Money;
        }[];
        readonly lines: readonly {
            readonly unitCost: string;
            readonly partner: string;
            readonly years: readonly {
                readonly year: string;
                readonly gross: Money;
                readonly net: Money;
                readonly cashable: Money;
                readonly discounted: Money;
            }[];
            readonly net: Money;
            readonly discounted: Money;
        }[];
        readonly partners: readonly {
            readonly partner: string;
            readonly presentCost: Money;
            readonly benefitBefore: Money;
            readonly benefitAfter: Money;
            readonly costSharePercent: string | null;
            readonly benefitSharePercentBefore: string | null;
            readonly benefitSharePercentAfter: string | null;
        }[];
        readonly gross: Money;
        readonly net: Money;
        readonly cashable: Money;
        readonly costs: Money;
        readonly presentCosts: Money;
        readonly presentBenefits: Money;
        readonly netPresentValue: Money;
        /** Present benefits per pound of present cost, to 2 decimal places. */
        readonly benefitCostRatio: string | null;
        readonly returnOnInvestmentPercent: string | null;
        readonly paybackYear: string | null;
    } | null;
    readonly source: SourceRange | null;
}

export interface ApprovalData {
    readonly partner: string;
    readonly approver: string;
    readonly date: string;
    readonly fingerprint: string;
    readonly stale: boolean;
    /** The SSH signature recorded (base64), or null for an unsigned approval. */
    readonly signature: string | null;
    /** `unsigned`; `verified` against the allowed signers; `refused` (malformed, not verifying, or a key not allowed). */
    readonly signatureStatus: 'unsigned' | 'verified' | 'refused';
    readonly source: SourceRange | null;
}

export interface StatementData {
    readonly partner: string;
    readonly contributions: readonly { readonly pool: string; readonly year: string; readonly amount: Money }[];
    readonly totalContributed: Money;
    /** The partner's part of each share with an amount: for an overspend, what it bears once its cap applies (`beforeCap` when the cap cut it down). */
    readonly shares: readonly {
        readonly kind: string;
        readonly family: 'benefit' | 'risk';
        readonly subject: string;
        readonly amount: Money;
        readonly beforeCap: Money;
    }[];
    readonly totalReceived: Money;
    readonly totalBorne: Money;
}

export interface DiagnosticData {
    readonly file: string;
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly code: string;
    readonly message: string;
    readonly range: { readonly start: Position; readonly end: Position };
}

/** A diagnostic and the document it belongs to. */
export interface DocumentDiagnostic {
    readonly uri: string;
    readonly diagnostic: Diagnostic;
}

export interface ReportDataOptions {
    /** The version of the tool producing the report, printed in its fingerprint section. */
    readonly toolVersion: string;
    /**
     * The bytes of a source file as stored, for its SHA-256 (so it matches `sha256sum`). Without
     * it, the document's text is hashed as UTF-8.
     */
    readonly fileBytes?: (uri: string) => Uint8Array | undefined;
    /**
     * The changes since the last approved version, as the CLI finds them in git history. Without it
     * the report says what the text alone tells (no approval, or this version approved), or that
     * the history was not read.
     */
    readonly sinceApproved?: SinceApprovedData;
}

/** The diagnostics the validator left on the model's documents. */
export function documentDiagnostics(model: AgreementModel): DocumentDiagnostic[] {
    return model.documents.flatMap(document => (document.diagnostics ?? []).map(diagnostic => ({ uri: document.uri.toString(), diagnostic })));
}

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

function money(pence: bigint | undefined): Money {
    return pence === undefined ? null : penceToDecimalString(pence);
}

function amountOf(value: AmountValue | undefined): Money {
    return money(value?.pence);
}

/** Builds the plain data every output renders, from the model and the validator's diagnostics. */
export function buildReportData(
    model: AgreementModel,
    diagnostics: readonly DocumentDiagnostic[] = documentDiagnostics(model),
    options: ReportDataOptions
): ReportData {
    const rootDir = UriUtils.dirname(model.document.uri);
    const fileName = (document: LangiumDocument) => (document === model.document ? UriUtils.basename(document.uri) : UriUtils.relative(rootDir, document.uri));
    const fileNameOfUri = (uri: string) => {
        const document = model.documents.find(candidate => candidate.uri.toString() === uri);
        return document ? fileName(document) : uri;
    };
    const source = (node: AstNode | undefined): SourceRange | null => {
        const range = node?.$cstNode?.range;
        if (!node || !range) return null;
        return {
            file: fileName(AstUtils.getDocument(node)),
            start: { line: range.start.line + 1, column: range.start.character + 1 },
            end: { line: range.end.line + 1, column: range.end.character + 1 }
        };
    };
    const info = model.agreement;
    const agreement: AgreementData | null = info
        ? {
              title: info.title,
              reference: info.reference ?? null,
              status: info.status ?? null,
              version: info.version ?? null,
              period: info.period ? { first: yearLabel(info.period.first), last: yearLabel(info.period.last), years: info.period.years.map(yearLabel) } : null,
              host: info.host ? { id: info.host.id, name: info.host.partner?.name ?? null } : null,
              board: info.board ?? null,
              reviews: info.reviews.map(review => ({ date: review.date, note: review.note ?? null })),
              source: source(info.node)
          }
        : null;

    const pools = model.pools.map((pool): PoolData => poolData(pool, source));
    const unplacedSpend = model.spendBlocks.map(block => ({
        pool: block.poolId,
        year: yearText(block.year),
        spendLines: block.lines.map(line => spendLineData(line, source))
    }));
    const imports = model.imports.map((resolved): ImportData => ({
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a syntax error can leave out what the AST's type says is always there
        path: resolved.node.path ?? '',
        file: UriUtils.relative(rootDir, resolved.uri),
        status: resolved.status,
        source: source(resolved.node)
    }));
    const totals: TotalsData = {
        income: money(model.totals.income),
        money: moneyKinds(model.totals.money),
        spend: money(model.totals.spend),
        byYear: [...model.totals.byYear].map(([start, pence]) => ({ year: yearLabel(start), amount: money(pence) })),
        byPartner: [...model.totals.byPartner].map(([partner, pence]) => ({ partner, amount: money(pence) })),
        byPartnerAndYear: [...model.totals.byPartnerAndYear].flatMap(([partner, years]) =>
            [...years].map(([start, pence]) => ({ partner, year: yearLabel(start), amount: money(pence) }))
        )
    };

    const outcomes = model.outcomes.map(outcome => outcomeData(outcome, source));
    const shares = model.shares.map(share => shareData(share, source));
    const savings = model.savings.map((entry): SavingsData => ({
        pool: entry.poolId,
        lines: entry.lines.map(line => ({
            partner: line.partnerId,
            year: line.year === undefined ? line.node.$container.year : yearLabel(line.year),
            amount: amountOf(line.amount),
            note: line.note ?? null
        })),
        byYear: [...entry.byYear].map(([start, pence]) => ({ year: yearLabel(start), amount: money(pence) })),
        byPartner: [...entry.byPartner].map(([partner, pence]) => ({ partner, amount: money(pence) })),
        total: money(entry.total),
        investment: money(entry.pool?.income),
        netBenefit: money(entry.netBenefit),
        netBenefitOfNewMoney: money(entry.netBenefitOfNewMoney),
        paybackYear: entry.paybackYear === undefined ? null : yearLabel(entry.paybackYear),
        returnPerPound: entry.returnPerPound?.toDecimal(2) ?? null,
        source: source(entry.node)
    }));

    const unitCosts = model.unitCosts.map(cost => unitCostData(cost, fileName(cost.document)));
    const appraisals = model.appraisals.map(appraisal => appraisalData(appraisal, source));

    const approvals = model.approvals.map((approval): ApprovalData => ({
        partner: approval.partnerId,
        approver: approval.approver,
        date: approval.date,
        fingerprint: approval.fingerprint,
        stale: approval.stale,
        signature: approval.signature ?? null,
        signatureStatus: approval.signatureStanding.status,
        source: source(approval.node)
    }));

    const statements = partnerStatements(model).map((statement): StatementData => ({
        partner: statement.partnerId,
        contributions: statement.contributions.map(entry => ({ pool: entry.poolId, year: yearLabel(entry.year), amount: money(entry.pence) })),
        totalContributed: money(statement.totalContributed),
        shares: statement.shares.map(entry => ({
            kind: entry.share.kind,
            family: entry.share.family,
            subject: entry.share.subjectId,
            amount: money(entry.pence),
            beforeCap: money(entry.beforeCap)
        })),
        totalReceived: money(statement.totalReceived),
        totalBorne: money(statement.totalBorne)
    }));

    const reported: DiagnosticData[] = diagnostics
        .map(({ uri, diagnostic }) => ({
            file: fileNameOfUri(uri),
            severity: SEVERITIES[diagnostic.severity ?? 1],
            code: String(diagnostic.code ?? 'unknown'),
            message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
            range: {
                start: { line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1 },
                end: { line: diagnostic.range.end.line + 1, column: diagnostic.range.end.character + 1 }
            }
        }))
        .sort(
            (a, b) =>
                compareText(a.file, b.file) ||
                a.range.start.line - b.range.start.line ||
                a.range.start.column - b.range.start.column ||
                compareText(a.code, b.code)
        );
    const errors = reported.filter(entry => entry.severity === 'error').length;
    const warnings = reported.filter(entry => entry.severity === 'warning').length;

    const encoder = new TextEncoder();
    return {
        $schema: AGREEMENT_JSON_SCHEMA_ID,
        schemaVersion: 4,
        tool: { name: 'pool', version: options.toolVersion },
        file: fileName(model.document),
        currency: model.currency,
        agreement,
        fingerprint: {
            agreement: model.fingerprint,
            files: model.documents.map(document => ({
                file: fileName(document),
                sha256: sha256Hex(options.fileBytes?.(document.uri.toString()) ?? encoder.encode(document.textDocument.getText()))
            }))
        },
        imports,
        partners: [...model.partners.values()].map(partner => ({
            id: partner.id,
            name: partner.name,
            kind: partner.kind ?? null,
            file: fileName(partner.document),
            source: source(partner.node)
        })),
        pools,
        unplacedSpend,
        totals,
        outcomes,
        shares,
        savings,
        unitCosts,
        appraisals,
        approvals,
        signOff: { required: [...model.signOff.required], approved: [...model.signOff.approved], missing: [...model.signOff.missing] },
        statements,
        diagnostics: reported,
        verdict: { errors, warnings, passed: errors === 0 },
        sinceApproved: options.sinceApproved ?? approvedVersionInText(model) ?? { status: 'history-not-read' }
    };
}

/** Locale-independent ordering, so output never depends on the machine's language. */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function poolData(pool: PoolInfo, source: (node: AstNode | undefined) => SourceRange | null): PoolData {
    return {
        id: pool.id,
        title: pool.title,
        arrangement: pool.arrangement ?? null,
        section: pool.section ?? null,
        basis: pool.basisText ?? null,
        years: [...pool.years.values()].map((figures): PoolYearData => ({
            year: yearLabel(figures.year),
            contributions: figures.contributions.map(contribution => ({
                partner: contribution.partnerId,
                amount: amountOf(contribution.amount),
                stream: contribution.streamId ?? null,
                money: contribution.money ?? null,
                note: contribution.note ?? null,
                source: source(contribution.node)
            })),
            byPartner: [...figures.byPartner].map(([partner, pence]) => ({ partner, amount: money(pence) })),
            income: money(figures.income),
            declaredTotals: figures.declaredTotals.map(total => amountOf(total.amount)),
            spendLines: figures.spendLines.map(line => spendLineData(line, source)),
            spend: money(figures.spend),
            balance: money(figures.balance),
            ringfenced:
                figures.ringfences.length > 0
                    ? { fenced: money(figures.fenced), unfenced: money(figures.unfenced), untaggedSpend: money(figures.untaggedSpend) }
                    : null,
            money: moneyKinds(figures.money)
        })),
        byPartner: [...pool.byPartner].map(([partner, pence]) => ({ partner, amount: money(pence) })),
        income: money(pool.income),
        spend: money(pool.spend),
        declaredTotals: pool.declaredTotals.map(total => amountOf(total.amount)),
        minimums: pool.minimums.map(minimum => ({
            partner: minimum.partnerId,
            year: yearText(minimum.year),
            amount: amountOf(minimum.amount),
            contributed: money(minimum.contributed),
            shortfall: money(minimum.shortfall),
            met: minimum.shortfall === undefined ? null : minimum.shortfall === 0n,
            source: source(minimum.node)
        })),
        ringfences: pool.ringfences.map(ringfence => ({
            id: ringfence.id,
            purpose: ringfence.purpose ?? null,
            year: yearText(ringfence.year),
            amount: amountOf(ringfence.amount),
            spent: money(ringfence.taggedSpend),
            shortfall: money(ringfence.shortfall),
            met: ringfence.shortfall === undefined ? null : ringfence.shortfall === 0n,
            source: source(ringfence.node)
        })),
        streams: pool.streams.map(stream => streamData(stream, source)),
        purposes: pool.purposes.map(purpose => ({ id: purpose.id, title: purpose.title, source: source(purpose.node) })),
        spendMinimums: pool.spendMinimums.map(minimum => ({
            stream: minimum.streamId,
            purpose: minimum.purposeId,
            year: yearText(minimum.year),
            amount: amountOf(minimum.amount),
            spent: money(minimum.spent),
            shortfall: money(minimum.shortfall),
            met: minimum.shortfall === undefined ? null : minimum.shortfall === 0n,
            source: source(minimum.node)
        })),
        spendByCommissioner: pool.spendByCommissioner.map(partySpend),
        spendByProvider: pool.spendByProvider.map(partySpend),
        money: moneyKinds(pool.money),
        contents: pool.contents.map(item => ({ topic: item.topic, text: item.text, source: source(item.node) })),
        source: source(pool.node)
    };
}

function partySpend(party: PartySpend): PartySpendData {
    return { partner: party.partnerId ?? null, alone: money(party.alone), jointly: money(party.jointly) };
}

function moneyKinds(kinds: MoneyKinds): MoneyKindsData {
    return { new: money(kinds.new), existing: money(kinds.existing), unmarked: money(kinds.unmarked) };
}

function streamData(stream: StreamInfo, source: (node: AstNode | undefined) => SourceRange | null): StreamData {
    return {
        id: stream.id,
        title: stream.title,
        minimums: stream.declaredMinimums.map(minimum => ({ year: yearText(minimum.year), amount: amountOf(minimum.amount), source: source(minimum.node) })),
        uplifts: stream.uplifts.map(uplift => ({
            year: yearText(uplift.year),
            percent: uplift.points?.toDecimal(4) ?? null,
            rounding: uplift.rounding,
            base: money(uplift.base),
            exactPence: uplift.exact?.toDecimal(6) ?? null,
            computed: money(uplift.computed),
            declared: uplift.declared ? amountOf(uplift.declared.amount) : null,
            source: source(uplift.node)
        })),
        years: [...stream.years.values()].map(figures => ({
            year: yearLabel(figures.year),
            minimum: money(figures.minimum?.pence),
            minimumSource: figures.minimum?.source ?? null,
            income: money(figures.income),
            shortfall: money(figures.shortfall),
            spend: money(figures.spend),
            balance: money(figures.balance)
        })),
        income: money(stream.income),
        source: source(stream.node)
    };
}

/** A year as a label, or as written when it is not a financial year. */
function yearText(year: YearValue): string {
    return year.start === undefined ? year.parsed.text : yearLabel(year.start);
}

function spendLineData(line: SpendLineInfo, source: (node: AstNode | undefined) => SourceRange | null): SpendLineData {
    return {
        name: line.name,
        amount: amountOf(line.amount),
        commissioners: [...line.commissioners],
        providers: [...line.providers],
        ringfence: line.ringfence ?? null,
        ringfenceTags: [...line.ringfenceTags],
        funding: line.funding.map(share => ({ stream: share.streamId, percent: share.points?.toDecimal(4) ?? null, amount: money(share.pence) })),
        purposes: [...line.purposeTags],
        source: source(line.node)
    };
}

function paymentData(payment: PaymentInfo): PaymentData {
    return {
        rate: amountOf(payment.rate),
        per: payment.unitName,
        cap: payment.cap ? amountOf(payment.cap) : null,
        atTarget: money(payment.paymentAtTarget),
        payable: money(payment.payable),
        splits: payment.splits.map(split => ({
            year: yearText(split.year),
            upfront: split.upfront?.toDecimal(4) ?? null,
            results: split.results?.toDecimal(4) ?? null
        })),
        schedule: payment.schedule.map(entry => ({
            year: yearLabel(entry.year),
            units: entry.units.toDecimal(4),
            amount: money(entry.amount),
            upfront: money(entry.upfront),
            results: money(entry.results)
        }))
    };
}

function cohortData(cohort: CohortInfo, source: (node: AstNode | undefined) => SourceRange | null): CohortData {
    const count = (value: Rational | undefined) => value?.toDecimal(4) ?? null;
    return {
        rate: amountOf(cohort.rate),
        per: cohort.unitName,
        cap: cohort.cap ? amountOf(cohort.cap) : null,
        attached: count(cohort.attached),
        maximum: money(cohort.maximum),
        upfront: money(cohort.upfront),
        results: money(cohort.results),
        payable: money(cohort.payable),
        claimed: count(cohort.claimed),
        earned: money(cohort.earned),
        years: cohort.years.map(year => ({
            year: yearText(year.year),
            attached: count(year.attached),
            upfrontPercent: year.upfrontPoints?.toDecimal(4) ?? null,
            resultsPercent: year.resultsPoints?.toDecimal(4) ?? null,
            total: money(year.total),
            upfront: money(year.upfront),
            results: money(year.results),
            turnedAround: count(year.turnedAround),
            earned: money(year.earned),
            source: source(year.node)
        }))
    };
}

function unitCostData(cost: UnitCostInfo, file: string): UnitCostData {
    return {
        id: cost.id,
        description: cost.description,
        agency: cost.agency ?? null,
        saving: amountOf(cost.saving),
        per: cost.unitName ?? null,
        cashable: money(cost.cashable),
        citation: cost.source ?? null,
        priceYear: cost.priceYear ? yearText(cost.priceYear) : null,
        illustrative: cost.illustrative,
        file
    };
}

function appraisalData(appraisal: AppraisalInfo, source: (node: AstNode | undefined) => SourceRange | null): AppraisalData {
    const percent = (value: Rational | undefined) => value?.toDecimal(4) ?? null;
    const count = (value: Rational) => value.toDecimal(4);
    const figures = appraisal.figures;
    return {
        pool: appraisal.poolId,
        cohorts: appraisal.cohorts.map(cohort => ({ year: yearText(cohort.year), size: cohort.size ? count(cohort.size) : null })),
        engagementPercent: percent(appraisal.rates.get('engagement')?.points),
        successPercent: percent(appraisal.rates.get('success')?.points),
        deadweightPercent: percent(appraisal.rates.get('deadweight')?.points),
        optimismBiasPercent: percent(appraisal.rates.get('optimism')?.points),
        discountPercent: percent(appraisal.discount.points),
        discountDefault: appraisal.discount.node === undefined,
        benefitYears: appraisal.duration ? count(appraisal.duration) : null,
        savings: appraisal.savings.map(line => ({ unitCost: line.unitCostId, partner: line.partnerId, perSuccess: line.count ? count(line.count) : null })),
        returns: appraisal.returns.map(clause => ({
            partner: clause.partnerId,
            percent: percent(clause.points),
            cashableOnly: clause.cashableOnly,
            to: clause.recipientId ?? null,
            proRata: clause.proRata,
            amount: money(figures?.returns.find(figure => figure.node === clause.node)?.amount)
        })),
        figures: figures
            ? {
                  baseYear: yearLabel(figures.baseYear),
                  years: figures.years.map(year => ({
                      year: yearLabel(year.year),
                      discountFactor: year.discountFactor.toDecimal(6, 6),
                      successes: count(year.successes),
                      netSuccesses: count(year.netSuccesses),
                      cost: money(year.cost),
                      presentCost: money(year.presentCost),
                      gross: money(year.gross),
                      net: money(year.net),
                      cashable: money(year.cashable),
                      discounted: money(year.discounted)
                  })),
                  lines: figures.lines.map(line => ({
                      unitCost: line.unitCostId,
                      partner: line.partnerId,
                      years: line.byYear.map(cell => ({
                          year: yearLabel(cell.year),
                          gross: money(cell.gross),
                          net: money(cell.net),
                          cashable: money(cell.cashable),
                          discounted: money(cell.discounted)
                      })),
                      net: money(line.net),
                      discounted: money(line.discounted)
                  })),
                  partners: figures.partners.map(partner => ({
                      partner: partner.partnerId,
                      presentCost: money(partner.presentCost),
                      benefitBefore: money(partner.benefitBefore),
                      benefitAfter: money(partner.benefitAfter),
                      costSharePercent: percent(partner.costShare),
                      benefitSharePercentBefore: percent(partner.benefitShareBefore),
                      benefitSharePercentAfter: percent(partner.benefitShareAfter)
                  })),
                  gross: money(figures.gross),
                  net: money(figures.net),
                  cashable: money(figures.cashable),
                  costs: money(figures.costs),
                  presentCosts: money(figures.presentCosts),
                  presentBenefits: money(figures.presentBenefits),
                  netPresentValue: money(figures.netPresentValue),
                  benefitCostRatio: figures.benefitCostRatio?.toDecimal(2, 2) ?? null,
                  returnOnInvestmentPercent: percent(figures.returnOnInvestment),
                  paybackYear: figures.paybackYear === undefined ? null : yearLabel(figures.paybackYear)
              }
            : null,
        source: source(appraisal.node)
    };
}

function quantity(value: QuantityValue | undefined): QuantityData | null {
    if (!value?.value || value.year.start === undefined) return null;
    return { value: formatQuantity(value.value, value.isPercent), year: yearLabel(value.year.start) };
}

function actualData(actual: ActualInfo, source: (node: AstNode | undefined) => SourceRange | null): ActualData {
    return {
        period: actual.year.start === undefined ? actual.text : periodLabel(actual.year.start, actual.quarter),
        value: actual.value ? formatQuantity(actual.value, actual.isPercent) : actual.text,
        expected: actual.expected ? formatQuantity(actual.expected, actual.isPercent) : null,
        progressPercent: actual.progress ? actual.progress.mul(Rational.of(100)).toDecimal(1) : null,
        rag: actual.rag ?? null,
        unitsAchieved: actual.unitsAchieved ? formatQuantity(actual.unitsAchieved) : null,
        earned: money(actual.earned),
        source: source(actual.node)
    };
}

/** The end of a period as a year fraction for chart positions: 2015/16 Q2 ends at 2015.5. */
function chartPosition(quarters: number): number {
    return quarters / 4;
}

function outcomeData(outcome: OutcomeInfo, source: (node: AstNode | undefined) => SourceRange | null): OutcomeData {
    const baseline = outcome.baseline;
    const target = outcome.target;
    let chart: OutcomeChartData | null = null;
    if (baseline?.value && target?.value && baseline.year.start !== undefined && target.year.start !== undefined) {
        chart = {
            baseline: { at: chartPosition(baseline.year.start * 4 + 4), value: toChartNumber(baseline.value), label: yearLabel(baseline.year.start) },
            target: { at: chartPosition(target.year.start * 4 + 4), value: toChartNumber(target.value), label: yearLabel(target.year.start) },
            actuals: outcome.actuals.flatMap(actual =>
                actual.value && actual.end !== undefined && actual.year.start !== undefined
                    ? [
                          {
                              at: chartPosition(actual.end),
                              value: toChartNumber(actual.value),
                              label: periodLabel(actual.year.start, actual.quarter),
                              rag: actual.rag ?? null
                          }
                      ]
                    : []
            )
        };
    }
    const payment = outcome.payment;
    return {
        id: outcome.id,
        description: outcome.description,
        unit: outcome.unit ?? null,
        baseline: quantity(baseline),
        target: quantity(target),
        direction: outcome.direction ?? null,
        measuredBy: outcome.measuredBy ?? null,
        payment: payment ? paymentData(payment) : null,
        cohort: outcome.cohort ? cohortData(outcome.cohort, source) : null,
        actuals: outcome.actuals.map(actual => actualData(actual, source)),
        chart,
        source: source(outcome.node)
    };
}

/** A chart needs a position, not an exact figure: the value to 4 decimal places. */
function toChartNumber(value: { toDecimal(places: number): string }): number {
    return Number(value.toDecimal(4));
}

function shareData(share: ShareInfo, source: (node: AstNode | undefined) => SourceRange | null): ShareData {
    const subject =
        share.subject?.kind === 'pool'
            ? { kind: 'pool' as const, id: share.subject.pool.id, title: share.subject.pool.title }
            : share.subject?.kind === 'outcome'
              ? { kind: 'outcome' as const, id: share.subject.outcome.id, title: share.subject.outcome.description }
              : null;
    return {
        kind: share.kind,
        family: share.family,
        subject,
        proRata: share.proRata,
        base: share.base
            ? {
                  amount: money(share.base.pence),
                  basis: SHARE_BASIS_IN_JSON[share.base.basis],
                  description: render(share.base.description, 'en')
              }
            : null,
        covering: share.covering ? amountOf(share.covering) : null,
        lines: share.lines.map((line, index) => ({
            partner: line.partnerId,
            percent: line.points?.toDecimal(4) ?? null,
            amount: share.pounds ? money(share.pounds.byLine[index]) : null,
            cap: line.cap ? amountOf(line.cap) : null,
            borne: share.liabilities ? money(share.liabilities.byLine[index]) : null,
            capped: share.liabilities?.capped[index] ?? false
        })),
        reinvest:
            share.reinvest && !share.reinvest.isZero()
                ? { percent: share.reinvest.toDecimal(4), amount: share.pounds ? money(share.pounds.reinvested) : null }
                : null,
        uncovered: share.liabilities ? money(share.liabilities.uncovered) : null,
        example: share.example
            ? {
                  amount: penceToDecimalString(share.example.pence),
                  lines: share.lines.map((line, index) => ({
                      partner: line.partnerId,
                      amount: penceToDecimalString(share.example?.byLine[index] ?? 0n),
                      borne: share.example?.liabilities ? penceToDecimalString(share.example.liabilities.byLine[index] ?? 0n) : null
                  })),
                  reinvested: penceToDecimalString(share.example.reinvested),
                  uncovered: share.example.liabilities ? penceToDecimalString(share.example.liabilities.uncovered) : null
              }
            : null,
        totalPercent: share.totalPoints?.toDecimal(4) ?? null,
        source: source(share.node)
    };
}
