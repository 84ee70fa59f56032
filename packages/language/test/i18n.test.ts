import { describe, expect, it } from 'vitest';
import { CATALOGUES, cy, en, LANGS, listInWords, type MessageKey, parseLang, t } from '../src/i18n/messages.js';

/**
 * The message catalogue: every message exists in English and in Welsh, and the two take the same
 * figures. A translation left out, left empty, or missing a figure the English states fails here.
 */

const keys = Object.keys(en) as MessageKey[];

/** The names a message uses, each once (a message may use one twice). */
function placeholders(text: string): string[] {
    return [...new Set([...text.matchAll(/\{([^{}]*)\}/g)].map(match => match[1]))].sort();
}

describe('the message catalogue', () => {
    it('has many messages, and no Welsh message without an English one', () => {
        expect(keys.length).toBeGreaterThan(150);
        expect(Object.keys(cy).filter(key => !(key in en))).toEqual([]);
    });

    it.each(LANGS)('every message has a non-empty %s text', lang => {
        const missing = keys.filter(key => typeof CATALOGUES[lang][key] !== 'string' || CATALOGUES[lang][key].trim() === '');
        expect(missing).toEqual([]);
    });

    it('every Welsh message takes exactly the placeholders of its English one', () => {
        const mismatched = keys
            .filter(key => placeholders(en[key]).join() !== placeholders(cy[key]).join())
            .map(key => `${key}: en {${placeholders(en[key]).join('}{')}} cy {${placeholders(cy[key]).join('}{')}}`);
        expect(mismatched).toEqual([]);
    });

    it('placeholders are names; literal braces are passed in as parameters', () => {
        const bad = LANGS.flatMap(lang =>
            keys
                .filter(
                    key => placeholders(CATALOGUES[lang][key]).some(name => !/^\w+$/.test(name)) || /[{}]/.test(CATALOGUES[lang][key].replace(/\{\w+\}/g, ''))
                )
                .map(key => `${lang} ${key}`)
        );
        expect(bad).toEqual([]);
    });

    it('Welsh messages are translated, not copies of the English (bar figures and code)', () => {
        // Messages made only of placeholders, punctuation and code are the same in both; so are these.
        const sharedWithEnglish = [
            'cli.error',
            'declaration-kind.partner',
            'hover.partner',
            'report.label.partner',
            'report.chart.partner',
            'report.label.message',
            'report.label.sha256'
        ];
        const same = keys.filter(key => cy[key] === en[key] && /[a-z]{3,}/i.test(en[key].replace(/`[^`]*`|\{\w+\}/g, '')));
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

    it('joins lists with the conjunction of each language, `ac` before a vowel in Welsh', () => {
        expect(listInWords(['`a`', '`b`', '`c`'], 'en')).toBe('`a`, `b` and `c`');
        expect(listInWords(['`council`', '`nhs`'], 'cy')).toBe('`council` a `nhs`');
        expect(listInWords(['`council`', '`essex`'], 'cy')).toBe('`council` ac `essex`');
        expect(listInWords(['x', 'y'], 'cy', 'or')).toBe('x neu y');
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
