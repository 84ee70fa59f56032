import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { check } from 'recheck';
import { globSync } from 'tinyglobby';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { canonicalLayout } from '../../packages/language/src/model/fingerprint.js';
import { AMOUNT_TEXT } from '../../packages/language/src/money/amount.js';
import { SafeNodeFileSystem } from '../../packages/files/src/index.js';
import { createPoolServices } from '../../packages/language/src/services/pool-module.js';
import { REPO } from '../support/paths.js';

/**
 * Finding 3 made general: every pattern applied to user text is linear. The digit-grouping
 * pattern was quadratic (a 100,000-digit amount took 29 s); the sweep below found more of its
 * kind (trailing spaces, trailing zeros, the text of an amount, an unclosed tag or quote), each
 * taking tens of seconds on 50,000 characters, now rewritten.
 *
 * The proof is recheck's (the `recheck` package, the ReDoS checker by the author of the theory it
 * implements): for each regular expression it either builds the automaton and proves that no input
 * makes matching super-linear, or finds an attack string. Where it can only fuzz (look-arounds and
 * counted repetition defeat the automaton), the pattern is also run on adversarial inputs of
 * 100,000 and 1,000,000 characters, and ten times the input may take at most thirty times as long
 * (linear is ten; quadratic, a hundred).
 *
 * The lexer tries each token pattern at one place (a sticky match), so each is proved anchored
 * there. That a failed match is not tried again from every later place, which no proof of one
 * pattern covers, is the scanners' work (pool-token-builder.ts); long-tokens.test.ts times them on
 * millions of characters.
 */

interface Found {
    readonly where: string;
    readonly source: string;
    readonly flags: string;
    /**
     * Only ever tried at one place, so a search from every place (what recheck assumes, and what
     * makes `/"…"/` quadratic) never happens: a rule of the playground's Monarch tokenizer, which
     * Monaco anchors at the tokenizer's place in the line.
     */
    readonly anchored: boolean;
}

/** Whether `node` is inside a call of a function named `name`. */
function inCallOf(node: ts.Node, name: string, source: ts.SourceFile): boolean {
    for (let at: ts.Node | undefined = node.parent; at; at = at.parent)
        if (ts.isCallExpression(at) && at.expression.getText(source).endsWith(name)) return true;
    return false;
}

/** Every regular-expression literal in the packages' sources, with where it is. */
function sourcePatterns(): Found[] {
    const found: Found[] = [];
    for (const file of globSync(['packages/*/src/**/*.ts'], { cwd: REPO, ignore: ['**/generated/**', '**/*.d.ts'] }).sort()) {
        const source = ts.createSourceFile(file, readFileSync(path.join(REPO, file), 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
            if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
                const literal = node.getText(source);
                const end = literal.lastIndexOf('/');
                const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
                found.push({
                    where: `${file}:${line}`,
                    source: literal.slice(1, end),
                    flags: literal.slice(end + 1),
                    anchored: inCallOf(node, 'setMonarchTokensProvider', source)
                });
            }
            // A pattern built at run time cannot be proved here: build none.
            if (ts.isNewExpression(node) && node.expression.getText(source) === 'RegExp')
                found.push({ where: `${file}: new RegExp`, source: '', flags: 'dynamic', anchored: false });
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    return found;
}

/** How long `run` takes at its fastest of three tries, in milliseconds. */
function fastest(run: () => void): number {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
        const start = performance.now();
        run();
        best = Math.min(best, performance.now() - start);
    }
    return best;
}

/** Runs of the characters that make patterns backtrack: digits, spaces, separators, quotes, brackets. */
const ADVERSARIAL = ['0', '1', ' ', '\t', '\n', '\r\n', ',', '.', '-', '"', '\\', '\\"', '<', '<a', 'a', 'a-', '£', '£1,', '/*', '//', 'sha256:', '%', 'x'];

function scalesLinearly(pattern: RegExp): string[] {
    const slow: string[] = [];
    for (const unit of ADVERSARIAL) {
        const input = (length: number) => unit.repeat(Math.ceil(length / unit.length)) + '\u0000!';
        const small = input(100_000);
        const large = input(1_000_000);
        const apply = (text: string) => () => {
            pattern.lastIndex = 0;
            text.replace(pattern, '');
        };
        const ratio = fastest(apply(large)) / Math.max(fastest(apply(small)), 1);
        if (ratio > 30) slow.push(`${JSON.stringify(unit)} repeated: ten times the text took ${ratio.toFixed(0)} times as long`);
    }
    return slow;
}

describe('every regular expression in the packages', () => {
    const patterns = sourcePatterns();

    it('is found (the sweep sees them all) and none is built at run time', () => {
        expect(patterns.length).toBeGreaterThan(100);
        expect(patterns.filter(pattern => pattern.flags === 'dynamic').map(pattern => pattern.where)).toEqual([]);
    });

    it('is proved linear by recheck, or is a tokenizer rule tried at one place that is', async () => {
        const unsafe: string[] = [];
        const fuzzedOnly: { where: string; pattern: RegExp }[] = [];
        const distinct = new Map<string, Found>();
        for (const pattern of patterns) distinct.set(`${pattern.anchored ? '^' : ''}/${pattern.source}/${pattern.flags}`, pattern);
        expect([...distinct.values()].filter(pattern => pattern.anchored).length).toBeGreaterThanOrEqual(5);
        for (const pattern of distinct.values()) {
            const source = pattern.anchored ? `^(?:${pattern.source})` : pattern.source;
            const result = await check(source, pattern.flags, { timeout: 20_000 });
            if (result.status !== 'safe') {
                const attack =
                    result.status === 'vulnerable' ? ` (attack: ${result.attack.pattern})` : result.status === 'unknown' ? ` (${result.error.kind})` : '';
                unsafe.push(`${pattern.where} /${pattern.source}/${pattern.flags}: ${result.status}${attack}`);
            } else if (result.checker === 'fuzz') {
                fuzzedOnly.push({ where: pattern.where, pattern: new RegExp(pattern.source, pattern.flags) });
            }
        }
        expect(unsafe).toEqual([]);
        // Proved only by fuzzing: measured too.
        expect(fuzzedOnly.flatMap(({ where, pattern }) => scalesLinearly(pattern).map(slow => `${where} ${String(pattern)}: ${slow}`))).toEqual([]);
    }, 300_000);
});

describe("the lexer's token patterns", () => {
    const { Pool } = createPoolServices(SafeNodeFileSystem);
    const tokens = Object.values(Pool.parser.Lexer.definition);

    it('are each proved linear where the lexer tries them (at one place, as a sticky pattern does)', async () => {
        // Text in quotes and block comments are read by scanners (pool-token-builder.ts), not
        // patterns; so is text no other token reads, in one loop over the characters.
        expect(tokens.filter(token => typeof token.PATTERN === 'function').map(token => token.name)).toEqual(['ML_COMMENT', 'STRING', 'UNREADABLE']);
        const patterns = tokens.filter(token => token.PATTERN instanceof RegExp);
        expect(patterns.map(token => token.name)).toEqual(expect.arrayContaining(['WS', 'SL_COMMENT', 'DATE', 'FIN_YEAR', 'PERCENT', 'MONEY', 'NUMBER', 'ID']));
        const unsafe: string[] = [];
        for (const token of patterns) {
            const pattern = token.PATTERN as RegExp;
            const result = await check(`^(?:${pattern.source})`, pattern.flags.replace('y', ''), { timeout: 20_000 });
            if (result.status !== 'safe') unsafe.push(`${token.name} ${String(pattern)}: ${result.status}`);
        }
        expect(unsafe).toEqual([]);
    }, 300_000);
});

describe('the patterns rewritten to be linear', () => {
    it('lay out text for the fingerprint as the patterns they replace did', () => {
        const before = (text: string) =>
            text
                .replace(/^\uFEFF/, '')
                .replace(/\r\n?/g, '\n')
                .replace(/[ \t]+$/gm, '')
                .replace(/\n{2,}/g, '\n')
                .replace(/^\n+/, '')
                .replace(/\n*$/, '\n');
        const characters = fc.constantFrom(' ', '\t', '\n', '\r', '\u2028', '\u2029', '\uFEFF', 'a', 'é');
        fc.assert(
            fc.property(fc.array(characters, { maxLength: 40 }), parts => {
                const text = parts.join('');
                expect(canonicalLayout(text)).toBe(before(text));
            }),
            { numRuns: 2_000 }
        );
    });

    it('read amounts as the pattern they replace did', () => {
        const before = /^(-)?\s*([£$€])?\s*(-)?([0-9][0-9,]*)(?:\.([0-9]+))?(bn|m|k)?$/;
        const characters = fc.constantFrom(' ', '\t', '-', '£', '$', '€', '1', '0', ',', '.', 'm', 'k', 'bn', 'x');
        fc.assert(
            fc.property(fc.array(characters, { maxLength: 16 }), parts => {
                const text = parts.join('');
                expect(AMOUNT_TEXT.exec(text)?.slice()).toEqual(before.exec(text)?.slice());
            }),
            { numRuns: 5_000 }
        );
    });
});
