import { type AstNode, AstUtils, GrammarAST, GrammarUtils, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { diffAgreements } from '../../language/src/diff/agreement-diff.js';
import * as ast from '../../language/src/generated/ast.js';
import { PoolLanguageGrammar } from '../../language/src/generated/grammar.js';
import { corpus, hasSyntaxErrors, ORIGINAL, model, replaced, semanticJson, semanticMarkdown, subjectsOf, versions } from './corpus.js';

/**
 * The grammar is the list of everything the language accepts. For every property a grammar rule
 * assigns a token to, a place in the examples or fixtures that writes it is changed, and the
 * change must reach the model: the JSON (which is the model's figures and declarations, nothing
 * computed again), the Markdown report and `pool diff`. A property that reaches none of them is a
 * clause accepted and ignored. Properties that hold other declarations (a pool's years, an
 * outcome's fields) are reached through what those declarations hold.
 */

interface Property {
    readonly rule: string;
    readonly feature: string;
    readonly crossReference: boolean;
    /** The property holds an amount (`covering £500,000`): its value is what is changed. */
    readonly amount: boolean;
}

/** Token-valued properties of every parser rule, from the grammar itself. */
function grammarProperties(): Property[] {
    const properties: Property[] = [];
    for (const rule of PoolLanguageGrammar().rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) continue;
        for (const assignment of AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment)) {
            const terminal = assignment.terminal;
            const calls = GrammarAST.isRuleCall(terminal)
                ? [terminal]
                : GrammarAST.isAlternatives(terminal)
                  ? terminal.elements.filter(GrammarAST.isRuleCall)
                  : [];
            // A property that holds declarations (a rule call to a parser rule that is not a data type) is reached
            // through them; an amount is a value, written in every place that holds one, so each of those is a property.
            const amount = calls.some(call => call.rule.ref?.name === 'Amount');
            const holdsNodes = !amount && calls.some(call => GrammarAST.isParserRule(call.rule.ref) && !GrammarUtils.isDataTypeRule(call.rule.ref));
            if (holdsNodes) continue;
            if (!properties.some(property => property.rule === rule.name && property.feature === assignment.feature)) {
                properties.push({ rule: rule.name, feature: assignment.feature, crossReference: GrammarAST.isCrossReference(terminal), amount });
            }
        }
    }
    return properties;
}

const ALTERNATIVES: readonly (readonly string[])[] = [
    ['draft', 'proposed', 'signed'],
    ['pooled', 'aligned', 'in-kind'],
    ['reduce', 'increase'],
    ['savings', 'benefits', 'overspend', 'underspend'],
    ['council', 'health', 'police', 'fire', 'central-government', 'voluntary', 'housing', 'private', 'other'],
    ['GBP', 'EUR', 'USD'],
    ['Q1', 'Q2', 'Q3', 'Q4'],
    ['new', 'existing'],
    ['penny', 'pound'],
    ['aims', 'contributions', 'functions', 'resources', 'duration', 'review', 'termination', 'management']
];

/** The text written for a property, changed so that it means something else. */
function changedText(text: string, node: AstNode, property: Property, subject: ReturnType<typeof model>): string {
    if (property.crossReference) {
        // Another declaration of the kind the reference names, or an id nothing declares.
        const value = (node as unknown as Record<string, unknown>)[property.feature];
        const reference = (Array.isArray(value) ? value[0] : value) as { ref?: AstNode } | undefined;
        const target = reference?.ref;
        const candidates = ast.isPartner(target)
            ? [...subject.partners.keys()]
            : ast.isPool(target)
              ? subject.pools.map(pool => pool.id)
              : ast.isOutcome(target)
                ? subject.outcomes.map(outcome => outcome.id)
                : ast.isRingFence(target)
                  ? (target.$container.ringfences ?? []).map(fence => fence.name)
                  : [];
        return candidates.find(id => id && id !== text) ?? `${text}_other`;
    }
    if (text.startsWith('"')) return `${text.slice(0, -1)} (changed)"`;
    const alternatives = ALTERNATIVES.find(set => set.includes(text));
    if (alternatives) return alternatives[(alternatives.indexOf(text) + 1) % alternatives.length];
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return text.replace(/-(\d)(\d)$/, (_, tens: string, units: string) => `-${tens}${(Number(units) + 1) % 10}`);
    if (/^[0-9]{4}\/[0-9]{2}$/.test(text)) {
        const start = Number(text.slice(0, 4)) + 1;
        return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    }
    const digit = text.search(/[0-9]/);
    if (digit >= 0) return text.slice(0, digit) + String((Number(text[digit]) % 9) + 1) + text.slice(digit + 1);
    if (text === 'pro') return '';
    return `${text}_other`;
}

interface Place {
    readonly file: string;
    readonly document: LangiumDocument<ast.Document>;
    readonly node: AstNode;
}

/** Where the corpus writes each property, so each can be changed there. */
function placesOf(property: Property): Place[] {
    const places: Place[] = [];
    for (const [file, document] of ORIGINAL) {
        if (hasSyntaxErrors(document) || subjectsOf(file).length === 0) continue;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const value = (node as unknown as Record<string, unknown>)[property.feature];
            if (node.$type === property.rule && value !== undefined && !(Array.isArray(value) && value.length === 0)) places.push({ file, document, node });
        }
    }
    return places;
}

/** `pro rata to contributions` is one property written in four words. */
function span(place: Place, property: Property): { offset: number; length: number; text: string } | undefined {
    if (property.feature === 'proRata') {
        const text = place.document.textDocument.getText();
        const offset = text.indexOf('pro rata to contributions', place.node.$cstNode!.offset);
        const share = place.node as ast.Share;
        // Without a block of lines, the clause then lists no partners at all: an empty percentage clause.
        return {
            offset,
            length: 'pro rata to contributions'.length,
            text: (share.lines ?? []).length > 0 || (share.reinvestments ?? []).length > 0 ? '' : '{ }'
        };
    }
    const owner = property.amount ? (place.node as unknown as Record<string, AstNode>)[property.feature] : place.node;
    const cst = GrammarUtils.findNodeForProperty(owner?.$cstNode, property.amount ? 'value' : property.feature);
    return cst ? { offset: cst.offset, length: cst.length, text: cst.text } : undefined;
}

const PROPERTIES = grammarProperties();

describe('every property of the grammar reaches the model and every output', () => {
    it('finds the grammar’s properties', () => {
        expect(PROPERTIES.length).toBeGreaterThan(40);
        expect(PROPERTIES).toContainEqual({ rule: 'SpendLine', feature: 'commissioners', crossReference: true, amount: false });
        expect(PROPERTIES).toContainEqual({ rule: 'Share', feature: 'covering', crossReference: false, amount: true });
    });

    it.each(PROPERTIES.map(property => [`${property.rule}.${property.feature}`, property] as const))('%s', async (_, property) => {
        const places = placesOf(property);
        expect(places.length, `no example or fixture writes ${property.rule}.${property.feature}: add one`).toBeGreaterThan(0);
        const place = places[0];
        const written = span(place, property);
        expect(written, 'the property has no text').toBeDefined();
        const subjectModel = model(ORIGINAL.get(subjectsOf(place.file)[0])!);
        const replacement = property.feature === 'proRata' ? written!.text : changedText(written!.text, place.node, property, subjectModel);
        const text = replaced(corpus[place.file], written!.offset, written!.length, replacement);
        for (const { subject, before, after } of await versions(place.file, text)) {
            expect(after.documents.some(hasSyntaxErrors), `${subject}: the change ${written!.text} → ${replacement} does not parse`).toBe(false);
            expect(semanticJson(after), `${subject}: ${written!.text} → ${replacement} does not reach the JSON`).not.toBe(semanticJson(before));
            expect(semanticMarkdown(after), `${subject}: ${written!.text} → ${replacement} does not reach the report`).not.toBe(semanticMarkdown(before));
            expect(diffAgreements(before, after).changes.length, `${subject}: ${written!.text} → ${replacement} does not reach pool diff`).toBeGreaterThan(0);
        }
    });
});
