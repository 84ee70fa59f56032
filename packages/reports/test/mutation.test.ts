import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AstNode, AstUtils, CstUtils, GrammarUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { diffAgreements } from '../../language/src/diff/agreement-diff.js';
import * as ast from '../../language/src/generated/ast.js';
import { formatMoney, parseAmount } from '../../language/src/money/amount.js';
import { parseFinancialYear, yearLabel } from '../../language/src/money/financial-year.js';
import { formatPercent, parsePercent } from '../../language/src/money/percent.js';
import type { AgreementModel } from '../../language/src/model/types.js';
import { runPool } from '../../../test/support/cli.js';
import { REPO } from '../../../test/support/paths.js';
import { corpus, hasSyntaxErrors, ORIGINAL, model, replaced, semanticJson, semanticMarkdown, subjectsOf, versions } from './corpus.js';

/**
 * Every semantic token of the examples and the check fixtures is changed in turn: each amount,
 * percentage, financial year, reference to a partner, pool, outcome or ring-fence, and modifier
 * keyword (status, arrangement, direction, share kind, partner kind, commissioned/provided). For
 * each mutant, `pool diff` must see a change (or refuse a mutant that no longer parses) and name
 * the change itself, and the JSON and the Markdown report must differ. A mutant nothing notices
 * is a construct that reaches no output.
 */

interface Mutant {
    readonly file: string;
    readonly offset: number;
    readonly length: number;
    readonly before: string;
    readonly after: string;
    /** How the diff may word the value: formatted amounts, year labels, names. */
    readonly words: readonly string[];
}

const nextDigit = (digit: string) => String((Number(digit) % 9) + 1);

/** The token with its first digit raised by one (9 becomes 1), keeping its form. */
function mutateDigits(text: string): string {
    const index = text.search(/[0-9]/);
    return index < 0 ? text : text.slice(0, index) + nextDigit(text[index]) + text.slice(index + 1);
}

function moneyWords(text: string, currency: string): string[] {
    const pence = parseAmount(text).pence;
    return pence === undefined ? [text] : [formatMoney(pence, { currency: currency as 'GBP' })];
}

const ALTERNATIVES: Record<string, readonly string[]> = {
    status: ['draft', 'proposed', 'signed'],
    arrangement: ['pooled', 'aligned', 'in-kind'],
    direction: ['reduce', 'increase'],
    shareKind: ['savings', 'benefits', 'overspend', 'underspend'],
    partnerKind: ['council', 'health', 'police', 'fire', 'central-government', 'voluntary', 'housing', 'private', 'other'],
    spendRole: ['commissioned', 'provided']
};

/** Every semantic token of one file, each with the value it is changed to. */
function mutantsOf(file: string, document: LangiumDocument<ast.Document>, subject: AgreementModel): Mutant[] {
    const mutants: Mutant[] = [];
    const add = (offset: number, before: string, after: string, words: readonly string[]) => {
        if (before !== after) mutants.push({ file, offset, length: before.length, before, after, words });
    };
    const leaves = [...CstUtils.streamCst(document.parseResult.value.$cstNode!)].filter(node => node.grammarSource && !node.hidden && isLeafCstNode(node));
    // The references as the tree holds them: the editor's services drop the tree of a closed file
    // nothing imports once it is checked (and its list of references with it), and read it again
    // from the text when asked, as here.
    const references = [...AstUtils.streamAst(document.parseResult.value)].flatMap(node => [...AstUtils.streamReferences(node)].map(info => info.reference));
    const referenceOffsets = new Set(references.map(reference => reference.$refNode?.offset));
    for (const leaf of leaves) {
        const token = (leaf as { tokenType?: { name: string } }).tokenType?.name;
        const image = leaf.text;
        if (token === 'MONEY' || (token === 'NUMBER' && !referenceOffsets.has(leaf.offset))) {
            const after = mutateDigits(image);
            add(leaf.offset, image, after, [...moneyWords(image, subject.currency), ...moneyWords(after, subject.currency), image, after]);
        } else if (token === 'PERCENT') {
            const after = mutateDigits(image);
            const words = [image, after].flatMap(value => {
                const points = parsePercent(value).points;
                return points ? [formatPercent(points)] : [value];
            });
            add(leaf.offset, image, after, words);
        } else if (token === 'FIN_YEAR') {
            const start = parseFinancialYear(image).start;
            if (start !== undefined) add(leaf.offset, image, yearLabel(start + 1), [yearLabel(start), yearLabel(start + 1)]);
        }
    }
    // References: another declaration of the same kind, or an unknown id where there is no other.
    for (const reference of references) {
        const node = reference.$refNode;
        const target = 'ref' in reference ? reference.ref : undefined;
        if (!node || !target) continue;
        const others = ast.isPartner(target)
            ? [...subject.partners.keys()]
            : ast.isPool(target)
              ? subject.pools.map(pool => pool.id)
              : ast.isOutcome(target)
                ? subject.outcomes.map(outcome => outcome.id)
                : ast.isRingFence(target)
                  ? (target.$container.ringfences ?? []).map(fence => fence.name)
                  : [];
        const replacement = others.find(id => id && id !== reference.$refText) ?? 'unknown_id';
        const name = (id: string) => subject.partners.get(id)?.name ?? subject.poolsById.get(id)?.title ?? subject.outcomesById.get(id)?.description ?? id;
        add(node.offset, node.text, replacement, [reference.$refText, replacement, name(reference.$refText), name(replacement)]);
    }
    // Modifier keywords, where the grammar reads them as a modifier (not as an id).
    const modifier = (node: AstNode, property: string, family: string) => {
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        if (!cst) return;
        const options = ALTERNATIVES[family];
        const replacement = options[(options.indexOf(cst.text) + 1) % options.length];
        add(cst.offset, cst.text, replacement, [cst.text, replacement]);
    };
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        if (ast.isStatusField(node)) modifier(node, 'value', 'status');
        if (ast.isPool(node)) modifier(node, 'arrangement', 'arrangement');
        if (ast.isDirectionField(node)) modifier(node, 'value', 'direction');
        if (ast.isShare(node)) modifier(node, 'kind', 'shareKind');
        if (ast.isPartner(node)) modifier(node, 'kind', 'partnerKind');
        if (ast.isSpendLine(node)) {
            for (const keyword of ['commissioned', 'provided']) {
                const cst = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
                if (cst) add(cst.offset, keyword, keyword === 'commissioned' ? 'provided' : 'commissioned', [keyword]);
            }
        }
    }
    return mutants.sort((a, b) => a.offset - b.offset);
}

const FILES = Object.keys(corpus).filter(file => !hasSyntaxErrors(ORIGINAL.get(file)!) && subjectsOf(file).length > 0);
const ALL_MUTANTS = FILES.flatMap(file => mutantsOf(file, ORIGINAL.get(file)!, model(ORIGINAL.get(subjectsOf(file)[0])!)));
/**
 * Every other mutant of the examples and every fifth of the check fixtures (mostly the same
 * constructs again), so the main test run stays short; `POOL_MUTANTS=all` (set by `pnpm fuzz`)
 * runs all of them.
 */
const MUTANTS =
    process.env.POOL_MUTANTS === 'all' ? ALL_MUTANTS : ALL_MUTANTS.filter((mutant, index) => index % (mutant.file.startsWith('examples/') ? 2 : 5) === 0);
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const label = (mutant: Mutant) => `${mutant.file}:${lineOf(corpus[mutant.file], mutant.offset)}: ${mutant.before} → ${mutant.after}`;

describe('every semantic token reaches pool diff, the JSON and the report', () => {
    it('has at least 200 mutants over the examples and the fixtures, of every kind of token', () => {
        expect(MUTANTS.length).toBeGreaterThanOrEqual(200);
        expect(new Set(MUTANTS.map(mutant => mutant.file.split('/')[0]))).toEqual(new Set(['examples', 'test']));
        for (const kind of [
            /^£/,
            /%$/,
            /^\d{4}\/\d{2}$/,
            /^(draft|proposed|signed)$/,
            /^(pooled|aligned|in-kind)$/,
            /^(reduce|increase)$/,
            /^(savings|benefits|overspend|underspend)$/,
            /^(commissioned|provided)$/,
            /^health$/
        ]) {
            expect(
                MUTANTS.some(mutant => kind.test(mutant.before)),
                String(kind)
            ).toBe(true);
        }
    });

    it.each(MUTANTS.map(mutant => [label(mutant), mutant] as const))('%s', async (_, mutant) => {
        const text = replaced(corpus[mutant.file], mutant.offset, mutant.length, mutant.after);
        for (const { subject, before, after } of await versions(mutant.file, text)) {
            if (after.documents.some(hasSyntaxErrors)) continue; // pool diff refuses it (exit 2), as it should
            const diff = diffAgreements(before, after);
            expect(diff.changes.length, `${subject}: pool diff sees no change`).toBeGreaterThan(0);
            const line = lineOf(text, mutant.offset);
            const mutatedFile = path.basename(mutant.file);
            const named = diff.changes.some(
                change =>
                    !change.derived &&
                    (mutant.words.some(word => change.sentence.includes(word)) ||
                        [change.where.before, change.where.after].some(place => place?.line === line && place.file.endsWith(mutatedFile)))
            );
            expect(named, `${subject}: no change names the token:\n${diff.sentences.join('\n')}`).toBe(true);
            expect(semanticJson(after), `${subject}: the JSON is the same`).not.toBe(semanticJson(before));
            expect(semanticMarkdown(after), `${subject}: the Markdown report is the same`).not.toBe(semanticMarkdown(before));
        }
    });

    it('gives exit 0 for an identical file and for a layout-only change, exit 1 for a mutant, through the real command', () => {
        const file = 'examples/troubled-families.pool';
        const original = corpus[file];
        const folder = mkdtempSync(path.join(tmpdir(), 'pool-mutant-'));
        try {
            cpSync(path.join(REPO, 'examples/registers'), path.join(folder, 'registers'), { recursive: true });
            writeFileSync(path.join(folder, 'original.pool'), original);
            const diff = (other: string) => {
                writeFileSync(path.join(folder, 'other.pool'), other);
                return runPool(['diff', '--exit-code', 'original.pool', 'other.pool'], { cwd: folder }).status;
            };
            expect(diff(original)).toBe(0);
            for (const sample of MUTANTS.filter(mutant => mutant.file === file).filter((_, index) => index % 40 === 0)) {
                expect(diff(original.slice(0, sample.offset) + sample.after + original.slice(sample.offset + sample.length)), label(sample)).toBe(1);
            }
            expect(diff(original.replace(/ {3}/g, '  ').replace(/\/\/ checked against the sum of the lines above/, '// reworded'))).toBe(0);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
