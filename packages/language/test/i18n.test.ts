import { TYPE } from '@formatjs/icu-messageformat-parser';
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { cy as cliCy } from '../../cli/src/i18n/cy.js';
import { en as cliEn } from '../../cli/src/i18n/en.js';
import { t as cliT } from '../../cli/src/i18n/index.js';
import { cy as serverCy } from '../../language-server/src/i18n/cy.js';
import { en as serverEn } from '../../language-server/src/i18n/en.js';
import { cy as reportsCy } from '../../reports/src/i18n/cy.js';
import { en as reportsEn } from '../../reports/src/i18n/en.js';
import { compileMessage, countFormat, createTranslator, type Lang, LANGS } from '../src/i18n/catalogue.js';
import { isWordKey, LANGUAGE_CATALOGUES, listInWords, parseLang, t, word } from '../src/i18n/index.js';

/**
 * The message catalogues, one per package and per language: every message exists in English and
 * in Welsh, parses as ICU MessageFormat, and the two take the same parameters. A translation left
 * out, left empty, or missing a figure the English states fails here.
 */

const CATALOGUES: Record<string, Record<Lang, Readonly<Record<string, string>>>> = {
    language: LANGUAGE_CATALOGUES,
    cli: { en: cliEn, cy: cliCy },
    reports: { en: reportsEn, cy: reportsCy },
    'language-server': { en: serverEn, cy: serverCy }
};
const ALL = Object.entries(CATALOGUES).flatMap(([pkg, { en: english }]) => Object.keys(english).map(key => ({ pkg, key })));

type Elements = ReturnType<ReturnType<typeof compileMessage>['getAst']>;

/** The parameters a parsed message takes, each once, and the literal text it prints. */
function reading(elements: Elements, into = { params: new Set<string>(), literal: '' }): { params: Set<string>; literal: string } {
    for (const element of elements) {
        if (element.type === TYPE.literal) into.literal += element.value;
        else if (element.type !== TYPE.pound) into.params.add(element.value);
        if ('options' in element) for (const option of Object.values(element.options)) reading(option.value, into);
    }
    return into;
}
const parsed = (text: string, lang: Lang) => reading(compileMessage(text, lang).getAst());
const paramsOf = (text: string, lang: Lang) => [...parsed(text, lang).params].sort().join(', ');

/**
 * The text a message can start (or end) with: its first (last) literal, or that of each case of a
 * plural or select standing at the edge; a case left empty (`other {}`) lets the edge pass on to
 * the element beside it. A placeholder at the edge is a figure, so it ends the search.
 */
function edgeTexts(elements: Elements, side: 'start' | 'end'): string[] {
    const ordered = side === 'start' ? elements : [...elements].reverse();
    const texts: string[] = [];
    for (const element of ordered) {
        if (element.type === TYPE.literal) {
            if (element.value !== '') return [...texts, element.value];
            continue;
        }
        if (!('options' in element)) return texts;
        const cases = Object.values(element.options).map(option => option.value);
        for (const value of cases) texts.push(...edgeTexts(value, side));
        if (!cases.some(value => value.length === 0)) return texts;
    }
    return texts;
}

describe('the message catalogues', () => {
    it('have many messages, each key in one package only', () => {
        expect(ALL.length).toBeGreaterThan(1000);
        const keys = ALL.map(entry => entry.key);
        expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    });

    it.each(Object.keys(CATALOGUES))('%s: Welsh has exactly the keys of English, each translated (not empty)', pkg => {
        const { en: english, cy: welsh } = CATALOGUES[pkg] ?? { en: {}, cy: {} };
        expect(Object.keys(welsh).sort()).toEqual(Object.keys(english).sort());
        expect(Object.keys(welsh).filter(key => (welsh[key] ?? '').trim() === '')).toEqual([]);
    });

    it('every message parses as ICU MessageFormat in its language', () => {
        const broken = ALL.flatMap(({ pkg, key }) =>
            LANGS.flatMap(lang => {
                try {
                    parsed(CATALOGUES[pkg]?.[lang][key] ?? '', lang);
                    return [];
                } catch (error) {
                    return [`${lang} ${key}: ${String(error)}`];
                }
            })
        );
        expect(broken).toEqual([]);
    });

    it('every Welsh message takes exactly the parameters of its English one', () => {
        const mismatched = ALL.flatMap(({ pkg, key }) => {
            const english = paramsOf(CATALOGUES[pkg]?.en[key] ?? '', 'en');
            const welsh = paramsOf(CATALOGUES[pkg]?.cy[key] ?? '', 'cy');
            return english === welsh ? [] : [`${key}: en {${english}} cy {${welsh}}`];
        });
        expect(mismatched).toEqual([]);
    });

    it('no message prints a brace or quotes a placeholder away: an apostrophe next to a brace is written twice', () => {
        const bad = ALL.flatMap(({ pkg, key }) =>
            LANGS.filter(lang => {
                const text = CATALOGUES[pkg]?.[lang][key] ?? '';
                return /[{}]/.test(parsed(text, lang).literal) || /(?<!')'(?=[{}<>])/.test(text.replaceAll("''", ''));
            }).map(lang => `${lang} ${key}`)
        );
        expect(bad).toEqual([]);
    });

    it('no message is a fragment to be glued to another: none starts or ends with a space, or starts with a joining mark', () => {
        // A case of a plural or select at the start or end of a message is an edge too: `{n, plural, one {; # file}}` is a fragment.
        const fragments = ALL.flatMap(({ pkg, key }) =>
            LANGS.filter(lang => {
                const ast = compileMessage(CATALOGUES[pkg]?.[lang][key] ?? '', lang).getAst();
                return edgeTexts(ast, 'start').some(text => /^[\s,;:]/.test(text)) || edgeTexts(ast, 'end').some(text => /\s$/.test(text));
            }).map(lang => `${lang} ${key}`)
        );
        expect(fragments).toEqual([]);
    });

    it('Welsh messages are translated, not copies of the English (bar figures and code)', () => {
        // Messages made only of placeholders, punctuation and code are the same in both; so are these.
        const sharedWithEnglish = [
            'cli.error',
            'declaration-kind.partner',
            'report.label.partner',
            'report.label.cost',
            'hover.column.partner',
            'report.chart.partner',
            'report.label.message',
            'report.label.sha256'
        ];
        const same = ALL.filter(({ pkg, key }) => {
            const english = CATALOGUES[pkg]?.en[key] ?? '';
            return CATALOGUES[pkg]?.cy[key] === english && /[a-z]{3,}/i.test(english.replace(/`[^`]*`|\{\w+\}/g, ''));
        }).map(({ key }) => key);
        expect(same.filter(key => !sharedWithEnglish.includes(key))).toEqual([]);
    });
});

describe('t', () => {
    it('puts the figures into the sentence in either language', () => {
        const params = { pool: 'bcf', year: '2015/16', spend: '£3,900,000', income: '£3,800,000', over: '£100,000' };
        expect(t('overspent-pool', params, 'en')).toBe('spending from bcf in 2015/16 is £3,900,000 but contributions are £3,800,000: overspent by £100,000');
        expect(t('overspent-pool', params, 'cy')).toBe(
            "mae'r gwariant o bcf yn 2015/16 yn £3,900,000 ond mae'r cyfraniadau yn £3,800,000: gorwariant o £100,000"
        );
    });

    it('prints an apostrophe as written, and one beside a placeholder once', () => {
        // `partner's`, `wedi'i`: an apostrophe before a letter is text in ICU.
        expect(t('internal-error.model', { error: 'x' }, 'en')).toContain("agreement's figures (x)");
        expect(cliT('cli.unknown-lang', { lang: 'fr' }, 'en')).toBe("--lang must be en (English) or cy (Cymraeg); got 'fr'");
        expect(cliT('cli.unknown-lang', { lang: 'fr' }, 'cy')).toBe("rhaid i --lang fod yn en (English) neu cy (Cymraeg); cafwyd 'fr'");
    });

    it('passes braces, apostrophes and angle brackets in agreement text through untouched', () => {
        const name = "o'neil {count} <b>'{x}'";
        expect(t('overspent-pool', { pool: name, year: 'y', spend: 's', income: 'i', over: 'o' }, 'en')).toContain(name);
    });

    it('chooses the plural form by the number, with the plural rules of each language', () => {
        expect(cliT('cli.summary.all-passed', { files: 1 }, 'en')).toBe('1 file checked: all checks passed');
        expect(cliT('cli.summary.all-passed', { files: 3 }, 'en')).toBe('3 files checked: all checks passed');
        expect(cliT('cli.summary.all-passed', { files: 0 }, 'en')).toBe('0 files checked: all checks passed');
        expect(cliT('cli.summary.all-passed', { files: 1234 }, 'en')).toBe('1,234 files checked: all checks passed');
        // Welsh has six plural categories; a message words those it needs and the rest fall to `other`.
        expect(new Intl.PluralRules('cy').resolvedOptions().pluralCategories).toEqual(expect.arrayContaining(['zero', 'one', 'two', 'few', 'many', 'other']));
        expect(t('diagnostics.more-errors', { count: 1, code: 'x' }, 'cy')).toBe('… a 1 gwall x arall, heb ei restru');
        for (const count of [0, 2, 3, 6, 7])
            expect(t('diagnostics.more-errors', { count, code: 'x' }, 'cy')).toBe(`… a ${count} gwall x arall, heb eu rhestru`);
        const problems = { files: 3, errors: 0, warnings: 1, count: 1, unreadable: 0 };
        expect(cliT('cli.summary.problems', problems, 'en')).toBe('3 files checked: 1 warning in 1 file');
        expect(cliT('cli.summary.problems', { ...problems, errors: 2, warnings: 0, count: 2 }, 'en')).toBe('3 files checked: 2 errors in 2 files');
        expect(cliT('cli.summary.problems', { ...problems, errors: 1, warnings: 2, count: 2, unreadable: 1 }, 'en')).toBe(
            '3 files checked: 1 error and 2 warnings in 2 files; 1 file could not be read'
        );
        expect(cliT('cli.summary.problems', { ...problems, errors: 2, warnings: 3, count: 2 }, 'cy')).toBe(
            'Gwiriwyd 3 ffeil: 2 gwall a 3 rhybudd mewn 2 ffeil'
        );
        expect(cliT('fmt.check.would-change', { changed: 1, total: 1 }, 'en')).toBe('1 of 1 file would be reformatted; run pool fmt to format it');
        expect(cliT('fmt.check.would-change', { changed: 1, total: 4 }, 'en')).toBe('1 of 4 files would be reformatted; run pool fmt to format it');
        expect(cliT('fmt.check.would-change', { changed: 2, total: 4 }, 'en')).toBe('2 of 4 files would be reformatted; run pool fmt to format them');
    });

    it('chooses the words of a sentence by value, so Welsh can mutate them: `o orwariant`, not `o gorwariant`', () => {
        const share = { subject: 'bcf', total: '90%', difference: '10%' };
        expect(t('shares-not-100.short', { ...share, kind: 'overspend' }, 'en')).toBe('the share of overspend of bcf sums to 90%: 10% short of 100%');
        expect(t('shares-not-100.short', { ...share, kind: 'overspend' }, 'cy')).toContain("mae'r gyfran o orwariant bcf");
        expect(t('shares-not-100.short', { ...share, kind: 'benefits' }, 'cy')).toContain("mae'r gyfran o fuddion bcf");
        const missing = { name: 'esex', names: '`essex`' };
        expect(t('unknown-reference.partner', { ...missing, close: 'yes' }, 'en')).toBe(
            'no partner called `esex` is declared in this file or its imports; did you mean `essex`?'
        );
        expect(t('unknown-reference.partner', { ...missing, close: 'no' }, 'en')).toBe('no partner called `esex` is declared in this file or its imports');
        const place = { id: 'bcf', line: 3, file: 'registers/gm.pool' };
        expect(t('duplicate-declaration.id', { ...place, kind: 'pool', elsewhere: 'yes' }, 'en')).toBe(
            '`bcf` is already declared as a pool in registers/gm.pool on line 3'
        );
        expect(t('duplicate-declaration.id', { ...place, kind: 'pool', elsewhere: 'no' }, 'cy')).toBe("mae `bcf` eisoes wedi'i datgan fel cronfa ar linell 3");
    });

    it('joins lists with the conjunction of each language, `ac` before a vowel in Welsh', () => {
        expect(listInWords(['`a`', '`b`', '`c`'], 'en')).toBe('`a`, `b` and `c`');
        expect(listInWords(['`council`', '`nhs`'], 'cy')).toBe('`council` a `nhs`');
        expect(listInWords(['`council`', '`essex`'], 'cy')).toBe('`council` ac `essex`');
        expect(listInWords(['x', 'y'], 'cy', 'or')).toBe('x neu y');
    });

    it('never prints a key: a key the catalogue lacks does not compile, and one made at run time is a fault', () => {
        // @ts-expect-error -- a key the catalogue does not have is refused by the compiler
        expect(() => t('report.heading.no-such-heading', {}, 'cy')).toThrow("the message catalogue has no entry 'report.heading.no-such-heading'");
        const made = ['report', 'heading', 'no-such-heading'].join('.');
        expect(isWordKey(made)).toBe(false);
        // A message with placeholders is not a word: its figures would be left out.
        expect(isWordKey('overspent-pool')).toBe(false);
        expect(isWordKey('word.none')).toBe(true);
        expect(word('word.none', 'cy')).toBe('dim');
    });

    it('refuses parameters that do not fit the message at compile time', () => {
        // @ts-expect-error -- a figure the message states is missing
        expect(() => t('overspent-pool', { pool: 'bcf' }, 'en')).toThrow();
        // @ts-expect-error -- a plural's count is a number, not text
        expect(cliT('cli.summary.all-passed', { files: 'three' }, 'en')).toContain('files checked');
    });

    it('falls back to the English when a Welsh message is missing at run time, never to the key', () => {
        const english = { greeting: 'hello {name}' } as const;
        const translator = createTranslator({ en: english, cy: JSON.parse('{}') as { greeting: string } });
        expect(translator.t('greeting', { name: 'Cymru' }, 'cy')).toBe('hello Cymru');
    });
});

/** What intl-messageformat itself makes of `text` in `lang`, as Pool compiled messages before. */
function reference(text: string, lang: Lang, values: Record<string, string | number>): { ast: unknown; worded: unknown } | { error: string } {
    try {
        const format = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
        return { ast: format.getAst(), worded: format.format(values) };
    } catch (error) {
        return { error: error instanceof Error ? error.constructor.name : String(error) };
    }
}

function ours(text: string, lang: Lang, values: Record<string, string | number>): { ast: unknown; worded: unknown } | { error: string } {
    try {
        const message = compileMessage(text, lang);
        return { ast: message.getAst(), worded: message.format(values) };
    } catch (error) {
        return { error: error instanceof Error ? error.constructor.name : String(error) };
    }
}

describe('compileMessage', () => {
    // It reads plain text without the parser, formats with formatters shared by every message, and
    // skips intl-messageformat's locale look-up: none of which may change a word.
    it('parses and words every message of every catalogue as intl-messageformat does', () => {
        const values = { count: 1, total: 1234, already: 2, done: 3, name: 'x', kind: 'other' };
        const differ = ALL.flatMap(({ pkg, key }) =>
            LANGS.flatMap(lang => {
                const text = CATALOGUES[pkg]?.[lang][key] ?? '';
                const expected = reference(text, lang, values);
                // A message whose parameters these values do not cover fails the same way in both.
                return JSON.stringify(ours(text, lang, values)) === JSON.stringify(expected) ? [] : [`${lang} ${key}`];
            })
        );
        expect(differ).toEqual([]);
    });

    it('reads text made of quotes, braces, angle brackets and hashes as intl-messageformat does', () => {
        const piece = fc.constantFrom("'", "''", '{', '}', '<', '>', '#', 'a', ' ', '{n}', '{n, plural, one {# x} other {# xs}}', "'{", "'}", "it's");
        fc.assert(
            fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom<Lang>('en', 'cy'), fc.nat({ max: 2000 }), (pieces, lang, n) => {
                const text = pieces.join('');
                expect(ours(text, lang, { n })).toEqual(reference(text, lang, { n }));
            }),
            { numRuns: 2000 }
        );
    });

    it('formats every count as Intl.NumberFormat does in either language', () => {
        const samples: (number | bigint)[] = [-0, -1, -999, -1000, 0.5, 1.25, 999.5, NaN, Infinity, -Infinity, 12345678.9, 10n ** 20n, 7n];
        for (let n = 0; n <= 100_000; n++) samples.push(n);
        for (const lang of LANGS) {
            const format = countFormat(lang);
            const intl = new Intl.NumberFormat(lang);
            const differ = samples.filter(n => format.format(n) !== intl.format(n));
            expect(differ).toEqual([]);
            expect(format.resolvedOptions().locale).toBe(intl.resolvedOptions().locale);
        }
    });
});

describe('parseLang', () => {
    it.each([
        ['cy', 'cy'],
        ['cy-GB', 'cy'],
        ['CY', 'cy'],
        ['en', 'en'],
        ['en-gb', 'en'],
        ['fr', undefined],
        [undefined, undefined]
    ])('%s → %s', (value, lang) => {
        expect(parseLang(value)).toBe(lang);
    });
});
