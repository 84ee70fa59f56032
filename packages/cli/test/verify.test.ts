import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runPool, runPoolInProcessIn } from '../../../test/support/cli.js';
import { REPO } from '../../../test/support/paths.js';
import { scratchFolder } from '../../../test/support/scratch.js';

/**
 * A guard against a hang, not a budget (speed lives in the benchmark): every example's PDF is laid
 * out two or three times, and beside the rest of the suite on two cores this took 150-180 s.
 */
const GUARD_MS = 600_000;

/** An agreement that imports a register, copied into a scratch folder: verify must follow the import. */
function workspace(): string {
    const read = (file: string) => readFileSync(path.join(REPO, 'examples', file), 'utf8');
    return scratchFolder({
        'agreements/essex.pool': read('essex-whole-place.pool'),
        'agreements/registers/essex.pool': read('registers/essex.pool'),
        'reports/.keep': ''
    });
}

type Format = 'md' | 'html' | 'pdf' | 'json';

/**
 * `pool` from the scratch folder: in this process (the same `main`, its output captured), which
 * spares starting Node for each of these tests' forty runs; an environment to set (SOURCE_DATE_EPOCH,
 * POOL_LANG) is set for the run and put back, as the command reads it from process.env when it runs.
 * The Welsh statements' test below runs the built command as a real process too.
 */
function pool(folder: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
    return runPoolInProcessIn(folder, args, { stdin: '', env });
}

/** Where {@link makeReport} writes the report in `format`, relative to the workspace. */
function reportPath(format: Format): string {
    return path.join('reports', `essex.${format}`);
}

/** Makes a report of `agreements/essex.pool` in `reports/`, as a user would, and returns its path. */
async function makeReport(folder: string, format: Format, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<string> {
    const target = reportPath(format);
    const args =
        format === 'json'
            ? ['generate', 'json', 'agreements/essex.pool', '-o', target, ...extra]
            : ['report', 'agreements/essex.pool', '--format', format, '-o', target, ...extra];
    const result = await pool(folder, args, env);
    expect(result.status, result.stderr).toBe(0);
    return target;
}

/**
 * The agreement's report in each format, made once for the file (a PDF is laid out in one to two
 * seconds) in a workspace each test copies: a test that changes its copy, or a report in it, leaves
 * the others' alone. A report records the agreement by its path relative to the report, so a copy
 * finds its own agreement.
 */
let made: string;
beforeAll(async () => {
    made = workspace();
    for (const format of ['md', 'html', 'json', 'pdf'] as const) await makeReport(made, format);
}, GUARD_MS);

/** A fresh copy of the workspace with a report in each format in `reports/`, and the reports' paths. */
function workspaceWithReports(): { folder: string; reports: Record<Format, string> } {
    const folder = mkdtempSync(path.join(tmpdir(), 'pool-verify-'));
    cpSync(made, folder, { recursive: true });
    return { folder, reports: { md: reportPath('md'), html: reportPath('html'), json: reportPath('json'), pdf: reportPath('pdf') } };
}

function verify(folder: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
    return pool(folder, ['verify', ...args], env);
}

/** Replaces the first `from` in a file with `to`, failing if it is not there. */
function edit(file: string, from: string | RegExp, to: string, encoding: BufferEncoding = 'utf8'): void {
    const text = readFileSync(file, encoding);
    const changed = text.replace(from, to);
    expect(changed, `${String(from)} in ${file}`).not.toBe(text);
    writeFileSync(file, changed, encoding);
}

describe('pool verify', () => {
    it(
        'passes on a fresh report of every format, dated now or by SOURCE_DATE_EPOCH, finding the agreement from the path it records',
        async () => {
            const { folder, reports } = workspaceWithReports();
            const dated = () => makeReport(folder, 'pdf', [], { SOURCE_DATE_EPOCH: '1764720000' });
            for (const [format, fresh] of [
                ['md', reports.md],
                ['html', reports.html],
                ['json', reports.json],
                ['pdf', reports.pdf],
                ['pdf', dated]
            ] as const) {
                const report = typeof fresh === 'string' ? fresh : await fresh();
                const result = await verify(folder, [report]);
                expect(result.stderr, format).toBe('');
                expect(result.status, format).toBe(0);
                expect(result.stdout).toMatch(
                    new RegExp(
                        `^reports/essex\\.${format} matches agreements/essex\\.pool: it is exactly the report Pool makes from it \\(fingerprint sha256:[0-9a-f]{64}\\)\\n$`
                    )
                );
            }
        },
        GUARD_MS
    );

    it('passes on Welsh statements, a report written to standard output, and with the source named after a move', async () => {
        const { folder, reports } = workspaceWithReports();
        expect(
            runPool(['report', 'agreements/essex.pool', '--format', 'pdf', '--partner', 'ecc', '--lang', 'cy', '-o', 'reports/ecc.pdf'], { cwd: folder }).status
        ).toBe(0);
        const statement = await verify(folder, ['reports/ecc.pdf']);
        expect(statement.status, statement.stdout + statement.stderr).toBe(0);
        expect(statement.stdout).toMatch(/^reports\/ecc\.pdf matches agreements\/essex\.pool: /);
        const markdown = runPool(['report', 'agreements/essex.pool', '--format', 'md'], { cwd: folder }).stdout;
        writeFileSync(path.join(folder, 'piped.md'), markdown);
        expect((await verify(folder, ['piped.md'])).status).toBe(0);
        const report = reports.html;
        renameSync(path.join(folder, 'agreements'), path.join(folder, 'moved'));
        expect((await verify(folder, [report])).status).toBe(2);
        const named = await verify(folder, [report, 'moved/essex.pool', 'moved/registers/essex.pool']);
        expect(named.status, named.stderr).toBe(0);
        expect((await verify(folder, [report, 'moved/essex.pool', 'piped.md'])).stderr).toBe(
            'pool: cannot tell: piped.md is not one of the files moved/essex.pool is made of (it and the files it imports)\n'
        );
    });

    it('fails after a one-character change to the agreement or to a file it imports, naming the file', async () => {
        for (const [format, file, from, to] of [
            ['md', 'agreements/essex.pool', /£\d/, '£9'],
            ['html', 'agreements/essex.pool', /(\d)%/, '7%'],
            ['pdf', 'agreements/registers/essex.pool', /"E/, '"F'],
            ['json', 'agreements/essex.pool', /20(\d\d)\/(\d\d)/, '20$1/$2 ']
        ] as const) {
            const { folder, reports } = workspaceWithReports();
            const report = reports[format];
            edit(path.join(folder, file), from, to);
            const result = await verify(folder, [report]);
            expect(result.status, `${format}: ${file}`).toBe(1);
            expect(result.stdout).toBe(
                `${report} does not match agreements/essex.pool: ${path.relative('agreements', file)} has changed since the report was made\n`
            );
        }
    });

    it('cannot be fooled by editing the fingerprint in the report alone', async () => {
        const { folder, reports } = workspaceWithReports();
        const altered = (report: string) =>
            `${report} does not match agreements/essex.pool: the sources are as the report records them, but the report is not what Pool makes from them, so it has been changed since it was made\n`;
        for (const format of ['md', 'html', 'json'] as const) {
            const report = reports[format];
            // The agreement's fingerprint as printed (and, in JSON, as a field) changed by one digit.
            edit(path.join(folder, report), /sha256:([0-9a-f])/, 'sha256:0');
            edit(path.join(folder, report), /sha256:0/, 'sha256:1');
            const result = await verify(folder, [report]);
            expect(result.status, format).toBe(1);
            expect(result.stdout).toBe(altered(report));
        }
        // Any other change to the content fails too: a figure in the Markdown.
        const markdown = await makeReport(folder, 'md');
        edit(path.join(folder, markdown), /£(\d)/, '£8');
        expect((await verify(folder, [markdown])).stdout).toBe(altered(markdown));
        // A PDF's text is compressed; what can be edited in place is its record, which then no longer matches the sources.
        const pdf = reports.pdf;
        const bytes = readFileSync(path.join(folder, pdf));
        const at = bytes.indexOf('pool-report:1:') + 'pool-report:1:'.length + 40;
        bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
        writeFileSync(path.join(folder, pdf), bytes);
        const result = await verify(folder, [pdf]);
        expect(result.status, result.stdout + result.stderr).not.toBe(0);
    });

    it('cannot tell (exit 2, one line) when the report cannot be read, records nothing, is not a report, or came from another version', async () => {
        const { folder, reports } = workspaceWithReports();
        const markdown = reports.md;
        const json = reports.json;
        writeFileSync(path.join(folder, 'bare.md'), readFileSync(path.join(folder, markdown), 'utf8').replace(/<!-- pool-report:1:\S+ -->\n/, ''));
        writeFileSync(path.join(folder, 'notes.txt'), 'Some notes about the agreement.\n');
        writeFileSync(path.join(folder, 'other.json'), '{"name": "not an agreement"}\n');
        const older = JSON.parse(readFileSync(path.join(folder, json), 'utf8'));
        const version: string = older.tool.version;
        older.tool.version = `${version}-older`;
        writeFileSync(path.join(folder, 'reports/older.json'), JSON.stringify(older, null, 2) + '\n');
        const cases: [readonly string[], string][] = [
            [['missing.pdf'], 'pool: cannot read missing.pdf: no such file or folder\n'],
            [
                ['bare.md'],
                'pool: cannot tell whether bare.md matches its agreement: it does not record how it was made (a report made by an older Pool or by the editor, or not a report of Pool)\n'
            ],
            [['notes.txt'], 'pool: cannot tell: notes.txt is not a Markdown, HTML, PDF or JSON report of Pool\n'],
            [['other.json'], 'pool: cannot tell: other.json is not a Markdown, HTML, PDF or JSON report of Pool\n'],
            [
                ['reports/older.json'],
                `pool: cannot tell whether reports/older.json matches: it was made by pool ${version}-older and this is pool ${version}; make it again, or verify it with that version\n`
            ],
            [[markdown, 'agreements/nothing.pool'], 'pool: cannot read agreements/nothing.pool: no such file or folder\n']
        ];
        for (const [args, stderr] of cases) {
            const result = await verify(folder, args);
            expect(result.stderr, args.join(' ')).toBe(stderr);
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stdout).toBe('');
        }
    });

    it('speaks Welsh', async () => {
        const { folder, reports } = workspaceWithReports();
        const report = reports.md;
        const result = await verify(folder, [report, '--lang', 'cy']);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(
            /^mae reports\/essex\.md yn cyfateb i agreements\/essex\.pool: dyma'n union yr adroddiad y mae Pool yn ei wneud ohono \(ôl bys sha256:/
        );
        edit(path.join(folder, 'agreements/essex.pool'), /£\d/, '£9');
        expect((await verify(folder, [report], { POOL_LANG: 'cy' })).stdout).toBe(
            'nid yw reports/essex.md yn cyfateb i agreements/essex.pool: mae essex.pool wedi newid ers gwneud yr adroddiad\n'
        );
    });
});
