import { en, t } from '../i18n/messages.js';
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
    summary: en['summary.ringfence-breached'],
    run(model, report, lang) {
        for (const pool of model.pools) {
            for (const ringfence of pool.ringfences) {
                const fenced = ringfence.amount.pence;
                const when = ringfence.year.start;
                if (fenced === undefined || when === undefined || ringfence.taggedSpend === undefined) continue;
                if (ringfence.taggedSpend < fenced) {
                    report({
                        node: ringfence.amount.node,
                        message: t(
                            'ringfence-breached.short',
                            {
                                id: ringfence.id,
                                year: year(when),
                                spend: money(model, ringfence.taggedSpend),
                                fenced: money(model, fenced),
                                short: money(model, fenced - ringfence.taggedSpend)
                            },
                            lang
                        ),
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
                const lastUntagged = untagged.at(-1);
                if (untaggedSpend <= free || lastUntagged === undefined) continue;
                report({
                    node: lastUntagged.amount.node,
                    message: t(
                        'ringfence-breached.spent-elsewhere',
                        {
                            year: year(figures.year),
                            spend: money(model, untaggedSpend),
                            free: money(model, free),
                            pool: pool.id,
                            over: money(model, untaggedSpend - free)
                        },
                        lang
                    ),
                    related: fences.map(fence => ({
                        node: fence.amount.node,
                        message: t('ringfence-breached.ring-fence', { id: fence.id, amount: fence.amount.parsed.text }, lang)
                    }))
                });
            }
        }
    }
});
