import { en, t } from '../i18n/messages.js';
import { defineCheck } from './check.js';

/** Fields an agreement or outcome cannot do without. */
export const missingField = defineCheck({
    code: 'missing-field',
    severity: 'error',
    tier: 'language',
    summary: en['summary.missing-field'],
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
        for (const share of model.shares) {
            if (share.proRata) continue;
            for (const line of share.lines) {
                if (line.node && line.written === undefined) {
                    report({ node: line.node, property: 'partner', message: t('missing-field.percentage', { partner: line.partnerId }, lang) });
                }
            }
        }
    }
});
