import { describe, expect, it } from 'vitest';
import { shortenText } from '../../packages/language/src/i18n/messages.js';
import { runPool } from '../support/cli.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';

/**
 * Finding 11, unclear errors: "internal error" for a full disk, a missing output folder, `-o ''`
 * or a `.txt` file; `pool fmt` said "formatted" after its write failed; a 9 MB name was repeated
 * whole in messages.
 */
describe('a 9 MB name in messages', () => {
    const name = 'N'.repeat(9_000_000);
    const root = scratchFolder({
        'long.pool': `${CLEAN_AGREEMENT}partner unused "${name}" council\npartner ${'i'.repeat(1_000_000)} "I" council\n`
    });

    it('is shortened with an ellipsis, in every format, so a message stays one readable line', () => {
        const outputs: Record<string, string> = {};
        for (const format of ['text', 'json', 'github', 'sarif', 'junit']) {
            const result = runPool(['check', '--format', format, 'long.pool'], { cwd: root });
            outputs[format] = result.stdout;
            // Not 9 MB: the rules of SARIF's rule table are most of what is left.
            expect(result.stdout.length, format).toBeLessThan(60_000);
            expect(result.stdout, format).toContain(`${'N'.repeat(150)}`);
            expect(result.stdout, format).toContain('…');
            expect(result.status, format).toBe(0);
        }
        const json = JSON.parse(outputs.json!);
        expect(json.diagnostics.map((d: { code: string; message: string }) => [d.code, d.message.length < 500])).toEqual([
            ['unused-partner', true], ['unused-partner', true]
        ]);
    });

    it('never cuts a character in two', () => {
        const emoji = '😀'.repeat(150);
        expect(shortenText(emoji, 201)).toBe(`${'😀'.repeat(100)}…`);
        expect(shortenText(emoji, 200)).toBe(`${'😀'.repeat(100)}…`);
        expect(shortenText('short')).toBe('short');
    });
});
