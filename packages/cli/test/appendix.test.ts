import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { runPool, runPoolInProcess } from '../../../test/support/cli.js';
import { scratchFolder } from '../../../test/support/scratch.js';
import { anytownAgreement, gitIn } from '../../../test/support/git.js';

/**
 * The report's appendix lists the changes since the last approved version: the newest commit in
 * git history whose text an approval records, compared with the text now by `pool diff
 * --approved`'s own code. These tests make such a history in a scratch repository, as a user's
 * would be: version 1 committed, approved in a later commit, then a contribution changed.
 */

/** A guard against a hang, not a budget: each test makes several reports, a PDF among them, on two shared cores. */
const GUARD_MS = 300_000;

const validateAgreement = new Ajv2020.default({ strict: true, allErrors: true }).compile(
    JSON.parse(readFileSync(path.join(import.meta.dirname, '../../reports/schema/agreement-json-4.schema.json'), 'utf8'))
);

const CHANGE = 'The contribution of Anytown Council to Care pot in 2013/14 changes from £100,000 to £125,000 (+£25,000).';

/** The approved version committed (its approval in the commit after it), then £100,000 changed to £125,000 in the working tree. */
async function approvedHistory(
    partnerName?: string
): Promise<{ root: string; file: string; approvedCommit: string; approvals: string; git: (...args: string[]) => string }> {
    const root = mkdtempSync(path.join(tmpdir(), 'pool-appendix-'));
    const git = gitIn(root);
    git('init', '-q', '-b', 'main');
    mkdirSync(path.join(root, 'agreements/registers'), { recursive: true });
    writeFileSync(path.join(root, 'agreements/registers/anytown.pool'), 'partner nhs "NHS Anytown CCG" health\n');
    const file = path.join(root, 'agreements/care.pool');
    writeFileSync(file, anytownAgreement('£100,000'));
    git('add', '.');
    git('commit', '-q', '-m', 'version 1');
    const fingerprint = (await runPoolInProcess(['fingerprint', 'agreements/care.pool'], { cwd: root })).stdout.trim();
    const approvals = `approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "${fingerprint}"\n}\n`;
    writeFileSync(file, anytownAgreement('£100,000') + approvals);
    git('commit', '-q', '-am', 'council approves');
    const approvedCommit = git('rev-parse', 'HEAD');
    writeFileSync(file, anytownAgreement('£125,000', partnerName) + approvals);
    return { root, file, approvedCommit, approvals, git };
}

/** Text as a reader gets it from a PDF, with the layout's line breaks and spacing squeezed out. */
function pdfText(file: string): string {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the appendix of a report: the changes since the last approved version', () => {
    it(
        'lists the change of an amount since the approved commit, with its figures, in Markdown, HTML, PDF and JSON, and each verifies',
        async () => {
            const { root, approvedCommit } = await approvedHistory();
            const short = approvedCommit.slice(0, 12);
            const report = (format: string, output: string) =>
                runPoolInProcess(['report', 'agreements/care.pool', '--format', format, '-o', output], { cwd: root });
            for (const [format, output] of [
                ['md', 'report.md'],
                ['html', 'report.html'],
                ['pdf', 'report.pdf']
            ] as const) {
                const result = await report(format, output);
                // The approval is stale (a warning), so the report is written with exit 0.
                expect(result.stderr).toBe('');
                expect(result.status).toBe(0);
            }
            const markdown = readFileSync(path.join(root, 'report.md'), 'utf8');
            const appendix = markdown.slice(markdown.indexOf('## Appendix'));
            expect(markdown).toContain('\n- Appendix\n');
            expect(appendix).toContain('### Changes since the last approved version');
            expect(appendix).toContain(
                `Compared with the text that Anytown Council (Director of Finance, 2013-03-28) approved, as committed in ${short} (agreements/care.pool): 1 change.`
            );
            expect(appendix).toContain(`| ${CHANGE} | care.pool:8 |`);
            // The appendix's parts in order: the checks, the changes, the source files.
            expect(appendix.indexOf('### Checks')).toBeLessThan(appendix.indexOf('### Changes since'));
            expect(appendix.indexOf('### Changes since')).toBeLessThan(appendix.indexOf('### Fingerprint'));

            const html = readFileSync(path.join(root, 'report.html'), 'utf8');
            expect(html).toContain('>Changes since the last approved version</h3>');
            expect(html).toContain(CHANGE);
            expect(html).toContain(short);

            const pdf = pdfText(path.join(root, 'report.pdf'));
            expect(pdf).toContain(squeeze('Changes since the last approved version'));
            expect(pdf).toContain(squeeze(CHANGE));
            expect(pdf).toContain(short);

            const json = await runPoolInProcess(['generate', 'json', 'agreements/care.pool', '-o', 'report.json'], { cwd: root });
            expect(json.status, json.stderr).toBe(0);
            const data = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8'));
            expect(validateAgreement(data), JSON.stringify(validateAgreement.errors)).toBe(true);
            expect(data.sinceApproved).toMatchObject({
                status: 'compared',
                commit: approvedCommit,
                file: 'agreements/care.pool',
                approvals: [{ partner: 'council', approver: 'Director of Finance', date: '2013-03-28' }]
            });
            expect(data.sinceApproved.changes).toContainEqual(
                expect.objectContaining({ topic: 'contribution', before: '100000.00', after: '125000.00', difference: '25000.00', sentence: CHANGE })
            );
            // One diff: the changes are exactly the ones pool diff --approved gives.
            const diff = JSON.parse((await runPoolInProcess(['diff', '--approved', '--format', 'json', 'agreements/care.pool'], { cwd: root })).stdout);
            expect(data.sinceApproved.changes).toEqual(diff.changes);

            for (const file of ['report.md', 'report.html', 'report.pdf', 'report.json']) {
                const verified = await runPoolInProcess(['verify', file], { cwd: root });
                expect(verified.stdout, file).toMatch(/ matches agreements\/care\.pool: /);
                expect(verified.status, file).toBe(0);
            }
        },
        GUARD_MS
    );

    it(
        'lists the changes in Welsh in a Welsh report, with the sentences of pool diff in Welsh',
        async () => {
            const { root } = await approvedHistory();
            const result = await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md', '--lang', 'cy'], { cwd: root });
            expect(result.status, result.stderr).toBe(0);
            const diff = JSON.parse(
                (await runPoolInProcess(['diff', '--approved', '--format', 'json', '--lang', 'cy', 'agreements/care.pool'], { cwd: root })).stdout
            );
            const sentence = diff.changes.find((change: { topic: string }) => change.topic === 'contribution').sentence as string;
            expect(sentence).not.toBe(CHANGE);
            expect(result.stdout).toContain('## Atodiad');
            expect(result.stdout).toContain('### Newidiadau ers y fersiwn gymeradwy ddiwethaf');
            expect(result.stdout).toContain(`| ${sentence} | care.pool:8 |`);
            expect(result.stdout).toMatch(
                /O’i gymharu â’r testun a gymeradwywyd gan Anytown Council \(Director of Finance, 2013-03-28\), fel y’i cofnodwyd yn [0-9a-f]{12} \(agreements\/care\.pool\): 1 newid\./
            );
        },
        GUARD_MS
    );

    it(
        'says in one sentence why there is nothing to compare with: no history, none approved in it, no approval, or this very text',
        async () => {
            const { root, file, approvals } = await approvedHistory();
            // Outside any repository (the folder copied without its .git).
            const outside = mkdtempSync(path.join(tmpdir(), 'pool-appendix-outside-'));
            cpSync(path.join(root, 'agreements'), path.join(outside, 'agreements'), { recursive: true });
            const loose = await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md'], { cwd: outside });
            expect(loose.status, loose.stderr).toBe(0);
            expect(loose.stdout).toContain(
                '### Changes since the last approved version\n\nNo earlier approved version was found: every approval is of earlier text, and care.pool is not in a git repository whose history could show it.\n'
            );
            const looseJson = JSON.parse((await runPoolInProcess(['generate', 'json', 'agreements/care.pool'], { cwd: outside })).stdout);
            expect(looseJson.sinceApproved).toEqual({ status: 'no-repository' });
            expect(validateAgreement(looseJson)).toBe(true);

            // In the repository, but no commit has the text the approval records.
            writeFileSync(file, readFileSync(file, 'utf8').replace(/fingerprint "sha256:[0-9a-f]+"/, `fingerprint "sha256:${'0'.repeat(64)}"`));
            const lost = await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md'], { cwd: root });
            expect(lost.stdout).toContain(
                'No earlier approved version was found in this repository’s history: every approval is of earlier text, and no commit of care.pool has that text.'
            );

            // No approval at all.
            writeFileSync(file, anytownAgreement('£125,000'));
            const none = await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md'], { cwd: root });
            expect(none.stdout).toContain('No partner has recorded an approval of this agreement, so there is no approved version to compare it with.');

            // The text as approved: nothing has changed since, with no need of the history.
            writeFileSync(path.join(outside, 'agreements/care.pool'), anytownAgreement('£100,000') + approvals);
            const asApproved = await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md'], { cwd: outside });
            expect(asApproved.stdout).toContain('This is the text that Anytown Council (Director of Finance, 2013-03-28) approved: nothing has changed since.');
            rmSync(outside, { recursive: true, force: true });
        },
        GUARD_MS
    );

    it(
        'escapes names in the changes for each format: a hostile partner name stays text',
        async () => {
            const hostile = '<script>alert(1)</script> **bold** [x](javascript:alert(1))';
            const { root } = await approvedHistory(hostile);
            const md = await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md'], { cwd: root });
            const html = await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'html'], { cwd: root });
            expect(md.status, md.stderr).toBe(0);
            const appendix = md.stdout.slice(md.stdout.indexOf('## Appendix'));
            expect(appendix).toContain('Partner council');
            // Markdown: no HTML, no emphasis, no link comes out of the name.
            expect(appendix).toContain(
                '| Partner council is renamed from "Anytown Council" to "&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* \\[x\\](javascript:alert(1))". | care.pool:6 |'
            );
            expect(appendix).not.toContain('<script>');
            expect(appendix).not.toContain('[x](javascript:');
            expect(appendix).not.toContain(' **bold** ');
            const htmlAppendix = html.stdout.slice(html.stdout.indexOf('id="appendix"'));
            expect(htmlAppendix).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
            expect(htmlAppendix).not.toContain('<script>');
        },
        GUARD_MS
    );

    it(
        'pool verify: a report whose approved version the history no longer gives fails, and one verified without the history cannot tell',
        async () => {
            const { root, file, approvals, git } = await approvedHistory();
            expect((await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md', '-o', 'report.md'], { cwd: root })).status).toBe(0);
            const recorded = git('rev-parse', 'HEAD').slice(0, 12);

            // Without the history (the folder copied without .git): cannot tell, exit 2.
            const outside = scratchFolder({});
            cpSync(path.join(root, 'agreements'), path.join(outside, 'agreements'), { recursive: true });
            cpSync(path.join(root, 'report.md'), path.join(outside, 'report.md'));
            const blind = runPool(['verify', 'report.md'], { cwd: outside });
            expect(blind.stdout).toBe(
                'cannot tell whether report.md matches agreements/care.pool: its appendix lists the changes since the last approved version as found in git history, and agreements/care.pool is not in a git repository here\n'
            );
            expect(blind.status).toBe(2);

            // The other way round: made outside the repository, verified inside it, where the history gives an approved version.
            expect((await runPoolInProcess(['report', 'agreements/care.pool', '--format', 'md', '-o', 'outside.md'], { cwd: outside })).status).toBe(0);
            cpSync(path.join(outside, 'outside.md'), path.join(root, 'outside.md'));
            const sighted = await runPoolInProcess(['verify', 'outside.md'], { cwd: root });
            expect(sighted.stdout).toBe(
                `outside.md does not match agreements/care.pool: its appendix was made where the agreement was not in a git repository, and the git history here gives the approved version in commit ${recorded}\n`
            );
            expect(sighted.status).toBe(1);

            // The change committed, then the approved text committed again: the last approved version is now that commit.
            const now = readFileSync(file, 'utf8');
            git('commit', '-q', '-am', 'more money');
            writeFileSync(file, anytownAgreement('£100,000') + approvals);
            git('commit', '-q', '-am', 'back to the approved text');
            const again = git('rev-parse', 'HEAD').slice(0, 12);
            writeFileSync(file, now);
            const moved = await runPoolInProcess(['verify', 'report.md'], { cwd: root });
            expect(moved.stdout).toBe(
                `report.md does not match agreements/care.pool: its appendix compares with the approved version in commit ${recorded}, but the git history now gives the approved version in commit ${again}\n`
            );
            expect(moved.status).toBe(1);
        },
        GUARD_MS
    );
});
