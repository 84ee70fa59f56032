import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import type { Hover } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { runPool } from '../support/cli.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../support/scratch.js';
import { withServer } from '../support/lsp.js';

/**
 * Finding 10, Markdown injection: a name like "\n# Approved", or a file label of pool diff, wrote
 * its own headings into Markdown reports and diffs; hovers rendered agreement text as Markdown
 * unescaped.
 */
const markdown = new MarkdownIt({ html: true, linkify: true });

const INJECTED = CLEAN_AGREEMENT.replace('"Anytown Council"', '"Anytown\\n# Approved by every partner\\n\\n[Sign here](https://example.org)"').replace(
    'pool p "P"',
    'pool p "P\\r\\n## Signed\\u2028---"'
);

describe('agreement text and file names in Markdown', () => {
    it('never become headings, links or rules in a Markdown report', () => {
        const root = scratchFolder({ 'injected.pool': INJECTED });
        const result = runPool(['report', 'injected.pool', '--format', 'md'], { cwd: root });
        expect(result.status).toBe(0);
        const tokens = markdown.parse(result.stdout, {});
        const headingTexts = tokens.flatMap((token, index) => (token.type === 'heading_open' ? [tokens[index + 1].content] : []));
        expect(headingTexts.some(text => /Approved|Signed/.test(text) && !/Anytown|P /.test(text))).toBe(false);
        expect(tokens.some(token => token.type === 'hr')).toBe(false);
        expect(markdown.render(result.stdout)).not.toContain('<a href');
        expect(result.stdout).toContain('Anytown \\# Approved by every partner  \\[Sign here\\](https:\\/\\/example.org)');
    });

    it("never come out of a diff's file labels", () => {
        const root = scratchFolder({ 'new.pool': CLEAN_AGREEMENT.replace('£100', '£200') });
        const label = 'old`\n# Approved\n`.pool';
        writeFileSync(path.join(root, label), CLEAN_AGREEMENT);
        const result = runPool(['diff', '--format', 'md', label, 'new.pool'], { cwd: root });
        expect(result.status).toBe(0);
        const tokens = markdown.parse(result.stdout, {});
        const headingTexts = tokens.flatMap((token, index) => (token.type === 'heading_open' ? [tokens[index + 1].content] : []));
        expect(headingTexts).toEqual(['Changes to A', 'Contributions', 'All changes']);
        expect(markdown.render(result.stdout)).toContain('<code>old` # Approved `.pool</code>');
    });

    it('never become markup in a hover', async () => {
        const root = scratchFolder({ 'injected.pool': INJECTED });
        await withServer([root], async client => {
            const file = path.join(root, 'injected.pool');
            const uri = pathToFileURL(file).toString();
            await client.open(uri, readFileSync(file, 'utf8'));
            await client.diagnosticsFor(file);
            // Over `council` in the host field: the partner's hover, with its full name.
            const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } }, 30_000);
            const value = (hover.contents as { value: string }).value;
            expect(value).toContain('Anytown');
            const tokens = markdown.parse(value, {});
            expect(tokens.filter(token => token.type === 'heading_open')).toEqual([]);
            expect(markdown.render(value)).not.toContain('<a href');
        });
    });
});
