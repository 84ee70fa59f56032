import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../packages/language/src/checks/index.js';
import { cy, type MessageKey } from '../packages/language/src/i18n/messages.js';
import { runPool } from './support/cli.js';
import { REPO } from './support/paths.js';

/**
 * docs/checks.md is generated from the checks themselves and from examples/invalid, with the
 * real output of `pool check`, so the reference cannot fall behind the code. `UPDATE_DOCS=1`
 * rewrites it; this test fails whenever it is out of date.
 */
function renderCheckReference(): string {
    const out: string[] = [
        '# Check reference',
        '',
        '<!-- Generated from packages/language/src/checks and examples/invalid by test/docs.test.ts.',
        '     Do not edit by hand: run `UPDATE_DOCS=1 pnpm vitest run test/docs.test.ts`. -->',
        '',
        'Every check has a stable code, shown in every diagnostic, in `pool check --format json` and in CI output.',
        'Errors make `pool check` exit 1; warnings do too with `--strict`. Each example below is a file in',
        '`examples/invalid/`, and the output under it is what `pool check` prints for it.',
        '',
        '| code | severity | tier | what it finds |',
        '| --- | --- | --- | --- |',
        ...ALL_CHECKS.map(check => `| [\`${check.code}\`](#${check.code}) | ${check.severity} | ${check.tier} | ${check.summary.replace(/\|/g, '\\|')} |`),
        ''
    ];
    for (const check of ALL_CHECKS) {
        out.push(
            `## ${check.code}`,
            '',
            `**${check.severity}**, ${check.tier} tier. ${check.summary}`,
            '',
            `*Cymraeg:* ${cy[`summary.${check.code}` as MessageKey]}`,
            ''
        );
        if (check.code === 'internal-error') {
            out.push(
                'No agreement should ever cause this: it means a check failed inside Pool. A file that could not be checked never passes: `pool check` says `could not check FILE: reason` and exits with status 2, and the editor shows this error at the first line. Please report the file that caused it.',
                ''
            );
            continue;
        }
        if (check.code === 'unreadable-file') {
            out.push(
                'A file that is not UTF-8 text (saved in Latin-1 or Windows-1252, say), a binary file, or something that is not a regular file (a named pipe, a device) is not read at all. `pool check` stops with one line, such as `pool: cannot read old.pool: it is not UTF-8 text (the byte 0xA3 on line 1 is not valid UTF-8); save it as UTF-8`, and exits with status 2; the editor shows the same words as this error on the file, even when it is open and the editor has decoded it some other way. Save the file as UTF-8.',
                ''
            );
            continue;
        }
        if (check.code === 'file-too-large') {
            out.push(
                'A file of more than 10 MiB (measured in bytes, before it is read) is not parsed at all; `pool check` reports this one error at its first line, and so does the editor. Split the agreement into files that import a shared register or pools file.',
                ''
            );
            continue;
        }
        const example = `examples/invalid/${check.code}.pool`;
        const source = readFileSync(path.join(REPO, example), 'utf8');
        const args = check.severity === 'warning' ? ['check', '--strict', example] : ['check', example];
        const output = runPool(args).stdout.trimEnd();
        out.push(`\`${example}\`:`, '', '```pool', source.trimEnd(), '```', '', `\`pool ${args.join(' ')}\`:`, '', '```text', output, '```', '');
    }
    return out.join('\n');
}

describe('docs/checks.md', () => {
    it('documents every check with its example and real output', () => {
        const file = path.join(REPO, 'docs/checks.md');
        const rendered = renderCheckReference();
        if (process.env.UPDATE_DOCS === '1') writeFileSync(file, rendered);
        expect(readFileSync(file, 'utf8')).toBe(rendered);
    }, 600_000); // runs pool once per check: minutes on a loaded machine
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
