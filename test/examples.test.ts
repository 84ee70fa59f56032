import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../packages/language/src/checks/index.js';
import { runPool, runPoolInProcess } from './support/cli.js';
import { REPO } from './support/paths.js';

const invalidFiles = readdirSync(path.join(REPO, 'examples/invalid'))
    .filter(name => name.endsWith('.pool'))
    .sort();
/** The agreements and registers under examples/, not examples/invalid (which .poolignore leaves out). */
const EXAMPLE_FILES = [...readdirSync(path.join(REPO, 'examples')), ...readdirSync(path.join(REPO, 'examples/registers'))].filter(name =>
    name.endsWith('.pool')
).length;
const codesIn = (stdout: string) => [...new Set((JSON.parse(stdout) as { diagnostics: { code: string }[] }).diagnostics.map(d => d.code))];

describe('the examples', () => {
    it('`pool check examples` passes, with and without --strict, skipping examples/invalid by .poolignore', () => {
        for (const args of [
            ['check', 'examples'],
            ['check', '--strict', 'examples']
        ]) {
            const result = runPool(args);
            expect(result.stderr).toBe('');
            expect(result.stdout).toBe(`${EXAMPLE_FILES} files checked: all checks passed\n`);
            expect(result.status).toBe(0);
        }
    });

    // In process: what is checked is what `pool check` reports and its exit status, not starting Node
    // (the test above and packages/cli/test run the real command).
    it.each(invalidFiles)('examples/invalid/%s reports exactly the check it is named after', async file => {
        const code = file.replace(/\.pool$/, '');
        const check = ALL_CHECKS.find(candidate => candidate.code === code)!;
        expect(check, `${code} is a check code`).toBeDefined();
        const strict = await runPoolInProcess(['check', '--strict', '--format', 'json', `examples/invalid/${file}`]);
        expect(codesIn(strict.stdout)).toEqual([code]);
        expect(strict.status).toBe(1);
        // Warnings alone do not fail a build unless --strict asks them to.
        const plain = await runPoolInProcess(['check', `examples/invalid/${file}`]);
        expect(plain.status).toBe(check.severity === 'error' ? 1 : 0);
        expect(plain.stdout).toContain(`${check.severity}[${code}]`);
    });

    it('every check that can fire has a failing example and a passing fixture', () => {
        const passing = readdirSync(path.join(REPO, 'test/fixtures/checks')).filter(name => name.endsWith('.pool'));
        // No small file can show these two: a fault inside Pool, and a file over 10 MiB (tested in packages/cli/test).
        for (const check of ALL_CHECKS.filter(candidate => !['internal-error', 'file-too-large'].includes(candidate.code))) {
            expect(invalidFiles, check.code).toContain(`${check.code}.pool`);
            expect(passing, check.code).toContain(`${check.code}.pool`);
        }
    });
});
