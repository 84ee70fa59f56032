import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/generated/ast.js';
import { createPoolServices } from '../src/services/pool-module.js';
import { HEADER, workspace } from './helpers.js';

const services = createPoolServices(EmptyFileSystem).Pool;
const parse = parseHelper<Document>(services);

describe('parsing amounts in every form the brief lists', () => {
    it.each([
        ['£1,200,000', '£1,200,000', undefined],
        ['£1.2m', '£1.2m', undefined],
        ['£350k', '£350k', undefined],
        ['1200000 GBP', '1200000', 'GBP'],
        ['£1,200,000.50', '£1,200,000.50', undefined],
        ['-£5,000', '-£5,000', undefined]
    ])('%s', async (written, value, currency) => {
        const document = await parse(`pool p "P" aligned { 2013/14 { council ${written} } }`);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.lexerErrors).toEqual([]);
        const amount = document.parseResult.value.pools[0].years[0].contributions[0].amount;
        expect(amount.value).toBe(value);
        expect(amount.currency).toBe(currency);
    });

    it('reads percentages with decimals and years as written', async () => {
        const document = await parse('share savings of p { a 33.33% b 66.67% }\npool p "P" aligned { 2013/15 { } }');
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.value.shares[0].lines.map(line => line.percent)).toEqual(['33.33%', '66.67%']);
        expect(document.parseResult.value.pools[0].years[0].year).toBe('2013/15');
    });

    it('accepts partner kinds as ids, as in `partner police "…" police`', async () => {
        const document = await parse('partner police "Anytown Police" police\npartner fire "Anytown Fire" fire');
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.value.partners.map(p => [p.name, p.kind])).toEqual([
            ['police', 'police'],
            ['fire', 'fire']
        ]);
    });

    it('is forgiving of layout: one line or many', async () => {
        const compact = await parse('pool p "P" aligned { 2013/14 { a £1 b £2 total £3 } }');
        const spread = await parse('pool p\n  "P"\n  aligned\n{\n  2013/14\n  {\n    a   £1\n    b   £2\n    total £3\n  }\n}');
        expect(compact.parseResult.parserErrors).toEqual([]);
        expect(spread.parseResult.parserErrors).toEqual([]);
    });
});

describe('syntax errors say what was expected in plain words', () => {
    it('a contribution without an amount points at the end of its line', async () => {
        const ws = await workspace({ 'main.pool': `${HEADER}pool p "P" aligned {\n    2013/14 {\n        council\n        nhs £5\n    }\n}` });
        const [error] = ws.diagnostics('main.pool');
        expect(error.code).toBe('syntax-error');
        expect(error.message).toBe('expected an amount, like £1,200,000, but the line ends after `council`');
        expect(error.range.start).toEqual({ line: 8, character: 8 });
    });

    it('a misspelt partner kind lists the kinds', async () => {
        const ws = await workspace({ 'main.pool': 'partner gmp "Greater Manchester Police" polise' });
        expect(ws.diagnostics('main.pool')[0].message).toBe(
            'in a partner declaration, after the full name, the kind of partner: expected `council`, `health`, `police`, `fire`, `central-government`, `voluntary`, `housing`, `private` or `other`, but found `polise`'
        );
    });

    it('an unclosed quote says how to close it', async () => {
        const ws = await workspace({ 'main.pool': 'partner gmp "Greater Manchester Police police\n' });
        expect(ws.diagnostics('main.pool')[0].message).toBe('this text in quotes is not closed: add a `"` before the end of the line');
    });
});

describe('recovery: a broken line does not hide errors elsewhere', () => {
    it('reports the syntax error and every check on the recovered parts', async () => {
        const ws = await workspace({
            'main.pool': `${HEADER}
pool first "First" pooled under section 75 {
    2013/14 {
        council £100
        nhs
        total £150
    }
}
pool second "Second" pooled under section 75 {
    2013/14 { council £100  nhs £50  total £200 }
}
share savings of second { council 60%  nhs 30% }
spend second 2013/14 { "Home care" £100 commissioned by council  "Nursing" £50 commissioned by nobody }
spend second 2016/17 { }
`
        });
        expect(ws.codes('main.pool')).toEqual([
            'syntax-error@11:9',
            'total-mismatch@16:44',
            'shares-not-100@18:7',
            'unknown-reference@19:96',
            'year-outside-period@20:14'
        ]);
    });
});

describe('a file full of mistakes stays responsive', () => {
    it('lists the first 100 syntax errors and counts the rest in one message', async () => {
        const ws = await workspace({ 'main.pool': `${HEADER}pool p "P" aligned { 2013/14 {\n${'    council £1 £2 £3\n'.repeat(300)}} }\n` });
        const syntax = ws.diagnostics('main.pool').filter(d => d.code === 'syntax-error');
        expect(syntax).toHaveLength(101);
        expect(syntax[100].message).toBe('and 200 more syntax errors after this one, not listed: fix the first ones and check again');
    });

    it('reports text no token reads where it stands, naming its first character, and counts it with the syntax errors', async () => {
        // A line of stray characters between declarations is one error, at the first: the parser skips to the next declaration.
        const line = await workspace({ 'main.pool': `partner a "A" council\n${'#'.repeat(250).split('').join(' ')}\npartner b "B" council\n` });
        const syntax = line.diagnostics('main.pool').filter(d => d.code === 'syntax-error');
        expect(syntax.map(d => [d.range.start, d.message])).toEqual([
            [
                { line: 1, character: 0 },
                '`#` (U+0023) cannot appear here: outside text in quotes and comments, Pool reads only keywords, ids, amounts, numbers, percentages, years, dates and braces'
            ]
        ]);
        // One on each of 300 lines the parser recovers after: the first 100 listed, the rest counted.
        const lines = await workspace({ 'main.pool': `${HEADER}pool p "P" aligned { 2013/14 {\n${'    council £1 §§\n'.repeat(300)}} }\n` });
        const many = lines.diagnostics('main.pool').filter(d => d.code === 'syntax-error');
        expect(many).toHaveLength(101);
        expect(many[0].message).toBe(
            '`§§` cannot appear here (its first character is U+00A7): outside text in quotes and comments, Pool reads only keywords, ids, amounts, numbers, percentages, years, dates and braces'
        );
        expect(many[100].message).toBe('and 200 more syntax errors after this one, not listed: fix the first ones and check again');
    });
});
