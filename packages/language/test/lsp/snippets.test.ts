import { EmptyFileSystem } from 'langium';
import { expectCompletion, parseHelper, validationHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { passes } from './fixture.js';
import { type CompletionItem, CompletionItemKind } from 'vscode-languageserver-types';
import { createPoolServices } from '../../src/services/pool-module.js';
import type { Document } from '../../src/generated/ast.js';
import { HEADER } from '../helpers.js';

/** A snippet as a user gets it by pressing Tab through it: each placeholder keeps its default. */
function expand(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
        .replace(/\$\d+/g, '')
        .replace(/\\([$}\\])/g, '$1');
}

const AGREEMENT = `${HEADER}pool care "Care" pooled {
    2013/14 { council £600,000  nhs £400,000 }
<|>
}
<|>`;

async function snippetsAt(cursor: number, text = AGREEMENT, lang: 'en' | 'cy' = 'en'): Promise<CompletionItem[]> {
    const { Pool } = createPoolServices(EmptyFileSystem);
    Pool.pool.Settings.setLanguage(lang);
    let items: CompletionItem[] = [];
    await passes(
        expectCompletion(Pool)({
            text,
            index: cursor,
            assert: list => {
                items = list.items.filter(item => item.kind === CompletionItemKind.Snippet);
            }
        })
    );
    return items;
}

async function syntaxErrors(text: string): Promise<string[]> {
    const { Pool } = createPoolServices(EmptyFileSystem);
    const result = await validationHelper(Pool)(text);
    return result.diagnostics
        .filter(d => d.code === 'syntax-error')
        .map(d => `${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

describe('snippets', () => {
    it('every construct has a snippet, and each one, left at its defaults, is valid Pool where it is offered', async () => {
        const [poolBody, topLevel] = [await snippetsAt(0), await snippetsAt(1)];
        expect(topLevel.map(item => item.label)).toEqual([
            'agreement',
            'import',
            'partner',
            'pool',
            'spend',
            'outcome',
            'outcome with payment by results',
            'share with percentages',
            'share pro rata',
            'savings projection',
            'unit cost',
            'appraisal',
            'approvals'
        ]);
        expect(poolBody.map(item => item.label)).toEqual(['minimum', '2014/15 { … }', 'ringfence', 'stream', 'contents']);
        const [before, , after] = AGREEMENT.split('<|>');
        for (const item of topLevel) {
            expect(await syntaxErrors(`${before}}\n${expand(item.insertText!)}\n`), item.label).toEqual([]);
        }
        for (const item of poolBody) {
            expect(await syntaxErrors(`${before}${expand(item.insertText!)}\n}${after}`), item.label).toEqual([]);
        }
    });

    it('offers an actual and a cohort inside an outcome, each valid at its defaults', async () => {
        const outcome = `${AGREEMENT.split('<|>')[0]}}\noutcome admissions "Admissions" {\n    baseline 10 in 2012/13\n    target 5 by 2015/16\n    reduce\n    <|>\n}\n`;
        const snippets = await snippetsAt(0, outcome);
        expect(snippets.map(item => item.label)).toEqual(['cohort', 'actual']);
        const [before, after] = outcome.split('<|>');
        for (const snippet of snippets) expect(await syntaxErrors(`${before}${expand(snippet.insertText!)}${after}`), snippet.label).toEqual([]);
        // The cohort attaches in each year of the agreement, the upfront part falling year by year.
        expect(expand(snippets[0].insertText!)).toContain('2013/14 attach 0 upfront 80%\n    2014/15 attach 0 upfront 60%\n    2015/16 attach 0 upfront 40%');
    });

    it("fills in the agreement's own partners, pools and years", async () => {
        const snippets = await snippetsAt(1);
        const pool = snippets.find(item => item.label === 'pool')!;
        expect(pool.insertText).toContain('${4:2013/14} {');
        expect(pool.insertText).toContain('${5|council,nhs|}');
        const share = snippets.find(item => item.label === 'share with percentages')!;
        // Equal parts that make exactly 100%.
        expect(expand(share.insertText!)).toContain('council  50%\n    nhs  50%');
    });

    it('writes the version clause in the agreement header and the whole-agreement template, after the status', async () => {
        const header = (await snippetsAt(1)).find(item => item.label === 'agreement')!;
        expect(expand(header.insertText!)).toMatch(/^ {4}status draft\n {4}version "0\.1"\n {4}period 2013\/14 to 2015\/16\n/m);
        const template = (await snippetsAt(0, '<|>')).find(item => item.label === 'agreement template')!;
        expect(expand(template.insertText!)).toMatch(/^ {4}status draft\n {4}version "0\.1"\n {4}period /m);
        // Tab visits the version right after the reference, before the period.
        expect(template.insertText).toContain('reference "${2:REF-001}"\n    status draft\n    version "${3:0.1}"\n    period ${4:');
        // The version reaches the model the reports print.
        const { Pool } = createPoolServices(EmptyFileSystem);
        const document = await parseHelper<Document>(Pool)(expand(template.insertText!), { validation: true });
        expect(Pool.pool.ModelProvider.getModel(document).agreement?.version).toBe('0.1');
    });

    it('offers a whole agreement in an empty file that, left at its defaults, checks clean', async () => {
        const template = (await snippetsAt(0, '<|>')).find(item => item.label === 'agreement template');
        expect(template).toBeDefined();
        const { Pool } = createPoolServices(EmptyFileSystem);
        const result = await validationHelper(Pool)(expand(template!.insertText!));
        expect(result.diagnostics.map(d => `${d.code}: ${typeof d.message === 'string' ? d.message : d.message.value}`)).toEqual([]);
    });

    it('describes each snippet, and fills its placeholders, in Welsh for a Welsh editor, still valid at its defaults', async () => {
        const [before] = AGREEMENT.split('<|>');
        const topLevel = await snippetsAt(1, AGREEMENT, 'cy');
        expect(topLevel.find(item => item.label === 'partner')?.detail).toBe('datganiad partner');
        const partner = expand(topLevel.find(item => item.label === 'partner')!.insertText!);
        expect(partner).toBe('partner id "Enw llawn" council');
        for (const item of topLevel) {
            expect(await syntaxErrors(`${before}}\n${expand(item.insertText!)}\n`), item.label).toEqual([]);
        }
        const template = (await snippetsAt(0, '<|>', 'cy')).find(item => item.label === 'agreement template')!;
        const text = expand(template.insertText!);
        expect(text).toContain('agreement "Teitl y cytundeb" {');
        expect(text).toContain('pool fund "Enw\'r gronfa" pooled under section 75 {');
        expect(text).not.toMatch(/Title of the agreement|Name of the pool|What the pool pays for/);
        const { Pool } = createPoolServices(EmptyFileSystem);
        expect((await validationHelper(Pool)(text)).diagnostics.map(d => `${d.code}: ${typeof d.message === 'string' ? d.message : d.message.value}`)).toEqual(
            []
        );
    });
});
