import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool, runPoolInProcessIn } from '../support/cli.js';
import { scratchFolder } from '../support/scratch.js';

/**
 * Finding 7, U+2028 and U+2029: a name holding a line or paragraph separator broke the HTML and
 * PDF reports ("internal error: Unexpected token ILLEGAL"), because the partners' order went into
 * a chart expression unescaped, where those characters end a line.
 */
const SEPARATED = `agreement "Line\u2028and\u2029paragraph" {
    period 2013/14 to 2014/15
    host council
}
partner council "Any\u2028town\u2029Council" council
partner nhs "NHS\u2028Anytown" health
pool care "Care\u2029pot" pooled {
    2013/14 { council £100  nhs £50 }
    2014/15 { council £120  nhs £60 }
}
share savings of care { council 60%  nhs 40% }
outcome visits "Visits\u2028avoided" {
    baseline 100 in 2012/13
    target 60 by 2014/15
    reduce
    measured by nhs
    actual 90 in 2013/14
}
`;

describe('names with line and paragraph separators', () => {
    // The HTML and Markdown reports through the CLI's main in this process (the process is not what
    // is tested); the PDF, the report the finding broke, as a user makes it.
    it('make every report, with its charts, as for any other name', async () => {
        const root = scratchFolder({ 'separated.pool': SEPARATED });
        for (const format of ['html', 'pdf', 'md']) {
            const args = ['report', 'separated.pool', '--format', format, '-o', `report.${format}`];
            const result = format === 'pdf' ? runPool(args, { cwd: root }) : await runPoolInProcessIn(root, args);
            expect(result.stderr, format).toBe('');
            expect(result.status, format).toBe(0);
        }
        const html = readFileSync(path.join(root, 'report.html'), 'utf8');
        expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2);
        expect(html).toContain('Any\u2028town\u2029Council');
        expect(readFileSync(path.join(root, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // In Markdown a separator is a space: it never starts a line of its own.
        expect(readFileSync(path.join(root, 'report.md'), 'utf8')).toContain('Any town Council');
        expect((await runPoolInProcessIn(root, ['generate', 'json', 'separated.pool'])).status).toBe(0);
    });
});
