import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextScanner } from '../../packages/language/src/services/pool-token-builder.js';
import { runPool } from '../support/cli.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';
import { withServer } from '../support/lsp.js';

/**
 * Finding 2, crashes on long tokens: a 4 MB quoted string, or more than about 120,000 comment
 * lines, overflowed the stack (Langium's syntax-tree builder spread every comment into one
 * call): the CLI printed "internal error", the language server stopped for every open file.
 */
const MANY = 200_000;
const FOUR_MB = 4 * 1024 * 1024;

const files = {
    'line-comments.pool': `${CLEAN_AGREEMENT}${'// a comment\n'.repeat(MANY)}`,
    'block-comments.pool': `${'/* a comment */\n'.repeat(MANY)}${CLEAN_AGREEMENT}`,
    'comments-between.pool': CLEAN_AGREEMENT.replace('period', `${'// c\n'.repeat(MANY)}period`),
    'long-name.pool': CLEAN_AGREEMENT.replace('"Anytown Council"', `"${'x'.repeat(FOUR_MB)}"`),
    'long-title.pool': CLEAN_AGREEMENT.replace('agreement "A"', `agreement "${'é'.repeat(FOUR_MB / 2)}"`),
    'long-id.pool': `${CLEAN_AGREEMENT}partner ${'p'.repeat(FOUR_MB)} "P" council\n`,
    'long-line.pool': `${CLEAN_AGREEMENT}${' '.repeat(FOUR_MB)}\n`,
    'long-unclosed.pool': `${CLEAN_AGREEMENT}partner q "${'y '.repeat(FOUR_MB / 2)}\n`
};

describe('long tokens and many comment lines', () => {
    const root = scratchFolder(files);

    it('are checked by pool check like any other file', () => {
        const result = runPool(['check', '--format', 'json', ...Object.keys(files)], { cwd: root });
        expect(result.stderr).toBe('');
        const json = JSON.parse(result.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
        const found = json.diagnostics.map(d => `${d.file} ${d.code}`);
        expect(found).toEqual([
            'long-id.pool unused-partner',
            'long-unclosed.pool unused-partner',
            // The quote mark that is never closed, and nothing else: the parser skips it and the text after it.
            'long-unclosed.pool syntax-error'
        ]);
        expect(result.status).toBe(1);
    });

    it('leave the language server up and answering for the other files it serves', async () => {
        await withServer([root], async client => {
            for (const name of ['line-comments.pool', 'long-name.pool', 'long-id.pool']) {
                const published = await client.openAndWaitForDiagnostics(path.join(root, name));
                expect(
                    published.every(d => d.code !== 'internal-error'),
                    name
                ).toBe(true);
            }
            const other = path.join(root, 'other.pool');
            writeFileSync(other, CLEAN_AGREEMENT.replace('£100 }', '£100 total £90 }'));
            expect((await client.openAndWaitForDiagnostics(other)).map(d => d.code)).toEqual(['total-mismatch']);
            const hover = await client.request(
                'textDocument/hover',
                { textDocument: { uri: pathToFileURL(path.join(root, 'line-comments.pool')).toString() }, position: { line: 4, character: 10 } },
                30_000
            );
            expect(JSON.stringify(hover)).toContain('Anytown Council');
            expect(client.exited).toBeUndefined();
            expect(client.loggedErrors).toEqual([]);
        });
    });
});

describe('the scanners for text in quotes and block comments', () => {
    const alphabet = fc.constantFrom('"', '\\', '\n', '\r', '\u2028', '\u2029', '/', '*', 'a', ' ', '\uD83D', '\uDE00');
    const texts = fc.array(alphabet, { maxLength: 40 }).map(chars => chars.join(''));

    it("accept exactly what the grammar's regular expressions accept, at every offset", () => {
        const quoted = /"(\\.|[^"\\\r\n])*"/y;
        const comment = /\/\*[\s\S]*?\*\//y;
        fc.assert(
            fc.property(texts, text => {
                // One scanner per text, offsets in the lexer's order, as it remembers failed scans.
                const scanner = new TextScanner();
                for (let offset = 0; offset < text.length; offset++) {
                    quoted.lastIndex = offset;
                    comment.lastIndex = offset;
                    expect(scanner.quoted(text, offset)?.[0] ?? null).toBe(quoted.exec(text)?.[0] ?? null);
                    expect(scanner.blockComment(text, offset)?.[0] ?? null).toBe(comment.exec(text)?.[0] ?? null);
                }
            }),
            { numRuns: 2_000 }
        );
    });

    it('read a line of unclosed quotes, or of unclosed comments, in linear time', () => {
        for (const unit of ['"\\', 'x/*', '"a']) {
            // CPU time, the least of three tries: other work on a shared machine inflates wall time, one try more than another.
            const times = [50_000, 200_000].map(n => {
                const text = unit.repeat(n);
                const tries = [0, 1, 2].map(() => {
                    const scanner = new TextScanner();
                    const start = process.cpuUsage();
                    for (let offset = 0; offset < text.length; offset++) {
                        scanner.quoted(text, offset);
                        scanner.blockComment(text, offset);
                    }
                    const used = process.cpuUsage(start);
                    return (used.user + used.system) / 1000;
                });
                return Math.min(...tries);
            });
            // Four times the text: about four times the time (a quadratic scan would be sixteen). Without
            // the scanner's memory of an unclosed quote or comment, 50,000 units took 7 s here, and
            // 200,000 would take two minutes: the ratio fails, far above the 50 ms of slack.
            expect(times[1], unit).toBeLessThan(times[0] * 8 + 50);
        }
    });
});
