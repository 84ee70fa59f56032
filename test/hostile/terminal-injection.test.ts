import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool } from '../support/cli.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';

/**
 * Finding 8, terminal injection: a name containing `ESC[8m` hid the errors after it in pool
 * check's text output, and a `\n` in a name was printed raw, forging lines of output.
 */
const HIDING =
    CLEAN_AGREEMENT.replace('host council', 'host nobody') +
    ['partner unused "\\u001b[8mAll clear\\u001b[0m" council', 'partner forged "x\\npool: all checks passed, exit 0" council', ''].join('\n');

describe('control characters in agreement text, in the terminal', () => {
    it('are shown, not acted on: no escape sequence and no line of output a name made', () => {
        // The escapes in quotes are read as the characters themselves (ESC, a line feed).
        const root = scratchFolder({ 'hiding.pool': HIDING.replace(/\\u001b/g, '\u001b') });
        const result = runPool(['check', '--strict', 'hiding.pool'], { cwd: root });
        expect(result.stdout).not.toContain('\u001b');
        expect(result.stdout).toContain('\\x1b[8mAll clear\\x1b[0m');
        expect(result.stdout).toContain('x\\npool: all checks passed, exit 0');
        // Every line is pool's own: a diagnostic, a quoted source line, a marker, or the summary.
        for (const line of result.stdout.trimEnd().split('\n')) {
            expect(line, line).toMatch(/^(hiding\.pool:\d+:\d+: (error|warning)\[[a-z-]+\]: |\s*\d* \||\s*=|$|1 file checked: )/);
        }
        expect(result.stdout).toContain('error[missing-host]');
        expect(result.status).toBe(1);
    });

    it('in a file name are shown in pool errors too', () => {
        const root = scratchFolder({});
        const name = 'evil\u001b[2Jname.pool';
        writeFileSync(path.join(root, name), Buffer.from('partner a "\u00e9" council\n', 'latin1'));
        const result = runPool(['check', name], { cwd: root });
        expect(result.stderr).toBe(
            'pool: cannot read evil\\x1b[2Jname.pool: it is not UTF-8 text (the byte 0xE9 on line 1 is not valid UTF-8); save it as UTF-8\n'
        );
        expect(result.status).toBe(2);
    });

    it('in pool diff and pool fmt output are shown too', () => {
        const before = CLEAN_AGREEMENT.replace('"Anytown Council"', '"Anytown\\u001b[31m Council"'.replace('\\u001b', '\u001b'));
        const root = scratchFolder({ 'old.pool': before, 'new.pool': before.replace('£100', '£200') });
        const diff = runPool(['diff', 'old.pool', 'new.pool'], { cwd: root });
        expect(diff.stdout).not.toContain('\u001b');
        expect(diff.stdout).toContain('Anytown\\x1b[31m Council');
        const fmtRoot = scratchFolder({ 'b\u001b[8m.pool': 'partner  a   "A"  council\n' });
        const fmt = runPool(['fmt', 'b\u001b[8m.pool'], { cwd: fmtRoot });
        expect(fmt.stdout).toBe('formatted b\\x1b[8m.pool\n');
    });
});
