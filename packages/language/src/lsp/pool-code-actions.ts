import { type AstNode, CstUtils, GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type Range, TextEdit } from 'vscode-languageserver';
import type { CheckCode } from '../checks/check.js';
import * as ast from '../generated/ast.js';
import { type Lang, t } from '../i18n/index.js';

/** What the checks put in a diagnostic's `data` for the fixes below (see each check's file). */
interface FixFacts {
    readonly code?: string;
    /** total-mismatch: the exact sum, formatted. */
    readonly computed?: string;
    /** bad-financial-year: the year the writer probably meant. */
    readonly replacement?: string;
    /** unknown-reference: what kind of thing is missing, its name, and close names. */
    readonly kind?: string;
    readonly name?: string;
    readonly suggestions?: readonly string[];
    /** shares-not-100: each line's percentage scaled to make 100%. */
    readonly rebalanced?: readonly string[];
    /** uplift-mismatch: the minimum the uplift computes, formatted. */
    readonly upliftedMinimum?: string;
}

type Fix = (document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, facts: FixFacts, lang: Lang) => CodeAction[];

/**
 * Quick fixes for the checks that have an unambiguous repair. Each fix reads the facts its check
 * put in the diagnostic's `data`, so a fix never works out a figure differently from the check.
 */
export class PoolCodeActionProvider implements CodeActionProvider {
    /** Titles are in the language of the diagnostics (see PoolSettings.language). */
    constructor(private readonly language: () => Lang = () => 'en') {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const facts = (diagnostic.data ?? {}) as FixFacts & { omitted?: number };
            // A diagnostic that counts problems not listed has no single place to fix.
            if (facts.omitted !== undefined) continue;
            const fix = typeof diagnostic.code === 'string' ? quickFixFor(diagnostic.code) : undefined;
            if (fix) for (const action of fix(document as LangiumDocument<ast.Document>, diagnostic, facts, this.language())) actions.push(action);
        }
        return actions.length > 0 ? actions : undefined;
    }
}

/**
 * The quick fix of each check whose definition says `fix: 'quick-fix'`, and of no other
 * (packages/language/test/lsp/fix-properties.test.ts holds the two to each other).
 */
export const QUICK_FIXES: { readonly [Code in CheckCode]?: Fix } = {
    'total-mismatch': fixTotal,
    'shares-not-100': rebalanceShares,
    'unknown-reference': fixUnknownReference,
    'unused-partner': removeUnusedPartner,
    'bad-financial-year': fixYear,
    'uplift-mismatch': fixUpliftedMinimum,
    'bidi-control': removeBidiControls
};

function quickFixFor(code: string): Fix | undefined {
    return Object.entries(QUICK_FIXES).find(([fixed]) => fixed === code)?.[1];
}

function quickFix(document: LangiumDocument, diagnostic: Diagnostic, title: string, edits: TextEdit[], isPreferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}

/** total-mismatch: write the exact sum in place of the declared total. */
function fixTotal(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    if (!facts.computed) return [];
    return [quickFix(document, diagnostic, t('fix.set-total', { amount: facts.computed }, lang), [TextEdit.replace(diagnostic.range, facts.computed)], true)];
}

/** uplift-mismatch: write the minimum the uplift rule computes. */
function fixUpliftedMinimum(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    if (!facts.upliftedMinimum) return [];
    return [
        quickFix(
            document,
            diagnostic,
            t('fix.uplifted-minimum', { amount: facts.upliftedMinimum }, lang),
            [TextEdit.replace(diagnostic.range, facts.upliftedMinimum)],
            true
        )
    ];
}

/** bidi-control: remove the characters that reorder text (the diagnostic's range is exactly them). */
function removeBidiControls(document: LangiumDocument, diagnostic: Diagnostic, _facts: FixFacts, lang: Lang): CodeAction[] {
    const characters = document.textDocument.getText(diagnostic.range);
    if (!/^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+$/.test(characters)) return [];
    const codes = [...new Set(characters)].map(character => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
    return [quickFix(document, diagnostic, t('fix.remove-bidi', { characters: codes.join(', ') }, lang), [TextEdit.replace(diagnostic.range, '')], true)];
}

/** bad-financial-year: write the year the way it was probably meant. */
function fixYear(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    if (!facts.replacement) return [];
    return [
        quickFix(document, diagnostic, t('fix.write-year', { year: facts.replacement }, lang), [TextEdit.replace(diagnostic.range, facts.replacement)], true)
    ];
}

/** shares-not-100: scale every percentage so the clause makes exactly 100%. */
function rebalanceShares(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    const share = nodeAt(document, diagnostic.range, ast.isShare);
    const rebalanced = facts.rebalanced;
    if (!share || !rebalanced || rebalanced.length !== share.lines.length) return [];
    // One rebalanced percentage for each line, in order.
    const lines = share.lines.flatMap((line, index) => {
        const percent = rebalanced[index];
        return percent === undefined ? [] : [{ line, percent }];
    });
    const edits: TextEdit[] = [];
    for (const { line, percent } of lines) {
        const written = GrammarUtils.findNodeForProperty(line.$cstNode, 'percent');
        if (written && written.text !== percent) edits.push(TextEdit.replace(written.range, percent));
    }
    if (edits.length === 0) return [];
    const summary = lines.map(({ line, percent }) => `${line.partner?.$refText ?? ''} ${percent}`).join(', ');
    return [quickFix(document, diagnostic, t('fix.rebalance-shares', { shares: summary }, lang), edits, true)];
}

/** unknown-reference: use a close name that exists, or declare the missing partner. */
function fixUnknownReference(document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    const actions = (facts.suggestions ?? []).map((suggestion, index) =>
        quickFix(document, diagnostic, t('fix.change-to', { name: suggestion }, lang), [TextEdit.replace(diagnostic.range, suggestion)], index === 0)
    );
    // Where the parser had to skip text there is no place a new declaration is sure to fit, so it is
    // offered only in a file without syntax errors (as formatting is).
    const parsed = document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
    if (parsed && facts.kind === 'partner' && facts.name && /^[_a-zA-Z][\w-]*$/.test(facts.name)) {
        const { position, prefix } = placeForNewPartner(document);
        const declaration = `partner ${facts.name} "${facts.name}" other   // ${t('fix.declare-partner.comment', {}, lang)}`;
        actions.push(
            quickFix(
                document,
                diagnostic,
                t('fix.declare-partner', { name: facts.name }, lang),
                [TextEdit.insert(position, `${prefix}${declaration}\n`)],
                actions.length === 0
            )
        );
    }
    return actions;
}

/** After the last partner of the file; failing that after its imports, its header, or at the top. */
function placeForNewPartner(document: LangiumDocument<ast.Document>): { position: Range['start']; prefix: string } {
    const root = document.parseResult.value;
    const anchor: AstNode | undefined = root.partners?.at(-1) ?? root.imports?.at(-1) ?? root.agreements?.at(-1);
    if (!anchor?.$cstNode) {
        return { position: { line: 0, character: 0 }, prefix: '' };
    }
    const line = anchor.$cstNode.range.end.line;
    const nextLine = { line: line + 1, character: 0 };
    // A declaration on the last line of a file without a final newline needs one first.
    const atEnd = document.textDocument.offsetAt(nextLine) === document.textDocument.getText().length && !document.textDocument.getText().endsWith('\n');
    const blank = ast.isPartner(anchor) ? '' : '\n';
    return atEnd
        ? { position: document.textDocument.positionAt(document.textDocument.getText().length), prefix: `\n${blank}` }
        : { position: nextLine, prefix: blank };
}

/** unused-partner: delete the declaration, with its line when nothing else is on it. */
function removeUnusedPartner(document: LangiumDocument, diagnostic: Diagnostic, _facts: FixFacts, lang: Lang): CodeAction[] {
    const partner = nodeAt(document, diagnostic.range, ast.isPartner);
    const cst = partner?.$cstNode;
    if (!partner || !cst) return [];
    const text = document.textDocument.getText();
    const lineStart = document.textDocument.offsetAt({ line: cst.range.start.line, character: 0 });
    const nextLineStart = document.textDocument.offsetAt({ line: cst.range.end.line + 1, character: 0 });
    const before = text.slice(lineStart, cst.offset);
    const after = text.slice(cst.end, nextLineStart);
    const aloneOnLine = before.trim() === '' && (after.trim() === '' || after.trim().startsWith('//'));
    const range = aloneOnLine ? { start: document.textDocument.positionAt(lineStart), end: document.textDocument.positionAt(nextLineStart) } : cst.range;
    return [quickFix(document, diagnostic, t('fix.remove-partner', { name: partner.name }, lang), [TextEdit.replace(range, '')], true)];
}

function nodeAt<T extends AstNode>(document: LangiumDocument, range: Range, guard: (node: AstNode) => node is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
    let node: AstNode | undefined = leaf?.astNode;
    while (node && !guard(node)) node = node.$container;
    return node;
}
