import { describe, expect, it } from 'vitest';
import { partnerStatement, partnerStatements } from '../src/model/statements.js';
import { repoWorkspace } from './helpers.js';

describe('per-partner statements', () => {
    it.each(['examples/troubled-families.pool', 'examples/better-care-fund.pool', 'examples/essex-whole-place.pool', 'examples/neighbourhood-budget.pool'])(
        '%s: the statements of all partners add up to the agreement totals exactly',
        async file => {
            const ws = await repoWorkspace(file);
            const model = ws.model(file);
            const statements = partnerStatements(model);
            const contributed = statements.reduce((sum, statement) => sum + (statement.totalContributed ?? 0n), 0n);
            expect(contributed).toBe(model.totals.income);
            for (const pool of model.pools) {
                for (const figures of pool.years.values()) {
                    const fromStatements = statements
                        .flatMap(s => s.contributions)
                        .filter(c => c.poolId === pool.id && c.year === figures.year)
                        .reduce((sum, c) => sum + c.pence!, 0n);
                    expect(fromStatements, `${pool.id} ${figures.year}`).toBe(figures.income);
                }
            }
            for (const share of model.shares.filter(s => s.pounds)) {
                const fromStatements = statements
                    .flatMap(s => s.shares)
                    .filter(entry => entry.share === share)
                    .reduce((sum, entry) => sum + entry.pence, 0n);
                expect(fromStatements + share.pounds!.reinvested).toBe(share.base!.pence);
            }
        }
    );

    it('shows what one partner pays, receives and bears', async () => {
        const ws = await repoWorkspace('examples/troubled-families.pool');
        const statement = partnerStatement(ws.model('examples/troubled-families.pool'), 'gmp');
        expect(statement.partner?.name).toBe('Greater Manchester Police');
        expect(statement.contributions.map(c => `${c.poolId} ${c.year} ${c.pence}`)).toEqual([
            'families 2013 30000000',
            'families 2014 30000000',
            'families 2015 25000000'
        ]);
        expect(statement.totalContributed).toBe(85_000_000n);
        expect(statement.totalReceived).toBe(178_000_000n);
        expect(statement.totalBorne).toBe(6_910_569n);
    });
});
