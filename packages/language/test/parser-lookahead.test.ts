import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { AstUtils, EmptyFileSystem, type LangiumParser } from 'langium';
import { describe, expect, it } from 'vitest';
import { createPoolServices } from '../src/services/pool-module.js';
import { createPoolParser } from '../src/services/pool-parser.js';
import { REPO } from './helpers.js';

/**
 * The parser builds each decision's lookahead the first time it reaches the decision
 * (pool-parser.ts, LazyLookahead) instead of all of them as it is made. It must choose exactly
 * as the parser with every lookahead built at once: the same tree, the same syntax errors, on the
 * examples and on the examples with pieces cut out (which takes the parser down its recovery
 * paths and its longer lookahead).
 */

const services = createPoolServices(EmptyFileSystem).Pool;

/** What a parse found: each node's type and place, each syntax error's message and place. */
function reading(parser: LangiumParser, text: string): string {
    const result = parser.parse(text);
    const nodes = AstUtils.streamAst(result.value).map(node => `${node.$type}@${node.$cstNode?.offset}+${node.$cstNode?.length}`);
    const errors = result.parserErrors.map(error => `${error.message}@${error.token.startOffset}`);
    return [...nodes, '--', ...errors, '--', ...result.lexerErrors.map(error => `${error.message}@${error.offset}`)].join('\n');
}

const examples = readdirSync(path.join(REPO, 'examples'))
    .filter(name => name.endsWith('.pool'))
    .map(name => readFileSync(path.join(REPO, 'examples', name), 'utf8'));

describe('the lazy lookahead', () => {
    it('reads every example as the parser with its lookahead built at once', () => {
        expect(examples.length).toBeGreaterThan(5);
        for (const text of examples) {
            // A parser each, made before either reads anything.
            const lazy = createPoolParser(services);
            const eager = createPoolParser(services, { lazyLookahead: false });
            expect(reading(lazy, text)).toBe(reading(eager, text));
        }
    });

    it('reads the examples with pieces cut out as the parser with its lookahead built at once', () => {
        fc.assert(
            fc.property(
                fc.nat({ max: examples.length - 1 }),
                fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 })), { minLength: 1, maxLength: 4 }),
                (which, cuts) => {
                    let text = examples[which] ?? '';
                    for (const [at, length] of cuts) {
                        const start = Math.floor(at * text.length);
                        text = text.slice(0, start) + text.slice(start + length);
                    }
                    const lazy = createPoolParser(services);
                    const eager = createPoolParser(services, { lazyLookahead: false });
                    expect(reading(lazy, text)).toBe(reading(eager, text));
                }
            ),
            { numRuns: 60 }
        );
    });
});
