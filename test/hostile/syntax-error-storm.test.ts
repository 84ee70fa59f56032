import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SafeNodeFileSystem } from '../../packages/files/src/index.js';
import { createPoolServices } from '../../packages/language/src/services/pool-module.js';
import { MAX_PARSER_ERRORS } from '../../packages/language/src/services/pool-parser.js';
import { runPool, runPoolInProcessIn } from '../support/cli.js';
import { withServer } from '../support/lsp.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';

/**
 * A storm of syntax errors: the language-server fuzz (seed 132) pasted a line of about 10,000
 * quote marks into an agreement, 5,000 empty texts in quotes where none may go. The parser
 * recovered from every one, at about a tenth of a millisecond each, so each keystroke cost the
 * server a second or two of parsing (four seconds for ten times as many quote marks, 44 for a
 * hundred times), and every other document waited. The parser now stops at its
 * MAX_PARSER_ERRORS-th syntax error and says so there; the exit code is still 1 and the totals
 * count every error it found.
 */
const STOP_MESSAGE = `after ${MAX_PARSER_ERRORS} syntax errors, Pool stopped reading the file here: nothing after this point is checked; fix the first ones and check again`;
/** Each pair of quote marks after a spend line is another line, with no amount. */
const inSpend = (junk: string) => `${CLEAN_AGREEMENT}spend p 2013/14 {\n    "Care" £10 ${junk}\n}\n`;

const files = {
    'quote-marks.pool': inSpend('"'.repeat(12_600)),
    'quote-marks-x100.pool': inSpend('"'.repeat(1_260_000)),
    'stray-amounts.pool': CLEAN_AGREEMENT.replace('council £100 }', `council £100 ${'\n    council £1 £2 £3'.repeat(3_000)} }`),
    'stray-words.pool': `${CLEAN_AGREEMENT}${'unit '.repeat(5_000)}`,
    'few-errors.pool': inSpend('"'.repeat(2 * (MAX_PARSER_ERRORS - 10)))
};

interface JsonReport {
    summary: { errors: number; warnings: number };
    diagnostics: { code: string; severity: string; message: string; omitted?: number; range: { start: { line: number; column: number } } }[];
}

describe('a storm of syntax errors', () => {
    const root = scratchFolder(files);

    it('stops the parser at its limit however many mistakes follow, so the work does not grow with the storm', () => {
        const parser = createPoolServices(SafeNodeFileSystem).Pool.parser.LangiumParser;
        // The limit is what bounds the time (a hundred times the quote marks took 44 CPU seconds
        // without it, 0.2 with it): the parser records no more, however large the storm.
        for (const name of ['quote-marks.pool', 'quote-marks-x100.pool', 'stray-amounts.pool', 'stray-words.pool'] as const) {
            expect(parser.parse(files[name]).parserErrors, name).toHaveLength(MAX_PARSER_ERRORS);
        }
        // Under the limit, even straight after a file that reached it, every error is recovered from and counted.
        expect(parser.parse(files['few-errors.pool']).parserErrors).toHaveLength(MAX_PARSER_ERRORS - 10);
    });

    // Through the CLI's main in this process: what is tested is what pool check says and its exit
    // code, not the process; the last test of this block runs the command as a user does.
    it('is an error in pool check, where it stopped, with totals that count every error listed or not', async () => {
        for (const name of ['quote-marks.pool', 'quote-marks-x100.pool', 'stray-amounts.pool', 'stray-words.pool']) {
            const result = await runPoolInProcessIn(root, ['check', '--format', 'json', name]);
            expect(result.status, name).toBe(1);
            expect(result.stderr, name).toBe('');
            const report = JSON.parse(result.stdout) as JsonReport;
            const syntax = report.diagnostics.filter(d => d.code === 'syntax-error');
            // The first hundred listed, the rest up to the limit counted, and the last where the parser stopped.
            expect(syntax.at(-1)?.message, name).toBe(STOP_MESSAGE);
            expect(
                syntax.reduce((sum, d) => sum + (d.omitted ?? 1), 0),
                name
            ).toBe(MAX_PARSER_ERRORS);
            const problems = (severity: string) => report.diagnostics.filter(d => d.severity === severity).reduce((sum, d) => sum + (d.omitted ?? 1), 0);
            expect(report.summary, name).toEqual(expect.objectContaining({ errors: problems('error'), warnings: problems('warning') }));
            const text = await runPoolInProcessIn(root, ['check', name]);
            expect(text.status, name).toBe(1);
            expect(text.stdout, name).toContain(`error[syntax-error]: ${STOP_MESSAGE}`);
            expect(text.stdout, name).toMatch(new RegExp(`1 file checked: ${report.summary.errors.toLocaleString('en-GB')} errors? `));
        }
        const few = JSON.parse((await runPoolInProcessIn(root, ['check', '--format', 'json', 'few-errors.pool'])).stdout) as JsonReport;
        expect(few.diagnostics.map(d => d.message)).not.toContain(STOP_MESSAGE);
        expect(few.summary.errors).toBe(MAX_PARSER_ERRORS - 10);
    });

    it('is the same from the pool command, run as a user runs it', async () => {
        const inProcess = await runPoolInProcessIn(root, ['check', 'quote-marks-x100.pool']);
        const run = runPool(['check', 'quote-marks-x100.pool'], { cwd: root });
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain(`error[syntax-error]: ${STOP_MESSAGE}`);
        expect(run.stdout).toBe(inProcess.stdout);
        expect(run.status).toBe(1);
    });

    it('leaves the language server answering, with the diagnostics pool check gives', async () => {
        await withServer([root], async client => {
            const published = await client.openAndWaitForDiagnostics(path.join(root, 'quote-marks-x100.pool'));
            const cli = JSON.parse((await runPoolInProcessIn(root, ['check', '--format', 'json', 'quote-marks-x100.pool'])).stdout) as JsonReport;
            expect(
                published.map(
                    d =>
                        `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`
                )
            ).toEqual(cli.diagnostics.map(d => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`));
            const other = await client.openAndWaitForDiagnostics(path.join(root, 'few-errors.pool'));
            expect(other.filter(d => d.code === 'syntax-error')).toHaveLength(101);
            const hover = await client.request(
                'textDocument/hover',
                { textDocument: { uri: pathToFileURL(path.join(root, 'quote-marks-x100.pool')).toString() }, position: { line: 4, character: 10 } },
                30_000
            );
            expect(JSON.stringify(hover)).toContain('Anytown Council');
            expect(client.exited).toBeUndefined();
            expect(client.loggedErrors).toEqual([]);
        });
    });
});
