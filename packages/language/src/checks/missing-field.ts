import { t } from '../i18n/index.js';
import { formatQuantity } from '../money/quantity.js';
import type { OutcomeInfo } from '../model/types.js';
import { defineCheck } from './check.js';
import { shareReadWhole } from './describe.js';

/**
 * Fields an agreement or outcome cannot do without. One has a sure repair, which the quick fix
 * makes: an outcome that has its baseline and target but does not say whether it is to reduce or
 * to increase, where the target is below the baseline (`reduce`) or above it (`increase`). What
 * else is missing (a period, a baseline, a percentage, a stream, an appraisal's rates, a saving)
 * is a figure only the writer knows.
 */
export const missingField = defineCheck({
    code: 'missing-field',
    severity: 'error',
    tier: 'language',
    fix: 'quick-fix',
    run(model, report, lang) {
        const agreement = model.agreement;
        if (agreement && !agreement.periodNode) {
            report({ node: agreement.node, property: 'title', message: t('missing-field.period', {}, lang) });
        }
        for (const outcome of model.outcomes) {
            const missing = [
                outcome.baseline ? undefined : '`baseline 58 in 2012/13`',
                outcome.target ? undefined : '`target 20 by 2015/16`',
                outcome.direction ? undefined : t('missing-field.direction', {}, lang)
            ].filter(Boolean);
            if (missing.length > 0) {
                report({
                    node: outcome.node,
                    property: 'name',
                    message: t('missing-field.outcome', { outcome: outcome.id, missing: missing.join(', ') }, lang),
                    data: impliedDirection(outcome)
                });
            }
        }
        for (const pool of model.pools) {
            const example = pool.streams[0]?.id;
            if (example === undefined) continue;
            for (const line of pool.contributions) {
                if (line.streamId === undefined)
                    report({ node: line.node, property: 'partner', message: t('missing-field.stream', { pool: pool.id, example }, lang) });
            }
        }
        const example: Record<string, string> = {
            cohort: '`cohort 400 in 2013/14`',
            engagement: '`engagement 80%`',
            success: '`success 60%`',
            deadweight: '`deadweight 20%`',
            optimism: '`optimism bias 15%`',
            duration: '`benefits last 3 years`',
            saving: '`saving police_incident for police`'
        };
        for (const appraisal of model.appraisals) {
            if (appraisal.missing.length === 0) continue;
            const missing = appraisal.missing.map(field => example[field] ?? field).join(', ');
            report({ node: appraisal.node, property: 'pool', message: t('missing-field.appraisal', { pool: appraisal.poolId, missing }, lang) });
        }
        for (const cost of model.unitCosts) {
            if (cost.document === model.document && !cost.saving) {
                report({ node: cost.node, property: 'name', message: t('missing-field.unit-cost', { id: cost.id }, lang) });
            }
        }
        for (const share of model.shares) {
            // A clause with a syntax error in it is reported by that error alone.
            if (share.proRata || !shareReadWhole(share)) continue;
            for (const line of share.lines) {
                if (line.node && line.written === undefined) {
                    report({ node: line.node, property: 'partner', message: t('missing-field.percentage', { partner: line.partnerId }, lang) });
                }
            }
        }
    }
});

/**
 * For the quick fix: the direction an outcome's own figures imply, when that is all it lacks: a
 * target below the baseline is to reduce, above it to increase (target-direction holds the two to
 * each other). Where the line goes: after the target.
 */
function impliedDirection(outcome: OutcomeInfo): Record<string, unknown> | undefined {
    const { baseline, target } = outcome;
    if (outcome.direction || !baseline?.value || !target?.value) return undefined;
    const comparison = target.value.compare(baseline.value);
    const after = target.node.$cstNode?.range.end;
    if (comparison === 0 || after === undefined) return undefined;
    return {
        direction: comparison < 0 ? 'reduce' : 'increase',
        target: formatQuantity(target.value, target.isPercent),
        baseline: formatQuantity(baseline.value, baseline.isPercent),
        after
    };
}
