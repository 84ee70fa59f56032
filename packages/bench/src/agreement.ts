import { groupThousands } from '@pool/language';
import { SeededRandom } from './random.js';
import { at } from './checked.js';

/** How big a generated agreement is. */
export interface AgreementShape {
    /** Partners taking part (each contributes to every pool every year). */
    readonly partners: number;
    readonly pools: number;
    /** Financial years in the period, from `firstYear`. */
    readonly years: number;
    /** Spend lines per pool per year. */
    readonly spendPerYear: number;
    readonly outcomes: number;
    /** First calendar year of the period: 2020 means 2020/21. */
    readonly firstYear: number;
}

export interface GeneratedPartner {
    readonly id: string;
    readonly name: string;
    readonly kind: string;
}

interface GeneratedContribution {
    readonly partner: string;
    readonly pence: bigint;
}

interface GeneratedSpend {
    readonly name: string;
    readonly pence: bigint;
    readonly commissioner: string;
    readonly provider: string;
}

export interface GeneratedPoolYear {
    /** First calendar year: 2020 is 2020/21. */
    readonly year: number;
    readonly contributions: readonly GeneratedContribution[];
    /** The exact sum of the contributions; the spend lines add up to it too. */
    readonly total: bigint;
    readonly spend: readonly GeneratedSpend[];
}

export interface GeneratedPool {
    readonly id: string;
    readonly years: readonly GeneratedPoolYear[];
}

/**
 * The figures of a generated agreement, kept apart from any text so that the Pool file and the
 * equivalent ledgers are written from the same numbers.
 */
export interface AgreementFigures {
    readonly title: string;
    readonly shape: AgreementShape;
    readonly partners: readonly GeneratedPartner[];
    readonly host: string;
    readonly pools: readonly GeneratedPool[];
}

const KINDS = ['council', 'health', 'police', 'fire', 'central-government', 'voluntary', 'housing'] as const;
const KIND_NAMES: Record<(typeof KINDS)[number], string> = {
    council: 'Borough Council',
    health: 'Integrated Care Board',
    police: 'Constabulary',
    fire: 'Fire and Rescue Service',
    'central-government': 'Government Department',
    voluntary: 'Community Trust',
    housing: 'Housing Association'
};

/** `count` partners with ids `<prefix>001`…, kinds in rotation. */
export function makePartners(prefix: string, count: number): GeneratedPartner[] {
    const width = Math.max(3, String(count).length);
    return Array.from({ length: count }, (_, i) => {
        const number = String(i + 1).padStart(width, '0');
        const kind = at(KINDS, i % KINDS.length);
        return { id: `${prefix}${number}`, name: `${prefix.toUpperCase()} ${number} ${KIND_NAMES[kind]}`, kind };
    });
}

/** Splits `whole` pence into `parts` positive amounts that add up to it exactly. */
function splitExactly(random: SeededRandom, whole: bigint, parts: number): bigint[] {
    const weights = Array.from({ length: parts }, () => BigInt(random.int(1, 100)));
    const weightSum = weights.reduce((a, b) => a + b, 0n);
    const shares = weights.map(weight => (whole * weight) / weightSum);
    const given = shares.reduce((a, b) => a + b, 0n);
    shares[shares.length - 1] = at(shares, shares.length - 1) + (whole - given);
    return shares;
}

/**
 * Draws the figures of an agreement among `partners`: every partner contributes to every pool every
 * year, and each pool-year's spend lines use up its contributions exactly, so the agreement checks
 * clean.
 */
export function drawAgreement(random: SeededRandom, title: string, shape: AgreementShape, partners: readonly GeneratedPartner[]): AgreementFigures {
    const poolWidth = Math.max(2, String(shape.pools).length);
    const pools: GeneratedPool[] = [];
    for (let p = 1; p <= shape.pools; p++) {
        const id = `pot${String(p).padStart(poolWidth, '0')}`;
        const years: GeneratedPoolYear[] = [];
        for (let y = 0; y < shape.years; y++) {
            const contributions = partners.map(partner => ({ partner: partner.id, pence: random.bigint(100_000n, 25_000_000n) }));
            const total = contributions.reduce((sum, c) => sum + c.pence, 0n);
            const amounts = splitExactly(random, total, shape.spendPerYear);
            const spend = amounts.map((pence, s) => ({
                name: `Service ${s + 1} of ${id}`,
                pence,
                commissioner: random.pick(partners).id,
                provider: random.pick(partners).id
            }));
            years.push({ year: shape.firstYear + y, contributions, total, spend });
        }
        pools.push({ id, years });
    }
    return { title, shape, partners, host: at(partners, 0).id, pools };
}

/** `£1,234,567.89`. */
function formatPounds(pence: bigint): string {
    const pounds = groupThousands((pence / 100n).toString());
    return `£${pounds}.${(pence % 100n).toString().padStart(2, '0')}`;
}

/** `2020/21`. */
export function financialYear(first: number): string {
    return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

/** Percentages (in hundredths of a percent) for `count` partners that make exactly 100%. */
function evenPercentages(count: number): string[] {
    const base = Math.floor(10_000 / count);
    const extra = 10_000 - base * count;
    return Array.from({ length: count }, (_, i) => {
        const hundredths = base + (i < extra ? 1 : 0);
        const whole = Math.floor(hundredths / 100);
        const fraction = hundredths % 100;
        return fraction === 0 ? `${whole}%` : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}%`;
    });
}

export interface RenderOptions {
    /** Import lines written before the header, e.g. a shared register. */
    readonly imports?: readonly string[];
    /** Declare the partners in this file (false when they come from an imported register). */
    readonly declarePartners: boolean;
}

/** Writes an agreement's figures as a Pool file, with outcomes and shares around them. */
export function renderPoolAgreement(random: SeededRandom, figures: AgreementFigures, options: RenderOptions): string {
    const { shape } = figures;
    const out: string[] = [];
    for (const path of options.imports ?? []) out.push(`import "${path}"`);
    if (out.length > 0) out.push('');
    const lastYear = shape.firstYear + shape.years - 1;
    out.push(
        `agreement "${figures.title}" {`,
        `    reference "BENCH-${shape.firstYear}"`,
        '    status draft',
        `    period ${financialYear(shape.firstYear)} to ${financialYear(lastYear)}`,
        `    host ${figures.host}`,
        `    board "${figures.title} board"`,
        '}',
        ''
    );
    if (options.declarePartners) {
        out.push(...renderPartners(figures.partners), '');
    }
    for (const pool of figures.pools) {
        out.push(`pool ${pool.id} "Programme pot ${pool.id}" pooled under "the programme pooling agreement" {`);
        for (const year of pool.years) {
            out.push(`    ${financialYear(year.year)} {`);
            for (const c of year.contributions) out.push(`        ${c.partner.padEnd(8)} ${formatPounds(c.pence).padStart(14)}`);
            out.push(`        total    ${formatPounds(year.total).padStart(14)}`);
            out.push('    }');
        }
        out.push('}', '');
    }
    for (const pool of figures.pools) {
        for (const year of pool.years) {
            out.push(`spend ${pool.id} ${financialYear(year.year)} {`);
            for (const s of year.spend) {
                out.push(`    "${s.name}" ${formatPounds(s.pence).padStart(14)}  commissioned by ${s.commissioner}  provided by ${s.provider}`);
            }
            out.push('}', '');
        }
    }
    const outcomeWidth = Math.max(3, String(shape.outcomes).length);
    for (let o = 1; o <= shape.outcomes; o++) {
        const id = `outcome${String(o).padStart(outcomeWidth, '0')}`;
        const baseline = random.int(200, 5_000);
        const reduce = o % 2 === 0;
        const change = random.int(10, Math.floor(baseline / 3));
        const target = reduce ? baseline - change : baseline + change;
        out.push(
            `outcome ${id} "Outcome ${o}: people helped" {`,
            '    unit "people"',
            `    baseline ${baseline} in ${financialYear(shape.firstYear - 1)}`,
            `    target ${target} by ${financialYear(lastYear)}`,
            `    ${reduce ? 'reduce' : 'increase'}`,
            `    measured by ${random.pick(figures.partners).id}`,
            // Monitoring: a quarter and a year in, about on the straight line to the target.
            `    actual ${reduce ? baseline - Math.floor(change / 8) : baseline + Math.floor(change / 8)} in ${financialYear(shape.firstYear)} Q2`
        );
        if (o % 2 === 0) out.push(`    actual ${target} in ${financialYear(shape.firstYear + 1)}`);
        if (o % 5 === 0) {
            const rate = BigInt(random.int(50, 500)) * 100n;
            out.push(`    pays ${formatPounds(rate)} per person up to ${formatPounds(rate * BigInt(change))}`);
        }
        out.push('}', '');
    }
    const percentages = evenPercentages(figures.partners.length);
    for (const pool of figures.pools) {
        out.push(`share savings of ${pool.id} {`);
        figures.partners.forEach((partner, i) => out.push(`    ${partner.id.padEnd(8)} ${percentages[i]}`));
        out.push('}', `share overspend of ${pool.id} pro rata to contributions`, '');
    }
    return out.join('\n');
}

export function renderPartners(partners: readonly GeneratedPartner[]): string[] {
    return partners.map(p => `partner ${p.id.padEnd(8)} "${p.name}" ${p.kind}`);
}
