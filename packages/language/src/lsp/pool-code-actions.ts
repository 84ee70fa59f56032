import {
    type AstNode,
    AstUtils,
    CstUtils,
    GrammarUtils,
    type IndexManager,
    type LangiumDocument,
    type LangiumDocuments,
    type MaybePromise,
    type URI,
    UriUtils
} from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type Range, TextEdit } from 'vscode-languageserver';
import type { CheckCode } from '../checks/check.js';
import type { Place } from '../checks/describe.js';
import { closestNames } from '../checks/suggest.js';
import * as ast from '../generated/ast.js';
import { type Lang, t } from '../i18n/index.js';
import type { ImportGraph } from '../model/imports.js';

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
    /** bad-amount: the digits of an amount grouped wrongly, grouped in threes. */
    readonly grouped?: string;
    /** duplicate-declaration, clause-not-applicable: the text to remove, as written (checks/removal.ts). */
    readonly remove?: Range;
    readonly removed?: string;
    /** duplicate-declaration: where the first of the repeated declarations is. */
    readonly first?: Place;
    /** missing-field: the direction an outcome's figures imply, its figures, and the end of its target. */
    readonly direction?: string;
    readonly target?: string;
    readonly baseline?: string;
    readonly after?: Range['start'];
    /** syntax-error: the keyword written where a name goes. */
    readonly keyword?: string;
    /** signed-without-approval, proposed-without-approval: the status the recorded approvals support, if changing to it invalidates no approval. */
    readonly supported?: string;
}

/**
 * What a fix may look up beyond its document: the workspace's index of declarations (to add a
 * missing import), its documents and their imports (to mend an import).
 */
interface FixContext {
    readonly lang: Lang;
    readonly index?: IndexManager;
    readonly documents?: LangiumDocuments;
    readonly imports?: ImportGraph;
}

type Fix = (document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, facts: FixFacts, lang: Lang, context: FixContext) => CodeAction[];

/**
 * Quick fixes for the checks that have an unambiguous repair. Each fix reads the facts its check
 * put in the diagnostic's `data`, so a fix never works out a figure differently from the check.
 */
export class PoolCodeActionProvider implements CodeActionProvider {
    /** Titles are in the language of the diagnostics (see PoolSettings.language). */
    constructor(
        private readonly language: () => Lang = () => 'en',
        private readonly index?: IndexManager,
        private readonly documents?: LangiumDocuments,
        private readonly imports?: () => ImportGraph
    ) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const facts = (diagnostic.data ?? {}) as FixFacts & { omitted?: number };
            // A diagnostic that counts problems not listed has no single place to fix.
            if (facts.omitted !== undefined) continue;
            const fix = typeof diagnostic.code === 'string' ? quickFixFor(diagnostic.code) : undefined;
            const lang = this.language();
            const context: FixContext = { lang, index: this.index, documents: this.documents, imports: this.imports?.() };
            if (fix) for (const action of fix(document as LangiumDocument<ast.Document>, diagnostic, facts, lang, context)) actions.push(action);
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
    'bidi-control': removeBidiControls,
    'bad-amount': regroupAmount,
    'missing-host': fixHost,
    'duplicate-declaration': removeRepeat,
    'clause-not-applicable': removeClause,
    'joint-split-not-100': rebalanceSplit,
    'missing-field': addDirection,
    'import-not-found': mendImportPath,
    'import-cycle': removeCyclicImport,
    'unknown-period': capitaliseQuarter,
    'syntax-error': renameKeyword,
    'signed-without-approval': lowerStatus,
    'proposed-without-approval': lowerStatus,
    'empty-pool': removeEmptyPool
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

/** unknown-reference: use a close name that exists, import the one file that declares it, or declare the missing partner. */
function fixUnknownReference(document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, facts: FixFacts, lang: Lang, context: FixContext): CodeAction[] {
    const actions = (facts.suggestions ?? []).map((suggestion, index) =>
        quickFix(document, diagnostic, t('fix.change-to', { name: suggestion }, lang), [TextEdit.replace(diagnostic.range, suggestion)], index === 0)
    );
    const imported = importFor(document, diagnostic, facts, lang, context, actions.length === 0);
    if (imported) actions.push(imported);
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

/** bad-amount: the same digits, grouped in threes (only an amount grouped wrongly has this fact). */
function regroupAmount(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    const grouped = facts.grouped;
    const written = document.textDocument.getText(diagnostic.range);
    const digits = /[0-9][0-9,]*/.exec(written);
    if (!grouped || !digits || digits[0].replace(/,/g, '') !== grouped.replace(/,/g, '')) return [];
    const amount = `${written.slice(0, digits.index)}${grouped}${written.slice(digits.index + digits[0].length)}`;
    return [quickFix(document, diagnostic, t('fix.regroup-amount', { amount }, lang), [TextEdit.replace(diagnostic.range, amount)], true)];
}

/** missing-host: a host that is not a partner, where exactly one partner has a close name. */
function fixHost(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    const [only, ...others] = facts.suggestions ?? [];
    if (only === undefined || others.length > 0) return [];
    return [quickFix(document, diagnostic, t('fix.change-to', { name: only }, lang), [TextEdit.replace(diagnostic.range, only)], true)];
}

/** duplicate-declaration: remove a repeat written exactly as the first. */
function removeRepeat(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    if (facts.first === undefined) return [];
    return removeText(document, diagnostic, facts, t('fix.remove-repeat', facts.first, lang));
}

/** clause-not-applicable: remove a clause that is ignored where it is written. */
function removeClause(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    if (facts.removed === undefined) return [];
    return removeText(document, diagnostic, facts, t('fix.remove-clause', { clause: facts.removed.replace(/\s+/g, ' ') }, lang));
}

/** Removes the text a check named, if the document still holds exactly that text there. */
function removeText(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, title: string): CodeAction[] {
    const { remove, removed } = facts;
    if (!remove || removed === undefined || removed === '' || document.textDocument.getText(remove) !== removed) return [];
    return [quickFix(document, diagnostic, title, [removal(document, remove)], true)];
}

/**
 * The edit that removes a range: with its line when nothing else is on it; otherwise with the space
 * before it (or, at the start of a line, the space after it), so no comment or other text goes with it.
 */
function removal(document: LangiumDocument, range: Range): TextEdit {
    const text = document.textDocument.getText();
    const start = document.textDocument.offsetAt(range.start);
    const end = document.textDocument.offsetAt(range.end);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', end);
    const lineEnd = newline < 0 ? text.length : newline;
    const before = text.slice(lineStart, start);
    const after = text.slice(end, lineEnd);
    const at = (from: number, to: number) => TextEdit.replace({ start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) }, '');
    if (before.trim() === '' && after.trim() === '') {
        return newline < 0 ? at(Math.max(0, lineStart - 1), lineEnd) : at(lineStart, newline + 1);
    }
    if (before.trim() === '') return at(start, end + (/^[ \t]*/.exec(after)?.[0].length ?? 0));
    return at(start - (before.length - trimSpacesAndTabsEnd(before).length), end);
}

/** joint-split-not-100: scale each stream's percentage so the line's split makes exactly 100%. */
function rebalanceSplit(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    const line = nodeAt(document, diagnostic.range, ast.isSpendLine);
    const rebalanced = facts.rebalanced;
    if (!line || !rebalanced || rebalanced.length !== line.funding.length) return [];
    const edits: TextEdit[] = [];
    const parts: string[] = [];
    line.funding.forEach((share, index) => {
        const written = GrammarUtils.findNodeForProperty(share.$cstNode, 'percent');
        const percent = rebalanced[index];
        if (!written || percent === undefined) return;
        parts.push(`${share.stream?.$refText ?? ''} ${percent}`);
        if (written.text !== percent) edits.push(TextEdit.replace(written.range, percent));
    });
    if (edits.length === 0 || parts.length !== rebalanced.length) return [];
    return [quickFix(document, diagnostic, t('fix.rebalance-split', { parts: parts.join(', ') }, lang), edits, true)];
}

/** missing-field: write the direction an outcome's baseline and target imply, after the target. */
function addDirection(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    const { direction, after, target, baseline } = facts;
    if ((direction !== 'reduce' && direction !== 'increase') || !after || target === undefined || baseline === undefined) return [];
    const text = document.textDocument.getText();
    const offset = document.textDocument.offsetAt(after);
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const newline = text.indexOf('\n', offset);
    const rest = text.slice(offset, newline < 0 ? text.length : newline).trim();
    const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
    // On a line of its own when the target ends its line; beside it in a block written on one line.
    const edit =
        newline >= 0 && (rest === '' || rest.startsWith('//'))
            ? TextEdit.insert(document.textDocument.positionAt(newline), `\n${indent}${direction}`)
            : TextEdit.insert(after, ` ${direction}`);
    return [
        quickFix(
            document,
            diagnostic,
            t(direction === 'reduce' ? 'fix.add-direction.reduce' : 'fix.add-direction.increase', { target, baseline }, lang),
            [edit],
            true
        )
    ];
}

/** The kinds of declaration an import can bring into scope, by what the reference is to. */
const IMPORTABLE: Readonly<Record<string, readonly string[]>> = {
    partner: [ast.Partner.$type],
    pool: [ast.Pool.$type],
    'pool or outcome': [ast.Pool.$type, ast.Outcome.$type]
};

/**
 * unknown-reference: when exactly one other file of the workspace declares the name (as the kind
 * the reference needs), import it, after the file's last import or at its top.
 */
function importFor(
    document: LangiumDocument<ast.Document>,
    diagnostic: Diagnostic,
    facts: FixFacts,
    lang: Lang,
    context: FixContext,
    preferred: boolean
): CodeAction | undefined {
    const types = IMPORTABLE[facts.kind ?? ''];
    if (!context.index || !types || !facts.name) return undefined;
    const here = document.uri.toString();
    const files = new Map<string, LangiumDocument['uri']>();
    for (const description of context.index.allElements()) {
        if (description.name === facts.name && types.includes(description.type) && description.documentUri.toString() !== here) {
            files.set(description.documentUri.toString(), description.documentUri);
        }
    }
    const [only, ...others] = files.values();
    if (!only || others.length > 0) return undefined;
    const path = UriUtils.relative(UriUtils.dirname(document.uri), only);
    if (!path.endsWith('.pool') || path.includes('"') || path.includes('\\')) return undefined;
    const root = document.parseResult.value;
    const last = root.imports?.at(-1)?.$cstNode;
    const edit = last
        ? TextEdit.insert({ line: last.range.end.line + 1, character: 0 }, `import "${path}"\n`)
        : TextEdit.insert({ line: 0, character: 0 }, `import "${path}"\n\n`);
    return quickFix(document, diagnostic, t('fix.add-import', { path, name: facts.name }, lang), [edit], preferred);
}

/**
 * import-not-found: a path to a folder that holds exactly one loaded .pool file imports that file;
 * a path with no file (or not a .pool file) where exactly one other .pool file of the workspace has
 * a close path imports that one. A file that imports this one back is never offered (that would be
 * an import cycle), nor a file outside the workspace (it is not loaded, so it is not a candidate).
 */
function mendImportPath(document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, _facts: FixFacts, lang: Lang, context: FixContext): CodeAction[] {
    const { documents, imports } = context;
    const node = nodeAt(document, diagnostic.range, ast.isImport);
    const written = node?.path;
    if (!documents || !imports || !node?.$cstNode || written === undefined) return [];
    const resolved = imports.resolve(document, node);
    const here = document.uri.toString();
    const candidates = documents.all
        .filter(other => other.uri.toString() !== here && other.uri.path.toLowerCase().endsWith('.pool'))
        .filter(other => !imports.closureUris(other as LangiumDocument<ast.Document>).has(here))
        .map(other => other.uri)
        .toArray();
    let chosen: URI | undefined;
    if (resolved.status === 'folder') {
        const folder = withoutTrailingSlashes(resolved.uri.toString());
        const inside = candidates.filter(uri => UriUtils.dirname(uri).toString() === folder);
        chosen = inside.length === 1 ? inside[0] : undefined;
    } else if (resolved.status === 'missing' || resolved.status === 'not-pool') {
        const byPath = new Map(candidates.map(uri => [UriUtils.relative(UriUtils.dirname(document.uri), uri), uri]));
        const [only, ...others] = closestNames(written, byPath.keys(), 2);
        chosen = only !== undefined && others.length === 0 ? byPath.get(only) : undefined;
    }
    if (!chosen) return [];
    const path = UriUtils.relative(UriUtils.dirname(document.uri), chosen);
    if (!path.endsWith('.pool') || path.includes('"') || path.includes('\\') || path === written) return [];
    const target = GrammarUtils.findNodeForProperty(node.$cstNode, 'path');
    if (!target) return [];
    return [quickFix(document, diagnostic, t('fix.import-path', { path }, lang), [TextEdit.replace(target.range, `"${path}"`)], true)];
}

/**
 * import-cycle: remove the import of this file that closes the cycle, when nothing anywhere in the
 * workspace needs a name that only that import makes visible (imports are transitive, so a file
 * that imports this one may be reading through it). Otherwise which import to cut, or what to
 * move, is the writer's decision.
 */
function removeCyclicImport(document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, _facts: FixFacts, lang: Lang, context: FixContext): CodeAction[] {
    const { documents, imports } = context;
    const node = nodeAt(document, diagnostic.range, ast.isImport);
    if (!documents || !imports || !node?.$cstNode || node.path === undefined) return [];
    const here = document.uri.toString();
    for (const other of documents.all) {
        const reader = other as LangiumDocument<ast.Document>;
        if (!imports.closureUris(reader).has(here)) continue;
        const visible = closureWithout(imports, reader, document, node);
        for (const { reference } of AstUtils.streamAst(reader.parseResult.value).flatMap(AstUtils.streamReferences)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (target && !visible.has(AstUtils.getDocument(target).uri.toString())) return [];
        }
    }
    const text = document.textDocument.getText(node.$cstNode.range);
    return removeText(document, diagnostic, { remove: node.$cstNode.range, removed: text }, t('fix.remove-import', { path: node.path }, lang));
}

/** The URIs `start` sees when `document` no longer has the import `removed`. */
function closureWithout(imports: ImportGraph, start: LangiumDocument<ast.Document>, document: LangiumDocument, removed: ast.Import): Set<string> {
    const seen = new Set<string>();
    const pending: LangiumDocument<ast.Document>[] = [start];
    for (let current = pending.pop(); current; current = pending.pop()) {
        const key = current.uri.toString();
        if (seen.has(key)) continue;
        seen.add(key);
        for (const resolved of imports.directImports(current)) {
            if (resolved.document && !(current === document && resolved.node === removed)) pending.push(resolved.document);
        }
    }
    return seen;
}

/** unknown-period: a quarter written in lower case (`q2`) is the quarter meant (`Q2`). */
function capitaliseQuarter(document: LangiumDocument, diagnostic: Diagnostic, _facts: FixFacts, lang: Lang): CodeAction[] {
    const written = document.textDocument.getText(diagnostic.range);
    if (!/^q[1-4]$/.test(written)) return [];
    const quarter = written.toUpperCase();
    return [quickFix(document, diagnostic, t('fix.write-quarter', { quarter }, lang), [TextEdit.replace(diagnostic.range, quarter)], true)];
}

/**
 * syntax-error, where a keyword stands as a name (`pool total …`): the name is written as the
 * message suggests in both languages (`total_`), everywhere in the file that the same keyword
 * stands as a name, so that a declaration and its uses stay one name. Where something in the
 * workspace is already called that, which name to choose is the writer's decision.
 */
function renameKeyword(document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, facts: FixFacts, lang: Lang, context: FixContext): CodeAction[] {
    const word = facts.keyword;
    if (!word || document.textDocument.getText(diagnostic.range) !== word) return [];
    const taken = new Set<string>();
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        const name = (node as { name?: unknown }).name;
        if (typeof name === 'string') taken.add(name);
    }
    for (const description of context.index?.allElements() ?? []) taken.add(description.name);
    const name = `${word}_`;
    if (taken.has(name)) return [];
    const places = (document.diagnostics ?? []).filter(
        other => other.code === 'syntax-error' && (other.data as FixFacts | undefined)?.keyword === word && document.textDocument.getText(other.range) === word
    );
    const ranges = places.some(place => sameRange(place.range, diagnostic.range)) ? places.map(place => place.range) : [diagnostic.range];
    return [
        quickFix(
            document,
            diagnostic,
            t('fix.keyword-as-name', { word, name, count: ranges.length }, lang),
            ranges.map(range => TextEdit.replace(range, name)),
            true
        )
    ];
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * signed-without-approval, proposed-without-approval: the status is lowered to the one the recorded
 * approvals support (`proposed` while an approval of an earlier text is recorded, `draft` while none
 * is). The check offers it only where no approval of the current text is recorded: the status is
 * part of the approved text, so changing it would make every current approval stale.
 */
function lowerStatus(document: LangiumDocument, diagnostic: Diagnostic, facts: FixFacts, lang: Lang): CodeAction[] {
    const status = facts.supported;
    const written = document.textDocument.getText(diagnostic.range);
    if ((status !== 'draft' && status !== 'proposed') || (written !== 'signed' && written !== 'proposed') || written === status) return [];
    return [quickFix(document, diagnostic, t('fix.set-status', { status }, lang), [TextEdit.replace(diagnostic.range, status)], true)];
}

/**
 * empty-pool: a pool declared with nothing between its braces (not even a comment) that nothing in
 * the workspace names is removed, as an unused partner is. A pool that holds anything, or that
 * something names (a spend block, a share, a savings projection), is missing figures only the
 * writer knows.
 */
function removeEmptyPool(document: LangiumDocument<ast.Document>, diagnostic: Diagnostic, _facts: FixFacts, lang: Lang, context: FixContext): CodeAction[] {
    const pool = nodeAt(document, diagnostic.range, ast.isPool);
    const cst = pool?.$cstNode;
    if (!pool || !cst || !context.documents) return [];
    const text = cst.text;
    const open = text.indexOf('{');
    if (open < 0 || !text.endsWith('}') || text.slice(open + 1, -1).trim() !== '') return [];
    for (const other of context.documents.all) {
        for (const { reference } of AstUtils.streamAst(other.parseResult.value).flatMap(AstUtils.streamReferences)) {
            if (reference.$refText === pool.name || ('ref' in reference && reference.ref === pool)) return [];
        }
    }
    return removeText(document, diagnostic, { remove: cst.range, removed: text }, t('fix.remove-empty-pool', { name: pool.name }, lang));
}

/** A folder's URI as `UriUtils.dirname` writes it, whether or not the import path ended in `/` (a loop: `\/+$` is quadratic). */
function withoutTrailingSlashes(text: string): string {
    let end = text.length;
    while (end > 0 && text[end - 1] === '/') end--;
    return text.slice(0, end);
}

/** The text without the spaces and tabs at its end (a loop: a `[ \t]*$` pattern is quadratic on a long run of them). */
function trimSpacesAndTabsEnd(text: string): string {
    let end = text.length;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    return text.slice(0, end);
}
