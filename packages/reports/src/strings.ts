import { type MessageKey, t } from '@pool/language';

/**
 * The reports' text in English and Welsh: headings, labels and chart words come from the message
 * catalogue (packages/language/src/i18n/messages.ts, keys `report.*`); the sentence patterns,
 * which choose their words by the figures they are given, are here. Values put into a pattern are
 * formatted by the caller; escaping is the renderer's job. Welsh
 * follows the Welsh Government's public-sector terms (cronfa gyfun, arbedion, blwyddyn ariannol,
 * corff lletyol). A sentence built by the model itself (the description of what a share clause
 * shares) is English, so the Welsh report says the amount instead.
 */
export type ReportLang = 'en' | 'cy';

export interface ReportText {
    readonly reportTitle: (title: string) => string;
    readonly statementTitle: (partner: string, title: string) => string;
    readonly untitled: string;
    readonly skipLink: string;
    readonly unknown: string;
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
        readonly approvedText: string;
        readonly current: string;
        readonly stale: string;
        readonly severity: string;
        readonly code: string;
        readonly place: string;
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
    };
    /** Words inside the charts: axis and legend titles, and the RAG statuses' legend. */
    readonly chart: {
        readonly financialYear: string;
        readonly contributions: string;
        readonly partner: string;
        readonly share: string;
        readonly endOfPeriod: string;
        readonly status: string;
        readonly noStatus: string;
    };
    readonly sentences: {
        readonly contributes: (partner: string, amounts: string, pool: string, total: string | undefined) => string;
        readonly amountInYear: (amount: string, year: string) => string;
        readonly valueInYear: (value: string, year: string) => string;
        readonly valueByYear: (value: string, year: string) => string;
        /** What a share clause shares, said in words: the model's description (English) or the amount. */
        readonly shareBase: (description: string, amount: string) => string;
        readonly spends: (pool: string, spend: string, income: string, year: string, balance: string) => string;
        readonly noSpending: (pool: string) => string;
        readonly outcome: (description: string, direction: 'increase' | 'reduce' | null, baseline: string, target: string, measuredBy: string | undefined) => string;
        readonly latestActual: (value: string, period: string, rag: string | undefined, expected: string | undefined) => string;
        readonly payment: (rate: string, per: string, cap: string | undefined, atTarget: string | undefined) => string;
        readonly share: (kind: string, subject: string, parts: string, base: string | undefined) => string;
        readonly sharePart: (partner: string, percent: string, amount: string | undefined) => string;
        readonly reinvestPart: (percent: string, amount: string | undefined) => string;
        readonly savings: (pool: string, total: string, first: string, last: string, investment: string, netBenefit: string, payback: string | undefined, returnPerPound: string | undefined) => string;
        readonly approval: (approver: string, partner: string, date: string, stale: boolean) => string;
        readonly checksPassed: string;
        readonly checksFailed: (errors: number, warnings: number) => string;
        readonly checksWarnings: (warnings: number) => string;
        readonly noApprovals: string;
        readonly noOutcomes: string;
        readonly noShares: string;
        readonly fingerprintExplained: string;
        readonly statementTotals: (paysIn: string, receives: string, bears: string) => string;
        readonly chartContributions: (title: string) => string;
        readonly chartShares: (kind: string, subject: string) => string;
        readonly chartOutcome: (description: string) => string;
        readonly shareKind: (kind: string) => string;
        readonly trajectoryExplained: string;
    };
}

/** Headings, labels and chart words live in the message catalogue (keys `report.heading.*`, `report.label.*`, `report.chart.*`). */
const WORDS = {
    headings: { prefix: 'heading', names: ['about', 'summary', 'partners', 'contributions', 'spending', 'outcomes', 'shares', 'savings', 'approvals', 'statement', 'checks', 'fingerprint'] },
    labels: { prefix: 'label', names: ['reference', 'status', 'period', 'host', 'board', 'reviews', 'file', 'partner', 'id', 'kind', 'pool', 'year', 'total', 'income', 'spend', 'balance', 'outcome', 'baseline', 'target', 'direction', 'measuredBy', 'period2', 'actual', 'expected', 'progress', 'rag', 'earned', 'share', 'amount', 'cap', 'reinvested', 'projected', 'investment', 'netBenefit', 'payback', 'returnPerPound', 'approver', 'date', 'approvedText', 'current', 'stale', 'severity', 'code', 'place', 'message', 'sha256', 'agreementFingerprint', 'toolVersion', 'generatedAt', 'paysIn', 'receives', 'bears', 'noPayback', 'increase', 'reduce', 'green', 'amber', 'red', 'error', 'warning', 'info', 'hint', 'chartAlternative'] },
    chart: { prefix: 'chart', names: ['financialYear', 'contributions', 'partner', 'share', 'endOfPeriod', 'status', 'noStatus'] }
} as const;

type Words = Pick<ReportText, 'headings' | 'labels' | 'chart'>;

function catalogueWords(lang: ReportLang): Words {
    const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const group = (prefix: string, groupNames: readonly string[]) =>
        Object.fromEntries(groupNames.map(name => [name, t(`report.${prefix}.${kebab(name)}` as MessageKey, {} as never, lang)]));
    return {
        headings: group(WORDS.headings.prefix, WORDS.headings.names),
        labels: group(WORDS.labels.prefix, WORDS.labels.names),
        chart: group(WORDS.chart.prefix, WORDS.chart.names)
    } as unknown as Words;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const en: ReportText = {
    ...catalogueWords('en'),
    reportTitle: title => `${title}: agreement report`,
    statementTitle: (partner, title) => `${partner}: statement under ${title}`,
    untitled: 'Untitled agreement',
    skipLink: 'Skip to main content',
    unknown: 'unknown',
    sentences: {
        contributes: (partner, amounts, pool, total) => `${partner} puts ${amounts} into the ${pool}${total ? `: ${total} in all` : ''}.`,
        amountInYear: (amount, year) => `${amount} in ${year}`,
        valueInYear: (value, year) => `${value} in ${year}`,
        valueByYear: (value, year) => `${value} by ${year}`,
        shareBase: description => description,
        spends: (pool, spend, income, year, balance) => `In ${year} the ${pool} spends ${spend} of its ${income} income, leaving ${balance}.`,
        noSpending: pool => `No spending from the ${pool} is set out.`,
        outcome: (description, direction, baseline, target, measuredBy) =>
            `${description}: ${direction === 'increase' ? 'to rise' : direction === 'reduce' ? 'to fall' : 'to move'} from ${baseline} to ${target}${measuredBy ? `, measured by ${measuredBy}` : ''}.`,
        latestActual: (value, period, rag, expected) => `The latest actual is ${value} in ${period}${expected ? ` against ${expected} expected on the trajectory` : ''}${rag ? ` (${rag})` : ''}.`,
        payment: (rate, per, cap, atTarget) => `Payment by results: ${rate} per ${per}${cap ? `, up to ${cap}` : ''}${atTarget ? `; ${atTarget} if the target is met` : ''}.`,
        share: (kind, subject, parts, base) => `${kind} of the ${subject}${base ? ` (${base})` : ''} are shared: ${parts}.`,
        sharePart: (partner, percent, amount) => `${partner} ${percent}${amount ? ` (${amount})` : ''}`,
        reinvestPart: (percent, amount) => `${percent} reinvested${amount ? ` (${amount})` : ''}`,
        savings: (pool, total, first, last, investment, netBenefit, payback, returnPerPound) =>
            `Savings of ${total} are projected from the ${pool} from ${first} to ${last}, against ${investment} put in: a net benefit of ${netBenefit}${payback ? `, paying back in ${payback}` : ''}${returnPerPound ? `, ${returnPerPound} saved for every £1 put in` : ''}.`,
        approval: (approver, partner, date, stale) => `${approver} approved for ${partner} on ${date}${stale ? '; the text has changed since, so this approval is stale' : ''}.`,
        checksPassed: 'All checks passed.',
        checksFailed: (errors, warnings) => `The checks found ${plural(errors, 'error', 'errors')}${warnings ? ` and ${plural(warnings, 'warning', 'warnings')}` : ''}. The figures below may be incomplete until they are fixed.`,
        checksWarnings: warnings => `No errors; the checks found ${plural(warnings, 'warning', 'warnings')}.`,
        noApprovals: 'No approvals are recorded.',
        noOutcomes: 'No outcomes are set out.',
        noShares: 'No sharing of savings or risk is set out.',
        fingerprintExplained: 'A reviewer can compare these with the files they hold (sha256sum) to tell whether this report matches the agreement text.',
        statementTotals: (paysIn, receives, bears) => `In all it pays in ${paysIn}, receives ${receives} of shared benefits and bears ${bears} of overspends.`,
        chartContributions: title => `Chart: contributions to the ${title} by partner and year`,
        chartShares: (kind, subject) => `Chart: each partner's share of ${kind.toLowerCase()} of the ${subject}, in pounds`,
        chartOutcome: description => `Chart: ${description}, baseline to target, with actuals`,
        shareKind: kind => ({ savings: 'Savings', benefits: 'Benefits', overspend: 'Overspends', overspends: 'Overspends', underspend: 'Underspends', underspends: 'Underspends' } as Record<string, string>)[kind] ?? kind,
        trajectoryExplained: 'The dashed line is the straight-line trajectory from the baseline to the target; each dot is an actual, coloured by its status (green on track, amber at 75% or more of the expected improvement, red below).'
    }
};


const cy: ReportText = {
    ...catalogueWords('cy'),
    reportTitle: title => `${title}: adroddiad ar y cytundeb`,
    statementTitle: (partner, title) => `${partner}: datganiad o dan ${title}`,
    untitled: 'Cytundeb heb deitl',
    skipLink: 'Neidio i’r prif gynnwys',
    unknown: 'anhysbys',
    sentences: {
        contributes: (partner, amounts, pool, total) => `Mae ${partner} yn cyfrannu ${amounts} i’r gronfa ${pool}${total ? `: ${total} i gyd` : ''}.`,
        amountInYear: (amount, year) => `${amount} yn ${year}`,
        valueInYear: (value, year) => `${value} yn ${year}`,
        valueByYear: (value, year) => `${value} erbyn ${year}`,
        shareBase: (_description, amount) => `swm a rennir: ${amount}`,
        spends: (pool, spend, income, year, balance) => `Yn ${year} mae’r gronfa ${pool} yn gwario ${spend} o’i hincwm o ${income}, gan adael ${balance}.`,
        noSpending: pool => `Nid oes gwariant o’r gronfa ${pool} wedi’i nodi.`,
        outcome: (description, direction, baseline, target, measuredBy) =>
            `${description}: ${direction === 'increase' ? 'codi' : direction === 'reduce' ? 'gostwng' : 'symud'} o ${baseline} i ${target}${measuredBy ? `, wedi’i fesur gan ${measuredBy}` : ''}.`,
        latestActual: (value, period, rag, expected) => `Y gwerth gwirioneddol diweddaraf yw ${value} yn ${period}${expected ? ` yn erbyn ${expected} a ddisgwylir ar y llwybr` : ''}${rag ? ` (${rag})` : ''}.`,
        payment: (rate, per, cap, atTarget) => `Talu yn ôl canlyniadau: ${rate} am bob ${per}${cap ? `, hyd at ${cap}` : ''}${atTarget ? `; ${atTarget} os cyrhaeddir y targed` : ''}.`,
        share: (kind, subject, parts, base) => `Rhennir ${kind.toLowerCase()} y gronfa ${subject}${base ? ` (${base})` : ''}: ${parts}.`,
        sharePart: (partner, percent, amount) => `${partner} ${percent}${amount ? ` (${amount})` : ''}`,
        reinvestPart: (percent, amount) => `${percent} wedi’i ailfuddsoddi${amount ? ` (${amount})` : ''}`,
        savings: (pool, total, first, last, investment, netBenefit, payback, returnPerPound) =>
            `Rhagwelir arbedion o ${total} o’r gronfa ${pool} o ${first} i ${last}, yn erbyn ${investment} a roddwyd i mewn: budd net o ${netBenefit}${payback ? `, yn talu’n ôl yn ${payback}` : ''}${returnPerPound ? `, ${returnPerPound} wedi’i arbed am bob £1 a roddwyd i mewn` : ''}.`,
        approval: (approver, partner, date, stale) => `Cymeradwyodd ${approver} ar ran ${partner} ar ${date}${stale ? '; mae’r testun wedi newid ers hynny, felly mae’r gymeradwyaeth hon yn hen' : ''}.`,
        checksPassed: 'Pasiodd pob gwiriad.',
        checksFailed: (errors, warnings) => `Canfu’r gwiriadau ${errors} gwall${warnings ? ` a ${warnings} rhybudd` : ''}. Gall y ffigurau isod fod yn anghyflawn nes eu cywiro.`,
        checksWarnings: warnings => `Dim gwallau; canfu’r gwiriadau ${warnings} rhybudd.`,
        noApprovals: 'Nid oes cymeradwyaethau wedi’u cofnodi.',
        noOutcomes: 'Nid oes canlyniadau wedi’u nodi.',
        noShares: 'Nid oes trefniant i rannu arbedion na risg wedi’i nodi.',
        fingerprintExplained: 'Gall adolygydd gymharu’r rhain â’r ffeiliau sydd ganddo (sha256sum) i weld a yw’r adroddiad hwn yn cyfateb i destun y cytundeb.',
        statementTotals: (paysIn, receives, bears) => `At ei gilydd mae’n talu ${paysIn} i mewn, yn cael ${receives} o fuddion a rennir ac yn ysgwyddo ${bears} o orwariant.`,
        chartContributions: title => `Siart: cyfraniadau i’r gronfa ${title} fesul partner a blwyddyn`,
        chartShares: (kind, subject) => `Siart: cyfran pob partner o ${kind.toLowerCase()} y gronfa ${subject}, mewn punnoedd`,
        chartOutcome: description => `Siart: ${description}, o’r llinell sylfaen i’r targed, gyda’r gwerthoedd gwirioneddol`,
        shareKind: kind => ({ savings: 'Arbedion', benefits: 'Buddion', overspend: 'Gorwariant', overspends: 'Gorwariant', underspend: 'Tanwariant', underspends: 'Tanwariant' } as Record<string, string>)[kind] ?? kind,
        trajectoryExplained: 'Y llinell doriad yw’r llwybr syth o’r llinell sylfaen i’r targed; mae pob dot yn werth gwirioneddol, wedi’i liwio yn ôl ei statws (gwyrdd ar y trywydd iawn, ambr ar 75% neu fwy o’r gwelliant disgwyliedig, coch islaw hynny).'
    }
};

/** The report's words in each language; the compiler refuses a language that lacks one. */
export const REPORT_TEXT: Record<ReportLang, ReportText> = { en, cy };

export function reportText(lang: ReportLang = 'en'): ReportText {
    return REPORT_TEXT[lang] ?? en;
}
