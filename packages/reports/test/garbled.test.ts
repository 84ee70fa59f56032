import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type * as ast from '../../language/src/generated/ast.js';
import { createPoolServices } from '../../language/src/services/pool-module.js';
import { buildReportDocument } from '../src/document.js';
import { renderMarkdownDocument } from '../src/markdown.js';
import { buildReportData, documentDiagnostics } from '../src/report-data.js';
import { readsAll } from '../../../test/support/budget.js';
import { randomGenerator } from '../../../test/fuzz/mutations.js';
import { REPO } from '../../../test/support/paths.js';
import { corpus } from './corpus.js';

/**
 * What a person reads while typing an agreement is never garbled. Every example is cut short at
 * token boundaries (as it is at each moment it is typed), and for each prefix the diagnostics,
 * the hover on the last word written and the sentences of the report must not contain `undefined`,
 * `null`, `NaN`, `[object`, empty quotes or brackets, or a name left empty.
 *
 * Every token boundary is about 5,500 prefixes, at some 20 ms each: `pnpm fuzz` reads them all
 * (POOL_PREFIXES=all). `pnpm test` reads a seeded sample of about a third of them: one boundary
 * from each run of three in every example, at a place the seed chooses (POOL_PREFIX_SEED, printed
 * with any failure, reads another), and always each example's whole text.
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
const ALL = readsAll('POOL_PREFIXES');
const SEED = Number(process.env.POOL_PREFIX_SEED ?? 20261204);
/** One boundary in each run of `STRIDE`, in the sample. */
const STRIDE = 3;
const random = randomGenerator(SEED);
/** Every token boundary of each example, and its whole text. */
const BOUNDARIES = new Map(AGREEMENTS.map(file => [file, [...new Set([...tokenEnds(texts[file]), texts[file].length])]]));
/** The prefixes read: every boundary under POOL_PREFIXES=all, else one of each `STRIDE` and the whole text. */
const PREFIXES = AGREEMENTS.flatMap(file => {
    const ends = BOUNDARIES.get(file) ?? [];
    if (ALL) return ends.map(end => ({ file, end }));
    const picked = new Set<number>();
    for (let start = 0; start < ends.length; start += STRIDE) {
        picked.add(ends[Math.min(ends.length - 1, start + Math.floor(random() * STRIDE))]);
    }
    picked.add(ends[ends.length - 1]);
    return [...picked].sort((a, b) => a - b).map(end => ({ file, end }));
});
/** How to read the same prefixes again, for a failure message. */
const AGAIN = ALL ? 'POOL_PREFIXES=all' : `POOL_PREFIX_SEED=${SEED}`;

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
        // Out of the index too: each prefix is read as the only version of its file, and the
        // entries of the hundreds read before it were left for every later build to walk past.
        shared.workspace.LangiumDocuments.deleteDocument(uri);
        shared.workspace.IndexManager.remove(uri);
    }
}

describe('no message, hover or report sentence is garbled, at any moment of typing', () => {
    it(ALL ? 'reads every token boundary of every example' : 'reads a third of the token boundaries, spread over every example, and each whole text', () => {
        const all = [...BOUNDARIES.values()].reduce((sum, ends) => sum + ends.length, 0);
        expect(all).toBeGreaterThan(5000);
        expect(PREFIXES.length).toBeGreaterThanOrEqual(ALL ? all : Math.floor(all / STRIDE));
        for (const file of AGREEMENTS) {
            const read = PREFIXES.filter(prefix => prefix.file === file).map(prefix => prefix.end);
            expect(read, file).toContain(texts[file].length);
            // No run of `STRIDE` boundaries goes unread (twice that, across two runs).
            const ends = BOUNDARIES.get(file) ?? [];
            const indexes = read.map(end => ends.indexOf(end)).filter(index => index !== -1);
            const gaps = indexes.slice(1).map((index, at) => index - indexes[at]);
            expect(Math.max(indexes[0] ?? 0, ...gaps), file).toBeLessThan(2 * STRIDE);
        }
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
        expect([...new Set(garbled)].slice(0, 30), `${PREFIXES.length} prefixes read (${AGAIN} reads them again)`).toEqual([]);
    }, 600_000);
});
