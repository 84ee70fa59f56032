import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, checkFixNote, checkSummary } from '../packages/language/src/checks/index.js';
import { runPool, runPoolInProcess } from './support/cli.js';
import { REPO } from './support/paths.js';

/**
 * docs/checks.md is generated from the checks themselves and from examples/invalid, with the
 * real output of `pool check`, so the reference cannot fall behind the code. `UPDATE_DOCS=1`
 * rewrites it; this test fails whenever it is out of date. The examples run through the command in
 * this process (the same output, without starting Node once per check); the README's example below
 * runs the built command as a user would.
 */
async function renderCheckReference(): Promise<string> {
    const out: string[] = [
        '# Check reference',
        '',
        '<!-- Generated from packages/language/src/checks and examples/invalid by test/docs.test.ts.',
        '     Do not edit by hand: run `UPDATE_DOCS=1 pnpm vitest run test/docs.test.ts`. -->',
        '',
        'Every check has a stable code, shown in every diagnostic, in `pool check --format json` and in CI output.',
        'Errors make `pool check` exit 1; warnings do too with `--strict`. Each example below is a file in',
        '`examples/invalid/`, and the output under it is what `pool check` prints for it. A check with a',
        'quick fix offers it in the editor where the repair is sure to be the one meant; each entry says',
        'what the fix does or why there is none.',
        '',
        '| code | severity | tier | quick fix | what it finds |',
        '| --- | --- | --- | --- | --- |',
        ...ALL_CHECKS.map(
            check =>
                `| [\`${check.code}\`](#${check.code}) | ${check.severity} | ${check.tier} | ${check.fix === 'quick-fix' ? 'yes' : 'no'} | ${check.summary.replace(/\|/g, '\\|')} |`
        ),
        ''
    ];
    for (const check of ALL_CHECKS) {
        out.push(`## ${check.code}`, '', `**${check.severity}**, ${check.tier} tier. ${check.summary}`, '', `*Cymraeg:* ${checkSummary(check, 'cy')}`, '');
        out.push(`${check.fix === 'quick-fix' ? '**Quick fix:**' : '**No quick fix:**'} ${checkFixNote(check, 'en')}`, '');
        if (check.withoutExample !== undefined) {
            out.push(check.withoutExample, '');
            continue;
        }
        const example = `examples/invalid/${check.code}.pool`;
        const source = readFileSync(path.join(REPO, example), 'utf8');
        const args = check.severity === 'warning' ? ['check', '--strict', example] : ['check', example];
        const output = (await runPoolInProcess(args)).stdout.trimEnd();
        out.push(`\`${example}\`:`, '', '```pool', source.trimEnd(), '```', '', `\`pool ${args.join(' ')}\`:`, '', '```text', output, '```', '');
    }
    return out.join('\n');
}

describe('docs/checks.md', () => {
    it('documents every check with its example and real output', async () => {
        const file = path.join(REPO, 'docs/checks.md');
        const rendered = await renderCheckReference();
        if (process.env.UPDATE_DOCS === '1') writeFileSync(file, rendered);
        expect(readFileSync(file, 'utf8')).toBe(rendered);
    });
});

describe('README.md', () => {
    it('shows the real output of pool check for its example', () => {
        const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
        const example = /```pool\n([\s\S]*?)```/.exec(readme)![1];
        const shown = /\$ pool check agreement\.pool\n([\s\S]*?)```/.exec(readme)![1];
        const root = mkdtempSync(path.join(tmpdir(), 'pool-readme-'));
        mkdirSync(path.join(root, 'registers'));
        copyFileSync(path.join(REPO, 'examples/registers/greater-manchester.pool'), path.join(root, 'registers/greater-manchester.pool'));
        writeFileSync(path.join(root, 'agreement.pool'), example);
        expect(runPool(['check', 'agreement.pool'], { cwd: root }).stdout).toBe(shown);
    });

    it('has a Quick start of exactly two commands, the second being what CI runs', () => {
        const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
        const quickStart = /## Quick start\n([\s\S]*?)\n## /.exec(readme)![1];
        const commands = [...quickStart.matchAll(/```sh\n([^\n]+)\n```/g)].map(match => match[1]);
        expect(commands).toHaveLength(2);
        expect(commands[0]).toMatch(/pool check examples$/);
        expect(readFileSync(path.join(REPO, '.ci/run'), 'utf8')).toContain(`\n${commands[1]}\n`);
    });
});
