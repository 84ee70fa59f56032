import { sumKnown } from '../model/build-model.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/**
 * Ring-fenced money (the Disabled Facilities Grant within the Better Care Fund) must be spent on
 * lines tagged for its purpose, in full, and not on anything else.
 */
export const ringfenceBreached = defineCheck({
    code: 'ringfence-breached',
    severity: 'error',
    tier: 'domain',
    summary: 'Spend lines tagged for a ring-fenced purpose total less than the ring-fenced amount, or ring-fenced money is spent on other lines.',
    run(model, report) {
        for (const pool of model.pools) {
            for (const ringfence of pool.ringfences) {
                const fenced = ringfence.amount.pence;
                const when = ringfence.year.start;
                if (fenced === undefined || when === undefined || ringfence.taggedSpend === undefined) continue;
                if (ringfence.taggedSpend < fenced) {
                    report({
                        node: ringfence.amount.node,
                        message: `spend lines tagged \`for ${ringfence.id}\` in ${year(when)} total ${money(model, ringfence.taggedSpend)}, less than the ${money(model, fenced)} ring-fenced: ${money(model, fenced - ringfence.taggedSpend)} short`,
                        related: ringfence.taggedLines.map(line => ({ node: line.amount.node, message: `${line.name}: ${line.amount.parsed.text}` }))
                    });
                }
            }
            // Money outside the ring-fences must cover every untagged line; otherwise fenced money pays for them.
            for (const figures of pool.years.values()) {
                const fences = pool.ringfences.filter(ringfence => ringfence.year.start === figures.year);
                if (fences.length === 0 || figures.income === undefined) continue;
                const fenced = sumKnown(fences.map(ringfence => ringfence.amount.pence));
                const untagged = figures.spendLines.filter(line => !line.ringfence || !fences.some(fence => fence.id === line.ringfence));
                const untaggedSpend = sumKnown(untagged.map(line => line.amount.pence));
                if (fenced === undefined || untaggedSpend === undefined) continue;
                const free = figures.income - fenced;
                if (untaggedSpend <= free || untagged.length === 0) continue;
                report({
                    node: untagged[untagged.length - 1].amount.node,
                    message: `lines not tagged for a ring-fence in ${year(figures.year)} spend ${money(model, untaggedSpend)}, but only ${money(model, free)} of ${pool.id} is not ring-fenced: ${money(model, untaggedSpend - free)} of ring-fenced money is spent on other lines`,
                    related: fences.map(fence => ({ node: fence.amount.node, message: `ring-fence ${fence.id}: ${fence.amount.parsed.text}` }))
                });
            }
        }
    }
});
