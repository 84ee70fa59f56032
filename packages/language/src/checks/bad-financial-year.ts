import { render, t } from '../i18n/index.js';
import { defineCheck } from './check.js';
import { year } from './describe.js';

/** `2013/15`, `2013/3`, `2013/2014`: a financial year is written YYYY/YY with the following year. */
export const badFinancialYear = defineCheck({
    code: 'bad-financial-year',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const value of model.years) {
            if (!value.parsed.problem) continue;
            const first = /^(\d{4})/.exec(value.parsed.text)?.[1];
            report({
                node: value.node,
                property: value.property,
                message: render(value.parsed.problem, lang),
                data: first ? { replacement: year(Number(first)) } : undefined
            });
        }
        const period = model.agreement?.periodNode;
        if (period) {
            const start = model.years.find(value => value.node === period && value.property === 'start')?.start;
            const end = model.years.find(value => value.node === period && value.property === 'end')?.start;
            if (start !== undefined && end !== undefined && start > end) {
                report({ node: period, property: 'end', message: t('bad-financial-year.period-backwards', { end: year(end), start: year(start) }, lang) });
            }
        }
    }
});
