import type { AgreementModel, PartnerInfo, ShareInfo } from './types.js';

/**
 * One partner's statement: what it pays into each pool in each year, what it receives of shared
 * savings and what it bears of overspends (no more than its cap), with its own totals. Every
 * figure is read from the model, so the statements of all partners add up to the agreement's
 * totals exactly: contributions to the pools' income, benefit parts (with any reinvestment) to the
 * amount shared, and overspend parts (with the part no cap covers) to the overspend.
 */
export interface PartnerStatement {
    readonly partner: PartnerInfo | undefined;
    readonly partnerId: string;
    /** Contributions per pool, per year. */
    readonly contributions: readonly { readonly poolId: string; readonly poolTitle: string; readonly year: number; readonly pence: bigint | undefined }[];
    /** Contributions over all pools and years. */
    readonly totalContributed: bigint | undefined;
    /** The partner's part of each share clause that has an amount in pounds. */
    readonly shares: readonly StatementShare[];
    /** What it receives of shared benefits (savings, payments by results), over all clauses. */
    readonly totalReceived: bigint;
    /** What it bears of overspends once caps apply (or receives of underspends), over all risk clauses. */
    readonly totalBorne: bigint;
}

export interface StatementShare {
    readonly share: ShareInfo;
    /** The partner's part: for an overspend, what it bears once its cap applies. */
    readonly pence: bigint;
    /** Its share before the cap, when the cap cuts it down. */
    readonly beforeCap?: bigint;
}

export function partnerStatement(model: AgreementModel, partnerId: string): PartnerStatement {
    const contributions = model.pools.flatMap(pool =>
        [...pool.years.values()]
            .filter(figures => figures.byPartner.has(partnerId))
            .map(figures => ({ poolId: pool.id, poolTitle: pool.title, year: figures.year, pence: figures.byPartner.get(partnerId) }))
    );
    const shares: StatementShare[] = [];
    for (const share of model.shares) {
        const { pounds, liabilities } = share;
        if (!pounds) continue;
        share.lines.forEach((line, index) => {
            if (line.partnerId !== partnerId) return;
            const part = pounds.byLine[index] ?? 0n;
            const borne = liabilities?.byLine[index];
            shares.push(borne !== undefined && borne !== part ? { share, pence: borne, beforeCap: part } : { share, pence: part });
        });
    }
    const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
    return {
        partner: model.partners.get(partnerId),
        partnerId,
        contributions,
        totalContributed: model.totals.byPartner.get(partnerId) ?? (contributions.length === 0 ? 0n : undefined),
        shares,
        totalReceived: sum(shares.filter(entry => entry.share.family === 'benefit').map(entry => entry.pence)),
        totalBorne: sum(shares.filter(entry => entry.share.family === 'risk').map(entry => entry.pence))
    };
}

/** Statements for every partner the agreement can see, in declaration order. */
export function partnerStatements(model: AgreementModel): PartnerStatement[] {
    return [...model.partners.keys()].map(id => partnerStatement(model, id));
}
