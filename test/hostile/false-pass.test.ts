import { writeFileSync } from 'node:fs';
import path from 'node:path';
// The built package: the same module the CLI's sources import, so a spy on it reaches them.
import { ImportGraph, PoolChecker } from '../../packages/language/out/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_FORMATS } from '../../packages/cli/src/formats/index.js';
import { summarise } from '../../packages/cli/src/formats/summary.js';
import { main } from '../../packages/cli/src/main.js';
import { PLAIN } from '../../packages/cli/src/style.js';
import { runPoolInProcess } from '../support/cli.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';
import { plainIo } from './support.js';

/**
 * Finding 1, false pass: more than about 125,000 findings overflowed the stack in the validator
 * (`diagnostics.push(...list)`); the error was swallowed and `pool check --strict` printed "all
 * checks passed" and exited 0 on a file with real errors.
 */
const UNUSED = 130_000;

function manyUnusedPartners(): string {
    const lines = [CLEAN_AGREEMENT.replace('£100 }', '£100 total £90 }')];
    for (let i = 0; i < UNUSED; i++) lines.push(`partner p${i} "Partner ${i}" council\n`);
    return lines.join('');
}

describe('false pass: a file with 130,000 findings', () => {
    const root = scratchFolder({ 'many.pool': manyUnusedPartners() });

    it('fails pool check --strict, lists 1,000 and counts the rest in the totals', async () => {
        const text = await runPoolInProcess(['check', '--strict', 'many.pool'], { cwd: root });
        expect(text.stderr).toBe('');
        expect(text.status).toBe(1);
        expect(text.stdout).not.toContain('all checks passed');
        expect(text.stdout).toContain('error[total-mismatch]');
        expect(text.stdout).toMatch(/warning\[unused-partner\]: … and 129,001 more unused-partner warnings, not listed\n/);
        expect(text.stdout.match(/^many\.pool:\d+:\d+: /gm)).toHaveLength(1_001);
        expect(text.stdout).toMatch(/1 file checked: 1 error and 130,000 warnings in 1 file\n$/);

        const json = JSON.parse((await runPoolInProcess(['check', '--format', 'json', 'many.pool'], { cwd: root })).stdout);
        expect(json.summary).toMatchObject({ errors: 1, warnings: UNUSED });
        expect(json.diagnostics).toHaveLength(1_001);
        expect(json.diagnostics.at(-1)).toMatchObject({ code: 'unused-partner', omitted: 129_001 });
    });

    it('keeps the totals in SARIF and JUnit too, counting what the listing leaves out', () => {
        const at = { line: 1, column: 1 };
        const listed = { file: 'many.pool', severity: 'warning' as const, code: 'unused-partner', message: 'm', start: at, end: at, related: [], text: '' };
        const diagnostics = [{ ...listed, severity: 'error' as const, code: 'total-mismatch' }, listed, { ...listed, omitted: 129_998 }];
        const summary = summarise(diagnostics, 1);
        expect(summary).toMatchObject({ errors: 1, warnings: 129_999 });
        const where = { root: process.cwd(), cwd: process.cwd() };
        const run = { diagnostics, summary, files: ['many.pool'], toolVersion: '0', strict: true, quiet: false, style: PLAIN, lang: 'en' as const, where };
        expect(JSON.parse(CHECK_FORMATS.sarif(run)).runs[0].properties).toEqual({ errors: 1, warnings: 129_999 });
        expect(JSON.parse(CHECK_FORMATS.sarif(run)).runs[0].results[2].properties).toEqual({ omitted: 129_998 });
        expect(CHECK_FORMATS.junit(run)).toContain('<testsuites name="pool check" tests="3" failures="130000" errors="0">');
        expect(CHECK_FORMATS.junit(run)).toContain('<testsuite name="many.pool" tests="3" failures="130000" errors="0">');
    });
});

describe('fail closed: a fault while checking is exit 2, never a pass', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    it('says which file could not be checked when the checks fail (a stack overflow among them)', async () => {
        const root = scratchFolder({ 'a.pool': CLEAN_AGREEMENT, 'b.pool': CLEAN_AGREEMENT.replace('Anytown', 'Othertown') });
        vi.spyOn(PoolChecker.prototype, 'findingsFor').mockImplementation(() => {
            throw new RangeError('Maximum call stack size exceeded');
        });
        const io = plainIo();
        const status = await main(['check', '--strict', path.join(root, 'a.pool'), path.join(root, 'b.pool')], io);
        expect(status).toBe(2);
        expect(io.stdout()).not.toContain('all checks passed');
        expect(io.stderr()).toMatch(
            /^pool: could not check .*a\.pool: Pool could not check this file \(Maximum call stack size exceeded\), so it has not passed; please report this with the file\n/
        );
        expect(io.stderr()).toMatch(/could not check .*b\.pool/);
    });

    it('says so when resolving names fails, rather than reporting the names as unknown', async () => {
        const root = scratchFolder({ 'a.pool': CLEAN_AGREEMENT });
        // Linking asks the import graph what a file sees; a fault there is not a missing name.
        vi.spyOn(ImportGraph.prototype, 'closureUris').mockImplementation(() => {
            throw new Error('out of memory');
        });
        const io = plainIo();
        const status = await main(['check', path.join(root, 'a.pool')], io);
        expect(status).toBe(2);
        expect(io.stdout()).not.toContain('unknown-reference');
        expect(io.stderr()).toMatch(
            /^pool: could not check .*a\.pool: Pool could not check this file \(out of memory\), so it has not passed; please report this with the file\n$/
        );
    });

    it('says so when the files cannot even be loaded for checking', async () => {
        const root = scratchFolder({ 'a.pool': `import "b.pool"\n${CLEAN_AGREEMENT}`, 'b.pool': 'partner b "B" council\n' });
        vi.spyOn(ImportGraph.prototype, 'resolve').mockImplementation(() => {
            throw new Error('out of memory');
        });
        const io = plainIo();
        const status = await main(['check', path.join(root, 'a.pool')], io);
        expect(status).toBe(2);
        expect(io.stdout()).toBe('');
        expect(io.stderr()).toMatch(/^pool: could not check .*a\.pool: out of memory\n$/);
    });

    it('is still a pass for a clean file (the fault detection itself fails nothing)', async () => {
        const root = scratchFolder({ 'a.pool': CLEAN_AGREEMENT });
        writeFileSync(path.join(root, 'b.pool'), CLEAN_AGREEMENT);
        const io = plainIo();
        expect(await main(['check', '--strict', path.join(root, 'a.pool')], io)).toBe(0);
        expect(io.stdout()).toBe('1 file checked: all checks passed\n');
    });
});
