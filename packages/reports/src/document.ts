import { contributionsChart, outcomeChart, shareChart } from './charts.js';
import { listInWords } from '@pool/language';
import { formatAmount, formatPercentText, pence } from './format.js';
import type { Money, ReportData, ShareData, StatementData } from './report-data.js';
import { type ReportLang, type ReportText, reportText } from './strings.js';

/**
 * A report as a list of blocks in reading order. The text in blocks is plain (unescaped) text;
 * each renderer (HTML, Markdown, PDF) escapes it its own way, in one place, so no agreement text
 * can turn into markup in any of them.
 */
export type Block =
    | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string; readonly id?: string }
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
    readonly blocks: readonly Block[];
}

export interface DocumentOptions {
    readonly lang?: ReportLang;
    /** A statement for one partner instead of the whole agreement. */
    readonly partner?: string;
    /** When the report was made (ISO 8601), only when asked for: without it, output is byte-identical across runs. */
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
    if (options.partner !== undefined) {
        const statement = data.statements.find(entry => entry.partner === options.partner);
        if (!statement) throw new RangeError(`no partner ${options.partner} in ${data.file}`);
        return {
            lang: options.lang ?? 'en',
            title: text.statementTitle(ctx.partnerName(statement.partner), agreementTitle),
            blocks: statementBlocks(ctx, statement)
        };
    }
    return { lang: options.lang ?? 'en', title: text.reportTitle(agreementTitle), blocks: agreementBlocks(ctx) };
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
}

function aboutBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const agreement = data.agreement;
    const rows: [string, string][] = [[text.labels.file, data.file]];
    if (agreement) {
        if (agreement.reference) rows.push([text.labels.reference, agreement.reference]);
        if (agreement.status) rows.push([text.labels.status, agreement.status]);
        if (agreement.period) rows.push([text.labels.period, `${agreement.period.first} – ${agreement.period.last}`]);
        if (agreement.host) rows.push([text.labels.host, agreement.host.name ?? agreement.host.id]);
        if (agreement.board) rows.push([text.labels.board, agreement.board]);
        if (agreement.reviews.length > 0)
            rows.push([text.labels.reviews, agreement.reviews.map(review => (review.note ? `${review.date}: ${review.note}` : review.date)).join('; ')]);
    }
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
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.checks, id: 'checks' }, verdict];
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
        { kind: 'heading', level: 2, text: text.headings.fingerprint, id: 'fingerprint' },
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
                ...(generatedAt ? [[text.labels.generatedAt, generatedAt] as const] : [])
            ]
        }
    ];
}

function approvalBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.approvals, id: 'approvals' }];
    if (data.approvals.length === 0) return [...blocks, { kind: 'paragraph', text: text.sentences.noApprovals }];
    blocks.push({
        kind: 'table',
        caption: text.headings.approvals,
        head: [text.labels.partner, text.labels.approver, text.labels.date, text.labels.approvedText],
        numeric: [false, false, false, false],
        rows: data.approvals.map(approval => [
            ctx.partnerName(approval.partner),
            approval.approver,
            approval.date,
            approval.stale ? text.labels.stale : text.labels.current
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
        if (savings.byYear.length === 0) continue;
        sentences.push(
            text.sentences.savings(
                ctx.poolTitle(savings.pool),
                ctx.money(savings.total),
                savings.byYear[0].year,
                savings.byYear[savings.byYear.length - 1].year,
                ctx.money(savings.investment),
                ctx.money(savings.netBenefit),
                savings.paybackYear ?? undefined,
                savings.returnPerPound === null ? undefined : ctx.money(savings.returnPerPound)
            )
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
        text.sentences.shareKind(share.kind),
        share.subject.title,
        listInWords(parts, ctx.lang),
        share.base ? text.sentences.shareBase(share.base.basis, ctx.money(share.base.amount)) : undefined
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
            foot: [[text.labels.total, ...pool.years.map(year => ctx.money(year.income)), ctx.money(pool.income)]]
        });
    }
    if (data.pools.length > 1) {
        blocks.push({
            kind: 'table',
            caption: `${text.headings.contributions}: ${text.labels.total}`,
            head: [text.labels.partner, text.labels.total],
            numeric: [false, true],
            rows: data.totals.byPartner.map(entry => [ctx.partnerName(entry.partner), ctx.money(entry.amount)]),
            foot: [[text.labels.total, ctx.money(data.totals.income)]]
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
    return blocks;
}

function outcomeBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.headings.outcomes, id: 'outcomes' }];
    if (data.outcomes.length === 0) return [...blocks, { kind: 'paragraph', text: text.sentences.noOutcomes }];
    blocks.push({
        kind: 'table',
        caption: text.headings.outcomes,
        head: [text.labels.outcome, text.labels.baseline, text.labels.target, text.labels.direction, text.labels.measuredBy],
        numeric: [false, true, true, false, false],
        rows: data.outcomes.map(outcome => [
            outcome.description,
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
                head: [text.labels.period2, text.labels.actual, text.labels.expected, text.labels.progress, text.labels.rag, text.labels.earned],
                numeric: [false, true, true, true, false, true],
                rows: outcome.actuals.map(actual => [
                    actual.period,
                    actual.value,
                    actual.expected ?? '–',
                    actual.progressPercent === null ? '–' : `${actual.progressPercent}%`,
                    actual.rag ? text.labels[actual.rag] : '–',
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
    if (data.shares.length === 0) return [...blocks, { kind: 'paragraph', text: text.sentences.noShares }];
    for (const [index, share] of data.shares.entries()) {
        const subject = share.subject?.title ?? text.unknown;
        const kind = text.sentences.shareKind(share.kind);
        blocks.push({ kind: 'heading', level: 3, text: `${kind}: ${subject}` });
        if (share.base) blocks.push({ kind: 'paragraph', text: text.sentences.shareBase(share.base.basis, ctx.money(share.base.amount)) });
        const rows = share.lines.map(line => [
            ctx.partnerName(line.partner),
            ctx.percent(line.percent),
            line.amount === null ? '–' : ctx.money(line.amount),
            line.cap === null ? '–' : ctx.money(line.cap)
        ]);
        if (share.reinvest)
            rows.push([
                text.labels.reinvested,
                ctx.percent(share.reinvest.percent),
                share.reinvest.amount === null ? '–' : ctx.money(share.reinvest.amount),
                '–'
            ]);
        if (share.family === 'benefit' && share.lines.some(line => line.amount !== null)) {
            const id = `chart-share-${index + 1}`;
            blocks.push({
                kind: 'chart',
                id,
                title: text.sentences.chartShares(kind, subject),
                description: `${text.sentences.chartShares(kind, subject)}. ${text.labels.chartAlternative}`,
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
            head: [text.labels.partner, text.labels.share, text.labels.amount, text.labels.cap],
            numeric: [false, true, true, true],
            rows,
            foot: [[text.labels.total, ctx.percent(share.totalPercent), share.base ? ctx.money(share.base.amount) : '–', '']]
        });
    }
    for (const savings of data.savings) {
        blocks.push({ kind: 'heading', level: 3, text: `${text.headings.savings}: ${ctx.poolTitle(savings.pool)}` });
        blocks.push({
            kind: 'summary',
            rows: [
                [text.labels.projected, ctx.money(savings.total)],
                [text.labels.investment, ctx.money(savings.investment)],
                [text.labels.netBenefit, ctx.money(savings.netBenefit)],
                [text.labels.payback, savings.paybackYear ?? text.labels.noPayback],
                [text.labels.returnPerPound, savings.returnPerPound === null ? text.unknown : ctx.money(savings.returnPerPound)]
            ]
        });
    }
    return blocks;
}

function agreementBlocks(ctx: Context): Block[] {
    const { data, text } = ctx;
    return [
        ...aboutBlocks(ctx),
        ...verdictBlocks(ctx).slice(1, 2),
        { kind: 'heading', level: 2, text: text.headings.summary, id: 'summary' },
        { kind: 'list', items: summarySentences(ctx) },
        { kind: 'heading', level: 2, text: text.headings.partners, id: 'partners' },
        {
            kind: 'table',
            caption: text.headings.partners,
            head: [text.labels.partner, text.labels.id, text.labels.kind],
            numeric: [false, false, false],
            rows: data.partners.map(partner => [partner.name, partner.id, partner.kind ?? '—'])
        },
        ...contributionBlocks(ctx),
        ...spendingBlocks(ctx),
        ...outcomeBlocks(ctx),
        ...shareBlocks(ctx),
        ...approvalBlocks(ctx),
        ...verdictBlocks(ctx),
        ...fingerprintBlocks(ctx, ctx.generatedAt)
    ];
}

function statementBlocks(ctx: Context, statement: StatementData): Block[] {
    const { text } = ctx;
    const shareRows = statement.shares.map(share => [`${text.sentences.shareKind(share.kind)}: ${ctx.poolTitle(share.subject)}`, ctx.money(share.amount)]);
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
        ...verdictBlocks(ctx),
        ...fingerprintBlocks(ctx, ctx.generatedAt)
    ];
}

/** A report document as plain data, for sending between processes: each chart's SVG already drawn. */
export interface PortableReportDocument {
    readonly lang: ReportLang;
    readonly title: string;
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
