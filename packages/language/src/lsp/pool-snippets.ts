import { type Lang, t, word, type WordKey } from '../i18n/index.js';
import { allocate } from '../money/allocate.js';
import { formatPercent } from '../money/percent.js';
import { Rational } from '../money/rational.js';
import { yearLabel } from '../money/financial-year.js';

/**
 * Snippets for every construct of the language, in LSP snippet syntax (`${1:placeholder}`), and
 * the whole-agreement template offered in an empty file. Years and partner ids are filled from the
 * agreement where it has them, so a snippet is right first time more often.
 */

export interface SnippetContext {
    /** The financial years of the agreement period; the first is the default year. */
    readonly years: readonly number[];
    /** Partner ids visible in the file, in declaration order. */
    readonly partners: readonly string[];
    /** Pool ids visible in the file. */
    readonly pools: readonly string[];
    /** The financial year under way today (2024 for 2024/25), for files with no period yet. */
    readonly currentYear: number;
    /** Today, `2025-03-31`, for dates. */
    readonly today: string;
    /** The fingerprint of the text as it stands, which an approval records. */
    readonly fingerprint?: string;
    /** The language of each snippet's description; English unless said. */
    readonly lang?: Lang;
}

/** Placeholder words a snippet puts in the text for the user to type over, by their English. */
const PLACEHOLDER_WORDS: Readonly<Record<string, WordKey>> = {
    'Title of the agreement': 'snippet.text.title',
    'Full name': 'snippet.text.full-name',
    'Name of the pool': 'snippet.text.pool-name',
    'What the pool pays for': 'snippet.text.pays-for',
    'Director of Finance': 'snippet.text.approver',
    Description: 'snippet.text.description',
    Purpose: 'snippet.text.purpose',
    'Name of the council': 'snippet.text.council-name',
    'Name of the NHS body': 'snippet.text.nhs-name',
    'What the partners want to change': 'snippet.text.change',
    people: 'snippet.text.people',
    families: 'snippet.text.families',
    'Name of the funding stream': 'snippet.text.stream-name',
    'What the partners aim to achieve': 'snippet.text.aims',
    "Each partner's contribution and how it may vary": 'snippet.text.contributions',
    'The functions and services the fund covers': 'snippet.text.functions',
    'The staff, goods, services and accommodation provided': 'snippet.text.resources',
    'From when to when': 'snippet.text.duration',
    'How and when it is reviewed': 'snippet.text.review',
    'How it can end, and what happens then': 'snippet.text.termination',
    'Who manages and monitors it, and how': 'snippet.text.management'
};

/** The topics regulation 7 lists for a section 75 agreement, and what each asks for. */
const CONTENTS_TOPICS = ['aims', 'contributions', 'functions', 'resources', 'duration', 'review', 'termination', 'management'] as const;
const CONTENTS_PROMPTS = [
    'What the partners aim to achieve',
    "Each partner's contribution and how it may vary",
    'The functions and services the fund covers',
    'The staff, goods, services and accommodation provided',
    'From when to when',
    'How and when it is reviewed',
    'How it can end, and what happens then',
    'Who manages and monitors it, and how'
] as const;

/** The snippets with their placeholder words in the context's language (keywords and ids stay as they are). */
function inLanguage(snippets: Snippet[], context: SnippetContext): Snippet[] {
    return snippets.map(snippet => snippetInLanguage(snippet, context));
}

function snippetInLanguage(snippet: Snippet, context: SnippetContext): Snippet {
    const lang = context.lang ?? 'en';
    if (lang === 'en') return snippet;
    return {
        ...snippet,
        body: snippet.body.replace(/\$\{(\d+):([^}$|]*)\}/g, (whole, index: string, words: string) => {
            const key = PLACEHOLDER_WORDS[words];
            return key ? `\${${index}:${word(key, lang)}}` : whole;
        })
    };
}

/** The financial year (its first calendar year) that contains `date`: April to March. */
export function financialYearOf(date: Date): number {
    return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

export interface Snippet {
    /** The word a user types to find it; also the keyword it starts with. */
    readonly keyword: string;
    readonly label: string;
    /** One line shown beside the label. */
    readonly detail: string;
    readonly body: string;
}

/** Escapes text that goes into a snippet literally (`$`, `}` and `\` are special). */
function literal(text: string): string {
    return text.replace(/[$}\\]/g, character => `\\${character}`);
}

/** `${n|a,b,c|}` when there are choices, `${n:fallback}` otherwise. */
function choice(index: number, options: readonly string[], fallback: string): string {
    const usable = options.filter(option => /^[\w-]+$/.test(option));
    return usable.length > 1 ? `\${${index}|${usable.join(',')}|}` : `\${${index}:${literal(usable[0] ?? fallback)}}`;
}

function defaultYear(context: SnippetContext, offset = 0): string {
    return yearLabel((context.years[0] ?? context.currentYear) + offset);
}

function lastYear(context: SnippetContext): string {
    const last = context.years[context.years.length - 1];
    return last === undefined ? defaultYear(context, 2) : yearLabel(last);
}

/** Snippets that may start wherever a declaration may (the top level of a file). */
export function declarationSnippets(context: SnippetContext): Snippet[] {
    return inLanguage(declarationSnippetsInEnglish(context), context);
}

function declarationSnippetsInEnglish(context: SnippetContext): Snippet[] {
    const partner = (index: number) => choice(index, context.partners, 'partner_id');
    const pool = (index: number) => choice(index, context.pools, 'pool_id');
    const year = defaultYear(context);
    return [
        {
            keyword: 'agreement',
            label: 'agreement',
            detail: t('snippet.agreement', {}, context.lang ?? 'en'),
            body: [
                'agreement "${1:Title of the agreement}" {',
                '    reference "${2:REF-001}"',
                '    status ${3|draft,proposed,signed|}',
                '    version "${4:0.1}"',
                `    period \${5:${year}} to \${6:${lastYear(context)}}`,
                `    host ${partner(7)}`,
                '}',
                '$0'
            ].join('\n')
        },
        {
            keyword: 'partner',
            label: 'partner',
            detail: t('snippet.partner', {}, context.lang ?? 'en'),
            body: 'partner ${1:id} "${2:Full name}" ${3|council,health,police,fire,central-government,voluntary,housing,private,other|}$0'
        },
        {
            keyword: 'import',
            label: 'import',
            detail: t('snippet.import', {}, context.lang ?? 'en'),
            body: 'import "${1:registers/partners.pool}"$0'
        },
        {
            keyword: 'pool',
            label: 'pool',
            detail: t('snippet.pool', {}, context.lang ?? 'en'),
            body: [
                'pool ${1:pool_id} "${2:Name of the pool}" ${3|pooled,aligned,in-kind|} {',
                `    \${4:${year}} {`,
                `        ${partner(5)}   \${6:£0}`,
                '    }',
                '}',
                '$0'
            ].join('\n')
        },
        {
            keyword: 'spend',
            label: 'spend',
            detail: t('snippet.spend', {}, context.lang ?? 'en'),
            body: [`spend ${pool(1)} \${2:${year}} {`, `    "\${3:What the pool pays for}"   \${4:£0}   commissioned by ${partner(5)}`, '}', '$0'].join('\n')
        },
        {
            keyword: 'outcome',
            label: 'outcome',
            detail: t('snippet.outcome', {}, context.lang ?? 'en'),
            body: outcomeBody(context, 'people', '${8|increase,reduce|}', partner(9), [])
        },
        {
            keyword: 'outcome',
            label: 'outcome with payment by results',
            detail: t('snippet.outcome-payment', {}, context.lang ?? 'en'),
            body: outcomeBody(context, 'families', 'increase', partner(8), [
                '    pays ${9:£1,000} per ${10:family} up to ${11:£100,000} {',
                `        \${12:${year}} upfront \${13:80%} results \${14:20%}`,
                '    }'
            ])
        },
        {
            keyword: 'share',
            label: 'share with percentages',
            detail: t('snippet.share-percentages', {}, context.lang ?? 'en'),
            body: [`share \${1|savings,benefits,overspend,underspend|} of ${pool(2)} {`, ...sharesLines(context), '}', '$0'].join('\n')
        },
        {
            keyword: 'share',
            label: 'share pro rata',
            detail: t('snippet.share-pro-rata', {}, context.lang ?? 'en'),
            body: `share \${1|savings,benefits,overspend,underspend|} of ${pool(2)} pro rata to contributions$0`
        },
        {
            keyword: 'approvals',
            label: 'approvals',
            detail: t('snippet.approvals', {}, context.lang ?? 'en'),
            body: [
                'approvals {',
                `    ${partner(1)}   "\${2:Director of Finance}"   \${3:${context.today}} fingerprint "\${4:${context.fingerprint ?? 'sha256:'}}"`,
                '}',
                '$0'
            ].join('\n')
        },
        {
            keyword: 'savings',
            label: 'savings projection',
            detail: t('snippet.savings', {}, context.lang ?? 'en'),
            body: [`savings of ${pool(1)} {`, `    \${2:${year}} { ${partner(3)} \${4:£0} }`, '}', '$0'].join('\n')
        },
        {
            keyword: 'unit',
            label: 'unit cost',
            detail: t('snippet.unit-cost', {}, context.lang ?? 'en'),
            body: [
                'unit cost ${1:unit_cost_id} "${2:What one success avoids}" {',
                '    agency "${3:Agency}"',
                '    saving ${4:£1,000} per ${5:family}',
                '    cashable ${6:£0}',
                '    source "${7:Where the figure comes from}"',
                `    prices \${8:${defaultYear(context, -1)}}`,
                '}',
                '$0'
            ].join('\n')
        },
        {
            keyword: 'appraisal',
            label: 'appraisal',
            detail: t('snippet.appraisal', {}, context.lang ?? 'en'),
            body: [
                `appraisal of ${pool(1)} {`,
                `    cohort \${2:100} in \${3:${year}}`,
                '    engagement ${4:80%}',
                '    success ${5:50%}',
                '    deadweight ${6:20%}',
                '    optimism bias ${7:15%}',
                '    benefits last ${8:2} years',
                `    saving \${9:unit_cost_id} for ${partner(10)}`,
                '}',
                '$0'
            ].join('\n')
        }
    ];
}

/** An outcome with its baseline the year before the period and its target at the end of it. */
function outcomeBody(context: SnippetContext, unit: string, direction: string, measuredBy: string, payment: readonly string[]): string {
    return [
        'outcome ${1:outcome_id} "${2:Description}" {',
        `    unit "\${3:${unit}}"`,
        `    baseline \${4:0} in \${5:${defaultYear(context, -1)}}`,
        `    target \${6:100} by \${7:${lastYear(context)}}`,
        `    ${direction}`,
        `    measured by ${measuredBy}`,
        ...payment,
        '}',
        '$0'
    ].join('\n');
}

/** Share lines that already make 100% when the agreement has partners to share between. */
function sharesLines(context: SnippetContext): string[] {
    const partners = context.partners.filter(id => /^[\w-]+$/.test(id)).slice(0, 4);
    if (partners.length === 0) return ['    ${3:partner_id}  ${4:100%}'];
    // Equal parts in hundredths of a percent, split so that they make exactly 100%.
    const parts = allocate(
        10_000n,
        partners.map(() => Rational.ONE)
    );
    // One part for each partner, in order.
    return parts.map((hundredths, index) => `    ${partners[index] ?? ''}  \${${index + 3}:${formatPercent(Rational.of(hundredths, 100n))}}`);
}

/** Snippets that may start inside an outcome's braces. */
export function outcomeBodySnippets(context: SnippetContext): Snippet[] {
    return inLanguage(outcomeBodySnippetsInEnglish(context), context);
}

function outcomeBodySnippetsInEnglish(context: SnippetContext): Snippet[] {
    return [
        {
            keyword: 'actual',
            label: 'actual',
            detail: t('snippet.actual', {}, context.lang ?? 'en'),
            body: `actual \${1:0} in \${2:${yearLabel(context.years.includes(context.currentYear) ? context.currentYear : (context.years[0] ?? context.currentYear))}} \${3|Q1,Q2,Q3,Q4|}$0`
        },
        {
            keyword: 'cohort',
            label: 'cohort',
            detail: t('snippet.cohort', {}, context.lang ?? 'en'),
            // One attachment line for each year of the agreement (at most three), the upfront part falling year by year as in Troubled Families.
            body: [
                'cohort pays ${1:£4,000} per ${2:family} up to ${3:£0} {',
                ...cohortYears(context).map(
                    (year, index) =>
                        `    \${${index * 2 + 4}:${yearLabel(year)}} attach \${${index * 2 + 5}:0} upfront ${['80%', '60%', '40%'][index] ?? '40%'}`
                ),
                '}$0'
            ].join('\n')
        }
    ];
}

/** The years a cohort snippet attaches in: the agreement's first three, or this year alone. */
function cohortYears(context: SnippetContext): number[] {
    return context.years.length > 0 ? context.years.slice(0, 3) : [context.currentYear];
}

/** Snippets that may start inside a pool's braces. */
export function poolBodySnippets(context: SnippetContext, usedYears: ReadonlySet<number>): Snippet[] {
    return inLanguage(poolBodySnippetsInEnglish(context, usedYears), context);
}

function poolBodySnippetsInEnglish(context: SnippetContext, usedYears: ReadonlySet<number>): Snippet[] {
    const partner = (index: number) => choice(index, context.partners, 'partner_id');
    const free = context.years.find(year => !usedYears.has(year));
    const year = free === undefined ? defaultYear(context) : yearLabel(free);
    return [
        {
            keyword: year,
            label: `${year} { … }`,
            detail: t('snippet.year', {}, context.lang ?? 'en'),
            body: [`\${1:${year}} {`, `    ${partner(2)}   \${3:£0}`, '}$0'].join('\n')
        },
        {
            keyword: 'minimum',
            label: 'minimum',
            detail: t('snippet.minimum', {}, context.lang ?? 'en'),
            body: `minimum ${partner(1)} \${2:£0} in \${3:${year}}$0`
        },
        {
            keyword: 'ringfence',
            label: 'ringfence',
            detail: t('snippet.ringfence', {}, context.lang ?? 'en'),
            body: `ringfence \${1:ringfence_id} "\${2:Purpose}" \${3:£0} in \${4:${year}}$0`
        },
        {
            keyword: 'stream',
            label: 'stream',
            detail: t('snippet.stream', {}, context.lang ?? 'en'),
            body: [`stream \${1:stream_id} "\${2:Name of the funding stream}" {`, `    minimum \${3:£0} in \${4:${year}}`, '}$0'].join('\n')
        },
        {
            keyword: 'contents',
            label: 'contents',
            detail: t('snippet.contents', {}, context.lang ?? 'en'),
            body: ['contents {', ...CONTENTS_TOPICS.map((topic, index) => `    ${topic} "\${${index + 1}:${CONTENTS_PROMPTS[index]}}"`), '}$0'].join('\n')
        }
    ];
}

/** Everything an agreement needs, for a new, empty file. */
export function agreementTemplate(context: SnippetContext): Snippet {
    return snippetInLanguage(agreementTemplateInEnglish(context), context);
}

function agreementTemplateInEnglish(context: SnippetContext): Snippet {
    const first = defaultYear(context);
    const third = defaultYear(context, 2);
    return {
        keyword: 'agreement',
        label: 'agreement template',
        detail: t('snippet.template', {}, context.lang ?? 'en'),
        body: [
            'agreement "${1:Title of the agreement}" {',
            '    reference "${2:REF-001}"',
            '    status draft',
            '    version "${3:0.1}"',
            `    period \${4:${first}} to \${5:${third}}`,
            '    host ${6:council}',
            '}',
            '',
            'partner ${6:council} "${7:Name of the council}" council',
            'partner ${8:ccg} "${9:Name of the NHS body}" health',
            '',
            'pool ${10:fund} "${11:Name of the pool}" pooled under section 75 {',
            `    \${4:${first}} {`,
            '        ${6:council}   ${12:£1,000,000}',
            '        ${8:ccg}   ${13:£1,000,000}',
            '    }',
            '}',
            '',
            `spend \${10:fund} \${4:${first}} {`,
            '    "${14:What the pool pays for}"   ${15:£2,000,000}   commissioned by ${6:council}',
            '}',
            '',
            'outcome ${16:outcome_id} "${17:What the partners want to change}" {',
            '    unit "${18:people}"',
            `    baseline \${19:0} in \${20:${defaultYear(context, -1)}}`,
            `    target \${21:100} by \${5:${third}}`,
            '    increase',
            '    measured by ${6:council}',
            '}',
            '',
            'share savings of ${10:fund} pro rata to contributions',
            'share overspend of ${10:fund} pro rata to contributions',
            '$0'
        ].join('\n')
    };
}
