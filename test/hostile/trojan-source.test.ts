import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { runPool } from '../support/cli.js';
import { scratchFolder } from '../support/scratch.js';
import { applyEdits } from './support.js';
import { withServer } from '../support/lsp.js';

/**
 * Finding 9, Trojan Source: characters that reorder text (Unicode's bidi controls) in names and
 * text in quotes were not flagged, and reversed the report's sentences.
 */
const RLO = '\u202e';
const PDF = '\u202c';
const TROJAN = `agreement "Anytown Better Care Fund" {
    period 2013/14 to 2014/15
    host council
}
partner council "Anytown Council" council
partner nhs${RLO}${PDF} "NHS ${RLO}pu gninrut ytnuoc${PDF} Trust" health
pool care "Care pot" aligned {
    2013/14 {
        council  £100   // ${RLO}checked${PDF}
        nhs${RLO}${PDF}  £50
    }
}
`;

describe('characters that reorder text', () => {
    const root = scratchFolder({ 'trojan.pool': TROJAN });

    it('are bidi-control warnings in text and comments, and an error inside an id, shown visibly', () => {
        const json = JSON.parse(runPool(['check', '--format', 'json', 'trojan.pool'], { cwd: root }).stdout);
        expect(
            json.diagnostics.map((d: { code: string; severity: string; range: { start: { line: number } } }) => `${d.range.start.line} ${d.severity} ${d.code}`)
        ).toEqual([
            '6 error bidi-control',
            '6 warning bidi-control',
            '6 warning bidi-control',
            '9 warning bidi-control',
            '9 warning bidi-control',
            '10 error bidi-control'
        ]);
        const text = runPool(['check', 'trojan.pool'], { cwd: root });
        expect(text.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        expect(text.stdout).toContain('nhs\\u202e\\u202c');
        expect(text.status).toBe(1);
    });

    it('are removed by the quick fix, and the file then checks clean', async () => {
        await withServer([root], async client => {
            const file = path.join(root, 'trojan.pool');
            const uri = pathToFileURL(file).toString();
            let text = TROJAN;
            await client.open(uri, text);
            let diagnostics = await client.diagnosticsFor(file, found => found.length > 0);
            // One fix at a time, as a user would: the id in the declaration is fixed before its use,
            // which is an unknown reference in between.
            for (let version = 2; diagnostics.some(d => d.code === 'bidi-control') && version < 12; version++) {
                const problem = diagnostics.find(d => d.code === 'bidi-control')!;
                const actions = await client.request<CodeAction[]>(
                    'textDocument/codeAction',
                    { textDocument: { uri }, range: problem.range, context: { diagnostics: [problem] } },
                    30_000
                );
                const fix = actions.find(action => action.title.startsWith('Remove the characters that reorder text'));
                expect(fix, JSON.stringify(problem)).toBeDefined();
                text = applyEdits(text, fix!.edit!.changes![uri]);
                diagnostics = await client.change(uri, version, text);
            }
            expect(diagnostics).toEqual([]);
            expect(text).toBe(TROJAN.replace(/[\u202c\u202e]/g, ''));
        });
    });

    it('cannot reorder the sentences of a report: the names holding them are isolated', () => {
        for (const format of ['html', 'md']) {
            expect(runPool(['report', 'trojan.pool', '--format', format, '-o', `report.${format}`], { cwd: root }).status, format).toBe(1);
            const report = readFileSync(path.join(root, `report.${format}`), 'utf8');
            // The full name, with its override, is set apart by U+2068 … U+2069 in every sentence.
            expect(report, format).toContain(`\u2068NHS ${RLO}pu gninrut ytnuoc${PDF} Trust\u2069 puts £50`);
        }
    });
});
