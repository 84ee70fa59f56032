import { defineCheck } from './check.js';

/** Fields an agreement or outcome cannot do without. */
export const missingField = defineCheck({
    code: 'missing-field',
    severity: 'error',
    tier: 'language',
    summary: 'An agreement without a period, an outcome without a baseline, target or direction, or a share line without a percentage.',
    run(model, report) {
        const agreement = model.agreement;
        if (agreement && !agreement.periodNode) {
            report({ node: agreement.node, property: 'title', message: 'the agreement states no period: add `period 2013/14 to 2015/16` with its first and last financial years' });
        }
        for (const outcome of model.outcomes) {
            const missing = [
                outcome.baseline ? undefined : '`baseline 58 in 2012/13`',
                outcome.target ? undefined : '`target 20 by 2015/16`',
                outcome.direction ? undefined : '`reduce` or `increase`'
            ].filter(Boolean);
            if (missing.length > 0) {
                report({ node: outcome.node, property: 'name', message: `outcome ${outcome.id} needs ${missing.join(', ')}` });
            }
        }
        for (const share of model.shares) {
            if (share.proRata) continue;
            for (const line of share.lines) {
                if (line.node && line.written === undefined) {
                    report({ node: line.node, property: 'partner', message: `${line.partnerId} has no percentage in this share; write it after the id, like \`${line.partnerId} 25%\`` });
                }
            }
        }
    }
});
