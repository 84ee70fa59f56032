import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths.js';

/**
 * Findings 1 and 2 came from lists as long as the input spread into a call's arguments
 * (`diagnostics.push(...list)`): past about 120,000 the stack overflows. No code of the tools does
 * that: lists are added and compared in loops.
 */
describe('argument spreading', () => {
    it('is nowhere in the tools: every list is added or compared in a loop', async () => {
        const sources = await glob(['packages/*/src/**/*.ts'], { cwd: REPO, ignore: ['packages/bench/**', '**/generated/**'] });
        const spreading = /\.(push|unshift)\(\.\.\.|\bMath\.(max|min)\(\.\.\.|fromCharCode\(\.\.\.|replaceChildren\(\.\.\.|\.splice\([^)]*\.\.\./;
        const found = sources.flatMap(file =>
            readFileSync(path.join(REPO, file), 'utf8')
                .split('\n')
                .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
                .filter(({ line }) => !/^\s*(\/\/|\*)/.test(line) && spreading.test(line))
                .map(({ where, line }) => `${where}: ${line.trim()}`)
        );
        expect(found).toEqual([]);
    });
});
