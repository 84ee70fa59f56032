import { t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { money, year } from './describe.js';

/**
 * Ring-fenced money (the Disabled Facilities Grant within the Better Care Fund) must be spent on
 * lines tagged for its purpose, in full, and not on anything else. The figures are the model's:
 * each ring-fence's tagged spend and shortfall, each year's money outside the ring-fences.
 */
export const ringfenceBreached = defineCheck({
    code: 'ringfence-breached',
    severity: 'error',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const ringfence of pool.ringfences) {
                const fenced = ringfence.amount.pence;
                const when = ringfence.year.start;
                if (fenced === undefined || when === undefined || ringfence.taggedSpend === undefined || !ringfence.shortfall) continue;
                report({
                    node: ringfence.amount.node,
                    message: t(
                        'ringfence-breached.short',
                        {
                            id: ringfence.id,
                            year: year(when),
                            spend: money(model, ringfence.taggedSpend),
                            fenced: money(model, fenced),
                            short: money(model, ringfence.shortfall)
                        },
                        lang
                    ),
                    related: ringfence.taggedLines.map(line => ({ node: line.amount.node, message: `${line.name}: ${line.amount.parsed.text}` }))
                });
            }
            // Money outside the ring-fences must cover every untagged line; otherwise fenced money pays for them.
            for (const figures of pool.years.values()) {
                const { unfenced, untaggedSpend, untaggedLines } = figures;
                const last = untaggedLines[untaggedLines.length - 1];
                if (figures.ringfences.length === 0 || unfenced === undefined || untaggedSpend === undefined || !last || untaggedSpend <= unfenced) continue;
                report({
                    node: last.amount.node,
                    message: t(
                        'ringfence-breached.spent-elsewhere',
                        {
                            year: year(figures.year),
                            spend: money(model, untaggedSpend),
                            free: money(model, unfenced),
                            pool: pool.id,
                            over: money(model, untaggedSpend - unfenced)
                        },
                        lang
                    ),
                    related: figures.ringfences.map(fence => ({
                        node: fence.amount.node,
                        message: t('ringfence-breached.ring-fence', { id: fence.id, amount: fence.amount.parsed.text }, lang)
                    }))
                });
            }
        }
    }
});
