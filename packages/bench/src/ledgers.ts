import type { AgreementFigures, GeneratedPool, GeneratedPoolYear } from './agreement.js';
import { financialYear } from './agreement.js';
import { at } from './checked.js';

/*
 * The same money as a Pool agreement, as plain-text ledgers for hledger and beancount: one posted
 * amount per contribution and per spend line, and one checked total per pool-year (a balance
 * assertion), so each tool parses the same number of amounts and checks the same totals as
 * `pool check`. Outcomes and shares have no ledger equivalent and are left out (Pool does that
 * work on top).
 */

/** `12345.67`: plain decimal, no grouping, so no tool has to guess the separators. */
function decimal(pence: bigint): string {
    return `${pence / 100n}.${(pence % 100n).toString().padStart(2, '0')}`;
}

function capitalised(id: string): string {
    return id.charAt(0).toUpperCase() + id.slice(1);
}

function eachPoolYear(figures: AgreementFigures, visit: (pool: GeneratedPool, year: GeneratedPoolYear) => void): void {
    // Year by year across pools, so that dates are in order, as a ledger is usually kept.
    const years = figures.pools[0]?.years.length ?? 0;
    for (let y = 0; y < years; y++) {
        for (const pool of figures.pools) visit(pool, at(pool.years, y));
    }
}

/** An hledger journal: contributions into `pool:POOL:YEAR`, each year's total asserted on its last contribution. */
export function renderHledger(figures: AgreementFigures): string {
    const out: string[] = [`; ${figures.title}: the money of the Pool agreement, for hledger check`, ''];
    eachPoolYear(figures, (pool, year) => {
        const account = `pool:${pool.id}:${financialYear(year.year).replace('/', '-')}`;
        year.contributions.forEach((c, i) => {
            const assertion = i === year.contributions.length - 1 ? ` = £${decimal(year.total)}` : '';
            out.push(`${year.year}-04-01 ${c.partner} into ${pool.id} ${financialYear(year.year)}`);
            out.push(`    ${account}    £${decimal(c.pence)}${assertion}`);
            out.push(`    partners:${c.partner}`, '');
        });
        for (const s of year.spend) {
            out.push(`${year.year}-04-03 ${s.name} (commissioned by ${s.commissioner}, provided by ${s.provider})`);
            out.push(`    expenses:${pool.id}    £${decimal(s.pence)}`);
            out.push(`    ${account}`, '');
        }
    });
    return out.join('\n');
}

/** A beancount file: the same transactions, each year's total a `balance` directive the next day. */
export function renderBeancount(figures: AgreementFigures): string {
    const out: string[] = [`; ${figures.title}: the money of the Pool agreement, for bean-check`, 'option "operating_currency" "GBP"', ''];
    const yearAccount = (pool: GeneratedPool, year: GeneratedPoolYear): string => `Assets:Pool:${capitalised(pool.id)}:FY${year.year}`;
    const opened = `${figures.shape.firstYear - 1}-01-01`;
    for (const partner of figures.partners) out.push(`${opened} open Equity:Partners:${capitalised(partner.id)} GBP`);
    for (const pool of figures.pools) {
        out.push(`${opened} open Expenses:${capitalised(pool.id)} GBP`);
        for (const year of pool.years) out.push(`${opened} open ${yearAccount(pool, year)} GBP`);
    }
    out.push('');
    eachPoolYear(figures, (pool, year) => {
        const account = yearAccount(pool, year);
        for (const c of year.contributions) {
            out.push(`${year.year}-04-01 * "${c.partner} into ${pool.id} ${financialYear(year.year)}"`);
            out.push(`  ${account}  ${decimal(c.pence)} GBP`);
            out.push(`  Equity:Partners:${capitalised(c.partner)}`, '');
        }
        out.push(`${year.year}-04-02 balance ${account}  ${decimal(year.total)} GBP`, '');
        for (const s of year.spend) {
            out.push(`${year.year}-04-03 * "${s.name} (commissioned by ${s.commissioner}, provided by ${s.provider})"`);
            out.push(`  Expenses:${capitalised(pool.id)}  ${decimal(s.pence)} GBP`);
            out.push(`  ${account}`, '');
        }
    });
    return out.join('\n');
}
