// Long: every figure the model computes, one interface per part of an agreement, each field documented where a reader of the model looks.
import type { Message } from '../i18n/index.js';
import type { AstNode, LangiumDocument } from 'langium';
import type * as ast from '../generated/ast.js';
import type { Currency, ParsedAmount } from '../money/amount.js';
import type { ParsedYear } from '../money/financial-year.js';
import type { Rational } from '../money/rational.js';
import type { AllowedSigners } from './allowed-signers.js';
import type { SignatureStanding } from './approval-message.js';
import type { ResolvedImport } from './imports.js';

/**
 * The computed model of one agreement: what the text means, with every figure computed once,
 * exactly. Checks, hovers, inlay hints, the JSON and the reports read their figures from here.
 *
 * Money is BigInt pence. A figure is `undefined` when it cannot be known exactly because an
 * amount it depends on is malformed (that amount gets a `bad-amount` error; checks that need the
 * figure stay silent until it is fixed, rather than reporting a second, misleading error).
 */
export interface AgreementModel {
    /** The document the model is for. */
    readonly document: LangiumDocument<ast.Document>;
    /** That document and every document it imports, transitively, each once. */
    readonly documents: readonly LangiumDocument<ast.Document>[];
    /** The imports written in this document, with the cycle each one closes, if any. */
    readonly imports: readonly ImportInfo[];
    /**
     * Whether an import of this document or of a file it imports could not be read (not there,
     * not text, out of reach): what it would have declared is unknown, so a name it may have
     * declared is not reported again as unknown: the import's own error is the one cause.
     */
    readonly importsUnread: boolean;
    /** The agreement header of this document, if it has one (a register of partners has none). */
    readonly agreement: AgreementInfo | undefined;
    /** Every header written in this document (more than one is an error). */
    readonly agreementNodes: readonly ast.Agreement[];
    readonly currency: Currency;
    /** Every id declared in this document or its imports, with each place it is declared. */
    readonly declarations: ReadonlyMap<string, readonly Declaration[]>;
    /** Partners by id: the first declaration of each id wins. */
    readonly partners: ReadonlyMap<string, PartnerInfo>;
    readonly pools: readonly PoolInfo[];
    readonly poolsById: ReadonlyMap<string, PoolInfo>;
    readonly outcomes: readonly OutcomeInfo[];
    readonly outcomesById: ReadonlyMap<string, OutcomeInfo>;
    readonly shares: readonly ShareInfo[];
    readonly savings: readonly SavingsInfo[];
    /** Unit costs declared in this document or its imports (a register of unit costs is imported). */
    readonly unitCosts: readonly UnitCostInfo[];
    readonly unitCostsById: ReadonlyMap<string, UnitCostInfo>;
    /** Cost-benefit appraisals written in this document. */
    readonly appraisals: readonly AppraisalInfo[];
    /** Spend blocks whose pool is unknown: their lines cannot be placed against any income. */
    readonly spendBlocks: readonly SpendBlockInfo[];
    /** Figures across all pools. */
    readonly totals: AgreementTotals;
    /** Every amount read while building the model, for the bad-amount check. */
    readonly amounts: readonly AmountValue[];
    /** Every financial year read while building the model, for the bad-financial-year check. */
    readonly years: readonly YearValue[];
    /** The fingerprint of the text of this document and its imports, which approvals record. */
    readonly fingerprint: string;
    /** Approvals written in this document, each checked against the fingerprint. */
    readonly approvals: readonly ApprovalInfo[];
    /**
     * The allowed-signers file that signed approvals are checked against, as the CLI or the
     * language server read it for this document; absent when there is none.
     */
    readonly allowedSigners: AllowedSigners | undefined;
    /** Whose approval the agreement's status calls for, and who has given it for the current text. */
    readonly signOff: SignOffInfo;
    /**
     * Every place the agreement (with its imports) names a partner, by the id written, in the
     * order of the text: contributions, minimums, spend lines, outcomes, shares, savings, approvals
     * and the host. An id no partner declares is here too (that is `unknown-reference`'s business).
     */
    readonly partnerUses: ReadonlyMap<string, readonly PartnerUse[]>;
}

/** What a partner does where the text names it. */
export type PartnerRole = 'host' | 'contributor' | 'minimum' | 'commissioner' | 'provider' | 'measurer' | 'share' | 'savings' | 'appraisal' | 'approval';

export interface PartnerUse {
    readonly role: PartnerRole;
    /** The node whose reference names the partner. */
    readonly node: AstNode;
}

/**
 * Sign-off: every partner that contributes to a pool of the agreement must approve its current
 * text before the agreement can say `status signed`.
 */
export interface SignOffInfo {
    /** Partners contributing a known, non-zero amount to any pool, in declaration order of their first contribution. */
    readonly required: readonly string[];
    /** Partners with an approval of the current text (not stale). */
    readonly approved: readonly string[];
    /** Required partners without a current approval, in the order of `required`. */
    readonly missing: readonly string[];
}

export interface ApprovalInfo {
    readonly node: ast.Approval;
    readonly partnerId: string;
    /** The person or role who approved. */
    readonly approver: string;
    readonly date: string;
    readonly fingerprint: string;
    /** The `sshsig` signature over the approval (base64, as recorded), when it is signed. */
    readonly signature: string | undefined;
    /** True when the text has changed since: the fingerprint approved is not the current one. */
    readonly stale: boolean;
    /**
     * The signature checked against the model's allowed signers, over the approval's own
     * fingerprint, partner, approver and date: unsigned, verified, or refused with the reason.
     * Worked out once, when first read; the approval-signature check, the hover and the reports
     * all read this verdict.
     */
    readonly signatureStanding: SignatureStanding;
}

export interface ImportInfo extends ResolvedImport {
    /** When following this import leads back here: the files on the way, ending with this one. */
    readonly cycle?: readonly LangiumDocument[];
}

export interface Declaration {
    readonly id: string;
    readonly kind: 'partner' | 'pool' | 'outcome' | 'unit-cost';
    readonly node: ast.Partner | ast.Pool | ast.Outcome | ast.UnitCost;
    readonly document: LangiumDocument;
}

export interface AmountValue {
    /** The amount as written; when the text has no amount where one belongs, the node that lacks it. */
    readonly node: AstNode;
    readonly parsed: ParsedAmount;
    /** Exact pence, when the amount is usable: well formed, not negative, in the agreement's currency. */
    readonly pence: bigint | undefined;
    /** Why it is not usable (worded in i18n/en.ts); empty when it is. */
    readonly problems: readonly Message[];
}

export interface YearValue {
    readonly node: AstNode;
    readonly property: string;
    readonly parsed: ParsedYear;
    /** The starting calendar year (2013 for 2013/14), when well formed. */
    readonly start: number | undefined;
}

export interface AgreementInfo {
    readonly node: ast.Agreement;
    readonly title: string;
    readonly reference?: string;
    readonly status?: ast.Status;
    readonly period?: PeriodInfo;
    readonly periodNode?: ast.PeriodField;
    readonly currency: Currency;
    readonly host?: HostInfo;
    /** The version the partners call this text, as written (`version "1.2"`); the fingerprint identifies the text exactly. */
    readonly version?: string;
    readonly board?: string;
    readonly reviews: readonly { date: string; note?: string; node: ast.ReviewField }[];
    /** Header fields grouped by keyword, to find fields written twice. */
    readonly fieldsByKeyword: ReadonlyMap<string, readonly ast.AgreementField[]>;
}

export interface PeriodInfo {
    readonly first: number;
    readonly last: number;
    /** Every financial year of the period, in order. */
    readonly years: readonly number[];
}

export interface HostInfo {
    readonly id: string;
    readonly partner: PartnerInfo | undefined;
    readonly node: ast.HostField;
}

export interface PartnerInfo {
    readonly id: string;
    readonly name: string;
    /** Missing only where a syntax error cut the declaration short (reported as such). */
    readonly kind: ast.PartnerKind | undefined;
    readonly node: ast.Partner;
    readonly document: LangiumDocument;
}

export interface ContributionInfo {
    readonly node: ast.Contribution;
    readonly partnerId: string;
    readonly year: number | undefined;
    readonly amount: AmountValue;
    readonly note?: string;
    /** The funding stream it belongs to (`from nhs_minimum`), as written. */
    readonly streamId?: string;
    /** New money, or an existing budget brought into the pool; undefined where the text does not say. */
    readonly money?: ast.MoneyKind;
    /** Which of the partner's lines in this pool and year this is (0 for the first), so versions can be matched line by line. */
    readonly occurrence: number;
}

/** Contributions marked as new money and as existing budgets, and what is not marked either way. */
export interface MoneyKinds {
    readonly new: bigint | undefined;
    readonly existing: bigint | undefined;
    readonly unmarked: bigint | undefined;
}

export interface DeclaredTotal {
    readonly node: ast.YearTotal | ast.PoolTotal;
    readonly amount: AmountValue;
}

/** One `2013/14 { … }` block of a pool as written. */
export interface PoolYearBlock {
    readonly node: ast.PoolYear;
    readonly year: YearValue;
    readonly contributions: readonly ContributionInfo[];
    readonly declaredTotals: readonly DeclaredTotal[];
}

/** Everything about one pool in one financial year, across all the blocks that mention it. */
export interface PoolYearFigures {
    readonly year: number;
    readonly contributions: readonly ContributionInfo[];
    /** Sum of the contributions. */
    readonly income: bigint | undefined;
    readonly declaredTotals: readonly DeclaredTotal[];
    readonly byPartner: ReadonlyMap<string, bigint | undefined>;
    readonly spendLines: readonly SpendLineInfo[];
    /** Sum of the spend lines; zero when there are none. */
    readonly spend: bigint | undefined;
    /** Income less spend, when the pool has spend lines this year. */
    readonly balance: bigint | undefined;
    /** The pool's ring-fences for this year. */
    readonly ringfences: readonly RingFenceInfo[];
    /** Sum of this year's ring-fenced amounts; zero when there are none. */
    readonly fenced: bigint | undefined;
    /** Income less the ring-fenced amounts: the money free for lines not paid from a ring-fence. */
    readonly unfenced: bigint | undefined;
    /** Spend lines this year that are not paid from one of this year's ring-fences. */
    readonly untaggedLines: readonly SpendLineInfo[];
    readonly untaggedSpend: bigint | undefined;
    /** The year's contributions split into new money, existing budgets and unmarked. */
    readonly money: MoneyKinds;
}

export interface PoolInfo {
    readonly node: ast.Pool;
    readonly document: LangiumDocument;
    readonly id: string;
    readonly title: string;
    /** Missing only where a syntax error cut the declaration short (reported as such). */
    readonly arrangement: ast.Arrangement | undefined;
    /** `under section 75` → 75. */
    readonly section?: number;
    /** `under "…"`. */
    readonly basisText?: string;
    readonly blocks: readonly PoolYearBlock[];
    /** Figures per financial year, in year order, for every year with contributions or spend. */
    readonly years: ReadonlyMap<number, PoolYearFigures>;
    readonly contributions: readonly ContributionInfo[];
    /** Sum of all contributions over all years. */
    readonly income: bigint | undefined;
    /** Each partner's contributions over all years. */
    readonly byPartner: ReadonlyMap<string, bigint | undefined>;
    /** Overall totals declared at pool level. */
    readonly declaredTotals: readonly DeclaredTotal[];
    readonly spendBlocks: readonly SpendBlockInfo[];
    /** Sum of all spend lines over all years. */
    readonly spend: bigint | undefined;
    readonly minimums: readonly MinimumInfo[];
    readonly ringfences: readonly RingFenceInfo[];
    /** Funding streams, with their minimums, uplifts and figures per year. */
    readonly streams: readonly StreamInfo[];
    readonly purposes: readonly { readonly node: ast.Purpose; readonly id: string; readonly title: string }[];
    /** Minimum spends of a stream on a purpose. */
    readonly spendMinimums: readonly SpendMinimumInfo[];
    /** All contributions split into new money, existing budgets and unmarked. */
    readonly money: MoneyKinds;
    /** The pool's spend over all years by the partner that commissions each line, in the order partners are first named; lines naming none last. */
    readonly spendByCommissioner: readonly PartySpend[];
    /** The same by the partner that provides each line. */
    readonly spendByProvider: readonly PartySpend[];
    /** What a section 75 pool sets out (regulation 7), by topic, in the order written. */
    readonly contents: readonly { readonly node: ast.S75Item; readonly topic: ast.S75Topic; readonly text: string }[];
}

/**
 * Spend lines of a pool by one partner named on them (as commissioner or provider): the lines it
 * is named on alone, and those it shares with other partners, each counted in full (no line is
 * divided between the partners named on it: the agreement does not say how). `partnerId` is
 * undefined for the lines that name no partner in that role.
 */
export interface PartySpend {
    readonly partnerId: string | undefined;
    readonly lines: readonly SpendLineInfo[];
    /** Lines naming this partner and no other. */
    readonly alone: bigint | undefined;
    /** Lines naming this partner with others, in full. */
    readonly jointly: bigint | undefined;
}

export interface StreamInfo {
    readonly node: ast.Stream;
    readonly id: string;
    readonly title: string;
    readonly poolId: string;
    /** Minimums written, in the order written. */
    readonly declaredMinimums: readonly StreamMinimumInfo[];
    readonly uplifts: readonly UpliftInfo[];
    /** The minimum the stream must bring in each year: computed by an uplift where there is one, else as written. */
    readonly minimums: ReadonlyMap<number, RequiredMinimum>;
    /** Each year the stream brings money in or pays for spending. */
    readonly years: ReadonlyMap<number, StreamYearFigures>;
    /** What the stream brings in over all years. */
    readonly income: bigint | undefined;
}

export interface StreamMinimumInfo {
    readonly node: ast.StreamMinimum;
    readonly amount: AmountValue;
    readonly year: YearValue;
}

export type UpliftRounding = ast.Rounding;

export interface UpliftInfo {
    readonly node: ast.Uplift;
    /** The uplift in percentage points (`5.66%` is 5.66). */
    readonly points: Rational | undefined;
    readonly year: YearValue;
    /** To the penny (the default) or to the pound, halves up. */
    readonly rounding: UpliftRounding;
    /** The year before's minimum, which is uplifted; undefined when that year has none. */
    readonly base: bigint | undefined;
    /** base × (1 + uplift), exactly, in pence. */
    readonly exact: Rational | undefined;
    /** The exact figure rounded by the rule. */
    readonly computed: bigint | undefined;
    /** A minimum written for the same year, which must equal the computed one. */
    readonly declared?: StreamMinimumInfo;
}

export interface RequiredMinimum {
    readonly year: number;
    readonly pence: bigint | undefined;
    readonly source: 'declared' | 'uplift';
    readonly declared?: StreamMinimumInfo;
    readonly uplift?: UpliftInfo;
}

export interface StreamYearFigures {
    readonly year: number;
    readonly contributions: readonly ContributionInfo[];
    readonly income: bigint | undefined;
    readonly minimum?: RequiredMinimum;
    /** How far the income falls short of the minimum; zero when it is met. */
    readonly shortfall: bigint | undefined;
    /** The part of each spend line paid from this stream. */
    readonly spendLines: readonly { readonly line: SpendLineInfo; readonly pence: bigint | undefined }[];
    readonly spend: bigint | undefined;
    /** Income less the spend paid from it, when any spend is. */
    readonly balance: bigint | undefined;
}

export interface SpendMinimumInfo {
    readonly node: ast.SpendMinimum;
    readonly amount: AmountValue;
    readonly streamId: string;
    readonly purposeId: string;
    readonly year: YearValue;
    /** Lines of that year, on that purpose, with the part of each paid from that stream. */
    readonly lines: readonly { readonly line: SpendLineInfo; readonly pence: bigint | undefined }[];
    readonly spent: bigint | undefined;
    readonly shortfall: bigint | undefined;
}

export interface SpendBlockInfo {
    readonly node: ast.SpendBlock;
    readonly poolId: string;
    readonly year: YearValue;
    readonly lines: readonly SpendLineInfo[];
}

export interface SpendLineInfo {
    readonly node: ast.SpendLine;
    readonly poolId: string;
    readonly name: string;
    readonly year: number | undefined;
    readonly amount: AmountValue;
    readonly commissioners: readonly string[];
    readonly providers: readonly string[];
    /** Every ring-fence the line is tagged with (`for dfg`), as written. */
    readonly ringfenceTags: readonly string[];
    /** The funding streams the line is paid from, with each one's percentage and part in pence. */
    readonly funding: readonly StreamFunding[];
    /** The purposes the line is tagged with (`on social_care`), as written. */
    readonly purposeTags: readonly string[];
    /**
     * The ring-fence the line is paid from: its one tag, when that names a ring-fence of the pool
     * for the line's year. A second tag, or a tag for another year, has no meaning and is an error
     * (`clause-not-applicable`), so the line then counts as untagged.
     */
    readonly ringfence?: string;
    /** Which line of that name in this pool and year this is (0 for the first), so versions can be matched line by line. */
    readonly occurrence: number;
}

export interface StreamFunding {
    readonly node: ast.StreamShare;
    readonly streamId: string;
    /** The percentage written; a line paid from one stream without one is 100%. */
    readonly points: Rational | undefined;
    /** This stream's part of the line: the line split by the percentages (largest remainder), when they make 100%. */
    readonly pence: bigint | undefined;
}

export interface MinimumInfo {
    readonly node: ast.Minimum;
    readonly partnerId: string;
    readonly amount: AmountValue;
    readonly year: YearValue;
    /** The partner's contribution lines to the pool in that year. */
    readonly lines: readonly ContributionInfo[];
    /** What the partner contributes to the pool in that year (zero when it has no line). */
    readonly contributed: bigint | undefined;
    /** How far the contribution falls short of the minimum; zero when it is met. */
    readonly shortfall: bigint | undefined;
}

export interface RingFenceInfo {
    readonly node: ast.RingFence;
    readonly id: string;
    readonly purpose?: string;
    readonly amount: AmountValue;
    readonly year: YearValue;
    /** Spend lines of the pool's same year paid from this ring-fence. */
    readonly taggedLines: readonly SpendLineInfo[];
    readonly taggedSpend: bigint | undefined;
    /** How far the tagged spend falls short of the ring-fenced amount; zero when it is met. */
    readonly shortfall: bigint | undefined;
}

export interface QuantityValue {
    readonly node: ast.BaselineField | ast.TargetField;
    readonly text: string;
    readonly value: Rational | undefined;
    readonly isPercent: boolean;
    readonly year: YearValue;
}

export interface OutcomeInfo {
    readonly node: ast.Outcome;
    readonly document: LangiumDocument;
    readonly id: string;
    readonly description: string;
    readonly unit?: string;
    readonly baseline?: QuantityValue;
    readonly target?: QuantityValue;
    readonly direction?: ast.Direction;
    readonly directionNode?: ast.DirectionField;
    readonly measuredBy?: string;
    readonly payment?: PaymentInfo;
    /** Payment by results for a cohort of families attached year by year. */
    readonly cohort?: CohortInfo;
    /** Measured values, in the order written; `latest` is the one for the latest period. */
    readonly actuals: readonly ActualInfo[];
    readonly latest?: ActualInfo;
    /** Fields grouped by keyword, to find fields written twice or not at all. */
    readonly fieldsByKeyword: ReadonlyMap<string, readonly ast.OutcomeField[]>;
}

/** RAG status of an actual against the straight-line trajectory from baseline to target. */
export type Rag = 'green' | 'amber' | 'red';

export interface ActualInfo {
    readonly node: ast.ActualField;
    readonly text: string;
    readonly value: Rational | undefined;
    readonly isPercent: boolean;
    readonly year: YearValue;
    /** 1 to 4, or undefined for a whole financial year. */
    readonly quarter: number | undefined;
    /** Why the quarter written is not a quarter. */
    readonly quarterProblem?: Message;
    /** The end of the period, in quarters since year 0 (see money/reporting-period.ts). */
    readonly end: number | undefined;
    /** Where the straight line from baseline to target says the value should be by then. */
    readonly expected: Rational | undefined;
    /** Improvement achieved as a fraction of the improvement expected by then (1 = on track). */
    readonly progress: Rational | undefined;
    readonly rag: Rag | undefined;
    /** Payment earned under payment by results at this value, capped, in pence. */
    readonly earned: bigint | undefined;
    /** The same before the cap. */
    readonly earnedBeforeCap: bigint | undefined;
    /** Units achieved in the outcome's direction (never negative). */
    readonly unitsAchieved: Rational | undefined;
}

export interface PaymentInfo {
    readonly node: ast.Payment;
    readonly rate: AmountValue;
    readonly unitName: string;
    readonly cap?: AmountValue;
    readonly splits: readonly PaymentSplitInfo[];
    /** Units achieved if the target is met exactly: |target − baseline|. */
    readonly unitsAtTarget: Rational | undefined;
    /** Payment if the target is met exactly, rounded to the penny, before any cap. */
    readonly paymentAtTarget: bigint | undefined;
    /** What meeting the target pays: the payment at target, no more than the cap. */
    readonly payable: bigint | undefined;
    /**
     * The payment schedule in pounds, one entry per year from the year after the baseline to the
     * target year: the payable amount spread over the years as the straight-line trajectory
     * spreads the units (largest-remainder rounding), each year's part divided into upfront and
     * results fees by that year's split (all results where no split is written). Empty when the
     * figures it needs are unknown.
     */
    readonly schedule: readonly PaymentYear[];
}

export interface PaymentYear {
    readonly year: number;
    /** Units the trajectory expects to be achieved in the year. */
    readonly units: Rational;
    readonly amount: bigint;
    /** Undefined when the year's split is written but does not make 100% (`pbr-split`). */
    readonly upfront: bigint | undefined;
    readonly results: bigint | undefined;
    /** The split written for the year, if any. */
    readonly split?: PaymentSplitInfo;
}

export interface CohortInfo {
    readonly node: ast.Cohort;
    /** The most paid for each family (or person) attached. */
    readonly rate: AmountValue;
    readonly unitName: string;
    readonly cap?: AmountValue;
    readonly years: readonly CohortYearInfo[];
    /** Families attached over all years. */
    readonly attached: Rational | undefined;
    /** The most the cohort can be paid: every family attached, turned around. */
    readonly maximum: bigint | undefined;
    readonly upfront: bigint | undefined;
    readonly results: bigint | undefined;
    /** The maximum, no more than the cap. */
    readonly payable: bigint | undefined;
    /** Families the latest actual says are turned around (units achieved in the outcome's direction). */
    readonly claimed: Rational | undefined;
    /** Results payments those families earn, attached years first; no more than the cap leaves after upfront payments. */
    readonly earned: bigint | undefined;
}

export interface CohortYearInfo {
    readonly node: ast.CohortYear;
    readonly year: YearValue;
    /** Families attached this year (a whole number). */
    readonly attached: Rational | undefined;
    /** Percentage points paid upfront on attachment; the rest is paid on results. */
    readonly upfrontPoints: Rational | undefined;
    readonly resultsPoints: Rational | undefined;
    /** attached × rate, split into the upfront and results parts (largest remainder). */
    readonly total: bigint | undefined;
    readonly upfront: bigint | undefined;
    readonly results: bigint | undefined;
    /** Families of this year's attachment the latest actual counts as turned around (earliest attachments first). */
    readonly turnedAround: Rational | undefined;
    /** The results part earned for them: their share of this year's results, to the penny (halves away from zero). */
    readonly earned: bigint | undefined;
}

export interface PaymentSplitInfo {
    readonly node: ast.PaymentSplit;
    readonly year: YearValue;
    readonly upfront: Rational | undefined;
    readonly results: Rational | undefined;
}

export type ShareFamily = 'benefit' | 'risk';

/**
 * What a share clause's amount is: an overspend or underspend of a pool, the projected savings of
 * a pool, or the results payments of an outcome. Messages choose their words with
 * `{basis, select, …}` over these values.
 */
export type ShareBasis = 'overspend' | 'underspend' | 'savings' | 'results';

export interface ShareInfo {
    readonly node: ast.Share;
    readonly kind: ast.ShareKind;
    /** Savings and benefits are benefit shares; overspends and underspends are risk shares. */
    readonly family: ShareFamily;
    readonly subjectId: string;
    readonly subject: { readonly kind: 'pool'; readonly pool: PoolInfo } | { readonly kind: 'outcome'; readonly outcome: OutcomeInfo } | undefined;
    readonly proRata: boolean;
    readonly lines: readonly ShareLineInfo[];
    readonly reinvestments: readonly { readonly node: ast.Reinvestment; readonly points: Rational | undefined }[];
    /** Percentage points reinvested in the pool. */
    readonly reinvest: Rational | undefined;
    /** The overspend (or underspend) the clause is written to cover (`covering £500,000`). */
    readonly covering?: AmountValue;
    /** Sum of every partner's share and the reinvestment, in percentage points. */
    readonly totalPoints: Rational | undefined;
    /**
     * The amount being shared, when the agreement states or implies one, and what it is
     * (`projected savings of £8,900,000`), to be worded in the reader's language with `render`.
     */
    readonly base?: { readonly pence: bigint; readonly basis: ShareBasis; readonly description: Message };
    /** Each line's share of `base` in pence (largest-remainder rounding), and the reinvested part. */
    readonly pounds?: { readonly byLine: readonly bigint[]; readonly reinvested: bigint };
    /**
     * For an overspend with an amount: what each line bears once caps apply (its share of `base`,
     * no more than its cap), and the part no cap covers. `byLine` + `uncovered` = `base`, to the penny.
     */
    readonly liabilities?: { readonly byLine: readonly bigint[]; readonly capped: readonly boolean[]; readonly uncovered: bigint };
    /**
     * The worked example: the clause applied to a round sum (`WORKED_EXAMPLE_PENCE`, £1,000,000)
     * with the same splitting as `pounds` and `liabilities` (largest remainder, once), so a reader
     * sees what each partner bears of an overspend of that size, with what no cap covers, or what
     * each receives of that much saved. Absent while the percentages do not make 100%.
     */
    readonly example?: {
        readonly pence: bigint;
        readonly byLine: readonly bigint[];
        readonly reinvested: bigint;
        /** For an overspend: what each line bears once caps apply, and the part no cap covers. */
        readonly liabilities?: { readonly byLine: readonly bigint[]; readonly capped: readonly boolean[]; readonly uncovered: bigint };
    };
}

export interface ShareLineInfo {
    /** The line as written; undefined for a partner that takes a pro-rata share without a line of its own. */
    readonly node: ast.ShareLine | undefined;
    readonly partnerId: string;
    /** Which line for the partner in this clause this is (0 for the first). */
    readonly occurrence: number;
    /** The percentage as written. */
    readonly written: Rational | undefined;
    /** The percentage that applies: as written, or computed pro rata to contributions. */
    readonly points: Rational | undefined;
    readonly cap?: AmountValue;
}

export interface SavingsInfo {
    readonly node: ast.Savings;
    readonly poolId: string;
    readonly pool: PoolInfo | undefined;
    readonly lines: readonly SavingsLineInfo[];
    /** Projected savings per financial year. */
    readonly byYear: ReadonlyMap<number, bigint | undefined>;
    /** Projected savings per partner over all years. */
    readonly byPartner: ReadonlyMap<string, bigint | undefined>;
    readonly total: bigint | undefined;
    /** Savings less the pool's contributions (the investment). */
    readonly netBenefit: bigint | undefined;
    /** Savings less only the new money put in, when contributions say which money is new. */
    readonly netBenefitOfNewMoney: bigint | undefined;
    /** The first year in which cumulative savings reach cumulative contributions. */
    readonly paybackYear: number | undefined;
    /** Savings per pound contributed. */
    readonly returnPerPound: Rational | undefined;
}

export interface SavingsLineInfo {
    readonly node: ast.SavingsLine;
    readonly partnerId: string;
    readonly year: number | undefined;
    readonly amount: AmountValue;
    readonly note?: string;
    /** Which of the partner's lines for this year this is (0 for the first). */
    readonly occurrence: number;
}

/** What one successful outcome saves one agency in a year. */
export interface UnitCostInfo {
    readonly node: ast.UnitCost;
    readonly document: LangiumDocument;
    readonly id: string;
    readonly description: string;
    readonly agency: string | undefined;
    /** The fiscal saving per success per year. */
    readonly saving: AmountValue | undefined;
    readonly unitName: string | undefined;
    readonly cashableNode: ast.CashableField | undefined;
    /** The cashable part as written (`cashable £780`); absent for a bare `cashable`. */
    readonly cashableAmount: AmountValue | undefined;
    /** The cashable part in pence: all of the saving for a bare `cashable`, none without the line. */
    readonly cashable: bigint | undefined;
    readonly source: string | undefined;
    readonly priceYear: YearValue | undefined;
    /** Marked as an illustrative figure, not a sourced one for a real business case. */
    readonly illustrative: boolean;
}

export type AppraisalRateKind = 'engagement' | 'success' | 'deadweight' | 'optimism';

export interface AppraisalSavingInfo {
    readonly node: ast.AppraisalSaving;
    readonly unitCostId: string;
    readonly unitCost: UnitCostInfo | undefined;
    /** How many of the unit cost each success saves a year (1 when none is written). */
    readonly count: Rational | undefined;
    readonly partnerId: string;
}

export interface BenefitReturnInfo {
    readonly node: ast.BenefitReturn;
    /** The partner that returns part of its saving. */
    readonly partnerId: string;
    readonly points: Rational | undefined;
    /** Only the cashable part of the saving is returned from. */
    readonly cashableOnly: boolean;
    readonly recipientId: string | undefined;
    readonly proRata: boolean;
}

export interface AppraisalInfo {
    readonly node: ast.Appraisal;
    readonly poolId: string;
    readonly pool: PoolInfo | undefined;
    readonly cohorts: readonly { readonly node: ast.AppraisalCohort; readonly year: YearValue; readonly size: Rational | undefined }[];
    readonly rates: ReadonlyMap<AppraisalRateKind, { readonly node: ast.AppraisalRate; readonly points: Rational | undefined }>;
    /** How many years a success keeps saving. */
    readonly duration: Rational | undefined;
    readonly durationNode: ast.BenefitDuration | undefined;
    /** The discount rate: as written, or the Green Book's 3.5% (then `node` is absent). */
    readonly discount: { readonly points: Rational | undefined; readonly node: ast.DiscountField | undefined };
    readonly savings: readonly AppraisalSavingInfo[];
    readonly returns: readonly BenefitReturnInfo[];
    /** The inputs not written: `cohort`, a rate kind, `duration` or `saving`. */
    readonly missing: readonly string[];
    /** The computed figures; absent while an input is missing, malformed or out of range. */
    readonly figures: AppraisalFigures | undefined;
}

export interface AppraisalYearFigures {
    readonly year: number;
    /** 1 / (1 + r)^t, t counted from the first year of the appraisal. */
    readonly discountFactor: Rational;
    /** Successes still saving this year (cohort × engagement × success, over the years a benefit lasts). */
    readonly successes: Rational;
    /** The same less deadweight. */
    readonly netSuccesses: Rational;
    readonly cost: bigint;
    readonly presentCost: bigint;
    readonly gross: bigint;
    readonly net: bigint;
    readonly cashable: bigint;
    readonly discounted: bigint;
}

export interface AppraisalLineFigures {
    readonly partnerId: string;
    readonly unitCostId: string;
    readonly byYear: readonly { readonly year: number; readonly gross: bigint; readonly net: bigint; readonly cashable: bigint; readonly discounted: bigint }[];
    /** The line's net and discounted benefits over all years (the sums of its rounded cells). */
    readonly net: bigint;
    readonly discounted: bigint;
}

export interface AppraisalPartnerFigures {
    readonly partnerId: string;
    /** What the partner puts into the pool each year (the appraisal's costs). */
    readonly costByYear: ReadonlyMap<number, bigint>;
    readonly presentCost: bigint;
    /** The present value of what the partner saves itself. */
    readonly benefitBefore: bigint;
    /** The same after benefit returns. */
    readonly benefitAfter: bigint;
    readonly costShare: Rational | undefined;
    readonly benefitShareBefore: Rational | undefined;
    readonly benefitShareAfter: Rational | undefined;
}

export interface AppraisalFigures {
    /** The year discounting counts from (t = 0). */
    readonly baseYear: number;
    readonly years: readonly AppraisalYearFigures[];
    readonly lines: readonly AppraisalLineFigures[];
    readonly partners: readonly AppraisalPartnerFigures[];
    /** What each benefit-return clause moves (present value); absent when it moves nothing. */
    readonly returns: readonly { readonly node: ast.BenefitReturn; readonly amount: bigint | undefined }[];
    /** The pool's contributions over all years, undiscounted. */
    readonly costs: bigint;
    readonly presentCosts: bigint;
    readonly presentBenefits: bigint;
    readonly netPresentValue: bigint;
    readonly benefitCostRatio: Rational | undefined;
    /** Net present value per pound of present cost, in percentage points. */
    readonly returnOnInvestment: Rational | undefined;
    readonly paybackYear: number | undefined;
    readonly gross: bigint;
    readonly net: bigint;
    readonly cashable: bigint;
}

export interface AgreementTotals {
    /** All contributions split into new money, existing budgets and unmarked. */
    readonly money: MoneyKinds;
    /** Contributions of all pools per financial year. */
    readonly byYear: ReadonlyMap<number, bigint | undefined>;
    /** Contributions of each partner over all pools and years. */
    readonly byPartner: ReadonlyMap<string, bigint | undefined>;
    /** Contributions of each partner per financial year, over all pools. */
    readonly byPartnerAndYear: ReadonlyMap<string, ReadonlyMap<number, bigint | undefined>>;
    readonly income: bigint | undefined;
    readonly spend: bigint | undefined;
}
