import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
    type DocumentSymbol,
    DocumentSymbolRequest,
    type FoldingRange,
    FoldingRangeRequest,
    type SelectionRange,
    SelectionRangeRequest,
    type SemanticTokens,
    SemanticTokensRequest,
    SymbolKind
} from 'vscode-languageserver-protocol';
import { fileUri } from '../packages/lsp-client/src/index.js';
import { scratchFolder } from './support/scratch.js';
import { serverForTests } from './support/lsp.js';

/**
 * What an editor other than VS Code draws from the server, over a real connection with the plain
 * LSP client: the semantic tokens (decoded into the words they colour), the outline, the folds and
 * expand selection, each compared with the values the agreement below should give, word by word.
 */

const AGREEMENT = `agreement "Anytown BCF" {
    period 2015/16 to 2015/16
    host council
}
partner council "Anytown Council" council
partner nhs "NHS Anytown CCG" health
pool bcf "Better Care Fund" pooled {
    2015/16 {
        council £1,200
        nhs       £500
    }
}
`;
const LINES = AGREEMENT.split('\n');

const root = scratchFolder({ 'small.pool': AGREEMENT }, 'pool-structure-');
const uri = fileUri(path.join(root, 'small.pool'));
// A client that declares nothing beyond diagnostics, as a bare LSP client does.
const server = serverForTests(
    () => [root],
    {},
    () => {
        rmSync(root, { recursive: true, force: true });
    }
);
beforeAll(() => server().open(uri, AGREEMENT));

const textDocument = () => ({ textDocument: { uri } });

describe('the structure of an agreement, as a client that is not VS Code reads it', () => {
    it('colours each year and amount as a number, each partner as a variable and the pool as a namespace, declarations marked', async () => {
        const legend = server().initializeResult!.capabilities.semanticTokensProvider!.legend;
        const tokens = await server().request<SemanticTokens>(SemanticTokensRequest.method, textDocument(), 20_000);
        // Each token is five numbers: line and start relative to the previous token, length, type, modifier bits.
        const decoded: string[] = [];
        let line = 0;
        let start = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5);
            line += deltaLine;
            start = deltaLine === 0 ? start + deltaStart : deltaStart;
            const names = legend.tokenModifiers.filter((_, bit) => (modifiers & (1 << bit)) !== 0);
            decoded.push(`${line}:${start} ${LINES[line].slice(start, start + length)} ${legend.tokenTypes[type]}${names.map(name => ` +${name}`).join('')}`);
        }
        expect(decoded).toEqual([
            '1:11 2015/16 number',
            '1:22 2015/16 number',
            '2:9 council variable',
            '4:8 council variable +declaration',
            '5:8 nhs variable +declaration',
            '6:5 bcf namespace +declaration',
            '7:4 2015/16 number',
            '8:8 council variable',
            '8:16 £1,200 number',
            '9:8 nhs variable',
            '9:18 £500 number'
        ]);
    });

    it('outlines the agreement, its partners with their full names, and the pool with its year and that year’s total', async () => {
        const symbols = await server().request<DocumentSymbol[]>(DocumentSymbolRequest.method, textDocument(), 20_000);
        const kindName = new Map<number, string>(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));
        const outline = (list: readonly DocumentSymbol[], depth = 0): string[] =>
            list.flatMap(symbol => [
                `${'  '.repeat(depth)}${symbol.name} (${symbol.detail ?? ''}) ${kindName.get(symbol.kind) ?? String(symbol.kind)} ${symbol.range.start.line}-${symbol.range.end.line} at ${symbol.selectionRange.start.line}:${symbol.selectionRange.start.character}`,
                ...outline(symbol.children ?? [], depth + 1)
            ]);
        expect(outline(symbols)).toEqual([
            'Anytown BCF (agreement) Namespace 0-3 at 0:10',
            'council (Anytown Council) Object 4-4 at 4:8',
            'nhs (NHS Anytown CCG) Object 5-5 at 5:8',
            'bcf (Better Care Fund) Struct 6-11 at 6:5',
            '  2015/16 (£1,700) Array 7-10 at 7:4'
        ]);
    });

    it('folds the agreement block, the pool and its year, each up to the line before its closing brace', async () => {
        const folds = await server().request<FoldingRange[]>(FoldingRangeRequest.method, textDocument(), 20_000);
        expect(folds.map(fold => `${fold.startLine}-${fold.endLine}`)).toEqual(['0-2', '6-10', '7-9']);
    });

    it('expands a selection from an amount to its line, its year, its pool and the whole agreement', async () => {
        expect(server().initializeResult!.capabilities.selectionRangeProvider).toBe(true);
        const [selection] = await server().request<SelectionRange[]>(
            SelectionRangeRequest.method,
            { ...textDocument(), positions: [{ line: 8, character: 18 }] },
            20_000
        );
        const steps: string[] = [];
        for (let at: SelectionRange | undefined = selection; at; at = at.parent) {
            const { start, end } = at.range;
            steps.push(`${start.line}:${start.character}-${end.line}:${end.character}`);
        }
        expect(steps).toEqual([
            '8:16-8:22', // £1,200
            '8:8-8:22', // council £1,200
            '7:4-10:5', // the 2015/16 block
            '6:0-11:1', // pool bcf
            '0:0-11:1' // every declaration of the file
        ]);
        expect(LINES[8].slice(16, 22)).toBe('£1,200');
    });
});
