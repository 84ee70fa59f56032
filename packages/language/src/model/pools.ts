import type { LangiumDocument } from 'langium';
import type * as ast from '../generated/ast.js';
import type {
    ContributionInfo,
    DeclaredTotal,
    MinimumInfo,
    PartySpend,
    PoolInfo,
    PoolYearBlock,
    PoolYearFigures,
    RingFenceInfo,
    SpendBlockInfo,
    SpendLineInfo
} from './types.js';
import { moneyKinds, readFunding, readSpendMinimums, readStreams } from './streams.js';
import { mapAdd, occurrences, type ReadCache, shortfall, sumKnown, type ValueReader } from './values.js';

/** A spend block's lines as written; which ring-fence each is paid from is settled with its pool. */
export function readSpendBlock(node: ast.SpendBlock, values: ValueReader): SpendBlockInfo {
    const year = values.year(node, 'year', node.year);
    const poolId = node.pool?.$refText ?? '';
    const lines: SpendLineInfo[] = (node.lines ?? []).map(line => {
        const amount = values.amount(line.amount, line);
        return {
            node: line,
            poolId,
            name: line.name ?? '',
            year: year.start,
            amount,
            funding: readFunding(line, amount.pence),
            purposeTags: (line.purposes ?? []).map(ref => ref.$refText),
            commissioners: (line.commissioners ?? []).map(ref => ref.$refText),
            providers: (line.providers ?? []).map(ref => ref.$refText),
            ringfenceTags: (line.ringfences ?? []).map(ref => ref.$refText),
            // Numbered across every block of the pool and year once all are read (build-model.ts).
            occurrence: 0
        };
    });
    return { node, poolId, year, lines };
}

/**
 * A pool with every figure about it: contributions per year and partner, spend against income,
 * minimums met or short, ring-fences spent or short. `spendBlocks` are the blocks that name it.
 */
export function readPool(
    node: ast.Pool,
    document: LangiumDocument,
    spendBlocks: readonly SpendBlockInfo[],
    values: ValueReader,
    kept: ReadCache<ast.Pool, readonly PoolYearBlock[]>
): PoolInfo {
    const blocks = kept.read(node, document, values, own => readYearBlocks(node, own));
    const contributions = blocks.flatMap(block => block.contributions);

    // A ring-fence a syntax error left without its name cannot be tagged; the error says so.
    const fences = (node.ringfences ?? [])
        .filter(ringfence => ringfence.name)
        .map(ringfence => ({
            node: ringfence,
            id: ringfence.name,
            purpose: ringfence.purpose,
            amount: values.amount(ringfence.amount, ringfence),
            year: values.year(ringfence, 'year', ringfence.year)
        }));
    // A line is paid from a ring-fence when its one tag names a fence of the pool for the line's year.
    const spendLines: SpendLineInfo[] = spendBlocks
        .flatMap(block => block.lines)
        .map(line => {
            const [tag, ...more] = line.ringfenceTags;
            const fence =
                tag !== undefined && more.length === 0 ? fences.find(candidate => candidate.id === tag && candidate.year.start === line.year) : undefined;
            return fence ? Object.assign(line, { ringfence: fence.id }) : line;
        });
    const ringfences: RingFenceInfo[] = fences.map(fence => {
        const taggedLines = spendLines.filter(line => line.ringfence === fence.id && line.year === fence.year.start);
        const taggedSpend = sumKnown(taggedLines.map(line => line.amount.pence));
        return { ...fence, taggedLines, taggedSpend, shortfall: shortfall(fence.amount.pence, taggedSpend) };
    });

    const yearNumbers = new Set<number>();
    for (const block of blocks) if (block.year.start !== undefined) yearNumbers.add(block.year.start);
    for (const block of spendBlocks) if (block.year.start !== undefined) yearNumbers.add(block.year.start);
    const years = new Map<number, PoolYearFigures>();
    for (const year of [...yearNumbers].sort((a, b) => a - b)) {
        years.set(year, yearFigures(year, blocks, contributions, spendLines, ringfences));
    }
    const byPartner = new Map<string, bigint | undefined>();
    for (const line of contributions) mapAdd(byPartner, line.partnerId, line.amount.pence);

    const minimums: MinimumInfo[] = (node.minimums ?? [])
        .filter(minimum => minimum.partner?.$refText)
        .map(minimum => {
            const partnerId = minimum.partner?.$refText ?? '';
            const amount = values.amount(minimum.amount, minimum);
            const year = values.year(minimum, 'year', minimum.year);
            const lines = contributions.filter(line => line.partnerId === partnerId && line.year !== undefined && line.year === year.start);
            const contributed = year.start === undefined ? undefined : sumKnown(lines.map(line => line.amount.pence));
            return { node: minimum, partnerId, amount, year, lines, contributed, shortfall: shortfall(amount.pence, contributed) };
        });

    return {
        node,
        document,
        id: node.name,
        title: node.title ?? node.name,
        arrangement: node.arrangement,
        section: node.basis?.section !== undefined ? Number(node.basis.section.replace(/,/g, '')) : undefined,
        basisText: node.basis?.text,
        blocks,
        years,
        contributions,
        income: sumKnown(contributions.map(line => line.amount.pence)),
        byPartner,
        declaredTotals: (node.totals ?? []).map(total => ({ node: total, amount: values.amount(total.amount, total) }) satisfies DeclaredTotal),
        spendBlocks,
        spend: sumKnown(spendLines.map(line => line.amount.pence)),
        minimums,
        ringfences,
        streams: readStreams(node, contributions, spendLines, values),
        purposes: (node.purposes ?? [])
            .filter(purpose => purpose.name)
            .map(purpose => ({ node: purpose, id: purpose.name, title: purpose.title ?? purpose.name })),
        spendMinimums: readSpendMinimums(node, spendLines, values),
        money: moneyKinds(contributions),
        spendByCommissioner: spendByParty(spendLines, line => line.commissioners),
        spendByProvider: spendByParty(spendLines, line => line.providers),
        contents: (node.contents ?? [])
            .flatMap(block => block.items ?? [])
            .filter(item => item.topic && item.text !== undefined)
            .map(item => ({ node: item, topic: item.topic, text: item.text }))
    };
}

/**
 * A pool's year blocks as written: its contributions, numbered per partner and year, and its
 * declared totals. Read from the pool alone, so kept while its syntax node is (see {@link ReadCache}).
 */
function readYearBlocks(node: ast.Pool, values: ValueReader): readonly PoolYearBlock[] {
    const blocks: PoolYearBlock[] = (node.years ?? []).map(block => {
        const year = values.year(block, 'year', block.year);
        return {
            node: block,
            year,
            contributions: (block.contributions ?? [])
                .filter(line => line.partner?.$refText)
                .map(
                    line =>
                        ({
                            node: line,
                            partnerId: line.partner?.$refText ?? '',
                            year: year.start,
                            amount: values.amount(line.amount, line),
                            note: line.note,
                            streamId: line.stream?.$refText,
                            money: line.money,
                            occurrence: 0
                        }) satisfies ContributionInfo
                ),
            declaredTotals: (block.totals ?? []).map(total => ({ node: total, amount: values.amount(total.amount, total) }))
        };
    });
    // A partner may have several lines in a year (several blocks for one year included).
    const written = blocks.flatMap(block => block.contributions);
    const occurrence = occurrences(written, line => `${line.year ?? line.node.$container.year}\u0000${line.partnerId}`);
    for (const [index, line] of written.entries()) Object.assign(line, { occurrence: occurrence[index] ?? 0 });
    return blocks;
}

function yearFigures(
    year: number,
    blocks: readonly PoolYearBlock[],
    contributions: readonly ContributionInfo[],
    spendLines: readonly SpendLineInfo[],
    ringfences: readonly RingFenceInfo[]
): PoolYearFigures {
    const yearContributions = contributions.filter(line => line.year === year);
    const yearSpend = spendLines.filter(line => line.year === year);
    const byPartner = new Map<string, bigint | undefined>();
    for (const line of yearContributions) mapAdd(byPartner, line.partnerId, line.amount.pence);
    const income = sumKnown(yearContributions.map(line => line.amount.pence));
    const spend = sumKnown(yearSpend.map(line => line.amount.pence));
    const fences = ringfences.filter(fence => fence.year.start === year);
    const fenced = sumKnown(fences.map(fence => fence.amount.pence));
    const untaggedLines = yearSpend.filter(line => line.ringfence === undefined);
    return {
        year,
        contributions: yearContributions,
        income,
        declaredTotals: blocks.filter(block => block.year.start === year).flatMap(block => block.declaredTotals),
        byPartner,
        spendLines: yearSpend,
        spend,
        balance: yearSpend.length > 0 && income !== undefined && spend !== undefined ? income - spend : undefined,
        ringfences: fences,
        fenced,
        unfenced: income !== undefined && fenced !== undefined ? income - fenced : undefined,
        untaggedLines,
        untaggedSpend: sumKnown(untaggedLines.map(line => line.amount.pence)),
        money: moneyKinds(yearContributions)
    };
}

/**
 * Spend lines by each partner named on them in one role (commissioner or provider), in the order
 * partners are first named, and the lines naming none last. A line naming several partners counts
 * in full for each, as joint spend: the agreement does not say how to divide it.
 */
function spendByParty(lines: readonly SpendLineInfo[], named: (line: SpendLineInfo) => readonly string[]): PartySpend[] {
    const byPartner = new Map<string, SpendLineInfo[]>();
    const unnamed: SpendLineInfo[] = [];
    for (const line of lines) {
        const partners = [...new Set(named(line))];
        if (partners.length === 0) unnamed.push(line);
        for (const partner of partners) {
            const list = byPartner.get(partner);
            if (list) list.push(line);
            else byPartner.set(partner, [line]);
        }
    }
    const party = (partnerId: string | undefined, partyLines: readonly SpendLineInfo[]): PartySpend => {
        const alone = partyLines.filter(line => new Set(named(line)).size <= 1);
        const jointly = partyLines.filter(line => new Set(named(line)).size > 1);
        return {
            partnerId,
            lines: partyLines,
            alone: sumKnown(alone.map(line => line.amount.pence)),
            jointly: sumKnown(jointly.map(line => line.amount.pence))
        };
    };
    const parties = [...byPartner].map(([partnerId, partyLines]) => party(partnerId, partyLines));
    if (unnamed.length > 0 && parties.length > 0) parties.push(party(undefined, unnamed));
    return parties;
}
