import type { ContributionInfo, PoolInfo } from '../model/types.js';

/** Partners that put a known, positive amount into the pool, each with its first contribution line. */
export function contributors(pool: PoolInfo): Map<string, ContributionInfo> {
    const result = new Map<string, ContributionInfo>();
    for (const line of pool.contributions) {
        if (!result.has(line.partnerId) && (pool.byPartner.get(line.partnerId) ?? 0n) > 0n) {
            result.set(line.partnerId, line);
        }
    }
    return result;
}

/** Section 75 applies to pooled funds stated to be under it, and to pooled funds that state no other basis. */
export function isSection75(pool: PoolInfo): boolean {
    return pool.arrangement === 'pooled' && (pool.section === 75 || (pool.section === undefined && pool.basisText === undefined));
}
