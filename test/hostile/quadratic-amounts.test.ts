import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands, parseAmount } from '../../packages/language/src/money/amount.js';
import { runPool } from '../support/cli.js';
import { scratchFolder } from '../support/scratch.js';
import { withServer } from '../support/lsp.js';

/**
 * Finding 3, quadratic amounts: the digit-grouping pattern was quadratic, so a 100,000-digit
 * amount took 29 s to check, 1,000,000 digits never finished and the language server spun for
 * 15 minutes and more.
 */
const HEADER = 'agreement "A" { period 2013/14 to 2013/14 host a }\npartner a "A" council\n';
const withAmount = (amount: string) => `${HEADER}pool p "P" pooled { 2013/14 {\n    a ${amount}\n    total £5\n} }\n`;

describe('an amount of a million digits', () => {
    const root = scratchFolder({
        'digits-100k.pool': withAmount(`£${'1'.repeat(100_000)}`),
        'digits-1m.pool': withAmount(`£${'9'.repeat(1_000_000)}`),
        'grouped-1m.pool': withAmount(`£1${',000'.repeat(250_000)}`),
        'pence-1m.pool': withAmount(`£1.${'5'.repeat(1_000_000)}`),
        'percent-1m.pool': `${HEADER}pool p "P" pooled { 2013/14 { a £5 } }\nshare savings of p { a ${'1'.repeat(1_000_000)}% }\n`,
        'year-1m.pool': `${HEADER}pool p "P" pooled { 2013/${'1'.repeat(1_000_000)} { a £5 } }\n`
    });

    // A million digits is the guard against a quadratic pattern: 100,000 digits took 29 s before, and
    // a million would take hours, far past the test's timeout. How fast is the benchmark's business.
    it('is a bad-amount error, "more than £999 trillion", found in each file', () => {
        const result = runPool(['check', '--format', 'json', '.'], { cwd: root });
        const found = (JSON.parse(result.stdout).diagnostics as { file: string; code: string; message: string }[]).map(
            d => `${d.file} ${d.code}: ${d.message.replace(/([0-9])[0-9,]{24,}…/g, '$1…')}`
        );
        expect(found.sort()).toEqual(
            [
                'digits-100k.pool bad-amount: `£1…` is more than £999 trillion, more than any agreement holds: check the number of digits',
                'digits-1m.pool bad-amount: `£9…` is more than £999 trillion, more than any agreement holds: check the number of digits',
                'grouped-1m.pool bad-amount: `£1…` is more than £999 trillion, more than any agreement holds: check the number of digits',
                'pence-1m.pool bad-amount: `£1.5…` has 1000000 decimal places: amounts are in pounds and pence, at most two places',
                "percent-1m.pool share-out-of-range: a's share of 1… is not between 0% and 100%",
                'percent-1m.pool shares-not-100: the share of savings of p sums to 1…: 1… over 100%',
                'year-1m.pool bad-financial-year: `2013/1…` is not a financial year: the year after 2013 is 2014, so write 2013/14'
            ].sort()
        );
        expect(result.status).toBe(1);
    });

    it('leaves the language server answering, with the same diagnostic', async () => {
        await withServer([root], async client => {
            const diagnostics = await client.openAndWaitForDiagnostics(path.join(root, 'digits-1m.pool'));
            expect(diagnostics.map(d => d.code)).toEqual(['bad-amount']);
            const other = path.join(root, 'other.pool');
            writeFileSync(other, withAmount('£4'));
            expect((await client.openAndWaitForDiagnostics(other)).map(d => d.code)).toEqual(['total-mismatch']);
        });
    });
});

describe('the limit on amounts', () => {
    it('reads up to 15 digits before the point, and refuses £1,000 trillion however it is written', () => {
        expect(parseAmount('£999,999,999,999,999.99').pence).toBe(99_999_999_999_999_999n);
        expect(parseAmount('£999,999bn').pence).toBe(99_999_900_000_000_000n);
        expect(parseAmount('£000,000,000,000,000,001').pence).toBe(100n);
        for (const text of ['£1,000,000,000,000,000', '£1000000000000000', '£1,000,000bn', '£1000000000m', '-£1,000,000,000,000,000']) {
            expect(
                parseAmount(text).problems.map(problem => problem.kind),
                text
            ).toContain('too-large');
            expect(parseAmount(text).pence, text).toBeUndefined();
        }
    });

    it('groups digits as the pattern it replaces did, in linear time', () => {
        const pattern = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        fc.assert(
            fc.property(fc.stringMatching(/^[0-9]{0,40}$/), digits => {
                expect(groupThousands(digits)).toBe(pattern(digits));
            })
        );
        expect(groupThousands('1'.repeat(1_000_000)).length).toBe(1_333_333);
    });
});
