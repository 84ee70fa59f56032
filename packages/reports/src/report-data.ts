import {
    type AgreementModel,
    type ActualInfo,
    type AmountValue,
    type OutcomeInfo,
    type PoolInfo,
    type QuantityValue,
    type ShareInfo,
    Rational,
    formatQuantity,
    partnerStatements,
    penceToDecimalString,
    periodLabel,
    render,
    sha256Hex,
    yearLabel
} from '@pool/language';
import { type AstNode, AstUtils, type LangiumDocument, UriUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Everything a report shows, as plain data: strings, numbers and booleans only, amounts as
 * decimal strings of pounds ("1200000.00"). Every figure is read from the model, never computed
 * here, so a report cannot disagree with `pool check`, the editor or another report. The JSON
 * output is this object; `schema/agreement-json-1.schema.json` describes it.
 */
export interface ReportData {
    readonly $schema: typeof AGREEMENT_JSON_SCHEMA_ID;
    readonly schemaVersion: 1;
    readonly tool: { readonly name: 'pool'; readonly version: string };
    /** The agreement's file name; other files are named by their path from its folder. */
    readonly file: string;
    readonly currency: string;
    readonly agreement: AgreementData | null;
    readonly fingerprint: { readonly agreement: string; readonly files: readonly { readonly file: string; readonly sha256: string }[] };
    readonly partners: readonly PartnerData[];
    readonly pools: readonly PoolData[];
    readonly totals: TotalsData;
    readonly outcomes: readonly OutcomeData[];
    readonly shares: readonly ShareData[];
    readonly savings: readonly SavingsData[];
    readonly approvals: readonly ApprovalData[];
    readonly statements: readonly StatementData[];
    readonly diagnostics: readonly DiagnosticData[];
    readonly verdict: { readonly errors: number; readonly warnings: number; readonly passed: boolean };
}

export const AGREEMENT_JSON_SCHEMA_ID = 'urn:pool:schema:agreement-json:1';

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
    readonly period: { readonly first: string; readonly last: string; readonly years: readonly string[] } | null;
    readonly host: { readonly id: string; readonly name: string | null } | null;
    readonly board: string | null;
    readonly reviews: readonly { readonly date: string; readonly note: string | null }[];
    readonly source: SourceRange | null;
}

/** `kind` is null only where a syntax error cut the declaration short. */
export interface PartnerData {
    readonly id: string;
    readonly name: string;
    readonly kind: string | null;
    readonly source: SourceRange | null;
}

export interface ContributionData {
    readonly partner: string;
    readonly amount: Money;
    readonly note: string | null;
    readonly source: SourceRange | null;
}

export interface SpendLineData {
    readonly name: string;
    readonly amount: Money;
    readonly commissioners: readonly string[];
    readonly providers: readonly string[];
    readonly ringfence: string | null;
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
}

export interface PoolData {
    readonly id: string;
    readonly title: string;
    readonly arrangement: string;
    readonly section: number | null;
    readonly basis: string | null;
    readonly years: readonly PoolYearData[];
    readonly byPartner: readonly { readonly partner: string; readonly amount: Money }[];
    readonly income: Money;
    readonly spend: Money;
    readonly declaredTotals: readonly Money[];
    readonly minimums: readonly { readonly partner: string; readonly year: string; readonly amount: Money; readonly source: SourceRange | null }[];
    readonly ringfences: readonly {
        readonly id: string;
        readonly purpose: string | null;
        readonly year: string;
        readonly amount: Money;
        readonly spent: Money;
        readonly source: SourceRange | null;
    }[];
    readonly source: SourceRange | null;
}

export interface TotalsData {
    readonly income: Money;
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
    readonly payment: { readonly rate: Money; readonly per: string; readonly cap: Money; readonly atTarget: Money } | null;
    readonly actuals: readonly ActualData[];
    /** Chart positions (not money): baseline and target as numbers, periods as year fractions. */
    readonly chart: OutcomeChartData | null;
    readonly source: SourceRange | null;
}

export interface OutcomeChartData {
    readonly baseline: { readonly at: number; readonly value: number; readonly label: string };
    readonly target: { readonly at: number; readonly value: number; readonly label: string };
    readonly actuals: readonly { readonly at: number; readonly value: number; readonly label: string; readonly rag: string | null }[];
}

/** What a share clause shares: the overspend it covers, the projected savings, or results payments. */
export type ShareBasis = 'overspend' | 'projected-savings' | 'results-payments';

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
    readonly lines: readonly { readonly partner: string; readonly percent: string | null; readonly amount: Money; readonly cap: Money }[];
    readonly reinvest: { readonly percent: string; readonly amount: Money } | null;
    readonly totalPercent: string | null;
    readonly source: SourceRange | null;
}

export interface SavingsData {
    readonly pool: string;
    readonly byYear: readonly { readonly year: string; readonly amount: Money }[];
    readonly byPartner: readonly { readonly partner: string; readonly amount: Money }[];
    readonly total: Money;
    readonly investment: Money;
    readonly netBenefit: Money;
    readonly paybackYear: string | null;
    /** Savings per pound contributed, as a decimal string. */
    readonly returnPerPound: string | null;
    readonly source: SourceRange | null;
}

export interface ApprovalData {
    readonly partner: string;
    readonly approver: string;
    readonly date: string;
    readonly fingerprint: string;
    readonly stale: boolean;
    readonly source: SourceRange | null;
}

export interface StatementData {
    readonly partner: string;
    readonly contributions: readonly { readonly pool: string; readonly year: string; readonly amount: Money }[];
    readonly totalContributed: Money;
    readonly shares: readonly { readonly kind: string; readonly family: 'benefit' | 'risk'; readonly subject: string; readonly amount: Money }[];
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
              period: info.period ? { first: yearLabel(info.period.first), last: yearLabel(info.period.last), years: info.period.years.map(yearLabel) } : null,
              host: info.host ? { id: info.host.id, name: info.host.partner?.name ?? null } : null,
              board: info.board ?? null,
              reviews: info.reviews.map(review => ({ date: review.date, note: review.note ?? null })),
              source: source(info.node)
          }
        : null;

    const pools = model.pools.map((pool): PoolData => poolData(pool, source));
    const totals: TotalsData = {
        income: money(model.totals.income),
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
        byYear: [...entry.byYear].map(([start, pence]) => ({ year: yearLabel(start), amount: money(pence) })),
        byPartner: [...entry.byPartner].map(([partner, pence]) => ({ partner, amount: money(pence) })),
        total: money(entry.total),
        investment: money(entry.pool?.income),
        netBenefit: money(entry.netBenefit),
        paybackYear: entry.paybackYear === undefined ? null : yearLabel(entry.paybackYear),
        returnPerPound: entry.returnPerPound?.toDecimal(2) ?? null,
        source: source(entry.node)
    }));

    const approvals = model.approvals.map((approval): ApprovalData => ({
        partner: approval.partnerId,
        approver: approval.approver,
        date: approval.date,
        fingerprint: approval.fingerprint,
        stale: approval.stale,
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
            amount: money(entry.pence)
        })),
        totalReceived: money(statement.totalReceived),
        totalBorne: money(statement.totalBorne)
    }));

    const reported: DiagnosticData[] = diagnostics
        .map(({ uri, diagnostic }) => ({
            file: fileNameOfUri(uri),
            severity: SEVERITIES[(diagnostic.severity ?? 1) as 1 | 2 | 3 | 4] ?? 'error',
            code: String(diagnostic.code ?? 'unknown'),
            message: typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message),
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
        schemaVersion: 1,
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
        partners: [...model.partners.values()].map(partner => ({
            id: partner.id,
            name: partner.name,
            kind: partner.kind ?? null,
            source: source(partner.node)
        })),
        pools,
        totals,
        outcomes,
        shares,
        savings,
        approvals,
        statements,
        diagnostics: reported,
        verdict: { errors, warnings, passed: errors === 0 }
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
        arrangement: pool.arrangement,
        section: pool.section ?? null,
        basis: pool.basisText ?? null,
        years: [...pool.years.values()].map((figures): PoolYearData => ({
            year: yearLabel(figures.year),
            contributions: figures.contributions.map(contribution => ({
                partner: contribution.partnerId,
                amount: amountOf(contribution.amount),
                note: contribution.note ?? null,
                source: source(contribution.node)
            })),
            byPartner: [...figures.byPartner].map(([partner, pence]) => ({ partner, amount: money(pence) })),
            income: money(figures.income),
            declaredTotals: figures.declaredTotals.map(total => amountOf(total.amount)),
            spendLines: figures.spendLines.map(line => ({
                name: line.name,
                amount: amountOf(line.amount),
                commissioners: [...line.commissioners],
                providers: [...line.providers],
                ringfence: line.ringfence ?? null,
                source: source(line.node)
            })),
            spend: money(figures.spend),
            balance: money(figures.balance)
        })),
        byPartner: [...pool.byPartner].map(([partner, pence]) => ({ partner, amount: money(pence) })),
        income: money(pool.income),
        spend: money(pool.spend),
        declaredTotals: pool.declaredTotals.map(total => amountOf(total.amount)),
        minimums: pool.minimums.map(minimum => ({
            partner: minimum.partnerId,
            year: minimum.year.start === undefined ? minimum.year.parsed.text : yearLabel(minimum.year.start),
            amount: amountOf(minimum.amount),
            source: source(minimum.node)
        })),
        ringfences: pool.ringfences.map(ringfence => ({
            id: ringfence.id,
            purpose: ringfence.purpose ?? null,
            year: ringfence.year.start === undefined ? ringfence.year.parsed.text : yearLabel(ringfence.year.start),
            amount: amountOf(ringfence.amount),
            spent: money(ringfence.taggedSpend),
            source: source(ringfence.node)
        })),
        source: source(pool.node)
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
            actuals: outcome.actuals
                .filter(actual => actual.value && actual.end !== undefined && actual.year.start !== undefined)
                .map(actual => ({
                    at: chartPosition(actual.end!),
                    value: toChartNumber(actual.value!),
                    label: periodLabel(actual.year.start!, actual.quarter),
                    rag: actual.rag ?? null
                }))
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
        payment: payment
            ? {
                  rate: amountOf(payment.rate),
                  per: payment.unitName,
                  cap: payment.cap ? amountOf(payment.cap) : null,
                  atTarget: money(payment.paymentAtTarget)
              }
            : null,
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
                  basis: share.base.description.key.replace(/^share-base\./, '') as ShareBasis,
                  description: render(share.base.description, 'en')
              }
            : null,
        lines: share.lines.map((line, index) => ({
            partner: line.partnerId,
            percent: line.points?.toDecimal(4) ?? null,
            amount: share.pounds ? money(share.pounds.byLine[index]) : null,
            cap: line.cap ? amountOf(line.cap) : null
        })),
        reinvest:
            share.reinvest && !share.reinvest.isZero()
                ? { percent: share.reinvest.toDecimal(4), amount: share.pounds ? money(share.pounds.reinvested) : null }
                : null,
        totalPercent: share.totalPoints?.toDecimal(4) ?? null,
        source: source(share.node)
    };
}
