import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type * as ast from '../../language/src/generated/ast.js';
import { createPoolServices } from '../../language/src/services/pool-module.js';
import { buildReportDocument } from '../src/document.js';
import { renderMarkdownDocument } from '../src/markdown.js';
import { buildReportData, documentDiagnostics } from '../src/report-data.js';
import { REPO } from '../../../test/support/paths.js';
import { corpus } from './corpus.js';

/**
 * What a person reads while typing an agreement is never garbled. Every example is cut short at
 * token boundaries (as it is at each moment it is typed), and for each prefix the diagnostics,
 * the hover on the last word written and the sentences of the report must not contain `undefined`,
 * `null`, `NaN`, `[object`, empty quotes or brackets, or a name left empty.
 */

const GARBLED = /\bundefined\b|\bnull\b|\bNaN\b|\[object|""|``|''|\(\s*\)|\(\s*,|,\s*\)|\bof\s+of\b|\s:\s*$/m;

const { shared, Pool } = createPoolServices(EmptyFileSystem);
const REGISTERS = Object.entries(corpus).filter(([file]) => file.startsWith('examples/registers/') || file.startsWith('examples/invalid/support/'));
for (const [file, text] of REGISTERS) {
    shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///p/${file}`)));
}
await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });

/** Offsets of the ends of tokens in a text, from the language's own lexer. */
function tokenEnds(text: string): number[] {
    return Pool.parser.Lexer.tokenize(text).tokens.map(token => (token.endOffset ?? token.startOffset) + 1);
}

const texts: Record<string, string> = { ...corpus };
for (const name of readdirSync(path.join(REPO, 'examples/invalid')).filter(file => file.endsWith('.pool'))) {
    texts[`examples/invalid/${name}`] = readFileSync(path.join(REPO, 'examples/invalid', name), 'utf8');
}
const AGREEMENTS = Object.keys(texts).filter(file => file.startsWith('examples/') && !file.startsWith('examples/registers/') && !file.includes('/support/'));
/** Prefixes: every token boundary of the four examples, and every third of the invalid examples (over 2,000 in all). */
const PREFIXES = AGREEMENTS.flatMap(file => {
    const ends = tokenEnds(texts[file]);
    const every = file.startsWith('examples/invalid/') ? 3 : 1;
    return ends.filter((_, index) => index % every === 0).map(end => ({ file, end }));
});

let count = 0;
async function readPrefix(file: string, end: number): Promise<string[]> {
    const text = texts[file].slice(0, end);
    const uri = URI.parse(`file:///p/${file.replace(/\.pool$/, '')}.prefix${count++}.pool`);
    const document = shared.workspace.LangiumDocumentFactory.fromString<ast.Document>(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const texts = (document.diagnostics ?? []).flatMap(diagnostic => [
            typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
            ...(diagnostic.relatedInformation ?? []).map(related => related.message)
        ]);
        const position = document.textDocument.positionAt(Math.max(0, end - 1));
        const hover = await Pool.lsp.HoverProvider?.getHoverContent(document, { textDocument: { uri: uri.toString() }, position });
        if (hover && typeof hover.contents === 'object' && 'value' in hover.contents) texts.push(hover.contents.value);
        const model = Pool.pool.ModelProvider.getModel(document);
        const data = buildReportData(model, documentDiagnostics(model), { toolVersion: 'test' });
        texts.push(renderMarkdownDocument(buildReportDocument(data)));
        return texts;
    } finally {
        shared.workspace.LangiumDocuments.deleteDocument(uri);
    }
}

describe('no message, hover or report sentence is garbled, at any moment of typing', () => {
    it('reads over 2,000 prefixes of the examples', () => {
        expect(PREFIXES.length).toBeGreaterThanOrEqual(2000);
    });

    it('finds no garbled text in any of them', async () => {
        const garbled: string[] = [];
        for (const { file, end } of PREFIXES) {
            const read = await readPrefix(file, end).catch((error: unknown) => [
                `failed: ${String(error)} ${error instanceof Error ? error.stack?.split('\n')[1] : ''}`
            ]);
            if (read[0]?.startsWith('failed: ')) garbled.push(`${file} cut at ${end}: ${read[0]}`);
            for (const text of read) {
                const match = GARBLED.exec(text);
                if (match) {
                    const line = text.split('\n').find(candidate => GARBLED.test(candidate)) ?? text;
                    garbled.push(`${file} cut at ${end}: …${JSON.stringify(texts[file].slice(Math.max(0, end - 30), end))}: ${line.slice(0, 240)}`);
                }
            }
        }
        expect([...new Set(garbled)].slice(0, 30)).toEqual([]);
    }, 600_000);
});
