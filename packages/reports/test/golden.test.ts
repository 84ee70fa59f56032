import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown, type ReportData } from '../src/index.js';
import { EXAMPLES, loadReportData } from './support.js';

/**
 * Golden reports: the whole agreement report of every example, in English and in Welsh, as a
 * reader gets it (Markdown, which holds every block the HTML and PDF draw), compared section by
 * section with the text committed in `golden/`, so a change shows in the section it changes and
 * nowhere else. The date is fixed (as `SOURCE_DATE_EPOCH` fixes it). An intended change is
 * written with `UPDATE_GOLDEN=1` and read in review.
 */

const GOLDEN = path.join(import.meta.dirname, 'golden');
const DATE = '2026-12-03T09:30:00Z';
const LANGS = ['en', 'cy'] as const;

interface Section {
    readonly heading: string;
    readonly text: string;
}

/** A report cut at its second-level headings; what comes before the first (title and cover) is the cover. */
function sections(markdown: string): Section[] {
    const found: Section[] = [];
    let heading = 'cover';
    let lines: string[] = [];
    const close = () => found.push({ heading, text: `${lines.join('\n').trim()}\n` });
    for (const line of markdown.split('\n')) {
        if (line.startsWith('## ')) {
            close();
            heading = line.slice(3);
            lines = [];
        }
        lines.push(line);
    }
    close();
    return found;
}

const cases = EXAMPLES.flatMap(example => LANGS.map(lang => ({ example, lang, name: `${path.basename(example, '.pool')}.${lang}` })));

describe('golden reports, section by section', () => {
    const data = new Map<string, ReportData>();
    const rendered = new Map<string, string>();

    beforeAll(async () => {
        for (const example of EXAMPLES) data.set(example, await loadReportData(example));
        for (const { example, lang, name } of cases) {
            const markdown = renderMarkdown(data.get(example)!, { lang, generatedAt: DATE });
            rendered.set(name, markdown);
            if (process.env.UPDATE_GOLDEN === '1') {
                mkdirSync(GOLDEN, { recursive: true });
                writeFileSync(path.join(GOLDEN, `${name}.md`), markdown);
            }
        }
    });

    for (const { name } of cases) {
        const file = path.join(GOLDEN, `${name}.md`);
        const golden = existsSync(file) ? sections(readFileSync(file, 'utf8')) : [];

        it(`${name}: has the sections of its golden report, in order`, () => {
            expect(existsSync(file), `no golden report ${name}.md: write it with UPDATE_GOLDEN=1`).toBe(true);
            expect(sections(rendered.get(name)!).map(section => section.heading)).toEqual(golden.map(section => section.heading));
        });

        for (const [index, section] of golden.entries()) {
            it(`${name}: section ${index + 1}, ${section.heading}`, () => {
                const actual = sections(rendered.get(name)!)[index];
                expect(actual?.heading, name).toBe(section.heading);
                expect(actual?.text, `${name}: ${section.heading}`).toBe(section.text);
            });
        }
    }

    it('covers every example in both languages, with a date in each language', () => {
        expect(cases.length).toBe(EXAMPLES.length * 2);
        for (const example of EXAMPLES) {
            const name = path.basename(example, '.pool');
            expect(rendered.get(`${name}.en`)).toContain('3 December 2026');
            expect(rendered.get(`${name}.cy`)).toContain('3 Rhagfyr 2026');
        }
    });
});
