import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type AstNode, AstUtils, type CstNode, DocumentState, EmptyFileSystem, isAstNode, isReference, type LangiumDocument, TextDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/generated/ast.js';
import type { AgreementModel } from '../src/model/types.js';
import { Rational } from '../src/money/rational.js';
import { PoolDocumentFactory } from '../src/services/pool-document-factory.js';
import { createPoolServices } from '../src/services/pool-module.js';
import { randomGenerator } from '../../../test/fuzz/mutations.js';
import { propertyRuns } from '../../../test/support/budget.js';
import { REPO } from './helpers.js';

/** What is typed: single characters of every kind the grammar reads, and a few whole words. */
const TYPED = ['1', '7', '0', ',', '.', '%', '£', 'a', 'z', '-', '_', ' ', '\n', '\r\n', '\t', '"', '{', '}', '/', '*', '//', '/* c */', 'k', 'm'];
const WORDS = [' partner ', ' pool ', ' total £5 ', ' 2015/16 ', ' council ', '"x"', ' in ', ' }\n', '{ ', '\n// note\n'];

interface Edit {
    readonly start: number;
    readonly end: number;
    readonly text: string;
}

function apply(text: string, edit: Edit): string {
    return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** A random edit: most at a digit (as in an amount), some before a closing brace, some anywhere, of any kind. */
function randomEdit(text: string, next: () => number): Edit {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    let at = Math.floor(next() * (text.length + 1));
    const where = next();
    // Space before a closing brace: the last line of a declaration, moving what follows it on that line.
    // Those with more on their line first, where there are any.
    const followed = where < 0.2 ? [...text.matchAll(/\}(?=[^\S\r\n]*[^\s])/g)] : [];
    const braces = followed.length > 0 ? followed : where < 0.2 ? [...text.matchAll(/\}/g)] : [];
    if (braces.length > 0) {
        const brace = pick(braces).index;
        return { start: brace, end: brace, text: pick([' ', '\t', '   ', '\n', '\r\n']) };
    }
    const digits = where < 0.7 ? [...text.matchAll(/[0-9]/g)] : [];
    if (digits.length > 0) at = pick(digits).index;
    const kind = next();
    if (kind < 0.35) return { start: at, end: Math.min(text.length, at + 1), text: pick(TYPED) };
    if (kind < 0.6) return { start: at, end: at, text: pick(TYPED) };
    if (kind < 0.8) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 3)), text: '' };
    return { start: at, end: at, text: pick(WORDS) };
}

/** The syntax tree as plain data: every node, every property and every syntax node's place. */
function cstData(node: CstNode): unknown {
    const place = { offset: node.offset, length: node.length, range: node.range, hidden: node.hidden };
    if ('content' in node) {
        const composite = node as CstNode & { content: CstNode[] };
        return { ...place, type: node.astNode.$type, children: composite.content.map(cstData) };
    }
    return { ...place, token: (node as CstNode & { tokenType: { name: string } }).tokenType.name };
}

function astData(node: AstNode): unknown {
    const data: Record<string, unknown> = {
        $type: node.$type,
        $containerProperty: node.$containerProperty,
        $containerIndex: node.$containerIndex,
        $cstNode: node.$cstNode ? { offset: node.$cstNode.offset, end: node.$cstNode.end, range: node.$cstNode.range, text: node.$cstNode.text } : undefined
    };
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        const one = (item: unknown): unknown => {
            if (isReference(item)) return { ref: item.$refText, at: item.$refNode?.range, target: item.ref?.$cstNode?.range };
            if (item && typeof item === 'object' && '$type' in item) {
                const child = item as AstNode;
                // Each child knows its container: a spliced node's must be the new root's.
                expect(child.$container).toBe(node);
                return astData(child);
            }
            return item;
        };
        data[key] = Array.isArray(value) ? value.map(one) : one(value);
    }
    return data;
}

/**
 * A model as plain data, every figure and list in it, for comparing two: each syntax node it
 * points at by its kind and place, and whether it is a node of the document's present tree (a
 * figure kept from an edit before must not point into the tree before it); an object met again
 * (a pool's contribution in its year's figures) by the order in which it was first met.
 */
function modelData(model: AgreementModel): unknown {
    const root = model.document.parseResult.value;
    const seen = new Map<object, number>();
    const data = (value: unknown): unknown => {
        if (typeof value === 'bigint') return `${value}n`;
        if (typeof value === 'function' || value === null || typeof value !== 'object') return value;
        if (isAstNode(value)) {
            const document = AstUtils.findRootNode(value) === root ? 'current' : AstUtils.getDocument(value).uri.toString();
            return { $type: value.$type, offset: value.$cstNode?.offset, end: value.$cstNode?.end, document };
        }
        if ('parseResult' in value && 'uri' in value) return { document: String(value.uri) };
        if (value instanceof Rational) return value.toString();
        const again = seen.get(value);
        if (again !== undefined) return { again };
        seen.set(value, seen.size);
        if (value instanceof Map) return { map: [...(value as Map<unknown, unknown>)].map(([key, item]) => [data(key), data(item)]) };
        if (Array.isArray(value)) return value.map(data);
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, data(item)]));
    };
    return data(model);
}

function parseData(document: LangiumDocument) {
    const result = document.parseResult;
    const root = result.value.$cstNode;
    return {
        text: root?.root.fullText,
        ast: astData(result.value),
        cst: root ? cstData(root) : undefined,
        parserErrors: result.parserErrors.map(error => ({ message: error.message, token: error.token.image, offset: error.token.startOffset })),
        lexerErrors: result.lexerErrors.map(error => ({ message: error.message, offset: error.offset })),
        diagnostics: document.diagnostics
    };
}

/** An editor's services, parsing each edit's declaration alone or the whole text every time. */
async function editor(incremental: boolean) {
    const services = createPoolServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    if (!(factory instanceof PoolDocumentFactory)) throw new Error('not the Pool document factory');
    factory.incremental = incremental;
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const uri = URI.parse('file:///workspace/edited.pool');
    let version = 0;
    return {
        async type(text: string): Promise<LangiumDocument> {
            services.shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'pool', ++version, text));
            await services.shared.workspace.DocumentBuilder.update([uri], []);
            await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
            return services.shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument;
        },
        /** The model the checks of the last edit read. */
        model(document: LangiumDocument): AgreementModel {
            return services.Pool.pool.ModelProvider.getModel(document as LangiumDocument<Document>);
        }
    };
}

/** Edits per text: `pnpm fuzz` makes many more. */
const STEPS = propertyRuns(80, 1_000);

/** The text with each declaration begun on the line before it, unless that line ends in a comment. */
function endToEnd(text: string): string {
    const lines: string[] = [];
    for (const line of text.split('\n')) {
        const last = lines.at(-1);
        if (
            /^(agreement|import|partner|pool|spend|outcome|share|savings|unit|appraisal|approvals)\b/.test(line) &&
            last !== undefined &&
            !last.includes('//')
        ) {
            lines[lines.length - 1] = `${last} ${line}`;
        } else if (line.trim() !== '' || lines.length === 0) {
            lines.push(line);
        }
    }
    return lines.join('\n');
}

const EXAMPLES = readdirSync(path.join(REPO, 'examples'))
    .filter(name => name.endsWith('.pool'))
    .map(name => ({ name, text: readFileSync(path.join(REPO, 'examples', name), 'utf8') }));

describe('an edit inside one declaration, parsed alone', () => {
    // One example again with Windows line ends, whose two characters are one line break; and one
    // with each declaration on the line the one before ends on, so that an edit moves what follows
    // along its line.
    const first = EXAMPLES[0]?.text ?? '';
    const texts = [
        ...EXAMPLES,
        { name: 'the first example (CRLF)', text: first.replace(/\n/g, '\r\n') },
        { name: 'the first example (declarations end to end)', text: endToEnd(first) }
    ];

    it.each(texts)('leaves $name as a whole parse and check would, after each of many random edits', async ({ name, text }) => {
        let seed = 7;
        for (let i = 0; i < name.length; i++) seed = (seed * 31 + name.charCodeAt(i)) >>> 0;
        const next = randomGenerator(seed);
        const incremental = await editor(true);
        const whole = await editor(false);
        let current = text;
        let spliced = 0;
        let previousRoot: AstNode | undefined;
        // The edits that take the text back, last first: a syntax error is mostly undone soon,
        // as a person would, so that most edits start from a text without one.
        const undo: Edit[] = [];
        let broken = false;
        for (let step = 0; step < STEPS; step++) {
            let edit: Edit;
            const back = undo.at(-1);
            if (back && next() < (broken ? 0.8 : 0.4)) {
                edit = back;
                undo.pop();
            } else {
                edit = randomEdit(current, next);
                undo.push({ start: edit.start, end: edit.start + edit.text.length, text: current.slice(edit.start, edit.end) });
            }
            current = apply(current, edit);
            const before = previousRoot ? Object.values(previousRoot).flatMap(value => (Array.isArray(value) ? (value as unknown[]) : [])) : [];
            const document = await incremental.type(current);
            const root = document.parseResult.value;
            // A declaration kept from the tree before: this edit was parsed alone.
            if (Object.values(root).some(value => Array.isArray(value) && (value as unknown[]).some(child => before.includes(child)))) spliced++;
            previousRoot = root;
            const wholeDocument = await whole.type(current);
            const expected = parseData(wholeDocument);
            broken = expected.parserErrors.length > 0;
            expect(parseData(document), `${name}, seed ${seed}, step ${step}: ${JSON.stringify(edit)}`).toEqual(expected);
            // Every figure of the model, parts of which are kept from one edit to the next.
            expect(modelData(incremental.model(document)), `${name}, seed ${seed}, step ${step}: the model`).toEqual(modelData(whole.model(wholeDocument)));
        }
        // Most edits were parsed alone: the comparison above tested the splice, not only the whole parse.
        expect(spliced).toBeGreaterThan(STEPS / 10);
    });
});

describe('names changed by an edit parsed alone', () => {
    const text = [
        'agreement "Renames" {',
        '    period 2022/23 to 2022/23',
        '    host a1',
        '}',
        '',
        'partner a1 "A One" council',
        'partner b2 "B Two" council',
        'partner a3 "A Three" council',
        '',
        'pool p "P" pooled under "the agreement" {',
        '    2022/23 {',
        '        a1 £1.00',
        '        a3 £2.00',
        '    }',
        '}',
        ''
    ].join('\n');

    it('links a name to the declaration an edit gives it, when that one comes first, as a whole parse does', async () => {
        const incremental = await editor(true);
        const whole = await editor(false);
        let current = text;
        const edits = [
            // b2 takes the name of the later a3: the pool's a3 is now the first a3, and back.
            (t: string) => t.replace('partner b2 ', 'partner a3 '),
            (t: string) => t.replace('partner a3 "B Two"', 'partner b2 "B Two"'),
            // An amount of the pool: the pool is parsed alone; the partners are the nodes they were.
            (t: string) => t.replace('£2.00', '£2.50')
        ];
        let before = await incremental.type(current);
        await whole.type(current);
        for (const [step, edit] of edits.entries()) {
            current = edit(current);
            const previous = before.parseResult.value as AstNode & { partners: AstNode[] };
            const document = await incremental.type(current);
            const root = document.parseResult.value as AstNode & { partners: AstNode[] };
            // Parsed as one declaration alone: the other declarations are the nodes they were.
            expect(root).not.toBe(previous);
            expect(root.partners.filter(partner => previous.partners.includes(partner)).length, `step ${step}`).toBeGreaterThan(0);
            expect(parseData(document), `step ${step}`).toEqual(parseData(await whole.type(current)));
            before = document;
        }
    });
});
