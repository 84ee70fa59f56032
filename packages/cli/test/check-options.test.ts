import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool, runPoolInProcess, runPoolInProcessIn } from '../../../test/support/cli.js';
import { REPO } from '../../../test/support/paths.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../../../test/support/scratch.js';

const INVALID = 'examples/invalid';
const TOTAL_MISMATCH = `${INVALID}/total-mismatch.pool`;
const UNUSED_PARTNER = `${INVALID}/unused-partner.pool`;

describe('pool check with several outputs', () => {
    it('writes each format to its own file from one run, each the same as when asked for alone', async () => {
        const folder = scratchFolder({});
        const sarif = path.join(folder, 'pool.sarif');
        const summary = path.join(folder, 'summary.md');
        const junit = path.join(folder, 'out', 'pool-junit.xml');
        writeFileSync(path.join(folder, 'placeholder'), '');
        const run = await runPoolInProcess([
            'check',
            '--format',
            `sarif=${sarif}`,
            '--format',
            'github',
            '--format',
            `summary=${summary}`,
            TOTAL_MISMATCH,
            UNUSED_PARTNER
        ]);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe((await runPoolInProcess(['check', '--format', 'github', TOTAL_MISMATCH, UNUSED_PARTNER])).stdout);
        expect(readFileSync(sarif, 'utf8')).toBe((await runPoolInProcess(['check', '--format', 'sarif', TOTAL_MISMATCH, UNUSED_PARTNER])).stdout);
        expect(readFileSync(summary, 'utf8')).toBe((await runPoolInProcess(['check', '--format', 'summary', TOTAL_MISMATCH, UNUSED_PARTNER])).stdout);
        // A folder that does not exist: one line, exit 2, and the other outputs' files are as they were.
        const failed = await runPoolInProcess(['check', '--format', `junit=${junit}`, TOTAL_MISMATCH]);
        expect(failed.status).toBe(2);
        expect(failed.stderr).toMatch(/^pool: cannot write .*pool-junit\.xml: there is no folder .*out\n$/);
        expect(readdirSync(folder).sort()).toEqual(['placeholder', 'pool.sarif', 'summary.md']);
    });

    it('prints several formats without a file to standard output one after the other, in the order given', async () => {
        const both = await runPoolInProcess(['check', '--format', 'json', '--format', 'text', TOTAL_MISMATCH]);
        const json = (await runPoolInProcess(['check', '--format', 'json', TOTAL_MISMATCH])).stdout;
        const text = (await runPoolInProcess(['check', TOTAL_MISMATCH])).stdout;
        expect(both.stdout).toBe(json + text);
    });

    it('refuses an unknown format, a format with an empty file name and two outputs to one file', async () => {
        const unknown = await runPoolInProcess(['check', '--format', 'xml', TOTAL_MISMATCH]);
        expect([unknown.status, unknown.stderr]).toEqual([2, "pool: --format must be text, json, sarif, github, junit, codequality or summary; got 'xml'\n"]);
        const empty = await runPoolInProcess(['check', '--format', 'sarif=', TOTAL_MISMATCH]);
        expect(empty.status).toBe(2);
        expect(empty.stderr).toContain('--format sarif=FILE');
        const same = await runPoolInProcess(['check', '--format', 'sarif=out.json', '--format', 'json=./out.json', TOTAL_MISMATCH]);
        expect([same.status, same.stderr]).toEqual([2, 'pool: two outputs would be written to out.json: give each output its own file\n']);
        expect(existsSync(path.join(REPO, 'out.json'))).toBe(false);
    });
});

describe('pool check --format summary', () => {
    it('lists every finding with the totals, escaping agreement text so it cannot leave its table cell', async () => {
        const result = await runPoolInProcess([
            'check',
            '--strict',
            '--format',
            'summary',
            '--help-base-uri',
            'https://docs.test/checks.md',
            'test/fixtures/hostile/xml-names.pool'
        ]);
        const lines = result.stdout.split('\n');
        expect(lines.slice(0, 3)).toEqual(['### Pool check', '', expect.stringMatching(/^1 file checked: .* in 1 file$/)]);
        const rows = lines.filter(line => line.startsWith('| ') && !line.startsWith('| Severity'));
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
            // Five cells: every other pipe in the row is escaped.
            expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
            expect(row).not.toMatch(/<script|<\/failure/);
        }
        expect(rows.some(row => row.includes('[unused-partner](https://docs.test/checks.md#unused-partner)'))).toBe(true);
    });

    it('says all checks passed when there is nothing to list, and is in Welsh with --lang cy', async () => {
        expect((await runPoolInProcess(['check', '--format', 'summary', 'examples'])).stdout).toMatch(
            /^### Pool check\n\n\d+ files checked: all checks passed\n$/
        );
        const welsh = await runPoolInProcess(['check', '--lang', 'cy', '--format', 'summary', TOTAL_MISMATCH]);
        expect(welsh.stdout).toContain('### Gwiriad Pool');
        expect(welsh.stdout).toContain('| Difrifoldeb | Ffeil | Llinell | Gwiriad | Y broblem |');
    });
});

describe('pool check --quiet', () => {
    it('reports only the problems that fail the run, without the count line', async () => {
        const both = [TOTAL_MISMATCH, UNUSED_PARTNER];
        const quiet = await runPoolInProcess(['check', '--quiet', ...both]);
        expect(quiet.status).toBe(1);
        expect(quiet.stdout).toContain('error[total-mismatch]');
        expect(quiet.stdout).not.toContain('unused-partner');
        expect(quiet.stdout).not.toMatch(/files? checked/);
        expect(quiet.stdout.endsWith('\n') && !quiet.stdout.endsWith('\n\n')).toBe(true);
        const github = await runPoolInProcess(['check', '-q', '--format', 'github', ...both]);
        expect(github.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^::error file=examples\/invalid\/total-mismatch\.pool,/)]);
        const strict = await runPoolInProcess(['check', '--quiet', '--strict', '--format', 'json', ...both]);
        expect(JSON.parse(strict.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['total-mismatch', 'unused-partner']);
    });

    it('prints nothing at all when nothing fails, and still exits 0', async () => {
        const result = await runPoolInProcess(['check', '--quiet', UNUSED_PARTNER, 'examples']);
        expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
    });
});

describe('pool check - (standard input)', () => {
    const essex = readFileSync(path.join(REPO, 'examples/essex-whole-place.pool'), 'utf8');

    it('checks the text read from standard input, named <stdin>.pool', async () => {
        const result = await runPoolInProcess(['check', '-'], { stdin: readFileSync(path.join(REPO, TOTAL_MISMATCH), 'utf8') });
        expect(result.status).toBe(1);
        expect(result.stdout).toMatch(/^<stdin>\.pool:16:18: error\[total-mismatch\]/);
    });

    it('with --stdin-filename, names it so in messages and finds its imports from that folder', async () => {
        const named = await runPoolInProcess(['check', '--stdin-filename', 'examples/draft.pool', '-'], { stdin: essex });
        expect([named.status, named.stdout]).toEqual([0, '2 files checked: all checks passed\n']);
        const broken = await runPoolInProcess(['check', '--stdin-filename', 'examples/draft.pool', '--format', 'json', '-'], {
            stdin: essex.replace('£', '£x')
        });
        expect(JSON.parse(broken.stdout).diagnostics[0].file).toBe('examples/draft.pool');
        // Without the name, the import is looked for beside the working folder, and is not there.
        const unnamed = await runPoolInProcess(['check', '--format', 'json', '-'], { stdin: essex });
        expect(JSON.parse(unnamed.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('import-not-found');
    });

    it('stands in for the file of the same name, with other files checked beside it', async () => {
        const folder = scratchFolder({ 'a.pool': CLEAN_AGREEMENT, 'b.pool': CLEAN_AGREEMENT });
        const result = await runPoolInProcessIn(folder, ['check', '--format', 'json', '--stdin-filename', 'a.pool', '.', '-'], {
            stdin: CLEAN_AGREEMENT.replace('£100 }', '£100  total £90 }')
        });
        const json = JSON.parse(result.stdout);
        expect(json.files).toEqual(['a.pool', 'b.pool']);
        expect(json.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual(['a.pool total-mismatch']);
    });

    it('reads standard input of a real process', () => {
        const result = runPool(['check', '--stdin-filename', 'examples/piped.pool', '-'], { input: essex });
        expect([result.status, result.stdout]).toEqual([0, '2 files checked: all checks passed\n']);
    });

    it('refuses - twice, --stdin-filename without -, and a name that is not a .pool file', async () => {
        const twice = await runPoolInProcess(['check', '-', '-'], { stdin: '' });
        expect([twice.status, twice.stderr]).toEqual([2, "pool: '-' (standard input) can be given only once\n"]);
        const alone = await runPoolInProcess(['check', '--stdin-filename', 'a.pool', 'examples']);
        expect(alone.status).toBe(2);
        expect(alone.stderr).toContain("give '-' among the paths too");
        const notPool = await runPoolInProcess(['check', '--stdin-filename', 'a.txt', '-'], { stdin: '' });
        expect([notPool.status, notPool.stderr]).toEqual([2, 'pool: --stdin-filename must name a .pool file, as agreements are; got a.txt\n']);
    });
});

describe('--force-exclude', () => {
    const repository = () =>
        scratchFolder({
            '.poolignore': 'drafts/\n',
            'agreements/.poolignore': 'old.pool\n',
            'drafts/a.pool': CLEAN_AGREEMENT.replace('£100 }', '£100  total £90 }'),
            'agreements/old.pool': CLEAN_AGREEMENT.replace('£100 }', '£100  total £90 }'),
            'agreements/new.pool': CLEAN_AGREEMENT
        });

    it('applies .poolignore to files named one by one, as pre-commit names them', async () => {
        const folder = repository();
        const files = ['drafts/a.pool', 'agreements/old.pool', 'agreements/new.pool'];
        const named = await runPoolInProcessIn(folder, ['check', ...files]);
        expect(named.status).toBe(1);
        const excluded = await runPoolInProcessIn(folder, ['check', '--force-exclude', ...files]);
        expect([excluded.status, excluded.stdout]).toEqual([0, '1 file checked: all checks passed\n']);
        const everything = await runPoolInProcessIn(folder, ['check', '--force-exclude', 'drafts/a.pool']);
        expect([everything.status, everything.stdout]).toEqual([0, '0 files checked: all checks passed\n']);
    });

    it('applies to pool fmt too', async () => {
        const folder = repository();
        const unformatted = CLEAN_AGREEMENT.replace('council £100', 'council    £100');
        writeFileSync(path.join(folder, 'drafts/a.pool'), unformatted);
        const result = await runPoolInProcessIn(folder, ['fmt', '--check', '--force-exclude', 'drafts/a.pool']);
        expect(result.status).toBe(0);
        expect((await runPoolInProcessIn(folder, ['fmt', '--check', 'drafts/a.pool'])).status).toBe(1);
    });
});
