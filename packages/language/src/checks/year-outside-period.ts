import type { YearValue } from '../model/types.js';
import { defineCheck } from './check.js';
import { year } from './describe.js';

/** Contributions, spending, targets, minimums and ring-fences must fall within the agreement period. */
export const yearOutsidePeriod = defineCheck({
    code: 'year-outside-period',
    severity: 'error',
    tier: 'core',
    summary: 'A contribution, spend line, target, minimum or ring-fence year falls outside the agreement period.',
    run(model, report) {
        const period = model.agreement?.period;
        if (!period) return;
        const span = `${year(period.first)} to ${year(period.last)}`;
        const check = (value: YearValue, what: string) => {
            if (value.start === undefined || (value.start >= period.first && value.start <= period.last)) return;
            report({
                node: value.node,
                property: value.property,
                message: `${what}: ${year(value.start)} is outside the agreement period, ${span}`,
                data: { first: period.first, last: period.last }
            });
        };
        for (const pool of model.pools) {
            for (const block of pool.blocks) check(block.year, `contributions to ${pool.id}`);
            for (const block of pool.spendBlocks) check(block.year, `spending from ${pool.id}`);
            for (const minimum of pool.minimums) check(minimum.year, `the minimum for ${minimum.partnerId} in ${pool.id}`);
            for (const ringfence of pool.ringfences) check(ringfence.year, `ring-fence ${ringfence.id} of ${pool.id}`);
        }
        for (const block of model.spendBlocks) check(block.year, `spending from ${block.poolId}`);
        for (const outcome of model.outcomes) {
            if (outcome.target) check(outcome.target.year, `the target of ${outcome.id}`);
        }
    }
});
