import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawAgreement, makePartners, renderPoolAgreement } from '../../packages/bench/src/agreement.js';
import { SeededRandom } from '../../packages/bench/src/random.js';
import { CLI } from '../support/paths.js';
import { scratchFolder } from '../support/scratch.js';

/**
 * Finding 12, pathological times: `pool fmt` of 120,000 lines took 114 s and 2.6 GB; a 9.8 MiB
 * register took 77 s to check. Quadratic steps were in the parser (each comment taken from the
 * front of a list, each declaration searched for from the start of the file), the formatter
 * (tables grown by copying, the text read twice whole) and the index (a kilobyte per name).
 *
 * Times are CPU seconds of the process (user and system), so that a machine busy with other work
 * does not fail the test; memory is the peak resident set, from GNU time.
 */
interface Measured {
    readonly status: number | null;
    readonly stderr: string;
    readonly seconds: number;
    readonly megabytes: number;
}

function measure(args: readonly string[], cwd: string): Measured {
    const result = spawnSync('/usr/bin/time', ['-f', 'pool-time %U %S %M', process.execPath, CLI, ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' }
    });
    const [, user, system, kilobytes] = /pool-time (\S+) (\S+) (\d+)/.exec(result.stderr) ?? [];
    return { status: result.status, stderr: result.stderr, seconds: Number(user) + Number(system), megabytes: Number(kilobytes) / 1024 };
}

/**
 * A 120,000-line agreement as the benchmark draws them (contributions, spend lines, outcomes,
 * shares), written untidily: amounts without commas, a comment at the end of every contribution
 * (120,000 comment lines in tables were quadratic to parse), and a register of partners as one
 * long table to make up the lines.
 */
function untidyAgreement(): string {
    const shape = { partners: 100, pools: 130, years: 5, spendPerYear: 20, outcomes: 1_500, firstYear: 2020 };
    const random = new SeededRandom(7);
    const text = renderPoolAgreement(random, drawAgreement(random, 'Hostile', shape, makePartners('p', shape.partners)), { declarePartners: true });
    const lines = text
        .trimEnd()
        .split('\n')
        .map(line => (/^\s+p\d+\s+£/.test(line) ? `${line.replace(/,/g, '')}   // as agreed` : line));
    for (let i = 0; lines.length < 120_000; i++) lines.push(`partner r${i}   "Register partner ${i}"  council`);
    return `${lines.join('\n')}\n`;
}

describe('pathological times', () => {
    it('pool fmt formats 120,000 lines in under 10 s and 500 MB (114 s and 2.6 GB before)', () => {
        const root = scratchFolder({ 'large.pool': untidyAgreement() });
        const before = readFileSync(path.join(root, 'large.pool'), 'utf8');
        expect(before.split('\n')).toHaveLength(120_001);
        const run = measure(['fmt', 'large.pool'], root);
        expect(run.stderr).toContain('1 file formatted');
        expect(run.status).toBe(0);
        const after = readFileSync(path.join(root, 'large.pool'), 'utf8');
        expect(after).not.toBe(before);
        expect(after).toContain('   // as agreed');
        expect(run.seconds, `${run.seconds.toFixed(1)} s`).toBeLessThan(10);
        expect(run.megabytes, `${run.megabytes.toFixed(0)} MB`).toBeLessThan(500);
        // Formatting again changes nothing: the layout is already what the formatter writes.
        const again = measure(['fmt', '--check', 'large.pool'], root);
        expect(again.status).toBe(0);
    });

    it('pool check reads a 9.8 MiB register in under 10 s (77 s before)', () => {
        const partners: string[] = [];
        for (let size = 0, i = 0; size < 9.8 * 1024 * 1024; i++) {
            const line = `partner p${i} "Partner number ${i} of the register" council\n`;
            partners.push(line);
            size += line.length;
        }
        const root = scratchFolder({ 'register.pool': partners.join('') });
        const run = measure(['check', 'register.pool'], root);
        expect(run.status).toBe(0);
        expect(run.seconds, `${run.seconds.toFixed(1)} s`).toBeLessThan(10);
        expect(run.megabytes, `${run.megabytes.toFixed(0)} MB`).toBeLessThan(1_000);
    });
});
