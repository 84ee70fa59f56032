// Long: every section of the report, in reading order, built from the one ReportData; being reworked (issue 15).
import { contributionsChart, outcomeChart, shareChart } from './charts.js';
import { listInWords, withoutTrailingZeros } from '@pool/language';
import { formatAmount, formatCount, formatPercentText, formatReportDate, pence } from './format.js';
import type { CohortData, Money, PartySpendData, ReportData, ShareData, SpendLineData, StatementData } from './report-data.js';
import { type ReportLang, type ReportText, reportText } from './strings.js';

/**
 * A report as a list of blocks in reading order. The text in blocks is plain (unescaped) text;
 * each renderer (HTML, Markdown, PDF) escapes it its own way, in one place, so no agreement text
 * can turn into markup in any of them.
 */
export type Block =
    /** `newPage`: in the PDF, the heading starts a page (the summary after the cover, the contents after the summary). */
    | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string; readonly id?: string; readonly newPage?: boolean }
    | { readonly kind: 'paragraph'; readonly text: string }
    | { readonly kind: 'list'; readonly items: readonly string[] }
    | { readonly kind: 'summary'; readonly rows: readonly (readonly [string, string])[] }
    | { readonly kind: 'verdict'; readonly passed: boolean; readonly text: string }
    | TableBlock
    | ChartBlock;

export interface TableBlock {
    readonly kind: 'table';
    readonly caption: string;
    readonly head: readonly string[];
    /** Columns holding figures, aligned right. */
    readonly numeric: readonly boolean[];
    readonly rows: readonly (readonly string[])[];
    /** Totals, shown bold after the rows. */
    readonly foot?: readonly (readonly string[])[];
    /** A form to fill in by hand (a signatory block): its empty cells are left tall enough to write in. */
    readonly form?: boolean;
}

export interface ChartBlock {
    readonly kind: 'chart';
    readonly id: string;
    readonly title: string;
    /** A described summary of the chart for readers who cannot see it; the table beside it holds the figures. */
    readonly description: string;
    /** Renders the chart's SVG; only HTML and PDF call it. */
    readonly svg: () => string;
}

export interface ReportDocument {
    readonly lang: ReportLang;
    readonly title: string;
    /** What identifies the agreement on every page: the PDF's running foot and its DRAFT marking (none for a document not about one agreement, such as a diff). */
    readonly identity?: DocumentIdentity;
    /** When the report was made (ISO 8601): printed as its date, and the PDF's creation date. */
    readonly generatedAt?: string;
    readonly blocks: readonly Block[];
}

interface DocumentIdentity {
    /** The agreement's reference, or its file name where it has none. */
    readonly reference: string;
    /** Its status in words. */
    readonly status: string;
    /** Its version: as written (`version "1.2"`), otherwise the first twelve hex digits of its fingerprint. */
    readonly version: string;
    /** The first twelve hex digits of its fingerprint, printed beside a written version as the traceability figure. */
    readonly fingerprint?: string;
    /** Short of signed: every page says DRAFT. */
    readonly draft: boolean;
}

export interface DocumentOptions {
    readonly lang?: ReportLang;
    /** A statement for one partner instead of the whole agreement. */
    readonly partner?: string;
    /**
     * When the report was made (ISO 8601), printed as a date ("3 December 2026"). The command line
     * gives `SOURCE_DATE_EPOCH` when it is set, otherwise the time of the run; without it the report
     * has no date.
     */
    readonly generatedAt?: string;
}

/** Chart positions in pounds (a float is fine for drawing; every figure printed is exact). */
function chartPounds(amount: Money): number {
    return amount === null ? 0 : Number(pence(amount)) / 100;
}

export function buildReportDocument(data: ReportData, options: DocumentOptions = {}): ReportDocument {
    const text = reportText(options.lang);
    const ctx = new Context(data, text, options.lang ?? 'en', options.generatedAt);
    const agreementTitle = data.agreement?.title ?? text.untitled;
    const status = data.agreement?.status ?? null;
    const identity: DocumentIdentity = {
        reference: data.agreement?.reference ?? data.file,
        status: status === null ? text.noStatus : text.sentences.status(status),
        version: data.agreement?.version ?? versionOf(data),
        ...(data.agreement?.version ? { fingerprint: versionOf(data) } : {}),
        draft: status !== 'signed'
    };
    if (options.partner !== undefined) {
        const statement = data.statements.find(entry => entry.partner === options.partner);
        if (!statement) throw new RangeError(`no partner ${options.partner} in ${data.file}`);
        return {
            lang: options.lang ?? 'en',
            title: text.statementTitle(ctx.partnerName(statement.partner), agreementTitle),
            identity,
            ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
            blocks: [...coverBlocks(ctx, identity), ...statementBlocks(ctx, statement)]
        };
    }
    return {
        lang: options.lang ?? 'en',
        title: text.reportTitle(agreementTitle),
        identity,
        ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
        blocks: [...coverBlocks(ctx, identity), ...agreementBlocks(ctx)]
    };
}

class Context {
    private readonly names: Map<string, string>;
    private readonly poolTitles: Map<string, string>;
    constructor(
        readonly data: ReportData,
        readonly text: ReportText,
        readonly lang: ReportLang,
        readonly generatedAt?: string
    ) {
        this.names = new Map(data.partners.map(partner => [partner.id, partner.name]));
        this.poolTitles = new Map(data.pools.map(pool => [pool.id, pool.title]));
    }
    partnerName(id: string): string {
        return this.names.get(id) ?? id;
    }
    poolTitle(id: string): string {
        return this.poolTitles.get(id) ?? id;
    }
    money(amount: Money): string {
        return formatAmount(amount, this.data.currency, this.text.unknown);
    }
    percent(percent: string | null): string {
        return percent === null ? this.text.unknown : formatPercentText(percent);
    }
    partnerList(ids: readonly string[]): string {
        return ids.length === 0
            ? '–'
            : listInWords(
                  ids.map(id => this.partnerName(id)),
                  this.lang
              );
    }
}

/** The version of the agreement's text: the first twelve hex digits of its fingerprint. */
function versionOf(data: ReportData): string {
    return data.fingerprint.agreement.replace(/^sha256:/, '').slice(0, 12);
}

/** A decimal string without trailing zeros: `500.0000` → `500`, `333.3333` → `333.3333`. */
function formatDecimal(value: string): string {
    return value.includes('.') ? withoutTrailingZeros(value).replace(/\.$/, '') : value;
}

/**
 * The cover, under the title: reference, status, version and date, and for any status short of
 * signed a DRAFT notice (the PDF also prints DRAFT across every page).
 */
function coverBlocks(ctx: Context, identity: DocumentIdentity): Block[] {
    const { text } = ctx;
    const rows: [string, string][] = [
        [text.labels.reference, identity.reference],
        [text.labels.status, identity.status],
        [text.labels.version, identity.version],
        ...(identity.fingerprint ? [[text.labels.textFingerprint, identity.fingerprint] as [string, string]] : []),
        ...(ctx.generatedAt ? [[text.labels.date, formatReportDate(ctx.generatedAt, ctx.lang)] as [string, string]] : [])
    ];
    return [
        ...(identity.draft ? [{ kind: 'verdict', passed: false, text: text.sentences.draftBanner(identity.status) } as const] : []),
        { kind: 'summary', rows }
    ];
}

/** A one-page summary in plain English: who puts in how much, what is spent, whether the checks pass and who has still to approve. */
function overviewBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const { totals } = data;
    const rows: [string, string][] = [];
    if (data.agreement?.period) rows.push([text.labels.period, `${data.agreement.period.first} – ${data.agreement.period.last}`]);
    rows.push([text.labels.moneyIn, ctx.money(totals.income)]);
    if (totals.money.new !== '0.00' || totals.money.existing !== '0.00') {
        rows.push([text.labels.newMoney, ctx.money(totals.money.new)], [text.labels.existingMoney, ctx.money(totals.money.existing)]);
    }
    rows.push([text.labels.plannedSpend, ctx.money(totals.spend)]);
    for (const entry of totals.byPartner) rows.push([ctx.partnerName(entry.partner), ctx.money(entry.amount)]);
    const signOff =
        data.signOff.required.length > 0
            ? text.sentences.signOff(data.signOff.missing.length > 0 ? ctx.partnerList(data.signOff.missing) : undefined)
            : data.approvals.length === 0
              ? text.sentences.noApprovals
              : undefined;
    return [
        { kind: 'heading', level: 2, text: text.headings.overview, id: 'overview', newPage: true },
        { kind: 'paragraph', text: text.sentences.overview },
        { kind: 'summary', rows },
        ...verdictBlocks(ctx).slice(1, 2),
        ...(signOff ? [{ kind: 'paragraph', text: signOff } as const] : [])
    ];
}

function aboutBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const agreement = data.agreement;
    const rows: [string, string][] = [[text.labels.file, data.file]];
    if (agreement) {
        if (agreement.reference) rows.push([text.labels.reference, agreement.reference]);
        if (agreement.status) rows.push([text.labels.status, text.sentences.status(agreement.status)]);
        if (agreement.version) rows.push([text.labels.version, agreement.version], [text.labels.textFingerprint, versionOf(data)]);
        else rows.push([text.labels.version, versionOf(data)]);
        if (agreement.period) rows.push([text.labels.period, `${agreement.period.first} – ${agreement.period.last}`]);
        if (agreement.host) rows.push([text.labels.host, agreement.host.name ?? agreement.host.id]);
        if (agreement.board) rows.push([text.labels.board, agreement.board]);
        if (agreement.reviews.length > 0)
            rows.push([text.labels.reviews, agreement.reviews.map(review => (review.note ? `${review.date}: ${review.note}` : review.date)).join('; ')]);
    }
    rows.push([text.labels.currency, data.currency]);
    if (data.imports.length > 0) rows.push([text.labels.imports, data.imports.map(entry => entry.file).join('; ')]);
    return [
        { kind: 'heading', level: 2, text: text.headings.about, id: 'about' },
        { kind: 'summary', rows }
    ];
}

function verdictBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const { errors, warnings } = data.verdict;
    const verdict: Block = {
        kind: 'verdict',
        passed: errors === 0,
        text: errors > 0 ? text.sentences.checksFailed(errors, warnings) : warnings > 0 ? text.sentences.checksWarnings(warnings) : text.sentences.checksPassed
    };
    const blocks: Block[] = [{ kind: 'heading', level: 3, text: text.headings.checks, id: 'checks' }, verdict];
    if (data.diagnostics.length > 0) {
        blocks.push({
            kind: 'table',
            caption: text.headings.checks,
            head: [text.labels.severity, text.labels.code, text.labels.place, text.labels.message],
            numeric: [false, false, false, false],
            rows: data.diagnostics.map(diagnostic => [
                text.labels[diagnostic.severity],
                diagnostic.code,
                `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`,
                diagnostic.message
            ])
        });
    }
    return blocks;
}

function fingerprintBlocks(ctx: Context, generatedAt: string | undefined): Block[] {
    const { data, text } = ctx;
    return [
        { kind: 'heading', level: 3, text: text.headings.fingerprint, id: 'fingerprint' },
        { kind: 'paragraph', text: text.sentences.fingerprintExplained },
        {
            kind: 'table',
            caption: text.headings.fingerprint,
            head: [text.labels.file, text.labels.sha256],
            numeric: [false, false],
            rows: data.fingerprint.files.map(file => [file.file, file.sha256])
        },
        {
            kind: 'summary',
            rows: [
                [text.labels.agreementFingerprint, data.fingerprint.agreement],
                [text.labels.toolVersion, `${data.tool.name} ${data.tool.version}`],
                ...(generatedAt ? [[text.labels.generatedAt, formatReportDate(generatedAt, ctx.lang)] as const] : [])
            ]
        }
    ];
}

/**
 * The changes since the last approved version, as `pool diff --approved` finds them (the report
 * data carries the diff's own changes and sentences; nothing is compared here), or in one sentence
 * why there is none to compare with.
 */
function sinceApprovedBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const since = data.sinceApproved;
    const blocks: Block[] = [{ kind: 'heading', level: 3, text: text.headings.sinceApproved, id: 'since-approved' }];
    const approvals = (list: readonly { partner: string; approver: string; date: string }[]) =>
        listInWords(
            list.map(approval => text.sentences.sinceApprovedApproval(ctx.partnerName(approval.partner), approval.approver, approval.date)),
            ctx.lang
        );
    switch (since.status) {
        case 'this-version':
            blocks.push({ kind: 'paragraph', text: text.sentences.sinceApprovedThis(approvals(since.approvals)) });
            break;
        case 'compared': {
            const written = since.changes.filter(change => !change.derived);
            const derived = since.changes.filter(change => change.derived);
            blocks.push({
                kind: 'paragraph',
                text: text.sentences.sinceApprovedCompared(approvals(since.approvals), since.commit.slice(0, 12), since.file, written.length)
            });
            const place = (change: (typeof since.changes)[number]) => {
                const { before, after } = change.where;
                if (after) return `${after.file}:${after.line}`;
                return before ? text.sentences.placeBefore(`${before.file}:${before.line}`) : '–';
            };
            for (const [changes, caption] of [
                [written, text.sentences.sinceApprovedWrittenCaption],
                [derived, text.sentences.sinceApprovedDerivedCaption]
            ] as const) {
                if (changes.length === 0) continue;
                blocks.push({
                    kind: 'table',
                    caption,
                    head: [text.labels.change, text.labels.place],
                    numeric: [false, false],
                    rows: changes.map(change => [change.sentence, place(change)])
                });
            }
            break;
        }
        default:
            blocks.push({ kind: 'paragraph', text: text.sentences.sinceApprovedNone(since.status, data.file) });
    }
    return blocks;
}

/** The appendix: the checks' results, the changes since the last approved version, and the source files with their fingerprint. */
function appendixBlocks(ctx: Context): Block[] {
    const { text } = ctx;
    return [
        { kind: 'heading', level: 2, text: text.headings.appendix, id: 'appendix' },
        { kind: 'paragraph', text: text.sentences.appendix },
        ...verdictBlocks(ctx),
        ...sinceApprovedBlocks(ctx),
        ...fingerprintBlocks(ctx, ctx.generatedAt)
    ];
}

function approvalBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.approvals, id: 'approvals' }];
    if (data.signOff.required.length > 0) {
        blocks.push({
            kind: 'paragraph',
            text: text.sentences.signOff(
                data.signOff.missing.length > 0
                    ? listInWords(
                          data.signOff.missing.map(id => ctx.partnerName(id)),
                          ctx.lang
                      )
                    : undefined
            )
        });
    }
    if (data.approvals.length === 0) return [...blocks, { kind: 'paragraph', text: text.sentences.noApprovals }];
    blocks.push({
        kind: 'table',
        caption: text.headings.approvals,
        head: [text.labels.partner, text.labels.approver, text.labels.date, text.labels.approvedText, text.labels.signature],
        numeric: [false, false, false, false, false],
        rows: data.approvals.map(approval => [
            ctx.partnerName(approval.partner),
            approval.approver,
            approval.date,
            approval.stale ? text.labels.stale : text.labels.current,
            approval.signatureStatus === 'verified'
                ? text.labels.signatureVerified
                : approval.signatureStatus === 'refused'
                  ? text.labels.signatureRefused
                  : text.labels.unsigned
        ])
    });
    return blocks;
}

function summarySentences(ctx: Context): string[] {
    const { data, text } = ctx;
    const sentences: string[] = [];
    for (const pool of data.pools) {
        for (const entry of pool.byPartner) {
            const years = pool.years.flatMap(year =>
                year.contributions.filter(line => line.partner === entry.partner).map(line => ({ year: year.year, amount: line.amount }))
            );
            const amounts = listInWords(
                years.map(year => text.sentences.amountInYear(ctx.money(year.amount), year.year)),
                ctx.lang
            );
            sentences.push(
                text.sentences.contributes(ctx.partnerName(entry.partner), amounts, pool.title, years.length > 1 ? ctx.money(entry.amount) : undefined)
            );
        }
        const spending = pool.years.filter(year => year.spendLines.length > 0);
        for (const year of spending) {
            sentences.push(text.sentences.spends(pool.title, ctx.money(year.spend), ctx.money(year.income), year.year, ctx.money(year.balance)));
        }
    }
    for (const share of data.shares) {
        const sentence = shareSentence(ctx, share);
        if (sentence) sentences.push(sentence);
    }
    for (const savings of data.savings) {
        const [first] = savings.byYear;
        const last = savings.byYear.at(-1);
        if (!first || !last) continue;
        sentences.push(
            text.sentences.savings(
                ctx.poolTitle(savings.pool),
                ctx.money(savings.total),
                first.year,
                last.year,
                ctx.money(savings.investment),
                ctx.money(savings.netBenefit),
                savings.paybackYear ?? undefined,
                savings.returnPerPound === null ? undefined : ctx.money(savings.returnPerPound)
            )
        );
    }
    for (const appraisal of data.appraisals) {
        const figures = appraisal.figures;
        const pool = ctx.poolTitle(appraisal.pool);
        sentences.push(
            figures
                ? text.sentences.appraisal(
                      pool,
                      ctx.money(figures.netPresentValue),
                      ctx.money(figures.presentBenefits),
                      ctx.money(figures.presentCosts),
                      figures.benefitCostRatio ?? text.unknown,
                      figures.paybackYear ?? undefined
                  )
                : text.sentences.appraisalIncomplete(pool)
        );
    }
    for (const outcome of data.outcomes) {
        if (!outcome.baseline || !outcome.target) continue;
        let sentence = text.sentences.outcome(
            outcome.description,
            outcome.direction,
            text.sentences.valueInYear(outcome.baseline.value, outcome.baseline.year),
            text.sentences.valueByYear(outcome.target.value, outcome.target.year),
            outcome.measuredBy ? ctx.partnerName(outcome.measuredBy) : undefined
        );
        const latest = outcome.actuals[outcome.actuals.length - 1];
        if (latest)
            sentence += ` ${text.sentences.latestActual(latest.value, latest.period, latest.rag ? text.labels[latest.rag] : undefined, latest.expected ?? undefined)}`;
        if (outcome.payment)
            sentence += ` ${text.sentences.payment(ctx.money(outcome.payment.rate), outcome.payment.per, outcome.payment.cap ? ctx.money(outcome.payment.cap) : undefined, outcome.payment.atTarget ? ctx.money(outcome.payment.atTarget) : undefined)}`;
        if (outcome.cohort)
            sentence += ` ${text.sentences.cohort(ctx.money(outcome.cohort.rate), outcome.cohort.per, formatCount(outcome.cohort.attached, text.unknown), ctx.money(outcome.cohort.payable))}`;
        sentences.push(sentence);
    }
    for (const approval of data.approvals) {
        sentences.push(text.sentences.approval(approval.approver, ctx.partnerName(approval.partner), approval.date, approval.stale));
    }
    return sentences;
}

function shareSentence(ctx: Context, share: ShareData): string | undefined {
    const { text } = ctx;
    if (!share.subject) return undefined;
    const parts = share.lines.map(line =>
        text.sentences.sharePart(ctx.partnerName(line.partner), ctx.percent(line.percent), line.amount === null ? undefined : ctx.money(line.amount))
    );
    if (share.reinvest)
        parts.push(
            text.sentences.reinvestPart(ctx.percent(share.reinvest.percent), share.reinvest.amount === null ? undefined : ctx.money(share.reinvest.amount))
        );
    return text.sentences.share(
        share.kind,
        share.subject.title,
        listInWords(parts, ctx.lang),
        share.base ? { basis: share.base.basis, amount: ctx.money(share.base.amount) } : undefined
    );
}

function contributionBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.contributions, id: 'contributions' }];
    for (const [index, pool] of data.pools.entries()) {
        const years = pool.years.map(year => year.year);
        const partners = pool.byPartner.map(entry => entry.partner);
        blocks.push({ kind: 'heading', level: 3, text: pool.title });
        const cell = (partner: string, year: string) => {
            const entry = pool.years.find(figures => figures.year === year)?.byPartner.find(line => line.partner === partner);
            return entry ? ctx.money(entry.amount) : '–';
        };
        if (years.length > 0 && partners.length > 0) {
            blocks.push({
                kind: 'chart',
                id: `chart-contributions-${index + 1}`,
                title: text.sentences.chartContributions(pool.title),
                description: `${text.sentences.chartContributions(pool.title)}. ${text.labels.chartAlternative}`,
                svg: () =>
                    contributionsChart(
                        pool.years.flatMap(year =>
                            year.contributions.map(line => ({ partner: ctx.partnerName(line.partner), year: year.year, pounds: chartPounds(line.amount) }))
                        ),
                        partners.map(partner => ctx.partnerName(partner)),
                        `chart-contributions-${index + 1}`,
                        text.chart
                    )
            });
        }
        blocks.push({
            kind: 'table',
            caption: `${text.headings.contributions}: ${pool.title}`,
            head: [text.labels.partner, ...years, text.labels.total],
            numeric: [false, ...years.map(() => true), true],
            rows: pool.byPartner.map(entry => [ctx.partnerName(entry.partner), ...years.map(year => cell(entry.partner, year)), ctx.money(entry.amount)]),
            foot: [
                [text.labels.total, ...pool.years.map(year => ctx.money(year.income)), ctx.money(pool.income)],
                ...(pool.declaredTotals.length > 0 || pool.years.some(year => year.declaredTotals.length > 0)
                    ? [
                          [
                              text.labels.declaredTotal,
                              ...pool.years.map(year => year.declaredTotals.map(total => ctx.money(total)).join('; ') || '–'),
                              pool.declaredTotals.map(total => ctx.money(total)).join('; ') || '–'
                          ]
                      ]
                    : []),
                // New money and existing budgets apart, where the contributions say which is which.
                ...(pool.money.new !== '0.00' || pool.money.existing !== '0.00'
                    ? (
                          [
                              ['new', text.labels.newMoney],
                              ['existing', text.labels.existingMoney],
                              ['unmarked', text.labels.unmarkedMoney]
                          ] as const
                      )
                          .filter(([kind]) => pool.money[kind] !== '0.00')
                          .map(([kind, label]) => [label, ...pool.years.map(year => ctx.money(year.money[kind])), ctx.money(pool.money[kind])])
                    : [])
            ]
        });
    }
    if (data.pools.length > 1) {
        const years = data.totals.byYear.map(entry => entry.year);
        const cell = (partner: string, year: string) => {
            const entry = data.totals.byPartnerAndYear.find(candidate => candidate.partner === partner && candidate.year === year);
            return entry ? ctx.money(entry.amount) : '–';
        };
        blocks.push({
            kind: 'table',
            caption: `${text.headings.contributions}: ${text.labels.total}`,
            head: [text.labels.partner, ...years, text.labels.total],
            numeric: [false, ...years.map(() => true), true],
            rows: data.totals.byPartner.map(entry => [
                ctx.partnerName(entry.partner),
                ...years.map(year => cell(entry.partner, year)),
                ctx.money(entry.amount)
            ]),
            foot: [[text.labels.total, ...data.totals.byYear.map(entry => ctx.money(entry.amount)), ctx.money(data.totals.income)]]
        });
    }
    return blocks;
}

function spendingBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.spending, id: 'spending' }];
    const rows = data.pools.flatMap(pool =>
        pool.years.map(year => [pool.title, year.year, ctx.money(year.income), ctx.money(year.spend), year.balance === null ? '–' : ctx.money(year.balance)])
    );
    blocks.push({
        kind: 'table',
        caption: text.headings.spending,
        head: [text.labels.pool, text.labels.year, text.labels.income, text.labels.spend, text.labels.balance],
        numeric: [false, false, true, true, true],
        rows,
        foot: [[text.labels.total, '', ctx.money(data.totals.income), ctx.money(data.totals.spend), '']]
    });
    const lineTable = (caption: string, lines: readonly SpendLineData[], total: Money | undefined): Block => {
        // The columns for streams and purposes appear where some line names one.
        const streams = lines.some(line => line.funding.length > 0);
        const purposes = lines.some(line => line.purposes.length > 0);
        const paidFrom = (line: SpendLineData) =>
            line.funding
                .map(share =>
                    share.percent === null ? share.stream : text.sentences.streamShare(share.stream, ctx.percent(share.percent), ctx.money(share.amount))
                )
                .join(', ') || '–';
        return {
            kind: 'table',
            caption,
            head: [
                text.labels.line,
                text.labels.commissionedBy,
                text.labels.providedBy,
                text.labels.ringfence,
                ...(streams ? [text.labels.paidFrom] : []),
                ...(purposes ? [text.labels.forPurpose] : []),
                text.labels.amount
            ],
            numeric: [false, false, false, false, ...(streams ? [false] : []), ...(purposes ? [false] : []), true],
            rows: lines.map(line => [
                line.name,
                ctx.partnerList(line.commissioners),
                ctx.partnerList(line.providers),
                line.ringfenceTags.join(', ') || '–',
                ...(streams ? [paidFrom(line)] : []),
                ...(purposes ? [line.purposes.join(', ') || '–'] : []),
                ctx.money(line.amount)
            ]),
            foot: total === undefined ? undefined : [[text.labels.total, '', '', '', ...(streams ? [''] : []), ...(purposes ? [''] : []), ctx.money(total)]]
        };
    };
    const partyTable = (caption: string, role: string, parties: readonly PartySpendData[]): Block => ({
        kind: 'table',
        caption,
        head: [role, text.labels.alone, text.labels.jointly],
        numeric: [false, true, true],
        rows: parties.map(party => [
            party.partner === null ? text.labels.noneNamed : ctx.partnerName(party.partner),
            ctx.money(party.alone),
            party.jointly !== null && pence(party.jointly) === 0n ? '–' : ctx.money(party.jointly)
        ])
    });
    for (const pool of data.pools) {
        for (const year of pool.years.filter(figures => figures.spendLines.length > 0)) {
            const caption = text.sentences.spendLines(pool.title, year.year);
            blocks.push({ kind: 'heading', level: 3, text: caption }, lineTable(caption, year.spendLines, year.spend));
            // Each stream's part of a line jointly funded is a split of money: say how it is rounded.
            if (year.spendLines.some(line => line.funding.some(share => share.percent !== null)))
                blocks.push({ kind: 'paragraph', text: text.sentences.rounding });
        }
        const byCommissioner = pool.spendByCommissioner;
        const byProvider = pool.spendByProvider;
        if (byCommissioner.length > 0 || byProvider.length > 0) {
            const heading = byCommissioner.length > 0 ? text.sentences.spendByCommissioner(pool.title) : text.sentences.spendByProvider(pool.title);
            blocks.push({ kind: 'heading', level: 3, text: heading });
            const joint = [...byCommissioner, ...byProvider].some(party => party.jointly !== null && pence(party.jointly) !== 0n);
            if (joint) blocks.push({ kind: 'paragraph', text: text.sentences.jointSpend });
            if (byCommissioner.length > 0) blocks.push(partyTable(text.sentences.spendByCommissioner(pool.title), text.labels.commissioner, byCommissioner));
            if (byProvider.length > 0) blocks.push(partyTable(text.sentences.spendByProvider(pool.title), text.labels.provider, byProvider));
        }
    }
    for (const block of data.unplacedSpend) {
        blocks.push(
            { kind: 'heading', level: 3, text: text.labels.unknownPool },
            { kind: 'paragraph', text: text.sentences.unplacedSpend(block.pool, block.year) },
            lineTable(text.sentences.spendLines(block.pool, block.year), block.spendLines, undefined)
        );
    }
    return blocks;
}

/** Each pool: how its money is held and on what legal basis, its minimums and ring-fences met or short, and the notes on its contributions. */
function poolBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    if (data.pools.length === 0) return [];
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.pools, id: 'pools' }];
    const met = (value: boolean | null, shortfall: Money) =>
        value === null ? text.unknown : value ? text.labels.yes : text.sentences.shortBy(ctx.money(shortfall));
    for (const pool of data.pools) {
        blocks.push({ kind: 'heading', level: 3, text: pool.title });
        const rows: [string, string][] = [
            [text.labels.id, pool.id],
            [text.labels.arrangement, pool.arrangement === null ? text.unknown : text.sentences.arrangement(pool.arrangement)],
            [text.labels.basis, text.sentences.basis(pool.section, pool.basis)]
        ];
        for (const total of pool.declaredTotals)
            rows.push([text.labels.declaredTotal, text.sentences.declaredTotal(ctx.money(total), total === pool.income ? undefined : ctx.money(pool.income))]);
        blocks.push({ kind: 'summary', rows });
        if (pool.minimums.length > 0) {
            blocks.push({
                kind: 'table',
                caption: text.sentences.minimums(pool.title),
                head: [text.labels.partner, text.labels.year, text.labels.minimum, text.labels.contributed, text.labels.met],
                numeric: [false, false, true, true, false],
                rows: pool.minimums.map(minimum => [
                    ctx.partnerName(minimum.partner),
                    minimum.year,
                    ctx.money(minimum.amount),
                    ctx.money(minimum.contributed),
                    met(minimum.met, minimum.shortfall)
                ])
            });
        }
        if (pool.ringfences.length > 0) {
            blocks.push({
                kind: 'table',
                caption: text.sentences.ringfences(pool.title),
                head: [text.labels.ringfence, text.labels.purpose, text.labels.year, text.labels.amount, text.labels.taggedSpend, text.labels.met],
                numeric: [false, false, false, true, true, false],
                rows: pool.ringfences.map(fence => [
                    fence.id,
                    fence.purpose ?? '–',
                    fence.year,
                    ctx.money(fence.amount),
                    ctx.money(fence.spent),
                    met(fence.met, fence.shortfall)
                ])
            });
            const fencedYears = pool.years.filter(year => year.ringfenced !== null);
            blocks.push({
                kind: 'table',
                caption: `${text.labels.unfenced}: ${pool.title}`,
                head: [text.labels.year, text.labels.income, text.labels.unfenced, text.labels.untaggedSpend],
                numeric: [false, true, true, true],
                rows: fencedYears.map(year => [
                    year.year,
                    ctx.money(year.income),
                    ctx.money(year.ringfenced?.unfenced ?? null),
                    ctx.money(year.ringfenced?.untaggedSpend ?? null)
                ])
            });
        }
        if (pool.contents.length > 0) {
            blocks.push({
                kind: 'table',
                caption: text.sentences.contents(pool.title),
                head: [text.labels.topic, text.labels.note],
                numeric: [false, false],
                rows: pool.contents.map(item => [text.sentences.topic(item.topic), item.text])
            });
        }
        if (pool.streams.length > 0) {
            blocks.push({
                kind: 'table',
                caption: text.sentences.streams(pool.title),
                head: [
                    text.labels.stream,
                    text.labels.year,
                    text.labels.minimum,
                    text.labels.minimumSet,
                    text.labels.income,
                    text.labels.paidFrom,
                    text.labels.met
                ],
                numeric: [false, false, true, false, true, true, false],
                rows: pool.streams.flatMap(stream =>
                    stream.years.map(year => {
                        const uplift = stream.uplifts.find(entry => entry.year === year.year);
                        const written =
                            uplift?.declared !== null && uplift?.declared !== undefined && uplift.declared !== uplift.computed
                                ? ctx.money(uplift.declared)
                                : undefined;
                        const minimumSet =
                            year.minimumSource === null
                                ? '–'
                                : text.sentences.minimumSet(
                                      year.minimumSource,
                                      uplift?.percent === null || uplift === undefined ? undefined : ctx.percent(uplift.percent),
                                      uplift?.base ? ctx.money(uplift.base) : undefined,
                                      uplift?.rounding,
                                      written
                                  );
                        const met =
                            year.minimum === null
                                ? '–'
                                : year.shortfall === null
                                  ? text.unknown
                                  : pence(year.shortfall) === 0n
                                    ? text.labels.yes
                                    : text.sentences.shortBy(ctx.money(year.shortfall));
                        return [
                            `${stream.title} (${stream.id})`,
                            year.year,
                            year.minimum === null ? '–' : ctx.money(year.minimum),
                            minimumSet,
                            ctx.money(year.income),
                            year.spend === null ? '–' : ctx.money(year.spend),
                            met
                        ];
                    })
                )
            });
            const years = pool.years.map(year => year.year);
            blocks.push({
                kind: 'table',
                caption: text.sentences.streamContributions(pool.title),
                head: [text.labels.stream, ...years, text.labels.total],
                numeric: [false, ...years.map(() => true), true],
                rows: pool.streams.map(stream => [
                    stream.title,
                    ...years.map(year => {
                        const figures = stream.years.find(entry => entry.year === year);
                        return figures ? ctx.money(figures.income) : '–';
                    }),
                    ctx.money(stream.income)
                ])
            });
        }
        if (pool.spendMinimums.length > 0) {
            const purpose = (id: string) => pool.purposes.find(candidate => candidate.id === id)?.title ?? id;
            const stream = (id: string) => pool.streams.find(candidate => candidate.id === id)?.title ?? id;
            blocks.push({
                kind: 'table',
                caption: text.sentences.spendMinimums(pool.title),
                head: [text.labels.forPurpose, text.labels.stream, text.labels.year, text.labels.minimum, text.labels.taggedSpend, text.labels.met],
                numeric: [false, false, false, true, true, false],
                rows: pool.spendMinimums.map(minimum => [
                    purpose(minimum.purpose),
                    stream(minimum.stream),
                    minimum.year,
                    ctx.money(minimum.amount),
                    ctx.money(minimum.spent),
                    met(minimum.met, minimum.shortfall)
                ])
            });
        }
        const notes = pool.years.flatMap(year =>
            year.contributions
                .filter(line => line.note !== null)
                .map(line => [ctx.partnerName(line.partner), year.year, ctx.money(line.amount), line.note ?? ''])
        );
        if (notes.length > 0) {
            blocks.push({
                kind: 'table',
                caption: text.sentences.notes(pool.title),
                head: [text.labels.partner, text.labels.year, text.labels.amount, text.labels.note],
                numeric: [false, false, true, false],
                rows: notes
            });
        }
    }
    return blocks;
}

/** Payment by results: the terms of each outcome that pays, and its schedule in pounds year by year. */
function paymentBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const paying = data.outcomes.filter(outcome => outcome.payment !== null || outcome.cohort !== null);
    if (paying.length === 0) return [];
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.payments, id: 'payments' }];
    for (const outcome of paying) {
        if (outcome.cohort) for (const block of cohortBlocks(ctx, outcome.description, outcome.cohort)) blocks.push(block);
        const payment = outcome.payment;
        if (!payment) continue;
        blocks.push(
            { kind: 'heading', level: 3, text: outcome.description },
            {
                kind: 'summary',
                rows: [
                    [text.labels.rate, `${ctx.money(payment.rate)} / ${payment.per}`],
                    [text.labels.paymentCap, payment.cap === null ? text.labels.none : ctx.money(payment.cap)],
                    [text.labels.atTarget, ctx.money(payment.atTarget)],
                    [text.labels.payable, ctx.money(payment.payable)]
                ]
            }
        );
        if (payment.schedule.length > 0) {
            const splits = new Map(payment.splits.map(split => [split.year, split]));
            blocks.push(
                { kind: 'paragraph', text: text.sentences.scheduleExplained },
                {
                    kind: 'table',
                    caption: text.sentences.paymentSchedule(outcome.description),
                    head: [text.labels.year, text.labels.units, text.labels.split, text.labels.upfront, text.labels.results, text.labels.total],
                    numeric: [false, true, false, true, true, true],
                    rows: payment.schedule.map(entry => {
                        const split = splits.get(entry.year);
                        return [
                            entry.year,
                            formatDecimal(entry.units),
                            split ? text.sentences.split(ctx.percent(split.upfront), ctx.percent(split.results)) : '–',
                            ctx.money(entry.upfront),
                            ctx.money(entry.results),
                            ctx.money(entry.amount)
                        ];
                    }),
                    foot: [[text.labels.total, '', '', '', '', ctx.money(payment.payable)]]
                }
            );
        }
        const unscheduled = payment.splits.filter(split => !payment.schedule.some(entry => entry.year === split.year));
        if (unscheduled.length > 0) {
            blocks.push({
                kind: 'list',
                items: unscheduled.map(split => `${split.year}: ${text.sentences.split(ctx.percent(split.upfront), ctx.percent(split.results))}`)
            });
        }
    }
    return blocks;
}

/** A cohort: its terms, then each year's attachment in pounds (upfront, on results, earned), with totals. */
function cohortBlocks(ctx: Context, description: string, cohort: CohortData): Block[] {
    const { text } = ctx;
    const measured = cohort.claimed !== null;
    return [
        { kind: 'heading', level: 3, text: description },
        {
            kind: 'summary',
            rows: [
                [text.labels.rate, `${ctx.money(cohort.rate)} / ${cohort.per}`],
                [text.labels.paymentCap, cohort.cap === null ? text.labels.none : ctx.money(cohort.cap)],
                [text.labels.attached, formatCount(cohort.attached, text.unknown)],
                [text.labels.maximum, ctx.money(cohort.maximum)],
                [text.labels.payable, ctx.money(cohort.payable)],
                ...(measured
                    ? ([
                          [text.labels.turnedAround, formatCount(cohort.claimed, text.unknown)],
                          [text.labels.earnedOnResults, ctx.money(cohort.earned)]
                      ] as const)
                    : [])
            ]
        },
        { kind: 'paragraph', text: text.sentences.cohortExplained },
        {
            kind: 'table',
            caption: text.sentences.cohortSchedule(description),
            head: [
                text.labels.year,
                text.labels.attached,
                text.labels.upfrontPercent,
                text.labels.resultsPercent,
                text.labels.upfront,
                text.labels.results,
                text.labels.total,
                ...(measured ? [text.labels.turnedAround, text.labels.earnedOnResults] : [])
            ],
            numeric: [false, true, true, true, true, true, true, ...(measured ? [true, true] : [])],
            rows: cohort.years.map(year => [
                year.year,
                formatCount(year.attached, text.unknown),
                ctx.percent(year.upfrontPercent),
                ctx.percent(year.resultsPercent),
                ctx.money(year.upfront),
                ctx.money(year.results),
                ctx.money(year.total),
                ...(measured ? [formatCount(year.turnedAround, text.unknown), ctx.money(year.earned)] : [])
            ]),
            foot: [
                [
                    text.labels.total,
                    formatCount(cohort.attached, text.unknown),
                    '',
                    ctx.money(cohort.upfront),
                    ctx.money(cohort.results),
                    ctx.money(cohort.maximum),
                    ...(measured ? [formatCount(cohort.claimed, text.unknown), ctx.money(cohort.earned)] : [])
                ]
            ]
        }
    ];
}

function outcomeBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.outcomes, id: 'outcomes' }];
    if (data.outcomes.length === 0) return [...blocks, { kind: 'paragraph', text: text.sentences.noOutcomes }];
    blocks.push({
        kind: 'table',
        caption: text.headings.outcomes,
        head: [text.labels.outcome, text.labels.id, text.labels.unit, text.labels.baseline, text.labels.target, text.labels.direction, text.labels.measuredBy],
        numeric: [false, false, false, true, true, false, false],
        rows: data.outcomes.map(outcome => [
            outcome.description,
            outcome.id,
            outcome.unit ?? '–',
            outcome.baseline ? `${outcome.baseline.value} (${outcome.baseline.year})` : text.unknown,
            outcome.target ? `${outcome.target.value} (${outcome.target.year})` : text.unknown,
            outcome.direction ? text.labels[outcome.direction] : text.unknown,
            outcome.measuredBy ? ctx.partnerName(outcome.measuredBy) : '–'
        ])
    });
    for (const [index, outcome] of data.outcomes.entries()) {
        if (!outcome.chart) continue;
        const chart = outcome.chart;
        blocks.push({ kind: 'heading', level: 3, text: outcome.description });
        const id = `chart-outcome-${index + 1}`;
        const described = [
            `${text.labels.baseline} ${outcome.baseline?.value} (${chart.baseline.label})`,
            `${text.labels.target} ${outcome.target?.value} (${chart.target.label})`,
            ...outcome.actuals.map(actual => `${text.labels.actual} ${actual.value} (${actual.period}${actual.rag ? `, ${text.labels[actual.rag]}` : ''})`)
        ].join('; ');
        blocks.push({
            kind: 'chart',
            id,
            title: text.sentences.chartOutcome(outcome.description),
            description: `${text.sentences.chartOutcome(outcome.description)}: ${described}. ${text.sentences.trajectoryExplained}`,
            svg: () =>
                outcomeChart({ unit: outcome.unit ?? '', ...chart }, id, {
                    ...text.chart,
                    green: text.labels.green,
                    amber: text.labels.amber,
                    red: text.labels.red
                })
        });
        if (outcome.actuals.length > 0) {
            blocks.push({
                kind: 'table',
                caption: `${text.labels.actual}: ${outcome.description}`,
                head: [
                    text.labels.period2,
                    text.labels.actual,
                    text.labels.expected,
                    text.labels.progress,
                    text.labels.rag,
                    text.labels.unitsAchieved,
                    text.labels.earned
                ],
                numeric: [false, true, true, true, false, true, true],
                rows: outcome.actuals.map(actual => [
                    actual.period,
                    actual.value,
                    actual.expected ?? '–',
                    actual.progressPercent === null ? '–' : `${actual.progressPercent}%`,
                    actual.rag ? text.labels[actual.rag] : '–',
                    actual.unitsAchieved ?? '–',
                    actual.earned === null ? '–' : ctx.money(actual.earned)
                ])
            });
        }
    }
    return blocks;
}

function shareBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.shares, id: 'shares' }];
    if (data.shares.length === 0) blocks.push({ kind: 'paragraph', text: text.sentences.noShares });
    for (const [index, share] of data.shares.entries()) {
        const subject = share.subject?.title ?? text.unknown;
        const kind = text.sentences.shareKind(share.kind);
        blocks.push({ kind: 'heading', level: 3, text: `${kind}: ${subject}` });
        if (share.base) blocks.push({ kind: 'paragraph', text: text.sentences.shareBase(share.base.basis, ctx.money(share.base.amount)) });
        if (share.proRata) blocks.push({ kind: 'paragraph', text: text.sentences.proRata });
        const capped = share.uncovered !== null;
        const rows = share.lines.map(line => [
            ctx.partnerName(line.partner),
            ctx.percent(line.percent),
            line.amount === null ? '–' : ctx.money(line.amount),
            line.cap === null ? '–' : ctx.money(line.cap),
            ...(capped ? [ctx.money(line.borne)] : [])
        ]);
        if (share.reinvest)
            rows.push([
                text.labels.reinvested,
                ctx.percent(share.reinvest.percent),
                share.reinvest.amount === null ? '–' : ctx.money(share.reinvest.amount),
                '–',
                ...(capped ? ['–'] : [])
            ]);
        if (capped) rows.push([text.labels.uncovered, '–', '–', '–', ctx.money(share.uncovered)]);
        if (share.base && share.lines.some(line => line.amount !== null)) blocks.push({ kind: 'paragraph', text: text.sentences.rounding });
        if (capped && share.base) {
            const uncovered = pence(share.uncovered) > 0n ? ctx.money(share.uncovered) : undefined;
            blocks.push({ kind: 'paragraph', text: text.sentences.capsExplained(ctx.money(share.base.amount), uncovered) });
        }
        if (share.family === 'benefit' && share.lines.some(line => line.amount !== null)) {
            const id = `chart-share-${index + 1}`;
            blocks.push({
                kind: 'chart',
                id,
                title: text.sentences.chartShares(share.kind, subject),
                description: `${text.sentences.chartShares(share.kind, subject)}. ${text.labels.chartAlternative}`,
                svg: () =>
                    shareChart(
                        share.lines.map(line => ({ partner: ctx.partnerName(line.partner), pounds: chartPounds(line.amount) })),
                        id,
                        text.chart
                    )
            });
        }
        blocks.push({
            kind: 'table',
            caption: `${kind}: ${subject}`,
            head: [text.labels.partner, text.labels.share, text.labels.amount, text.labels.cap, ...(capped ? [text.labels.borne] : [])],
            numeric: [false, true, true, true, ...(capped ? [true] : [])],
            rows,
            foot: [
                [
                    text.labels.total,
                    ctx.percent(share.totalPercent),
                    share.base ? ctx.money(share.base.amount) : '–',
                    '',
                    ...(capped && share.base ? [ctx.money(share.base.amount)] : [])
                ]
            ]
        });
        if (share.example) for (const block of exampleBlocks(ctx, share, share.example, subject)) blocks.push(block);
    }
    for (const savings of data.savings) {
        blocks.push({ kind: 'heading', level: 3, text: `${text.headings.savings}: ${ctx.poolTitle(savings.pool)}` });
        blocks.push({
            kind: 'summary',
            rows: [
                [text.labels.projected, ctx.money(savings.total)],
                [text.labels.investment, ctx.money(savings.investment)],
                [text.labels.netBenefit, ctx.money(savings.netBenefit)],
                ...(savings.netBenefitOfNewMoney === null ? [] : [[text.labels.netBenefitNew, ctx.money(savings.netBenefitOfNewMoney)] as [string, string]]),
                [text.labels.payback, savings.paybackYear ?? text.labels.noPayback],
                [text.labels.returnPerPound, savings.returnPerPound === null ? text.unknown : ctx.money(savings.returnPerPound)]
            ]
        });
        // Said beside the figures: a net benefit far below nothing is most often existing budgets counted as put in.
        const pool = data.pools.find(candidate => candidate.id === savings.pool);
        blocks.push({
            kind: 'paragraph',
            text: text.sentences.netBenefitExplained(savings.netBenefitOfNewMoney === null || !pool ? undefined : ctx.money(pool.money.existing))
        });
        const years = savings.byYear.map(entry => entry.year);
        const partners = savings.byPartner.map(entry => entry.partner);
        if (years.length > 0 && partners.length > 0) {
            const cell = (partner: string, year: string) => {
                const lines = savings.lines.filter(line => line.partner === partner && line.year === year);
                return lines.length === 0 ? '–' : lines.map(line => ctx.money(line.amount)).join(' + ');
            };
            blocks.push({
                kind: 'table',
                caption: text.sentences.savingsLines(ctx.poolTitle(savings.pool)),
                head: [text.labels.partner, ...years, text.labels.total],
                numeric: [false, ...years.map(() => true), true],
                rows: savings.byPartner.map(entry => [
                    ctx.partnerName(entry.partner),
                    ...years.map(year => cell(entry.partner, year)),
                    ctx.money(entry.amount)
                ]),
                foot: [[text.labels.total, ...savings.byYear.map(entry => ctx.money(entry.amount)), ctx.money(savings.total)]]
            });
        }
        const notes = savings.lines.filter(line => line.note !== null);
        if (notes.length > 0) {
            blocks.push({
                kind: 'table',
                caption: text.sentences.savingsNotes(ctx.poolTitle(savings.pool)),
                head: [text.labels.partner, text.labels.year, text.labels.amount, text.labels.note],
                numeric: [false, false, true, false],
                rows: notes.map(line => [ctx.partnerName(line.partner), line.year, ctx.money(line.amount), line.note ?? ''])
            });
        }
    }
    return blocks;
}

/**
 * A share clause's worked example: what each partner bears of a £1,000,000 overspend (with what
 * no cap covers) or receives of £1,000,000 saved, as the model splits it, and the rounding rule.
 */
function exampleBlocks(ctx: Context, share: ShareData, example: NonNullable<ShareData['example']>, subject: string): Block[] {
    const { text } = ctx;
    const amount = ctx.money(example.amount);
    const risk = example.uncovered !== null;
    const uncovered = example.uncovered !== null && pence(example.uncovered) > 0n ? ctx.money(example.uncovered) : undefined;
    const rows = example.lines.map((line, index) => [
        ctx.partnerName(line.partner),
        ctx.percent(share.lines[index]?.percent ?? null),
        ctx.money(line.amount),
        ...(risk ? [line.borne === null ? '–' : ctx.money(line.borne)] : [])
    ]);
    if (share.reinvest) rows.push([text.labels.reinvested, ctx.percent(share.reinvest.percent), ctx.money(example.reinvested), ...(risk ? ['–'] : [])]);
    if (risk) rows.push([text.labels.uncovered, '–', '–', ctx.money(example.uncovered)]);
    return [
        { kind: 'paragraph', text: text.sentences.example(share.kind, subject, amount, uncovered) },
        {
            kind: 'table',
            caption: text.sentences.exampleCaption(subject, amount),
            head: [text.labels.partner, text.labels.share, text.labels.amount, ...(risk ? [text.labels.borne] : [])],
            numeric: [false, true, true, ...(risk ? [true] : [])],
            rows,
            foot: [[text.labels.total, ctx.percent(share.totalPercent), amount, ...(risk ? [amount] : [])]]
        },
        { kind: 'paragraph', text: text.sentences.rounding }
    ];
}

/** Cost-benefit appraisals: the headline figures, the method, the figures by year, who invests against who benefits, and the unit costs used. */
function appraisalBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    if (data.appraisals.length === 0 && data.unitCosts.length === 0) return [];
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.appraisal, id: 'appraisal' }];
    for (const appraisal of data.appraisals) {
        const pool = ctx.poolTitle(appraisal.pool);
        blocks.push({ kind: 'heading', level: 3, text: pool });
        const figures = appraisal.figures;
        const discount = appraisal.discountDefault
            ? text.sentences.discountDefault(ctx.percent(appraisal.discountPercent))
            : ctx.percent(appraisal.discountPercent);
        const inputs: [string, string][] = [
            [text.labels.cohort, appraisal.cohorts.map(cohort => `${formatCount(cohort.size, text.unknown)} (${cohort.year})`).join(', ') || '–'],
            [text.labels.engagement, ctx.percent(appraisal.engagementPercent)],
            [text.labels.success, ctx.percent(appraisal.successPercent)],
            [text.labels.deadweight, ctx.percent(appraisal.deadweightPercent)],
            [text.labels.optimismBias, ctx.percent(appraisal.optimismBiasPercent)],
            [text.labels.benefitYears, formatCount(appraisal.benefitYears, text.unknown)],
            [text.labels.discountRate, discount]
        ];
        if (!figures) {
            blocks.push({ kind: 'paragraph', text: text.sentences.appraisalIncomplete(pool) }, { kind: 'summary', rows: inputs });
            continue;
        }
        blocks.push({
            kind: 'summary',
            rows: [
                [text.labels.presentCosts, ctx.money(figures.presentCosts)],
                [text.labels.presentBenefits, ctx.money(figures.presentBenefits)],
                [text.labels.netPresentValue, ctx.money(figures.netPresentValue)],
                [text.labels.benefitCostRatio, figures.benefitCostRatio ?? text.unknown],
                [text.labels.returnOnInvestment, ctx.percent(figures.returnOnInvestmentPercent)],
                [text.labels.payback, figures.paybackYear ?? text.labels.noPayback],
                ...inputs
            ]
        });
        blocks.push({ kind: 'paragraph', text: text.sentences.appraisalExplained(figures.baseYear, ctx.percent(appraisal.discountPercent)) });
        blocks.push({
            kind: 'table',
            caption: text.sentences.appraisalYears(pool),
            head: [
                text.labels.year,
                text.labels.discountFactor,
                text.labels.successes,
                text.labels.netSuccesses,
                text.labels.cost,
                text.labels.discountedCost,
                text.labels.grossBenefit,
                text.labels.netBenefitYear,
                text.labels.cashable,
                text.labels.discountedBenefit
            ],
            numeric: [false, true, true, true, true, true, true, true, true, true],
            rows: figures.years.map(year => [
                year.year,
                year.discountFactor,
                formatCount(year.successes, text.unknown),
                formatCount(year.netSuccesses, text.unknown),
                ctx.money(year.cost),
                ctx.money(year.presentCost),
                ctx.money(year.gross),
                ctx.money(year.net),
                ctx.money(year.cashable),
                ctx.money(year.discounted)
            ]),
            foot: [
                [
                    text.labels.total,
                    '',
                    '',
                    '',
                    ctx.money(figures.costs),
                    ctx.money(figures.presentCosts),
                    ctx.money(figures.gross),
                    ctx.money(figures.net),
                    ctx.money(figures.cashable),
                    ctx.money(figures.presentBenefits)
                ]
            ]
        });
        blocks.push({
            kind: 'table',
            caption: text.sentences.appraisalPartners(pool),
            head: [
                text.labels.partner,
                text.labels.discountedCost,
                text.labels.costShare,
                text.labels.benefitBefore,
                text.labels.benefitShareBefore,
                text.labels.benefitAfter,
                text.labels.benefitShare
            ],
            numeric: [false, true, true, true, true, true, true],
            rows: figures.partners.map(partner => [
                ctx.partnerName(partner.partner),
                ctx.money(partner.presentCost),
                ctx.percent(partner.costSharePercent),
                ctx.money(partner.benefitBefore),
                ctx.percent(partner.benefitSharePercentBefore),
                ctx.money(partner.benefitAfter),
                ctx.percent(partner.benefitSharePercentAfter)
            ]),
            foot: [[text.labels.total, ctx.money(figures.presentCosts), '', ctx.money(figures.presentBenefits), '', ctx.money(figures.presentBenefits), '']]
        });
        const returns = appraisal.returns.map(clause =>
            text.sentences.benefitReturn(
                ctx.partnerName(clause.partner),
                ctx.percent(clause.percent),
                ctx.money(clause.amount),
                clause.cashableOnly,
                clause.to === null ? undefined : ctx.partnerName(clause.to)
            )
        );
        if (returns.length > 0) blocks.push({ kind: 'list', items: returns });
        const costs = new Map(data.unitCosts.map(cost => [cost.id, cost]));
        blocks.push({
            kind: 'table',
            caption: text.sentences.appraisalLines(pool),
            head: [
                text.labels.unitCost,
                text.labels.partner,
                text.labels.perSuccess,
                text.labels.savingPerYear,
                text.labels.netBenefitYear,
                text.labels.discountedBenefit
            ],
            numeric: [false, false, true, true, true, true],
            rows: figures.lines.map((line, index) => [
                costs.get(line.unitCost)?.description ?? line.unitCost,
                ctx.partnerName(line.partner),
                formatCount(appraisal.savings[index]?.perSuccess ?? null, text.unknown),
                ctx.money(costs.get(line.unitCost)?.saving ?? null),
                ctx.money(line.net),
                ctx.money(line.discounted)
            ]),
            foot: [[text.labels.total, '', '', '', ctx.money(figures.net), ctx.money(figures.presentBenefits)]]
        });
        blocks.push({
            kind: 'table',
            caption: text.sentences.appraisalLineYears(pool),
            head: [
                text.labels.unitCost,
                text.labels.partner,
                text.labels.year,
                text.labels.grossBenefit,
                text.labels.netBenefitYear,
                text.labels.cashable,
                text.labels.discountedBenefit
            ],
            numeric: [false, false, false, true, true, true, true],
            rows: figures.lines.flatMap(line =>
                line.years.map(year => [
                    costs.get(line.unitCost)?.description ?? line.unitCost,
                    ctx.partnerName(line.partner),
                    year.year,
                    ctx.money(year.gross),
                    ctx.money(year.net),
                    ctx.money(year.cashable),
                    ctx.money(year.discounted)
                ])
            ),
            foot: [
                [text.labels.total, '', '', ctx.money(figures.gross), ctx.money(figures.net), ctx.money(figures.cashable), ctx.money(figures.presentBenefits)]
            ]
        });
    }
    const unitCosts = data.unitCosts;
    if (unitCosts.length > 0) {
        blocks.push({ kind: 'heading', level: 3, text: text.headings.unitCosts });
        blocks.push({
            kind: 'table',
            caption: text.sentences.unitCosts,
            head: [
                text.labels.unitCost,
                text.labels.agency,
                text.labels.savingPerYear,
                text.labels.cashable,
                text.labels.source,
                text.labels.prices,
                text.labels.illustrative
            ],
            numeric: [false, false, true, true, false, false, false],
            rows: unitCosts.map(cost => [
                `${cost.description} (${cost.id})`,
                cost.agency ?? '–',
                cost.per === null ? ctx.money(cost.saving) : `${ctx.money(cost.saving)} / ${cost.per}`,
                ctx.money(cost.cashable),
                cost.citation ?? '–',
                cost.priceYear ?? '–',
                cost.illustrative ? text.labels.yes : '–'
            ])
        });
    }
    return blocks;
}

/** A signatory block for each partner: its chief executive and section 151 officer, with room to sign and date by hand. */
function signatoryBlocks(ctx: Context, partners: readonly string[]): Block[] {
    const { text } = ctx;
    return [
        { kind: 'heading', level: 2, text: text.headings.signatures, id: 'signatures' },
        { kind: 'paragraph', text: text.sentences.signatures },
        ...partners.map((partner): Block => ({
            kind: 'table',
            caption: text.sentences.signatoryCaption(ctx.partnerName(partner)),
            head: [text.labels.role, text.labels.name, text.labels.signature, text.labels.date],
            numeric: [false, false, false, false],
            rows: [
                [text.labels.chiefExecutive, '', '', ''],
                [text.labels.financeOfficer, '', '', '']
            ],
            form: true
        }))
    ];
}

/** The contents: the sections that follow, in order. */
function contentsBlocks(ctx: Context, sections: readonly Block[]): Block[] {
    return [
        { kind: 'heading', level: 2, text: ctx.text.headings.contents, id: 'contents', newPage: true },
        { kind: 'list', items: sections.flatMap(block => (block.kind === 'heading' && block.level === 2 ? [block.text] : [])) }
    ];
}

function agreementBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const sections: Block[] = [
        ...aboutBlocks(ctx),
        { kind: 'heading', level: 2, text: text.headings.summary, id: 'summary' },
        { kind: 'list', items: summarySentences(ctx) },
        { kind: 'heading', level: 2, text: text.headings.partners, id: 'partners' },
        {
            kind: 'table',
            caption: text.headings.partners,
            head: [text.labels.partner, text.labels.id, text.labels.kind, text.labels.declaredIn],
            numeric: [false, false, false, false],
            rows: data.partners.map(partner => [partner.name, partner.id, partner.kind === null ? '—' : text.sentences.kind(partner.kind), partner.file])
        },
        ...poolBlocks(ctx),
        ...contributionBlocks(ctx),
        ...spendingBlocks(ctx),
        ...outcomeBlocks(ctx),
        ...paymentBlocks(ctx),
        ...shareBlocks(ctx),
        ...appraisalBlocks(ctx),
        ...approvalBlocks(ctx),
        // The parties: those whose approval the agreement needs, else those who contribute, else every partner.
        ...signatoryBlocks(
            ctx,
            data.signOff.required.length > 0
                ? data.signOff.required
                : data.totals.byPartner.length > 0
                  ? data.totals.byPartner.map(entry => entry.partner)
                  : data.partners.map(partner => partner.id)
        ),
        ...appendixBlocks(ctx)
    ];
    return [...overviewBlocks(ctx), ...contentsBlocks(ctx, sections), ...sections];
}

function statementBlocks(ctx: Context, statement: StatementData): Block[] {
    const { text } = ctx;
    const shareRows = statement.shares.map(share => [
        `${text.sentences.shareKind(share.kind)}: ${ctx.poolTitle(share.subject)}`,
        share.beforeCap === null ? ctx.money(share.amount) : text.sentences.statementCapped(ctx.money(share.amount), ctx.money(share.beforeCap))
    ]);
    return [
        ...aboutBlocks(ctx),
        ...verdictBlocks(ctx).slice(1, 2),
        { kind: 'heading', level: 2, text: text.headings.statement, id: 'statement' },
        {
            kind: 'paragraph',
            text: text.sentences.statementTotals(ctx.money(statement.totalContributed), ctx.money(statement.totalReceived), ctx.money(statement.totalBorne))
        },
        {
            kind: 'table',
            caption: `${text.labels.paysIn}: ${ctx.partnerName(statement.partner)}`,
            head: [text.labels.pool, text.labels.year, text.labels.amount],
            numeric: [false, false, true],
            rows: statement.contributions.map(entry => [ctx.poolTitle(entry.pool), entry.year, ctx.money(entry.amount)]),
            foot: [[text.labels.total, '', ctx.money(statement.totalContributed)]]
        },
        {
            kind: 'table',
            caption: `${text.headings.shares}: ${ctx.partnerName(statement.partner)}`,
            head: [text.labels.share, text.labels.amount],
            numeric: [false, true],
            rows: shareRows,
            foot: [
                [text.labels.receives, ctx.money(statement.totalReceived)],
                [text.labels.bears, ctx.money(statement.totalBorne)]
            ]
        },
        ...approvalBlocks(ctx),
        ...signatoryBlocks(ctx, [statement.partner]),
        ...appendixBlocks(ctx)
    ];
}

/** A report document as plain data, for sending between processes: each chart's SVG already drawn. */
export interface PortableReportDocument {
    readonly lang: ReportLang;
    readonly title: string;
    /** When the report was made (ISO 8601), printed in it and the PDF's dates. */
    readonly generatedAt?: string;
    readonly identity?: DocumentIdentity;
    readonly blocks: readonly (Exclude<Block, ChartBlock> | (Omit<ChartBlock, 'svg'> & { readonly svg: string }))[];
}

/** Draws the charts of a document so that it can travel as JSON (the editor's PDF export). */
export function toPortableDocument(document: ReportDocument): PortableReportDocument {
    return { ...document, blocks: document.blocks.map(block => (block.kind === 'chart' ? { ...block, svg: block.svg() } : block)) };
}

/** The document again from its portable form. */
export function fromPortableDocument(portable: PortableReportDocument): ReportDocument {
    return {
        ...portable,
        blocks: portable.blocks.map(block => {
            if (block.kind !== 'chart') return block;
            const svg = block.svg;
            return { ...block, svg: () => svg };
        })
    };
}
