import { t } from '../i18n/index.js';
import { formatQuantity } from '../money/quantity.js';
import { defineCheck } from './check.js';

/** A `reduce` target must be below its baseline and an `increase` target above it. */
export const targetDirection = defineCheck({
    code: 'target-direction',
    severity: 'error',
    tier: 'core',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const outcome of model.outcomes) {
            const { baseline, target, direction } = outcome;
            if (!baseline?.value || !target?.value || !direction) continue;
            const comparison = target.value.compare(baseline.value);
            const wrong = direction === 'reduce' ? comparison >= 0 : comparison <= 0;
            if (!wrong) continue;
            const shownTarget = formatQuantity(target.value, target.isPercent);
            const b = formatQuantity(baseline.value, baseline.isPercent);
            report({
                node: target.node,
                property: 'value',
                message: t(
                    direction === 'reduce' ? 'target-direction.reduce' : 'target-direction.increase',
                    { outcome: outcome.id, target: shownTarget, baseline: b },
                    lang
                ),
                related: [
                    { node: baseline.node, property: 'value', message: t('target-direction.baseline', { baseline: b }, lang) },
                    ...(outcome.directionNode
                        ? [
                              {
                                  node: outcome.directionNode,
                                  message: t(direction === 'reduce' ? 'target-direction.direction.reduce' : 'target-direction.direction.increase', {}, lang)
                              }
                          ]
                        : [])
                ]
            });
        }
    }
});
