import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPEN_REPORT_PREVIEW } from '@pool/language/editor';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ReportDocumentRequest, ReportExportRequest, ReportHtmlRequest } from '../../language-server/src/protocol.js';
import { LspClient } from '../../lsp-client/src/index.js';
import { REPO, SERVER } from '../../../test/support/paths.js';
// @ts-expect-error: a plain ES module of the build, without type declarations
import { generateTextMateGrammar, grammarKeywords, terminalRegexes } from '../scripts/textmate.mjs';

/**
 * What the extension's build makes, checked against its sources: the TextMate grammar stays in
 * step with the Langium grammar, the language configuration with its comment syntax, the
 * contributed settings and commands with what the server reads and sends, and the bundled server
 * runs and checks on its own.
 */

const EXTENSION = path.join(REPO, 'packages/extension');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const grammarText = readFileSync(path.join(REPO, 'grammar/pool.langium'), 'utf8');
const textMate = readJson(path.join(EXTENSION, 'syntaxes/pool.tmLanguage.json'));
const manifest = readJson(path.join(EXTENSION, 'package.json'));

interface TextMatePattern {
    name?: string;
    match?: string;
    include?: string;
}

function scopeOf(token: string): string[] {
    return (textMate.patterns as TextMatePattern[])
        .filter(pattern => pattern.match !== undefined && new RegExp(`^(?:${pattern.match})$`).test(token))
        .map(pattern => pattern.name!);
}

describe('the TextMate grammar', () => {
    it('is what the build generates from the Langium grammar as it stands', () => {
        const langiumOutput = readJson(path.join(REPO, 'packages/language/syntaxes/pool.tmLanguage.json'));
        expect(textMate).toEqual(generateTextMateGrammar(langiumOutput, grammarText));
    });

    it('colours every keyword of the grammar as a keyword', () => {
        const keywords = [...(grammarKeywords(grammarText) as Set<string>)];
        expect(keywords).toEqual(expect.arrayContaining(['agreement', 'partner', 'pool', 'share', 'total', 'approvals']));
        const uncoloured = keywords.filter(keyword => !scopeOf(keyword).some(scope => scope.startsWith('keyword.')));
        expect(uncoloured).toEqual([]);
    });

    it('colours amounts, percentages, financial years and dates as the grammar writes them', () => {
        expect(scopeOf('£2,200,000')).toContain('constant.numeric.amount.pool');
        expect(scopeOf('£1.5m')).toContain('constant.numeric.amount.pool');
        expect(scopeOf('40%')).toContain('constant.numeric.percentage.pool');
        expect(scopeOf('2013/14')).toContain('constant.other.financial-year.pool');
        expect(scopeOf('2025-03-31')).toContain('constant.other.date.pool');
        expect(scopeOf('manchester')).toEqual([]);
    });

    it('takes each literal pattern from a terminal rule of the grammar', () => {
        const terminals = terminalRegexes(grammarText) as Map<string, string>;
        const amount = (textMate.patterns as TextMatePattern[]).find(pattern => pattern.name === 'constant.numeric.amount.pool');
        expect(amount?.match).toContain(terminals.get('MONEY'));
    });
});

describe('the language configuration', () => {
    const configuration = readJson(path.join(EXTENSION, 'language-configuration.json'));

    it('comments as the grammar does', () => {
        const terminals = terminalRegexes(grammarText) as Map<string, string>;
        expect(new RegExp(terminals.get('SL_COMMENT')!).test(`${configuration.comments.lineComment} note`)).toBe(true);
        const [open, close] = configuration.comments.blockComment as [string, string];
        expect(new RegExp(`^${terminals.get('ML_COMMENT')!}$`).test(`${open} note ${close}`)).toBe(true);
    });

    it('folds between region markers and indents inside braces', () => {
        expect(new RegExp(configuration.folding.markers.start).test('    // region 2013/14')).toBe(true);
        expect(new RegExp(configuration.folding.markers.end).test('    // endregion')).toBe(true);
        expect(new RegExp(configuration.indentationRules.increaseIndentPattern).test('pool families "Families" pooled {')).toBe(true);
        expect(configuration.autoClosingPairs).toEqual(expect.arrayContaining([{ open: '{', close: '}' }]));
    });

    it('selects a whole amount, financial year or hyphenated id as one word', () => {
        const word = new RegExp(configuration.wordPattern, 'g');
        expect('manchester  £1,200,000 in 2013/14 central-government'.match(word)).toEqual(['manchester', '£1,200,000', 'in', '2013/14', 'central-government']);
    });
});

describe('the manifest', () => {
    const properties = manifest.contributes.configuration.properties;

    it("contributes the settings the server reads, with the server's defaults", () => {
        expect(properties['pool.strict'].default).toBe(false);
        expect(properties['pool.inlayHints.enabled'].default).toBe(true);
        expect(properties['pool.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
    });

    it('contributes the command the code lenses run', () => {
        const commands = (manifest.contributes.commands as { command: string }[]).map(command => command.command);
        expect(commands).toContain(OPEN_REPORT_PREVIEW);
    });

    it('gives .pool files the language, its grammar and a file icon', () => {
        const [language] = manifest.contributes.languages;
        expect(language).toMatchObject({ id: 'pool', extensions: ['.pool'] });
        expect(readFileSync(path.join(EXTENSION, language.icon.light), 'utf8')).toContain('<svg');
        expect(manifest.contributes.grammars[0]).toMatchObject({ language: 'pool', scopeName: textMate.scopeName });
    });
});

describe('the bundled language server', () => {
    it('runs on its own and reports the same problems as the built server', async () => {
        const file = path.join(REPO, 'examples/invalid/total-mismatch.pool');
        const bundled = await LspClient.start(path.join(EXTENSION, 'dist/server.cjs'), [path.dirname(file)]);
        const built = await LspClient.start(SERVER, [path.dirname(file)]);
        try {
            const fromBundle = await bundled.openAndWaitForDiagnostics(file);
            expect(fromBundle.map(diagnostic => diagnostic.code)).toContain('total-mismatch');
            expect(fromBundle).toEqual(await built.openAndWaitForDiagnostics(file));
            expect(bundled.loggedErrors).toEqual([]);
        } finally {
            await Promise.all([bundled.stop(), built.stop()]);
        }
    });

    it('answers pool/reportHtml with the report of the agreement as edited, under a strict policy', async () => {
        const file = path.join(REPO, 'examples/troubled-families.pool');
        const client = await LspClient.start(path.join(EXTENSION, 'dist/server.cjs'), [path.join(REPO, 'examples')]);
        try {
            const uri = pathToFileURL(file).toString();
            const text = readFileSync(file, 'utf8');
            await client.open(uri, text);
            const params = { uri, lang: 'en', cspSource: 'https://webview.example' } as const;
            const { html } = await client.request(ReportHtmlRequest, params, 60_000);
            expect(html).toContain('Greater Manchester Troubled Families Investment Agreement');
            expect(html).toContain('£6,150,000');
            expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src (?:'|&#39;)none/);
            expect(html).toContain('https://webview.example');
            expect(html).not.toMatch(/<script/i);
            await client.change(uri, 2, text.replace('"Greater Manchester Troubled', '"Greater <Salford> Troubled'));
            const edited = await client.request(ReportHtmlRequest, params, 60_000);
            expect(edited.html).toContain('Greater &lt;Salford&gt; Troubled');
            const exported = await client.request(ReportExportRequest, { uri, format: 'html' }, 60_000);
            expect(exported.content).toContain('<!DOCTYPE html>');
        } finally {
            await client.stop();
        }
    });

    it('answers pool/reportDocument with the report laid out, its charts drawn, ready for the PDF export', async () => {
        const file = path.join(REPO, 'examples/troubled-families.pool');
        const client = await LspClient.start(path.join(EXTENSION, 'dist/server.cjs'), [path.join(REPO, 'examples')]);
        try {
            const uri = pathToFileURL(file).toString();
            await client.open(uri, readFileSync(file, 'utf8'));
            const { document } = await client.request(ReportDocumentRequest, { uri, lang: 'cy' }, 60_000);
            expect(document.lang).toBe('cy');
            expect(document.title).toContain('Greater Manchester Troubled Families Investment Agreement');
            // Dated when it is made: the PDF export's creation date and the date printed in it.
            const made = Date.parse(document.generatedAt ?? '');
            expect(Math.abs(made - Date.now())).toBeLessThan(10 * 60_000);
            const charts = document.blocks.filter(block => block.kind === 'chart');
            expect(charts.length).toBeGreaterThan(0);
            for (const chart of charts) expect(chart.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
        } finally {
            await client.stop();
        }
    });

    it('ships the fonts the PDF export embeds, and the .vsix includes them', () => {
        const ignore = readFileSync(path.join(EXTENSION, '.vscodeignore'), 'utf8');
        expect(ignore).toContain('!dist/fonts/**');
        for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']) {
            expect(
                readFileSync(path.join(EXTENSION, 'dist/fonts', font))
                    .subarray(0, 4)
                    .toString('hex')
            ).toBe('00010000');
        }
    });
});

describe('the extension in Welsh', () => {
    /** Every message the extension shows through vscode.l10n.t, read from its sources. */
    function l10nMessages(): string[] {
        const messages: string[] = [];
        for (const file of readdirSync(path.join(EXTENSION, 'src')).filter(name => name.endsWith('.ts'))) {
            const source = ts.createSourceFile(file, readFileSync(path.join(EXTENSION, 'src', file), 'utf8'), ts.ScriptTarget.Latest, true);
            const visit = (node: ts.Node): void => {
                if (ts.isCallExpression(node) && node.expression.getText(source) === 'vscode.l10n.t') {
                    const [message] = node.arguments;
                    expect(ts.isStringLiteralLike(message), `${file}: ${node.getText(source)} takes a literal message`).toBe(true);
                    messages.push((message as ts.StringLiteralLike).text);
                }
                ts.forEachChild(node, visit);
            };
            visit(source);
        }
        return messages;
    }
    const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map(match => match[0]).sort();

    it('has a Welsh translation of every message it shows, with the same placeholders, and none left over', () => {
        const welsh = readJson(path.join(EXTENSION, 'l10n/bundle.l10n.cy.json')) as Record<string, string>;
        const messages = [...new Set(l10nMessages())];
        expect(messages.length).toBeGreaterThan(10);
        expect(messages.filter(message => !(message in welsh))).toEqual([]);
        expect(Object.keys(welsh).filter(message => !messages.includes(message))).toEqual([]);
        for (const message of messages) {
            expect(welsh[message], message).not.toBe(message);
            expect(placeholders(welsh[message]), message).toEqual(placeholders(message));
        }
        // Whole sentences, never pieces glued together: none starts or ends with a space or a joining mark.
        const fragment = (text: string) => /^[\s,;:]|\s$/.test(text);
        expect([...messages, ...Object.values(welsh)].filter(fragment)).toEqual([]);
    });

    it('names its commands and settings in English and Welsh', () => {
        const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map(match => match[1]);
        expect(keys).toEqual(expect.arrayContaining(['description', 'command.exportReport', 'setting.strict']));
        const english = readJson(path.join(EXTENSION, 'package.nls.json')) as Record<string, string>;
        const welsh = readJson(path.join(EXTENSION, 'package.nls.cy.json')) as Record<string, string>;
        expect(Object.keys(english).sort()).toEqual([...new Set(keys)].sort());
        expect(Object.keys(welsh).sort()).toEqual(Object.keys(english).sort());
        for (const key of keys) expect(welsh[key], key).not.toBe(english[key]);
        expect([...Object.values(english), ...Object.values(welsh)].filter(text => /^[\s,;:]|\s$/.test(text))).toEqual([]);
        expect(manifest.l10n).toBe('./l10n');
        const shipped = readFileSync(path.join(EXTENSION, '.vscodeignore'), 'utf8');
        for (const pattern of ['!l10n/**', '!package.nls.json', '!package.nls.cy.json']) expect(shipped).toContain(pattern);
    });
});

describe('publishing', () => {
    it('works in Restricted Mode, with what writes files or runs git waiting for trust', () => {
        expect(manifest.capabilities.untrustedWorkspaces).toEqual({ supported: 'limited', description: '%untrustedWorkspaces.description%' });
        const commands = manifest.contributes.commands as { command: string; enablement?: string }[];
        const trusted = commands.filter(command => command.enablement === 'isWorkspaceTrusted').map(command => command.command);
        expect(trusted.sort()).toEqual(['pool.compareWithLastApproved', 'pool.exportReport']);
    });

    it('packages with vsce with no warning and without skipping the licence, shipping the licence, changelog and icon', () => {
        expect(manifest.scripts.package).not.toMatch(/--skip-license|--allow-star-activation|--allow-unused-files-pattern/);
        const out = path.join(mkdtempSync(path.join(tmpdir(), 'pool-vsix-')), 'pool-vscode.vsix');
        try {
            const run = spawnSync(
                path.join(EXTENSION, 'node_modules/.bin/vsce'),
                ['package', '--no-dependencies', '--allow-missing-repository', '--out', out],
                {
                    cwd: EXTENSION,
                    encoding: 'utf8',
                    timeout: 120_000
                }
            );
            const output = `${run.stdout}${run.stderr}`;
            expect(run.status, output).toBe(0);
            expect(output).not.toMatch(/WARNING/);
            for (const shipped of ['license', 'changelog.md', 'icon.png']) expect(output.toLowerCase()).toContain(shipped);
            expect(statSync(out).size).toBeGreaterThan(0);
            expect(manifest.icon).toBe('images/icon.png');
            expect(readFileSync(path.join(EXTENSION, 'LICENSE'), 'utf8')).toBe(readFileSync(path.join(REPO, 'LICENSE'), 'utf8'));
        } finally {
            rmSync(path.dirname(out), { recursive: true, force: true });
        }
    }, 150_000);
});
