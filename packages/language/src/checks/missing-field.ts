import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { shareReadWhole } from './describe.js';

/** Fields an agreement or outcome cannot do without. */
export const missingField = defineCheck({
    code: 'missing-field',
    severity: 'error',
    tier: 'language',
    fix: 'no-unambiguous-fix',
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
                    message: t('missing-field.outcome', { outcome: outcome.id, missing: missing.join(', ') }, lang)
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
