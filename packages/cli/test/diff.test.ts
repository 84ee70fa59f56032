import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { runPool, runPoolInProcess } from '../../../test/support/cli.js';
import { anytownAgreement, gitIn } from '../../../test/support/git.js';

const validateDiff = new Ajv2020.default({ strict: true, allErrors: true }).compile(
    JSON.parse(readFileSync(path.join(import.meta.dirname, '../schema/diff-json-2.schema.json'), 'utf8'))
);

/** A git repository with two commits of an agreement and of the register it imports. */
function repository(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'pool-diff-'));
    const git = gitIn(root);
    mkdirSync(path.join(root, 'agreements/registers'), { recursive: true });
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(root, 'agreements/registers/anytown.pool'), 'partner nhs "NHS Anytown CCG" health\n');
    writeFileSync(path.join(root, 'agreements/care.pool'), anytownAgreement('£100,000'));
    git('add', '.');
    git('commit', '-q', '-m', 'approved');
    writeFileSync(path.join(root, 'agreements/registers/anytown.pool'), 'partner nhs "NHS Anytown Integrated Care Board" health\n');
    writeFileSync(path.join(root, 'agreements/care.pool'), anytownAgreement('£120,000'));
    return root;
}

describe('pool diff', () => {
    it('compares a git revision with the working file, reading imports at that revision too', async () => {
        const root = repository();
        const result = await runPoolInProcess(['diff', 'main:agreements/care.pool', 'agreements/care.pool'], { cwd: root });
        expect(result.stdout).toBe(
            [
                'Changes from main:agreements/care.pool to agreements/care.pool:',
                '',
                'All changes:',
                '- Partner nhs is renamed from "NHS Anytown CCG" to "NHS Anytown Integrated Care Board".  [registers/anytown.pool:1]',
                '- The contribution of Anytown Council to Care pot in 2013/14 changes from £100,000 to £120,000 (+£20,000).  [care.pool:8]',
                ''
            ].join('\n')
        );
        expect(result.status).toBe(0);
    });

    it('gives the changes as JSON with amounts as decimal strings', async () => {
        const root = repository();
        const json = JSON.parse(
            (await runPoolInProcess(['diff', '--format', 'json', 'main:agreements/care.pool', 'agreements/care.pool'], { cwd: root })).stdout
        );
        expect(validateDiff(json), JSON.stringify(validateDiff.errors)).toBe(true);
        expect(json).toMatchObject({
            $schema: 'urn:pool:schema:diff-json:2',
            version: 2,
            changed: true,
            names: { partners: { council: 'Anytown Council' }, pools: { care: 'Care pot' } }
        });
        expect(json.changes[1]).toEqual({
            topic: 'contribution',
            key: ['care', '2013/14', 'council', '0'],
            field: 'amount',
            before: '100000.00',
            after: '120000.00',
            difference: '20000.00',
            derived: false,
            sentence: 'The contribution of Anytown Council to Care pot in 2013/14 changes from £100,000 to £120,000 (+£20,000).',
            where: { before: { file: 'care.pool', line: 8 }, after: { file: 'care.pool', line: 8 } }
        });
    });

    it('exits 1 with --exit-code when there are changes, 0 when there are none', async () => {
        const root = repository();
        // A real process: --exit-code is for scripts, which read the status the command exits with.
        expect(runPool(['diff', '--exit-code', 'main:agreements/care.pool', 'agreements/care.pool'], { cwd: root }).status).toBe(1);
        const same = await runPoolInProcess(['diff', '--exit-code', 'agreements/care.pool', 'agreements/care.pool'], { cwd: root });
        expect(same.stdout).toBe('No changes between agreements/care.pool and agreements/care.pool.\n');
        expect(same.status).toBe(0);
    });

    it('escapes agreement text in Markdown', async () => {
        const root = repository();
        writeFileSync(path.join(root, 'agreements/hostile.pool'), anytownAgreement('£130,000', '](javascript:alert(1)) <script>alert(1)</script> *x*'));
        const markdown = (await runPoolInProcess(['diff', '--format', 'md', 'agreements/care.pool', 'agreements/hostile.pool'], { cwd: root })).stdout;
        expect(markdown).toContain('\\](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\*');
        expect(markdown).not.toContain('<script>');
    });

    it('gives a self-contained HTML page for a board paper, with agreement text escaped', async () => {
        const root = repository();
        writeFileSync(path.join(root, 'agreements/hostile.pool'), anytownAgreement('£130,000', '<script>alert(1)</script><img src=x onerror=alert(2)>'));
        const result = await runPoolInProcess(['diff', '--format', 'html', 'agreements/care.pool', 'agreements/hostile.pool'], { cwd: root });
        expect(result.status).toBe(0);
        const html = result.stdout;
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('default-src &#39;none&#39;');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
        expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
        // The contribution table: before, after and the signed difference, right to the penny.
        expect(html).toMatch(/<td[^>]*>£120,000<\/td>\s*<td[^>]*>£130,000<\/td>\s*<td[^>]*>\+£10,000<\/td>/);
        // Nothing is fetched: no remote source, link or style import.
        expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import/);
    });

    it('speaks Welsh with --lang cy, with the same figures', async () => {
        const root = repository();
        const result = await runPoolInProcess(['diff', '--lang', 'cy', 'main:agreements/care.pool', 'agreements/care.pool'], { cwd: root });
        expect(result.stdout).toBe(
            [
                'Newidiadau o main:agreements/care.pool i agreements/care.pool:',
                '',
                'Pob newid:',
                '- Mae partner nhs yn newid ei enw o "NHS Anytown CCG" i "NHS Anytown Integrated Care Board".  [registers/anytown.pool:1]',
                '- Mae cyfraniad Anytown Council i Care pot yn 2013/14 yn newid o £100,000 i £120,000 (+£20,000).  [care.pool:8]',
                ''
            ].join('\n')
        );
        expect(result.status).toBe(0);
        const same = await runPoolInProcess(['diff', 'agreements/care.pool', 'agreements/care.pool'], { cwd: root, env: { POOL_LANG: 'cy' } });
        expect(same.stdout).toBe('Dim newidiadau rhwng agreements/care.pool a agreements/care.pool.\n');
    });

    it('gives Welsh headings, columns and sentences in Markdown and HTML, and Welsh sentences in JSON with English keys', async () => {
        const root = repository();
        const markdown = (
            await runPoolInProcess(['diff', '--format', 'md', 'main:agreements/care.pool', 'agreements/care.pool'], {
                cwd: root,
                env: { POOL_LANG: 'cy' }
            })
        ).stdout;
        expect(markdown).toContain('# Newidiadau i Anytown care\n\nO `main:agreements/care.pool` i `agreements/care.pool`.');
        expect(markdown).toContain('## Cyfraniadau\n\n| Partner | Cronfa | Blwyddyn | Cyn | Ar ôl | Gwahaniaeth |');
        expect(markdown).toContain('| Anytown Council | Care pot | 2013/14 | £100,000 | £120,000 | +£20,000 |');
        expect(markdown).toContain('## Pob newid\n\n- Mae partner nhs yn newid ei enw');
        const html = (await runPoolInProcess(['diff', '--lang', 'cy', '--format', 'html', 'main:agreements/care.pool', 'agreements/care.pool'], { cwd: root }))
            .stdout;
        expect(html).toMatch(/<html lang="cy"/);
        expect(html).toContain('Newidiadau i Anytown care');
        expect(html).toMatch(/<h2[^>]*>Pob newid<\/h2>/);
        expect(html).not.toContain('All changes');
        const json = JSON.parse(
            (await runPoolInProcess(['diff', '--lang', 'cy', '--format', 'json', 'main:agreements/care.pool', 'agreements/care.pool'], { cwd: root })).stdout
        );
        expect(json.changes[0]).toMatchObject({
            topic: 'partner',
            key: ['nhs'],
            field: 'name',
            before: 'NHS Anytown CCG',
            after: 'NHS Anytown Integrated Care Board'
        });
        expect(json.changes[1].sentence).toBe('Mae cyfraniad Anytown Council i Care pot yn 2013/14 yn newid o £100,000 i £120,000 (+£20,000).');
    });

    it('refuses a version with syntax errors, listing them, instead of showing what it could not read as removed (exit 2)', async () => {
        const root = repository();
        writeFileSync(path.join(root, 'agreements/broken.pool'), anytownAgreement('£100,000').replace('pool care', 'pool care care'));
        const result = await runPoolInProcess(['diff', '--exit-code', 'agreements/care.pool', 'agreements/broken.pool'], { cwd: root });
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(
            /^pool: cannot compare agreements\/broken\.pool: it has syntax errors \(\d+\), and a diff of what could be read would show the rest as removed; fix them and compare again\n {2}agreements\/broken\.pool:7:\d+: /
        );
        expect(result.status).toBe(2);
        expect((await runPoolInProcess(['diff', 'agreements/broken.pool', 'agreements/care.pool'], { cwd: root })).status).toBe(2);
    });

    it('counts an approval that merely goes stale as no change of the text, and lists it apart', async () => {
        const root = repository();
        const file = path.join(root, 'agreements/care.pool');
        const fingerprint = (await runPoolInProcess(['fingerprint', 'agreements/care.pool'], { cwd: root })).stdout.trim();
        writeFileSync(file, `${readFileSync(file, 'utf8')}approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "${fingerprint}"\n}\n`);
        writeFileSync(path.join(root, 'agreements/commented.pool'), readFileSync(file, 'utf8').replace('pool care', '// one more comment\npool care'));
        const result = await runPoolInProcess(['diff', '--exit-code', 'agreements/care.pool', 'agreements/commented.pool'], { cwd: root });
        expect(result.stdout).toBe(
            [
                'No changes between agreements/care.pool and agreements/commented.pool.',
                '',
                'Approvals to be given again:',
                '- The approval by Anytown Council (Director of Finance, 2013-03-28) no longer covers the text and must be given again.  [commented.pool:13]',
                ''
            ].join('\n')
        );
        expect(result.status).toBe(0);
        // Comparing the stale version with itself: nothing at all.
        expect(await runPoolInProcess(['diff', '--exit-code', 'agreements/commented.pool', 'agreements/commented.pool'], { cwd: root })).toMatchObject({
            status: 0,
            stdout: 'No changes between agreements/commented.pool and agreements/commented.pool.\n'
        });
    });

    it('refuses a language it does not speak with one line', async () => {
        const root = repository();
        expect(await runPoolInProcess(['diff', '--lang', 'fr', 'agreements/care.pool', 'agreements/care.pool'], { cwd: root })).toMatchObject({
            status: 2,
            stderr: "pool: --lang must be en (English) or cy (Cymraeg); got 'fr'\n"
        });
    });

    it('says clearly when a version cannot be found', async () => {
        const root = repository();
        expect(await runPoolInProcess(['diff', 'nosuchbranch:agreements/care.pool', 'agreements/care.pool'], { cwd: root })).toMatchObject({
            status: 2,
            stderr: 'pool: cannot read nosuchbranch:agreements/care.pool: nosuchbranch is not a revision of a git repository here\n'
        });
        expect(await runPoolInProcess(['diff', 'main:agreements/other.pool', 'agreements/care.pool'], { cwd: root })).toMatchObject({
            status: 2,
            stderr: 'pool: cannot read main:agreements/other.pool: there is no agreements/other.pool in main\n'
        });
    });
});

describe('pool diff --approved', () => {
    /**
     * A history: version 1 committed, approved in a later commit (the approvals block is not part
     * of the fingerprint), then version 2 committed and version 3 left in the working tree.
     */
    async function approvedHistory(): Promise<{ root: string; git: (...args: string[]) => void; file: string }> {
        const root = repository();
        const git = gitIn(root);
        const file = path.join(root, 'agreements/care.pool');
        git('checkout', '-q', '--', '.');
        const fingerprint = (await runPoolInProcess(['fingerprint', 'agreements/care.pool'], { cwd: root })).stdout.trim();
        const approvals = `approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "${fingerprint}"\n}\n`;
        writeFileSync(file, anytownAgreement('£100,000') + approvals);
        git('commit', '-q', '-am', 'council approves');
        writeFileSync(file, anytownAgreement('£110,000') + approvals);
        git('commit', '-q', '-am', 'more money');
        writeFileSync(file, anytownAgreement('£125,000') + approvals);
        return { root, git, file };
    }

    it('compares the file with the newest commit whose text its partners approved', async () => {
        const { root } = await approvedHistory();
        const result = await runPoolInProcess(['diff', '--approved', 'agreements/care.pool'], { cwd: root });
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/^Changes from agreements\/care\.pool as approved \([0-9a-f]{12}\) to agreements\/care\.pool:\n/);
        expect(result.stdout).toContain(
            '- The contribution of Anytown Council to Care pot in 2013/14 changes from £100,000 to £125,000 (+£25,000).  [care.pool:8]'
        );
        expect(result.status).toBe(0);
    });

    it('says so when the text is as approved', async () => {
        const { root, file } = await approvedHistory();
        const text = readFileSync(file, 'utf8').replace('£125,000', '£100,000');
        writeFileSync(file, text);
        const result = await runPoolInProcess(['diff', '--approved', 'agreements/care.pool'], { cwd: root });
        expect(result.stdout).toBe('The text of agreements/care.pool is as approved by council (Director of Finance) on 2013-03-28: no changes since.\n');
        expect(result.status).toBe(0);
    });

    it('gives one line and exit 2 when there is nothing to compare with', async () => {
        const root = repository();
        const none = await runPoolInProcess(['diff', '--approved', 'agreements/care.pool'], { cwd: root });
        expect(none.stderr).toBe('pool: agreements/care.pool records no approvals, so there is no approved version to compare with\n');
        expect(none.status).toBe(2);
        const { root: other, file } = await approvedHistory();
        writeFileSync(file, readFileSync(file, 'utf8').replace(/fingerprint "sha256:[0-9a-f]+"/, `fingerprint "sha256:${'0'.repeat(64)}"`));
        const lost = await runPoolInProcess(['diff', '--approved', 'agreements/care.pool'], { cwd: other });
        expect(lost.stderr).toMatch(
            /^pool: cannot find the approved version of agreements\/care\.pool: no commit in its git history has the text its approvals record \(sha256:000000000000…\)\n$/
        );
        expect(lost.status).toBe(2);
        const twoFiles = await runPoolInProcess(['diff', '--approved', 'agreements/care.pool', 'agreements/care.pool'], { cwd: other });
        expect(twoFiles.stderr).toBe('pool: pool diff --approved takes one file: the agreement as it is now\n');
        expect(twoFiles.status).toBe(2);
    });

    it('says in Welsh that the text is as approved, or that nothing was approved', async () => {
        const { root, file } = await approvedHistory();
        writeFileSync(file, readFileSync(file, 'utf8').replace('£125,000', '£100,000'));
        expect((await runPoolInProcess(['diff', '--approved', '--lang', 'cy', 'agreements/care.pool'], { cwd: root })).stdout).toBe(
            "Mae testun agreements/care.pool fel y'i cymeradwywyd gan council (Director of Finance) ar 2013-03-28: dim newidiadau ers hynny.\n"
        );
        const none = await runPoolInProcess(['diff', '--approved', 'agreements/care.pool'], { cwd: repository(), env: { POOL_LANG: 'cy' } });
        expect(none.stderr).toBe("pool: nid yw agreements/care.pool yn cofnodi unrhyw gymeradwyaethau, felly nid oes fersiwn gymeradwy i'w chymharu â hi\n");
        expect(none.status).toBe(2);
    });
});
