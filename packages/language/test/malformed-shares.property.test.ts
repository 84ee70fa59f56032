import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../test/support/budget.js';
import { HEADER, workspace, workspaces } from './helpers.js';

/**
 * A share clause the parser can read only in part (a partner in quotes, a kind written as a name,
 * a word out of place) is reported once, by its syntax error: never a sum of the lines that could
 * be read ("the share of savings of care sums to 50%"), and never a message with `undefined` or an
 * empty name in it (issue 17: `share "X" …` once said "the share of undefined of  sums to 0%").
 */

const POOL = `pool care "Care pot" pooled {
    2013/14 { council £100,000  nhs £50,000 }
}
savings of care { 2013/14 { council £10,000  nhs £5,000 } }
`;

/** What may follow `share`: the clause's own words, and the things a hurried or hostile hand writes there. */
const WORDS = ['savings', 'benefits', 'overspend', 'underspend', 'of', 'care', '{', '}', 'council', 'nhs', '50%', '100%', 'pro', 'rata', 'to'];
const STRAY = ['"X"', '"council"', '""', 'X', '%', '£', '\n', 'share', 'reinvest', 'covering', '£1,000', '-5%'];

/** The clause-wide checks that a clause read in part must not set off. */
const CLAUSE_CODES = ['shares-not-100', 'clause-not-applicable', 'risk-cap-exceeded', 'liability-over-contribution', 'wrong-pocket'];

function messageOf(diagnostic: { message: string | { value: string } }): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

describe('a share clause read only in part', () => {
    it('is its syntax error alone, and no message says undefined or names nothing', async () => {
        const scratch = workspaces();
        await fc.assert(
            fc.asyncProperty(
                fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }),
                fc.constantFrom(...STRAY),
                fc.nat(),
                async (words, stray, at) => {
                    const tokens = [...words];
                    tokens.splice(at % (tokens.length + 1), 0, stray);
                    const clause = `share ${tokens.join(' ')}`;
                    const ws = await scratch({ 'main.pool': `${HEADER}${POOL}${clause}\n` });
                    const diagnostics = ws.diagnostics('main.pool');
                    for (const diagnostic of diagnostics) {
                        const message = messageOf(diagnostic);
                        expect(message, clause).not.toMatch(/undefined|\bof {2}|`\s*`/);
                    }
                    if (diagnostics.some(diagnostic => diagnostic.code === 'syntax-error')) {
                        const clauseWide = diagnostics.filter(diagnostic => CLAUSE_CODES.includes(String(diagnostic.code)));
                        expect(clauseWide.map(messageOf), clause).toEqual([]);
                    }
                }
            ),
            { numRuns: propertyRuns(150, 3_000), seed: 17 }
        );
    });

    it.each([
        ['a partner in quotes', 'share savings of care {\n    "nhs" 50%\n    council 50%\n}'],
        ['a name in quotes for the kind', 'share "X" of care {\n    council 100%\n}'],
        ['a name in quotes after the subject', 'share benefits of care "X" {\n    council 100%\n}'],
        ['a word between a partner and its percentage', 'share overspend of care covering £1,000 {\n    council 50%\n    nhs "X" 50%\n}'],
        ['nothing but a name in quotes', 'share "X"']
    ])('%s is one syntax error', async (_, clause) => {
        const ws = await workspace({ 'main.pool': `${HEADER}${POOL}${clause}\n` });
        expect(ws.diagnostics('main.pool').map(diagnostic => diagnostic.code)).toEqual(['syntax-error']);
    });
});
