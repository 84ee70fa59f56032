import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_PARSER_ERRORS } from '../../packages/language/src/services/pool-parser.js';
import { runPoolInProcess } from '../support/cli.js';
import { withServer } from '../support/lsp.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';

/**
 * Text no token reads: a file of `§`, of a private-use character, or of random characters (a
 * binary pasted in, valid UTF-8 all the same). The lexer's error recovery went over it at about
 * 6 µs a character, trying every token again at each one, before the parser began: 10 MiB of `§`
 * kept `pool check` or the language server busy for 30 seconds (every other document waiting),
 * with one message for each stretch of it. Such text is now a token of its own, read in one step
 * and reported by the parser where it stands, naming its first character, with the other syntax
 * errors and up to the same limit (10 MiB of `§` is lexed in about 0.1 CPU seconds).
 *
 * A guard against a hang, not a time limit: each file is several MiB, which the old recovery took
 * tens of seconds to read, so a return to it would show as these tests running out of time.
 */
const REST = 'outside text in quotes and comments, Pool reads only keywords, ids, amounts, numbers, percentages, years, dates and braces';
const STOP_MESSAGE = `after ${MAX_PARSER_ERRORS} syntax errors, Pool stopped reading the file here: nothing after this point is checked; fix the first ones and check again`;

/** Random characters, any code point but a lone surrogate: a seeded sequence, so every run reads the same text. */
function randomText(length: number, seed: number): string {
    let state = seed;
    const characters: string[] = [];
    while (characters.length < length) {
        state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
        const code = state % 0x110000;
        if (code < 0xd800 || code > 0xdfff) characters.push(String.fromCodePoint(code));
    }
    return characters.join('');
}

/** The first line after CLEAN_AGREEMENT's. */
const AFTER = CLEAN_AGREEMENT.split('\n').length;

const files = {
    // 9 MB each, under the 10 MiB Pool reads.
    'section-signs.pool': `${CLEAN_AGREEMENT}${'§'.repeat(4_500_000)}\n`,
    'private-use.pool': `${CLEAN_AGREEMENT}${'\uE000'.repeat(3_000_000)}\n`,
    'random-text.pool': `${CLEAN_AGREEMENT}\u00A7${randomText(2_000_000, 17)}\n`,
    // One stray character on each of 3,000 lines the parser recovers after: it stops at its limit.
    'stray-on-every-line.pool': CLEAN_AGREEMENT.replace('council £100 }', `council £100 ${'\n    council £1 \uE000'.repeat(3_000)} }`)
};

interface JsonReport {
    summary: { errors: number; warnings: number };
    diagnostics: { code: string; severity: string; message: string; omitted?: number; range: { start: { line: number; column: number } } }[];
}

async function check(name: string, root: string, lang = 'en'): Promise<JsonReport> {
    const result = await runPoolInProcess(['check', '--format', 'json', '--lang', lang, name], { cwd: root });
    expect(result.stderr, name).toBe('');
    expect(result.status, name).toBe(1);
    return JSON.parse(result.stdout) as JsonReport;
}

describe('text no token reads', () => {
    const root = scratchFolder(files);

    it('is one error where it starts, naming its first character, in English and Welsh', async () => {
        for (const [name, code] of [
            ['section-signs.pool', 'U+00A7'],
            ['private-use.pool', 'U+E000'],
            ['random-text.pool', 'U+00A7']
        ] as const) {
            const report = await check(name, root);
            const syntax = report.diagnostics.filter(d => d.code === 'syntax-error');
            // Between declarations, the parser skips to the next one: here, the end of the file.
            expect(
                syntax.map(d => [d.range.start.line, d.range.start.column]),
                name
            ).toEqual([[AFTER, 1]]);
            expect(syntax[0]?.message, name).toMatch(
                new RegExp(`^\`.{40}…\` cannot appear here \\(its first character is ${code.replace('+', '\\+')}\\): `, 'u')
            );
            expect(syntax[0]?.message, name).toContain(REST);
            expect(report.summary.errors, name).toBe(1);
        }
        const welsh = (await check('section-signs.pool', root, 'cy')).diagnostics.filter(d => d.code === 'syntax-error');
        expect(welsh.map(d => d.message)).toEqual([
            `ni all \`${'§'.repeat(40)}…\` ymddangos yma (ei nod cyntaf yw U+00A7): y tu allan i destun mewn dyfynodau a sylwadau, dim ond allweddeiriau, dynodyddion, symiau, rhifau, canrannau, blynyddoedd, dyddiadau a chromfachau y mae Pool yn eu darllen`
        ]);
    });

    it('is counted with the other syntax errors, up to the limit at which the parser stops', async () => {
        const report = await check('stray-on-every-line.pool', root);
        const syntax = report.diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax[0]?.range.start).toEqual({ line: AFTER, column: 16 });
        expect(syntax[0]?.message).toBe(`\`\uE000\` (U+E000) cannot appear here: ${REST}`);
        // The first hundred listed, the rest up to the limit counted, and the last where the parser stopped.
        expect(syntax).toHaveLength(102);
        expect(syntax.at(-1)?.message).toBe(STOP_MESSAGE);
        expect(syntax.reduce((sum, d) => sum + (d.omitted ?? 1), 0)).toBe(MAX_PARSER_ERRORS);
    });

    it('leaves the language server answering about another document while it is open, then publishes what pool check says', async () => {
        await withServer([root], async client => {
            const big = path.join(root, 'section-signs.pool');
            const bigUri = pathToFileURL(big).toString();
            await client.open(bigUri, files['section-signs.pool']);
            // Another document, opened straight after: its diagnostics and a hover come while the big one is open.
            const other = path.join(root, 'stray-on-every-line.pool');
            const published = await client.openAndWaitForDiagnostics(other);
            expect(published.filter(d => d.code === 'syntax-error')).toHaveLength(102);
            const hover = await client.request('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 4, character: 10 } }, 30_000);
            expect(JSON.stringify(hover)).toContain('Anytown Council');
            const bigDiagnostics = await client.diagnosticsFor(big);
            const cli = await check('section-signs.pool', root);
            expect(
                bigDiagnostics.map(
                    d =>
                        `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`
                )
            ).toEqual(cli.diagnostics.map(d => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`));
            expect(client.exited).toBeUndefined();
            expect(client.loggedErrors).toEqual([]);
        });
    });
});
