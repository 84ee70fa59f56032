import type { ContributionInfo, PoolInfo, PoolYearFigures, SpendBlockInfo } from '../model/types.js';

/**
 * Partners that put money into the pool, each with its first contribution line. A partner whose
 * amount cannot be read (a bad amount) counts as contributing: that mistake is reported on its own.
 */
export function contributors(pool: PoolInfo): Map<string, ContributionInfo> {
    const result = new Map<string, ContributionInfo>();
    for (const line of pool.contributions) {
        const total = pool.byPartner.get(line.partnerId);
        if (!result.has(line.partnerId) && (total === undefined || total > 0n)) {
            result.set(line.partnerId, line);
        }
    }
    return result;
}

/** Section 75 applies to pooled funds stated to be under it, and to pooled funds that state no other basis. */
export function isSection75(pool: PoolInfo): boolean {
    return pool.arrangement === 'pooled' && (pool.section === 75 || (pool.section === undefined && pool.basisText === undefined));
}

/** The years in which a pool has spend lines and both its income and its spend are known exactly. */
export function* yearsWithSpending(pool: PoolInfo): Generator<{ figures: PoolYearFigures; income: bigint; spend: bigint; block: SpendBlockInfo }> {
    for (const figures of pool.years.values()) {
        if (figures.spendLines.length === 0 || figures.income === undefined || figures.spend === undefined) continue;
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a year has spend lines only from a spend block for that year
        const block = pool.spendBlocks.find(candidate => candidate.year.start === figures.year)!;
        yield { figures, income: figures.income, spend: figures.spend, block };
    }
}
