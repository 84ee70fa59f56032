import { describe, expect, it } from 'vitest';
import { runPool } from '../support/cli.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';

/**
 * Finding 14, keywords as names: `pays £50 per unit` failed with "expected an id, like
 * manchester, but found `unit`", never saying that `unit` is a keyword.
 */
const PAYMENT = `${CLEAN_AGREEMENT}outcome families "Families turned around" {
    unit "families"
    baseline 0 in 2013/14
    target 100 by 2014/15
    increase
    pays £4,000 per unit up to £400,000
}
`;

describe('keywords where a name goes', () => {
    it('may be what a payment by results is paid per, where nothing refers to it', () => {
        const result = runPool(['check', '--format', 'json', 'payment.pool'], { cwd: scratchFolder({ 'payment.pool': PAYMENT }) });
        expect(JSON.parse(result.stdout).diagnostics).toEqual([]);
        expect(result.status).toBe(0);
    });

    it('are refused elsewhere with a message that says they are keywords, in English and Welsh', () => {
        const root = scratchFolder({ 'names.pool': `${CLEAN_AGREEMENT}partner total "Total Care Ltd" private\npool share "Shared pot" aligned { }\n` });
        const english = JSON.parse(runPool(['check', '--format', 'json', 'names.pool'], { cwd: root }).stdout)
            .diagnostics.filter((d: { code: string }) => d.code === 'syntax-error')
            .map((d: { message: string }) => d.message);
        expect(english).toContain('`total` is a keyword, so it cannot be a name here; choose another name, e.g. `total_` or `my_total`');
        expect(english).toContain('`share` is a keyword, so it cannot be a name here; choose another name, e.g. `share_` or `my_share`');
        const welsh = runPool(['check', '--lang', 'cy', 'names.pool'], { cwd: root });
        expect(welsh.stdout).toContain('allweddair yw `total`, felly ni all fod yn enw yma; dewiswch enw arall, e.e. `total_` neu `fy_total`');
        expect(welsh.status).toBe(1);
    });
});
