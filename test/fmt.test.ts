import { cpSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSafely as writeFileAtomic } from '../packages/files/src/index.js';
import { runPool, runPoolInProcess } from './support/cli.js';
import { REPO } from './support/paths.js';
import { CLEAN_AGREEMENT, scratchFolder } from './support/scratch.js';

/**
 * `pool fmt` as a user meets it: files formatted in place with the editor's formatter, --check
 * for CI, and nothing lost (syntax errors, approved text, byte order marks, line endings, links
 * and file modes all survive). The command runs in this process, but for --check's list of files to
 * change, which a CI job reads from the built command's standard output and exit status.
 */

/** A copy of the examples folder (agreements, registers and the invalid ones) to format. */
function examplesCopy(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'pool-fmt-'));
    cpSync(path.join(REPO, 'examples'), path.join(root, 'examples'), { recursive: true });
    return root;
}

/** Undoes the layout of a formatted file: single spaces everywhere, amounts without commas. */
function scramble(text: string): string {
    return text
        .split('\n')
        .map(line => line.replace(/(\S) {2,}(?=\S)/g, '$1 ').replace(/£(\d{1,3}(?:,\d{3})+)/g, (_, digits: string) => `£${digits.replace(/,/g, '')}`))
        .join('\n');
}

async function diagnosticsOf(cwd: string, ...paths: string[]): Promise<string[]> {
    const result = await runPoolInProcess(['check', '--format', 'json', ...paths], { cwd });
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; code: string; severity: string; message: string }[] };
    // A stale approval quotes the fingerprint of the text as it is now, which any change of layout
    // changes, and some messages quote an amount as it is spelt (`£1000` or `£1,000`).
    const normalise = (message: string) => message.replace(/now sha256:[0-9a-f]+…/, 'now sha256:…').replace(/£[\d,]+/g, amount => amount.replace(/,/g, ''));
    return report.diagnostics.map(d => `${d.file} ${d.severity} ${d.code}: ${normalise(d.message)}`).sort();
}

/** The agreements and registers under examples/ (examples/invalid is left out by .poolignore). */
const EXAMPLE_FILES = [...readdirSync(path.join(REPO, 'examples')), ...readdirSync(path.join(REPO, 'examples/registers'))].filter(name =>
    name.endsWith('.pool')
).length;

describe('pool fmt --check', () => {
    it('passes on the committed examples, which are formatted', async () => {
        const result = await runPoolInProcess(['fmt', '--check', 'examples']);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(`${EXAMPLE_FILES} files checked: all formatted\n`);
        expect(result.status).toBe(0);
    });

    it('leaves alone a file whose text partners approved as it stands, and says so', async () => {
        const root = examplesCopy();
        const file = path.join(root, 'examples/better-care-fund.pool');
        const scrambled = scramble(readFileSync(file, 'utf8'));
        writeFileSync(file, scrambled);
        // The partners approve the text as it now stands, layout and all.
        const fingerprint = (await runPoolInProcess(['fingerprint', 'examples/better-care-fund.pool'], { cwd: root })).stdout.trim();
        const approved = scrambled.replace(/sha256:[0-9a-f]{64}/g, fingerprint);
        writeFileSync(file, approved);
        const result = await runPoolInProcess(['fmt', 'examples/better-care-fund.pool'], { cwd: root });
        expect(result.stderr).toContain('examples/better-care-fund.pool: left as it is: partners have approved its text as it stands');
        expect(result.stderr).toContain('1 left as approved');
        expect(result.status).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(approved);
    });

    it('leaves alone a register named alone whose text an agreement importing it approved, as it does when the folder is formatted', async () => {
        const root = examplesCopy();
        const register = path.join(root, 'examples/registers/essex.pool');
        const agreement = path.join(root, 'examples/essex-whole-place.pool');
        const scrambled = scramble(readFileSync(register, 'utf8'));
        expect(scrambled).not.toBe(readFileSync(register, 'utf8'));
        writeFileSync(register, scrambled);
        // The agreement's partners approve it with the register as it now stands, layout and all.
        const fingerprint = (await runPoolInProcess(['fingerprint', 'examples/essex-whole-place.pool'], { cwd: root })).stdout.trim();
        writeFileSync(agreement, readFileSync(agreement, 'utf8').replace(/sha256:[0-9a-f]{64}/g, fingerprint));
        const refusal =
            'examples/registers/essex.pool: left as it is: partners have approved its text as it stands (the approvals in ../essex-whole-place.pool)';
        for (const paths of [['examples/registers/essex.pool'], ['examples/registers'], ['examples']]) {
            const result = await runPoolInProcess(['fmt', ...paths], { cwd: root });
            expect(result.stderr, paths.join(' ')).toContain(refusal);
            expect(result.stderr, paths.join(' ')).toContain('1 left as approved');
            expect(result.status, paths.join(' ')).toBe(0);
            expect(readFileSync(register, 'utf8'), paths.join(' ')).toBe(scrambled);
        }
        // Found as pool check finds files: an agreement that .poolignore leaves out approves nothing here.
        writeFileSync(path.join(root, '.poolignore'), 'examples/essex-whole-place.pool\n');
        const ignored = await runPoolInProcess(['fmt', 'examples/registers/essex.pool'], { cwd: root });
        expect(ignored.stdout).toBe('formatted examples/registers/essex.pool\n');
        expect(ignored.status).toBe(0);
        expect(readFileSync(register, 'utf8')).toBe(readFileSync(path.join(REPO, 'examples/registers/essex.pool'), 'utf8'));
    });

    it('lists the files that would change, changes nothing and exits 1', () => {
        const root = examplesCopy();
        const file = path.join(root, 'examples/troubled-families.pool');
        const scrambled = scramble(readFileSync(file, 'utf8'));
        expect(scrambled).not.toBe(readFileSync(file, 'utf8'));
        writeFileSync(file, scrambled);
        const result = runPool(['fmt', '--check', 'examples'], { cwd: root });
        expect(result.stdout).toBe('examples/troubled-families.pool\n');
        expect(result.stderr).toContain(`1 of ${EXAMPLE_FILES} files would be reformatted; run pool fmt to format it`);
        expect(result.status).toBe(1);
        expect(readFileSync(file, 'utf8')).toBe(scrambled);
    });
});

describe('pool fmt', () => {
    it('restores the committed layout of every scrambled example, keeps every finding, and a second run changes nothing', async () => {
        const root = examplesCopy();
        const agreements = ['troubled-families', 'essex-whole-place', 'neighbourhood-budget', 'registers/essex', 'registers/greater-manchester'].map(
            name => `examples/${name}.pool`
        );
        const invalid = readdirSync(path.join(root, 'examples/invalid'))
            .filter(name => name.endsWith('.pool'))
            .map(name => `examples/invalid/${name}`);
        for (const file of [...agreements, ...invalid]) writeFileSync(path.join(root, file), scramble(readFileSync(path.join(root, file), 'utf8')));
        const findingsBefore = await diagnosticsOf(root, 'examples', ...invalid);

        const first = await runPoolInProcess(['fmt', 'examples', ...invalid], { cwd: root });
        expect(first.stderr).toContain('examples/invalid/syntax-error.pool: not formatted: it has syntax errors, the first on line');
        expect(first.status).toBe(1); // the file with syntax errors could not be formatted
        for (const file of agreements) {
            expect(first.stdout).toContain(`formatted ${file}\n`);
            expect(readFileSync(path.join(root, file), 'utf8'), file).toBe(readFileSync(path.join(REPO, file), 'utf8'));
        }
        // The findings about what the text says are the same; those about its approvals depend on the exact
        // text, and the scrambled text was not what partners approved: formatting restores it, so they go.
        const fingerprinted = /approval-stale|signed-without-approval/;
        const findingsAfter = await diagnosticsOf(root, 'examples', ...invalid);
        expect(findingsAfter.filter(finding => !fingerprinted.test(finding))).toEqual(findingsBefore.filter(finding => !fingerprinted.test(finding)));
        expect(findingsBefore.filter(finding => finding.startsWith('examples/essex-whole-place.pool') && fingerprinted.test(finding)).length).toBeGreaterThan(
            0
        );
        expect(findingsAfter.filter(finding => !finding.startsWith('examples/invalid/') && fingerprinted.test(finding))).toEqual([]);

        const second = await runPoolInProcess(['fmt', 'examples'], { cwd: root });
        expect(second.stdout).toBe('');
        expect(second.stderr).toContain(`0 files formatted, ${EXAMPLE_FILES} already formatted`);
        expect(second.status).toBe(0);
    });

    it('leaves a file with syntax errors exactly as it was', async () => {
        const broken = 'agreement "A" {\n    period 2013/14 to\n}\npartner  council   "Anytown Council" council\n';
        const root = scratchFolder({ 'broken.pool': broken });
        const result = await runPoolInProcess(['fmt', 'broken.pool'], { cwd: root });
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('broken.pool: not formatted: it has syntax errors, the first on line 3, column 1: fix them first, then format');
        expect(readFileSync(path.join(root, 'broken.pool'), 'utf8')).toBe(broken);
    });

    it('keeps a byte order mark and Windows line endings', async () => {
        const text = scramble(CLEAN_AGREEMENT).replace('£100', '£1000000').replace(/\n/g, '\r\n');
        const root = scratchFolder({ 'a.pool': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
        const result = await runPoolInProcess(['fmt', 'a.pool'], { cwd: root });
        expect(result.status).toBe(0);
        const bytes = readFileSync(path.join(root, 'a.pool'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const written = bytes.subarray(3).toString('utf8');
        expect(written).toContain('£1,000,000');
        expect(written.split('\r\n').length).toBe(text.split('\r\n').length);
        expect(written.replace(/\r\n/g, '')).not.toContain('\n');
    });

    it('formats the file a symbolic link points to, keeping the link and the file mode', async () => {
        const root = scratchFolder({ 'real/a.pool': CLEAN_AGREEMENT.replace('£100', '£1000000') });
        chmodSync(path.join(root, 'real/a.pool'), 0o640);
        symlinkSync(path.join(root, 'real/a.pool'), path.join(root, 'link.pool'));
        const result = await runPoolInProcess(['fmt', 'link.pool'], { cwd: root });
        expect(result.status).toBe(0);
        expect(lstatSync(path.join(root, 'link.pool')).isSymbolicLink()).toBe(true);
        expect(readlinkSync(path.join(root, 'link.pool'))).toBe(path.join(root, 'real/a.pool'));
        expect(readFileSync(path.join(root, 'real/a.pool'), 'utf8')).toContain('£1,000,000');
        expect(statSync(path.join(root, 'real/a.pool')).mode & 0o777).toBe(0o640);
        expect(readdirSync(path.join(root, 'real'))).toEqual(['a.pool']);
    });

    it('gives one line and exit 2 for a missing file or a file that is not UTF-8, and changes nothing', async () => {
        const root = scratchFolder({ 'latin1.pool': Buffer.from([0x70, 0x6f, 0x6f, 0x6c, 0xa3, 0x0a]) });
        const missing = await runPoolInProcess(['fmt', 'nowhere.pool'], { cwd: root });
        expect(missing.status).toBe(2);
        expect(missing.stderr.trim().split('\n')).toHaveLength(1);
        expect(missing.stderr).toMatch(/^pool: .*nowhere\.pool/);
        const latin1 = await runPoolInProcess(['fmt', 'latin1.pool'], { cwd: root });
        expect(latin1.status).toBe(2);
        expect(latin1.stderr).toContain('pool: cannot read latin1.pool: it is not UTF-8 text');
        expect(latin1.stderr).not.toMatch(/\n\s+at /);
        expect([...readFileSync(path.join(root, 'latin1.pool'))]).toEqual([0x70, 0x6f, 0x6f, 0x6c, 0xa3, 0x0a]);
    });
});

describe('atomic writes', () => {
    it('replaces the whole file and leaves no temporary file behind', async () => {
        const root = scratchFolder({ 'out.txt': 'old' });
        await writeFileAtomic(path.join(root, 'out.txt'), 'new content');
        expect(readFileSync(path.join(root, 'out.txt'), 'utf8')).toBe('new content');
        expect(readdirSync(root)).toEqual(['out.txt']);
    });

    it('on failure leaves the target as it was and no temporary file', async () => {
        const root = scratchFolder({ 'out.txt': 'old' });
        // A folder where the file should go: the rename fails after the data was written.
        const target = path.join(root, 'folder');
        cpSync(path.join(root, 'out.txt'), path.join(target, 'inside.txt'));
        await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
        expect(readdirSync(root).sort()).toEqual(['folder', 'out.txt']);
        expect(readdirSync(target)).toEqual(['inside.txt']);
        expect(readFileSync(path.join(root, 'out.txt'), 'utf8')).toBe('old');
    });
});
