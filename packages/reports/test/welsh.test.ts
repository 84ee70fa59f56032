import { describe, expect, it } from 'vitest';
import { runPool } from '../../../test/support/cli.js';
import { REPORT_TEXT } from '../src/strings.js';

/** Arguments that must be one of a few values (what a share clause shares); others take letters. */
const ARGUMENTS: Record<string, string[]> = {
    'sentences.shareBase': ['projected-savings', 'A'],
    'sentences.share': ['benefits', 'B', 'C'],
    'sentences.chartShares': ['benefits', 'B'],
    'sentences.kind': ['health'],
    'sentences.status': ['signed'],
    'sentences.arrangement': ['aligned'],
    'sentences.topic': ['aims'],
    'sentences.sinceApprovedNone': ['not-in-history', 'A']
};

/** Every string and every sentence pattern (called with placeholder arguments) of a language. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
    const out = new Map<string, string>();
    if (typeof value === 'string') out.set(prefix, value);
    else if (typeof value === 'function')
        out.set(prefix, (value as (...args: string[]) => string)(...(ARGUMENTS[prefix] ?? ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])));
    else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
    return out;
}

/** Words that are the same in both languages. */
const SAME_IN_WELSH = new Set([
    'labels.partner',
    'labels.cost',
    'labels.sha256',
    'labels.message',
    'chart.partner',
    'sentences.sharePart',
    'sentences.shareKind',
    // A stream and its percentage: `nhs_minimum 60%` in either language.
    'sentences.streamShare',
    // An approval named in a list: `Anytown Council (Director of Finance, 2013-03-28)` in either language.
    'sentences.sinceApprovedApproval'
]);

describe('reports in Welsh', () => {
    it('has a Welsh translation of every heading, label and sentence, none left in English', () => {
        const en = leaves(REPORT_TEXT.en);
        const cy = leaves(REPORT_TEXT.cy);
        expect([...cy.keys()].sort()).toEqual([...en.keys()].sort());
        const untranslated = [...en].filter(([key, text]) => !SAME_IN_WELSH.has(key) && cy.get(key) === text).map(([key]) => key);
        expect(untranslated).toEqual([]);
        for (const [key, text] of cy) expect(text.trim(), key).not.toBe('');
    });

    it('says what a share clause shares inside one sentence, mutated as Welsh needs after "o"', () => {
        const { sentences } = REPORT_TEXT.cy;
        expect(sentences.chartShares('benefits', 'Y Gronfa')).toBe('Siart: cyfran pob partner o fuddion y gronfa Y Gronfa, mewn punnoedd');
        expect(sentences.chartShares('overspends', 'Y Gronfa')).toContain('o orwariant y gronfa');
        expect(sentences.chartShares('underspend', 'Y Gronfa')).toContain('o danwariant y gronfa');
        expect(sentences.share('overspends', 'Y Gronfa', 'A 50% a B 50%', { basis: 'overspend', amount: '£10' })).toBe(
            'Rhennir gorwariant y gronfa Y Gronfa (gorwariant o £10): A 50% a B 50%.'
        );
        expect(REPORT_TEXT.en.sentences.share('savings', 'Care pot', 'A 50% and B 50%', { basis: 'results-payments', amount: '£10' })).toBe(
            'Savings of the Care pot (results payments of £10 if the target is met) are shared: A 50% and B 50%.'
        );
    });

    it('writes the report in Welsh with --lang cy, with the same figures', () => {
        const english = runPool(['report', 'examples/troubled-families.pool', '--format', 'md']).stdout;
        const welsh = runPool(['report', 'examples/troubled-families.pool', '--format', 'md', '--lang', 'cy']);
        expect(welsh.status, welsh.stderr).toBe(0);
        expect(welsh.stdout).toContain('## Cyfraniadau fesul partner a blwyddyn');
        expect(welsh.stdout).toContain(
            'Mae Manchester City Council yn cyfrannu £1,200,000 yn 2013/14, £1,100,000 yn 2014/15 a £950,000 yn 2015/16 i’r gronfa Troubled Families single pot: £3,250,000 i gyd.'
        );
        expect(welsh.stdout).toContain('> **Pasiodd pob gwiriad.**');
        // What a share clause shares is said in Welsh too, not left in the model's English.
        expect(welsh.stdout).toMatch(/Rhennir arbedion y gronfa Troubled Families single pot \(arbedion a ragwelir o £[\d,]+\): /);
        expect(welsh.stdout).not.toMatch(/projected savings of|an overspend of|results payments of/);
        // The same amounts, wherever each language's word order puts them.
        const figures = (text: string) => text.match(/£\d{1,3}(,\d{3})*(\.\d\d)?/g)?.sort();
        expect(figures(welsh.stdout)).toEqual(figures(english));
        const html = runPool(['report', 'examples/troubled-families.pool', '--lang', 'cy']).stdout;
        expect(html).toContain('<html lang="cy" class="govuk-template">');
        expect(html).toContain('Neidio i’r prif gynnwys');
        expect(html).toContain('Blwyddyn ariannol');
        expect(runPool(['report', 'examples/troubled-families.pool', '--format', 'md'], { env: { POOL_LANG: 'cy' } }).stdout).toContain('## Gwiriadau');
    });
});
