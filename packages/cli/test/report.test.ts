import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runPool, runPoolInProcess } from '../../../test/support/cli.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../../../test/support/scratch.js';
import { main } from '../src/main.js';

// A PDF renderer that fails part-way, as a full disk or a bad font would: the report must not appear.
// Commands run in this process (runPoolInProcess, main) get this mock; a PDF that must really be
// made, and the byte-for-byte repeat of whole runs of the command, use the built command (runPool).
vi.mock('@pool/reports/pdf', () => ({
    renderPdf: () => Promise.reject(new Error('the PDF renderer failed'))
}));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const EXAMPLES = ['better-care-fund', 'essex-whole-place', 'neighbourhood-budget', 'troubled-families'].map(name => `examples/${name}.pool`);

describe('pool report and pool generate json: output', () => {
    it('gives byte-identical Markdown, HTML, PDF and JSON on every run of the command when SOURCE_DATE_EPOCH is set', () => {
        // Every example is rendered twice in-process by packages/reports/test/html.test.ts; here the
        // whole command, with its file hashing, for one.
        const env = { SOURCE_DATE_EPOCH: '1764720000' };
        for (const args of [
            ['report', EXAMPLES[0], '--format', 'md'],
            ['report', EXAMPLES[0], '--format', 'html'],
            ['generate', 'json', EXAMPLES[0]]
        ]) {
            const first = runPool(args, { env });
            const second = runPool(args, { env });
            expect(first.status, `${args.join(' ')}: ${first.stderr}`).toBe(0);
            expect(second.stdout === first.stdout, args.join(' ')).toBe(true);
        }
        // The PDF through the real renderer (a separate process, so not the mock above), a second apart.
        const folder = scratchFolder({});
        const pdfs = ['one.pdf', 'two.pdf'].map(name => path.join(folder, name));
        for (const [index, pdf] of pdfs.entries()) {
            if (index > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
            expect(runPool(['report', EXAMPLES[3], '--format', 'pdf', '-o', pdf], { env }).status).toBe(0);
        }
        const [one, two] = pdfs.map(pdf => readFileSync(pdf));
        expect(one.equals(two)).toBe(true);
        // Its creation and modification dates are the stated time, not 1 January 1970.
        const info = execFileSync('pdfinfo', [pdfs[0]], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
        expect(info).toMatch(/CreationDate:\s+Wed Dec {1,2}3 00:00:00 2025 UTC/);
        expect(info).toMatch(/ModDate:\s+Wed Dec {1,2}3 00:00:00 2025 UTC/);
    });

    it('dates every report: from SOURCE_DATE_EPOCH when it is set, otherwise the day it is made, in words and in Welsh', async () => {
        const stated = await runPoolInProcess(['report', EXAMPLES[3], '--format', 'md'], { env: { SOURCE_DATE_EPOCH: '1764720000' } });
        expect(stated.stdout).toContain('- **Produced on**: 3 December 2025\n');
        const welsh = await runPoolInProcess(['report', EXAMPLES[3], '--format', 'html', '--lang', 'cy'], { env: { SOURCE_DATE_EPOCH: '1764720000' } });
        expect(welsh.stdout).toMatch(/Cynhyrchwyd ar[\s\S]{0,200}3 Rhagfyr 2025/);
        const before = new Date();
        const today = await runPoolInProcess(['report', EXAMPLES[3], '--format', 'md'], { env: { SOURCE_DATE_EPOCH: undefined } });
        const after = new Date();
        const days = [before, after].map(day => `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`);
        expect(days).toContain(/\*\*Produced on\*\*: (.+)/.exec(today.stdout)?.[1]);
    });

    it('refuses a SOURCE_DATE_EPOCH that is not a date in one line, and writes nothing', async () => {
        const folder = scratchFolder({});
        for (const value of ['yesterday', '-1', '1.5', '99999999999999']) {
            const target = path.join(folder, 'report.pdf');
            const result = await runPoolInProcess(['report', EXAMPLES[3], '--format', 'pdf', '-o', target], { env: { SOURCE_DATE_EPOCH: value } });
            expect(result.status, value).toBe(2);
            expect(result.stderr).toBe(
                `pool: SOURCE_DATE_EPOCH is \`${value}\`, which is not a date: it must be a whole number of seconds since 1 January 1970 (for example 1764720000), or unset for the time of the run\n`
            );
            expect(existsSync(target)).toBe(false);
        }
    });

    it('writes a report for an agreement with errors, lists them, and exits 1', async () => {
        const result = await runPoolInProcess(['report', 'examples/invalid/total-mismatch.pool', '--format', 'md']);
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('> **The checks found 1 error. The figures below may be incomplete until they are fixed.**');
        expect(result.stdout).toMatch(
            /\| Error \| total-mismatch \| total-mismatch\.pool:16:18 \| contributions to care for 2013\/14 sum to £150,000 but the total says £160,000: £10,000 short \|/
        );
    });
});

describe('pool report on declarations a syntax error cut short', () => {
    // Found by the CLI fuzz: a partner without its kind broke the HTML and Markdown reports.
    it('writes every format, lists the errors, shows the missing kind as a dash, and exits 1', async () => {
        const folder = scratchFolder({});
        for (const format of ['md', 'html', 'pdf']) {
            const target = path.join(folder, `report.${format}`);
            const args = ['report', 'test/fixtures/hostile/cut-short.pool', '--format', format, '-o', target];
            // The PDF by the built command: in this process the renderer is the failing mock above.
            const result = format === 'pdf' ? runPool(args) : await runPoolInProcess(args);
            expect(result.stderr, format).not.toMatch(/internal error|\n\s+at /);
            expect(result.status, `${format}: ${result.stderr}`).toBe(1);
            expect(existsSync(target), format).toBe(true);
        }
        const markdown = readFileSync(path.join(folder, 'report.md'), 'utf8');
        expect(markdown).toMatch(/\| Anytown Police \| police \| — \|/);
        expect(markdown).toContain('syntax-error');
        expect(readFileSync(path.join(folder, 'report.html'), 'utf8')).toMatch(/Anytown Police[\s\S]*—/);
    });
});

describe('pool report: statements', () => {
    it('writes one statement per partner taking part, each with its own totals', async () => {
        const folder = path.join(scratchFolder({}), 'statements');
        const result = await runPoolInProcess(['report', 'examples/troubled-families.pool', '--format', 'md', '--each-partner', '-o', folder]);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toMatch(/^wrote 4 partner statements to /);
        expect(readdirSync(folder).sort()).toEqual(['ccg.md', 'dwp.md', 'gmp.md', 'manchester.md']);
        const manchester = readFileSync(path.join(folder, 'manchester.md'), 'utf8');
        expect(manchester).toContain('# Manchester City Council: statement under Greater Manchester Troubled Families Investment Agreement');
        expect(manchester).toContain('In all it pays in £3,250,000, receives £3,560,000 of shared benefits and bears £264,227.64 of overspends.');
        expect(manchester).toContain('| Troubled Families single pot | 2013/14 | £1,200,000 |');
        expect(manchester).toContain('| **Total** |   | **£3,250,000** |');
    });

    it('says in one line when the partner is unknown or the options conflict, and writes nothing', async () => {
        const folder = scratchFolder({});
        const unknown = await runPoolInProcess(['report', 'examples/troubled-families.pool', '--partner', 'nobody', '-o', path.join(folder, 'r.html')]);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toBe(
            'pool: there is no partner nobody in examples/troubled-families.pool; its partners are manchester, dwp, gmp, gmfrs, ccg, salford, trafford, gmca, probation\n'
        );
        const both = await runPoolInProcess(['report', 'examples/troubled-families.pool', '--partner', 'gmp', '--each-partner', '-o', folder]);
        expect(both.stderr).toBe('pool: use either --partner ID or --each-partner, not both\n');
        const pdfToTerminal = await runPoolInProcess(['report', 'examples/troubled-families.pool', '--format', 'pdf']);
        expect(pdfToTerminal.stderr).toBe('pool: a PDF is written to a file: give one with -o, like -o report.pdf\n');
        expect(readdirSync(folder)).toEqual([]);
    });
});

describe('pool report: writing files', () => {
    it('leaves no file, and no temporary file, when rendering fails; an existing report stays as it was', async () => {
        const folder = scratchFolder({ 'a.pool': CLEAN_AGREEMENT, 'old.pdf': 'the report approved last month' });
        const errors: string[] = [];
        const io = { out: () => undefined, err: (text: string) => errors.push(text) };
        expect(await main(['report', path.join(folder, 'a.pool'), '--format', 'pdf', '-o', path.join(folder, 'new.pdf')], io)).toBe(2);
        expect(await main(['report', path.join(folder, 'a.pool'), '--format', 'pdf', '-o', path.join(folder, 'old.pdf')], io)).toBe(2);
        expect(errors.join('')).toContain('the PDF renderer failed');
        expect(existsSync(path.join(folder, 'new.pdf'))).toBe(false);
        expect(readFileSync(path.join(folder, 'old.pdf'), 'utf8')).toBe('the report approved last month');
        expect(readdirSync(folder).sort()).toEqual(['a.pool', 'old.pdf']);
        // --each-partner renders every statement before writing any.
        expect(await main(['report', path.join(folder, 'a.pool'), '--format', 'pdf', '--each-partner', '-o', path.join(folder, 'statements')], io)).toBe(2);
        expect(readdirSync(folder).sort()).toEqual(['a.pool', 'old.pdf']);
    });

    it('replaces an earlier report whole, and never writes to a folder given as the output file', async () => {
        const folder = scratchFolder({ 'a.pool': CLEAN_AGREEMENT, 'report.html': 'old' });
        expect((await runPoolInProcess(['report', 'a.pool', '-o', 'report.html'], { cwd: folder })).status).toBe(0);
        expect(readFileSync(path.join(folder, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
        const result = await runPoolInProcess(['report', 'a.pool', '-o', '.'], { cwd: folder });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('pool: . is a folder; give a file name with -o, like -o report.html\n');
        expect(readdirSync(folder).sort()).toEqual(['a.pool', 'report.html']);
    });
});
