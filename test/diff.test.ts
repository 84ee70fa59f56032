import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPoolInProcess } from './support/cli.js';
import { REPO } from './support/paths.js';

/**
 * For each example, a later version (test/diff-fixtures/<example>.v2.pool) with the kinds of change
 * a board meets, and the text and Markdown that `pool diff` must print for the pair.
 */
const EXAMPLES = readdirSync(path.join(REPO, 'test/diff-fixtures'))
    .filter(file => file.endsWith('.v2.pool'))
    .map(file => file.replace(/\.v2\.pool$/, ''));

it('every example but the plan with streams has a later version to compare', () => {
    expect(EXAMPLES).toEqual(
        expect.arrayContaining(['troubled-families', 'troubled-families-cohort', 'better-care-fund', 'essex-whole-place', 'neighbourhood-budget'])
    );
});

describe('pool diff on a pair of versions of each example', () => {
    it.each(EXAMPLES)('%s', async name => {
        const args = [`examples/${name}.pool`, `test/diff-fixtures/${name}.v2.pool`];
        for (const [format, extension] of [
            ['text', 'txt'],
            ['md', 'md']
        ]) {
            const result = await runPoolInProcess(['diff', '--format', format, ...args]);
            expect(result.stdout, format).toBe(readFileSync(path.join(REPO, `test/diff-fixtures/${name}.expected.${extension}`), 'utf8'));
            expect(result.status).toBe(0);
        }
        // The later version is itself a valid agreement, its approvals aside: the change leaves them to be given again.
        const check = JSON.parse((await runPoolInProcess(['check', '--format', 'json', '--strict', args[1]])).stdout);
        expect(check.diagnostics.filter((d: { code: string }) => d.code !== 'approval-stale' && d.code !== 'signed-without-approval')).toEqual([]);
    });
});
