// Long: one layout algorithm over one token list (lines, tables, comments, the safety check);
// split, its parts would share all of DocumentFormatting's state.
import type { IToken } from 'chevrotain';
import {
    type AstNode,
    type CstNode,
    GrammarAST,
    isCompositeCstNode,
    isLeafCstNode,
    type LeafCstNode,
    type LangiumDocument,
    type MaybePromise,
    UriUtils
} from 'langium';
import type { Formatter } from 'langium/lsp';
import {
    type DocumentFormattingParams,
    type DocumentOnTypeFormattingOptions,
    type DocumentRangeFormattingParams,
    MessageType,
    ShowMessageNotification
} from 'vscode-languageserver';
import { TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { t } from '../i18n/index.js';
import { agreementFingerprint } from '../model/fingerprint.js';
import { groupThousands, parseAmount } from '../money/amount.js';
import { allNodes } from '../services/ast-walk.js';
import { BIDI_CONTROLS } from '../text/escape.js';
import { refusalOf } from '../text/agreement-file.js';
import type { PoolCoreServices } from '../services/pool-core-module.js';
import type { PoolServices } from '../services/pool-module.js';
import { holdsApprovals } from '../services/pool-document-builder.js';

/**
 * The Pool formatter, shared by the editor and `pool fmt`.
 *
 * Rules (docs/language-reference.md, "Formatting"):
 * - Line breaks stay where the author put them; runs of blank lines become one, and blank lines
 *   just inside braces go. Indentation is 4 spaces per level of braces, and a line that continues
 *   a declaration begun on the line before is indented one more level.
 * - Spacing inside a line becomes one space, except in tables: the lines of a block that list
 *   the same kind of entry (contributions, spend lines, shares, savings, minimums, ring-fences,
 *   payment splits, a run of partner declarations) are aligned in columns, with amounts and
 *   percentages right-aligned. Comments at the ends of consecutive lines are aligned too.
 * - Amounts get commas between groups of three digits (`£1200000` becomes `£1,200,000`) and lose
 *   any space after the currency symbol. Nothing else about an amount changes: `£1.2m` stays
 *   `£1.2m`, and an amount with a problem (a bad-amount error) is left exactly as written.
 * - Comments are kept, word for word; only spaces at the ends of lines go.
 * - A file with syntax errors is not formatted at all: what the parser skipped could be lost.
 * - Nor is a file whose text partners have approved as it stands (an approval, in it or in an
 *   agreement that imports it, records its current fingerprint): any change outside the
 *   `approvals` blocks would change the fingerprint and make those approvals stale.
 *
 * Only spaces and line breaks between tokens and the spelling of well-formed amounts change, and
 * the result is checked by reading it again: if any token differs in kind or value, nothing is
 * changed. Formatting twice gives the same text as formatting once.
 */
export interface PoolFormatResult {
    /** The formatted text, or the original text when it was left alone. */
    readonly text: string;
    /** Edits that turn the original text into `text`, one per changed gap or amount. */
    readonly edits: TextEdit[];
    /** Why the text was left alone, when it was (in the language of the services' settings). */
    readonly skipped?: string;
    /** Left alone because partners approved the text as it stands (not a fault to fix). */
    readonly approved?: boolean;
}

/**
 * Formats one parsed document (linking is not needed). Approvals are looked for in every document
 * loaded in the services' workspace, so a caller formatting a shared register should load the
 * agreements that import it too.
 */
export function formatPoolDocument(services: PoolCoreServices, document: LangiumDocument): PoolFormatResult {
    return new DocumentFormatting(services, document).run();
}

/** The editor's formatting requests, answered by {@link formatPoolDocument}. */
export class PoolFormatter implements Formatter {
    constructor(private readonly services: PoolServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return this.format(document).edits;
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        // Alignment needs the whole table, so the whole file is worked out and the edits inside
        // the lines asked for are kept.
        // Each edit is kept when it ends on one of those lines (the indentation of a line ends on it).
        const first = params.range.start.line;
        const last = params.range.end.character === 0 && params.range.end.line > first ? params.range.end.line - 1 : params.range.end.line;
        return this.format(document).edits.filter(edit => edit.range.end.line >= first && edit.range.end.line <= last);
    }

    formatDocumentOnType(): MaybePromise<TextEdit[]> {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private format(document: LangiumDocument): PoolFormatResult {
        const result = formatPoolDocument(this.services, document);
        if (result.skipped) {
            // Said where the user sees it: a format request that changes nothing would otherwise look like a fault.
            const file = UriUtils.basename(document.uri);
            // A notification (window/showMessage), not a request: no client has to answer it.
            void this.services.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, {
                type: MessageType.Warning,
                message: t('format.not-formatted', { file, reason: result.skipped }, this.services.pool.Settings.language)
            });
        }
        return result;
    }
}

// ------------------------------------------------------------------------------------------------

const INDENT = '    ';
/** Spaces between the columns of a table, and before a comment at the end of a line. */
const COLUMN_GAP = 3;

/** A token of the text: where it is, what kind, and how it will be written (as it is, unless set). */
class Token {
    /** Set when the token is written otherwise (an amount's digits grouped, a comment's end trimmed). */
    private written: string | undefined;

    constructor(
        private readonly source: string,
        readonly start: number,
        readonly end: number,
        readonly type: string,
        readonly hidden: boolean
    ) {}

    /** The token as it is in the text (read when needed: a copy of every token would double their memory). */
    get image(): string {
        return this.source.slice(this.start, this.end);
    }

    /** The token as it will be written. */
    get text(): string {
        return this.written ?? this.image;
    }

    set text(text: string) {
        this.written = text === this.image ? undefined : text;
    }
}

/** A span of the original text and what formatting writes in its place. */
interface Change {
    readonly start: number;
    readonly end: number;
    readonly newText: string;
}

interface Line {
    readonly tokens: number[];
    /** The first and last of `tokens`: a line has at least one. */
    readonly first: number;
    last: number;
    /** A blank line came before it in the original. */
    readonly blankBefore: boolean;
}

/** A line after its spaces are set, with the width of its content before any trailing comment (-1: no comment). */
interface LaidOutLine {
    readonly line: Line;
    readonly contentWidth: number;
}

interface Cell {
    readonly tokens: number[];
    readonly align: 'left' | 'right';
    /** Spaces before this cell when the row is aligned with others. */
    readonly gap: number;
    /** Spaces before it when the row stands alone; one unless said. */
    readonly plainGap?: number;
}

/** The tables of a file: by line, the entry that is a row and its table's key; each table's column widths. */
interface Tables {
    readonly entries: readonly (AstNode | undefined)[];
    readonly keys: readonly (string | undefined)[];
    readonly widths: ReadonlyMap<string, number[]>;
}

interface Row {
    /** Rows with the same key are aligned with each other. */
    readonly key: string;
    readonly cells: Cell[];
    /** Cells after the table part of the row, each after `gap` spaces, never padded. */
    readonly tail: Cell[];
}

/** Nodes whose braces hold declarations, fields or entries (none of these types has a subtype). */
const BLOCK_OWNERS: ReadonlySet<string> = new Set([
    ast.Document.$type,
    ast.Agreement.$type,
    ast.Pool.$type,
    ast.PoolYear.$type,
    ast.SpendBlock.$type,
    ast.Outcome.$type,
    ast.Payment.$type,
    ast.Cohort.$type,
    ast.UnitCost.$type,
    ast.Appraisal.$type,
    ast.Share.$type,
    ast.Savings.$type,
    ast.SavingsYear.$type,
    ast.Approvals.$type,
    ast.Stream.$type,
    ast.S75Contents.$type
]);

class DocumentFormatting {
    private readonly text: string;
    private readonly eol: string;
    private tokens: Token[] = [];
    /** The separator written before each token, and after the last one. */
    private gaps: string[] = [];

    constructor(
        private readonly services: PoolCoreServices,
        private readonly document: LangiumDocument
    ) {
        this.text = document.textDocument.getText();
        this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    }

    /** Where the first syntax error is: the earliest of the lexer's and the parser's (the end of the text for one at its end). */
    private firstSyntaxError(): { line: number; character: number } {
        const parse = this.document.parseResult;
        let first = this.text.length;
        for (const error of parse.lexerErrors) first = Math.min(first, error.offset);
        for (const error of parse.parserErrors) if (Number.isFinite(error.token.startOffset)) first = Math.min(first, error.token.startOffset);
        return this.document.textDocument.positionAt(first);
    }

    /** The token at `index`. Lines, rows and cells hold only indices into `tokens`, so one is always there. */
    private token(index: number): Token {
        const token = this.tokens[index];
        if (token === undefined) throw new RangeError(`the formatter has no token ${index} of ${this.tokens.length}`);
        return token;
    }

    /** The separator before the token at `index` (after the last token at `tokens.length`). */
    private gap(index: number): string {
        const gap = this.gaps[index];
        if (gap === undefined) throw new RangeError(`the formatter has no gap ${index} of ${this.gaps.length}`);
        return gap;
    }

    run(): PoolFormatResult {
        const unchanged = (skipped?: string): PoolFormatResult => ({ text: this.text, edits: [], skipped });
        const lang = this.services.pool.Settings.language;
        const parse = this.document.parseResult;
        const refusal = refusalOf(this.document);
        if (refusal) return unchanged(t(refusal.kind === 'too-large' ? 'format.too-large' : 'format.unreadable', {}, lang));
        if (parse.lexerErrors.length > 0 || parse.parserErrors.length > 0) {
            const { line, character } = this.firstSyntaxError();
            return unchanged(t('format.syntax-error-at', { line: line + 1, column: character + 1 }, lang));
        }
        const tokens = this.treeTokens();
        // Only white space may lie between tokens; characters that reorder text there are for the
        // bidi-control check's quick fix to remove, not for the formatter to drop silently.
        if (!tokens) return unchanged(t(BIDI_CONTROLS.test(this.text) ? 'format.bidi-controls' : 'format.syntax-errors', {}, lang));
        this.tokens = tokens;
        if (this.tokens.length === 0) {
            return this.result(this.text.trim() === '' ? '' : this.text);
        }
        const nodes = allNodes(this.document.parseResult.value);
        this.normaliseAmounts(nodes);
        const lines = this.layOut(nodes);
        if (!this.sameMeaning(lines)) {
            return unchanged(t('format.meaning-would-change', {}, lang));
        }
        const formatted = this.joined(lines);
        const approvedIn = formatted !== this.text ? this.approvedAsItStands() : undefined;
        if (approvedIn && this.changes(formatted).some(change => !this.insideApprovals(change))) {
            return { ...unchanged(t('format.approved', { file: approvedIn }, lang)), approved: true };
        }
        return this.result(formatted);
    }

    /**
     * The file (this one, or an agreement importing it) holding an approval of the text as it
     * stands, if any: its fingerprint is the current one.
     */
    private approvedAsItStands(): string | undefined {
        const graph = this.services.pool.ImportGraph;
        const uri = this.document.uri.toString();
        for (const candidate of this.services.shared.workspace.LangiumDocuments.all) {
            // Asked first, so that a file whose tree was dropped is not parsed again for nothing.
            if (!holdsApprovals(candidate)) continue;
            const agreement = candidate as LangiumDocument<ast.Document>;
            const entries = (agreement.parseResult.value.approvals ?? []).flatMap(block => block.entries ?? []);
            if (entries.length === 0) continue;
            const closure = graph.closure(agreement);
            if (!closure.some(document => document.uri.toString() === uri)) continue;
            const fingerprint = agreementFingerprint(closure);
            if (entries.some(entry => entry.fingerprint === fingerprint)) {
                return agreement === this.document
                    ? t('format.this-file', {}, this.services.pool.Settings.language)
                    : UriUtils.relative(UriUtils.dirname(this.document.uri), agreement.uri);
            }
        }
        return undefined;
    }

    /** Whether a change falls inside this file's `approvals` blocks, which the fingerprint leaves out. */
    private insideApprovals(change: Change): boolean {
        return ((this.document.parseResult.value as ast.Document).approvals ?? []).some(
            block => block.$cstNode !== undefined && block.$cstNode.offset < change.start && change.end < block.$cstNode.end
        );
    }

    /** The spans of the original text that formatting replaces, in order. */
    private changes(formatted: string): Change[] {
        if (formatted === this.text) return [];
        const changes: Change[] = [];
        const replace = (start: number, end: number, newText: string) => {
            if (end - start !== newText.length || this.text.slice(start, end) !== newText) changes.push({ start, end, newText });
        };
        if (this.tokens.length === 0) {
            replace(0, this.text.length, formatted);
        } else {
            let previousEnd = 0;
            this.tokens.forEach((token, index) => {
                replace(previousEnd, token.start, this.gap(index));
                replace(token.start, token.end, token.text);
                previousEnd = token.end;
            });
            replace(previousEnd, this.text.length, this.gap(this.tokens.length));
        }
        return changes;
    }

    /**
     * The formatted text, and the editor's edits made only when asked for: `pool fmt` needs the
     * text alone, and an edit for each of the hundreds of thousands of gaps in a large file would
     * be most of its memory.
     */
    private result(formatted: string): PoolFormatResult {
        if (formatted === this.text) return { text: this.text, edits: [] };
        const textDocument = this.document.textDocument;
        const changes = () => this.changes(formatted);
        let edits: TextEdit[] | undefined;
        return {
            text: formatted,
            get edits() {
                edits ??= changes().map(change =>
                    TextEdit.replace({ start: textDocument.positionAt(change.start), end: textDocument.positionAt(change.end) }, change.newText)
                );
                return edits;
            }
        };
    }

    /** The formatted text: each token after its gap, joined a few thousand lines at a time. */
    private joined(lines: readonly Line[]): string {
        const pieces: string[] = [];
        for (let first = 0; first < lines.length; first += LINES_READ_AT_ONCE) {
            const parts: string[] = [];
            for (const line of lines.slice(first, first + LINES_READ_AT_ONCE)) {
                for (const index of line.tokens) parts.push(this.gap(index), this.token(index).text);
            }
            pieces.push(parts.join(''));
        }
        pieces.push(this.gap(this.tokens.length));
        return pieces.join('');
    }

    /** The index of the token starting at an offset, found by halving (the tokens are in order). */
    private tokenAt(offset: number): number | undefined {
        let low = 0;
        let high = this.tokens.length - 1;
        while (low <= high) {
            const middle = (low + high) >>> 1;
            const start = this.token(middle).start;
            if (start === offset) return middle;
            if (start < offset) low = middle + 1;
            else high = middle - 1;
        }
        return undefined;
    }

    // ------------------------------------------------------------------ amounts

    /** `£1200000` → `£1,200,000`, `£ 5,000` → `£5,000`; anything with a problem stays as written. */
    private normaliseAmounts(nodes: readonly AstNode[]): void {
        for (const node of nodes) {
            // An amount's value is its first token (`value=(MONEY | NUMBER) currency=…?`).
            if (node.$type !== ast.Amount.$type || !node.$cstNode) continue;
            const index = this.tokenAt(node.$cstNode.offset);
            if (index === undefined) continue;
            const token = this.token(index);
            if (token.type !== 'MONEY' && token.type !== 'NUMBER') continue;
            token.text = canonicalAmount(token.image) ?? token.image;
        }
        for (const token of this.tokens) {
            if (token.type === 'SL_COMMENT') token.text = token.image.trimEnd();
        }
    }

    // ------------------------------------------------------------------ layout

    /** Sets the gaps between tokens; returns the lines, as the tokens were on them. */
    private layOut(nodes: readonly AstNode[]): Line[] {
        const lines = this.splitLines();
        const tables = this.findTables(lines, nodes);
        const statementStarts = this.statementStarts(nodes);
        this.gaps = new Array<string>(this.tokens.length + 1).fill(' ');
        let depth = 0;
        let previousEndsBlock = true;
        const laidOut: LaidOutLine[] = [];
        lines.forEach((line, lineIndex) => {
            const first = this.token(line.first);
            const leadingCloses = this.countLeadingCloses(line);
            let indent = Math.max(0, depth - leadingCloses);
            if (!first.hidden && leadingCloses === 0 && first.type !== '{' && !statementStarts.has(first.start)) indent++;
            const blank = line.blankBefore && lineIndex > 0 && !previousEndsBlock && leadingCloses === 0;
            this.gaps[line.first] = lineIndex === 0 ? '' : `${this.eol}${blank ? this.eol : ''}${INDENT.repeat(indent)}`;
            // Rows are worked out again here rather than kept from findTables: on a large file,
            // keeping every row was the largest part of the formatter's memory.
            const entry = tables.entries[lineIndex];
            const row = entry ? this.rowFor(entry) : undefined;
            const key = tables.keys[lineIndex];
            if (row) this.layOutRow(row, key === undefined ? undefined : tables.widths.get(key));
            laidOut.push({ line, contentWidth: this.layOutLine(line, row !== undefined) });
            for (const index of line.tokens) {
                const token = this.token(index);
                if (token.hidden) continue;
                if (token.type === '{') depth++;
                if (token.type === '}') depth = Math.max(0, depth - 1);
            }
            previousEndsBlock = this.token(line.last).type === '{';
        });
        this.alignTrailingComments(laidOut);
        this.gaps[this.tokens.length] = this.eol;
        return lines;
    }

    /** How many `}` a line starts with. */
    private countLeadingCloses(line: Line): number {
        let count = 0;
        for (const index of line.tokens) {
            if (this.token(index).type !== '}') break;
            count++;
        }
        return count;
    }

    /** Tokens grouped by the line they start on; a comment spanning lines keeps its tokens together. */
    private splitLines(): Line[] {
        const lines: Line[] = [];
        let previousEnd = 0;
        let current: Line | undefined;
        this.tokens.forEach((token, index) => {
            let breaks = 0;
            // A line ends at LF, or at a CR not followed by LF (as the editor counts lines).
            for (let offset = previousEnd; offset < token.start; offset++) {
                const code = this.text.charCodeAt(offset);
                if (code === 0x0a || (code === 0x0d && this.text.charCodeAt(offset + 1) !== 0x0a)) breaks++;
            }
            if (current === undefined || breaks > 0) {
                current = { tokens: [index], first: index, last: index, blankBefore: breaks > 1 };
                lines.push(current);
            } else {
                current.tokens.push(index);
                current.last = index;
            }
            previousEnd = token.end;
        });
        return lines;
    }

    /** Offsets at which a declaration, field or entry starts: a line starting elsewhere continues one. */
    private statementStarts(nodes: readonly AstNode[]): Set<number> {
        const starts = new Set<number>();
        for (const node of nodes) {
            if (
                node.$container &&
                BLOCK_OWNERS.has(node.$container.$type) &&
                node.$type !== ast.Amount.$type &&
                node.$type !== ast.LegalBasis.$type &&
                node.$cstNode
            ) {
                starts.add(node.$cstNode.offset);
            }
        }
        return starts;
    }

    /** Spaces inside a line: single, or as the row's alignment set them. Returns the width before any trailing comment. */
    private layOutLine(line: Line, isRow: boolean): number {
        const tokens = line.tokens;
        const trailingComment = tokens.length > 1 && this.token(line.last).hidden;
        if (!isRow) {
            for (const index of tokens.slice(1)) this.gaps[index] = ' ';
        }
        const content = trailingComment ? tokens.slice(0, -1) : tokens;
        let width = 0;
        content.forEach((index, position) => {
            width += (position === 0 ? 0 : this.gap(index).length) + this.token(index).text.length;
        });
        if (trailingComment) this.gaps[line.last] = ' '.repeat(COLUMN_GAP);
        return trailingComment ? width : -1;
    }

    /** Comments at the ends of consecutive lines line up, a column gap after the longest line. */
    private alignTrailingComments(lines: readonly LaidOutLine[]): void {
        let run: LaidOutLine[] = [];
        const flush = () => {
            if (run.length > 1) {
                // A loop rather than Math.max(...): a run may have more lines than a call has arguments.
                let widest = 0;
                for (const { contentWidth } of run) widest = Math.max(widest, contentWidth);
                const column = widest + COLUMN_GAP;
                for (const { line, contentWidth } of run) {
                    this.gaps[line.last] = ' '.repeat(column - contentWidth);
                }
            }
            run = [];
        };
        const depthOf = (line: Line) => this.gap(line.first).replace(/^[\r\n]+/, '').length;
        let previous: LaidOutLine | undefined;
        for (const laidOut of lines) {
            const last = run.at(-1);
            const continues = last !== undefined && last === previous && !laidOut.line.blankBefore && depthOf(last.line) === depthOf(laidOut.line);
            if (laidOut.contentWidth < 0 || !continues) flush();
            if (laidOut.contentWidth >= 0) run.push(laidOut);
            previous = laidOut;
        }
        flush();
    }

    // ------------------------------------------------------------------ tables

    private layOutRow(row: Row, widths: number[] | undefined): void {
        const aligned = widths !== undefined;
        let pendingPad = 0;
        row.cells.forEach((cell, position) => {
            const [first, ...rest] = cell.tokens;
            for (const index of rest) this.gaps[index] = ' ';
            const width = widths?.[position];
            const pad = width === undefined ? 0 : width - this.cellText(cell).length;
            if (position > 0 && first !== undefined) {
                const gap = aligned ? cell.gap : (cell.plainGap ?? 1);
                this.gaps[first] = ' '.repeat(gap + pendingPad + (cell.align === 'right' ? pad : 0));
            }
            pendingPad = cell.align === 'left' ? pad : 0;
        });
        for (const cell of row.tail) {
            const [first, ...rest] = cell.tokens;
            for (const index of rest) this.gaps[index] = ' ';
            if (first !== undefined) this.gaps[first] = ' '.repeat((aligned ? cell.gap : (cell.plainGap ?? 1)) + pendingPad);
            pendingPad = 0;
        }
    }

    private cellText(cell: Cell): string {
        return cell.tokens.map(index => this.token(index).text).join(' ');
    }

    /**
     * Lines that hold exactly one table entry (and perhaps a comment at the end): the entry and the
     * key of its table, by line index; and the column widths of every table with more than one
     * row. Rows may have different numbers of cells (one-line year blocks with more or fewer
     * partners): each column is as wide as the widest cell of the rows that reach it.
     */
    private findTables(lines: readonly Line[], nodes: readonly AstNode[]): Tables {
        const byOffset = new Map<number, AstNode[]>();
        for (const node of nodes) {
            if (!TABLE_ENTRIES.has(node.$type) || !node.$cstNode) continue;
            const same = byOffset.get(node.$cstNode.offset);
            if (same) same.push(node);
            else byOffset.set(node.$cstNode.offset, [node]);
        }
        const entries: (AstNode | undefined)[] = [];
        const keys: (string | undefined)[] = [];
        const tables = new Map<string, { rows: number; widths: number[] }>();
        let partnerRun = 0;
        let previousWasPartner = false;
        lines.forEach((line, lineIndex) => {
            const tokens = line.tokens.map(index => this.token(index));
            const content = this.token(line.last).hidden && tokens.length > 1 ? tokens.slice(0, -1) : tokens;
            const [first] = content;
            const end = content.at(-1)?.end;
            let row: Row | undefined;
            if (first && !content.some(token => token.hidden)) {
                for (const node of byOffset.get(first.start) ?? []) {
                    if (node.$cstNode?.end === end) {
                        row = this.rowFor(node);
                        if (row) {
                            entries[lineIndex] = node;
                            break;
                        }
                    }
                }
            }
            const isPartner = row?.key === 'partner';
            if (isPartner && (!previousWasPartner || line.blankBefore)) partnerRun++;
            previousWasPartner = isPartner;
            if (!row) return;
            const key = isPartner ? `partner#${partnerRun}` : row.key;
            let table = tables.get(key);
            if (!table) tables.set(key, (table = { rows: 0, widths: [] }));
            table.rows++;
            // Loops rather than Math.max(...): a table may have more rows than a call has arguments.
            row.cells.forEach((cell, column) => {
                table.widths[column] = Math.max(table.widths[column] ?? 0, this.cellText(cell).length);
            });
            keys[lineIndex] = key;
        });
        const widths = new Map<string, number[]>();
        for (const [key, table] of tables) if (table.rows > 1) widths.set(key, table.widths);
        return { entries, keys, widths };
    }

    private rowFor(node: AstNode): Row | undefined {
        const row = this.tableRow(node);
        // A row needs every one of its cells; an entry missing a part is laid out plainly.
        if (!row) return undefined;
        for (const cell of row.cells) if (cell.tokens.length === 0) return undefined;
        for (const cell of row.tail) if (cell.tokens.length === 0) return undefined;
        return row;
    }

    private tableRow(node: AstNode): Row | undefined {
        const all = this.leafTokens(node);
        const of = (property: string) => this.propertyTokens(node, property);
        /** The tokens of the entry before the first of `tokens`, and after the last of them. */
        const before = (tokens: number[]) => {
            const [start] = tokens;
            return start === undefined ? [] : all.filter(index => index < start);
        };
        const after = (tokens: number[]) => {
            const end = tokens.at(-1);
            return end === undefined ? [] : all.filter(index => index > end);
        };
        if (ast.isPartner(node)) {
            return {
                key: 'partner',
                cells: [left(all.slice(0, 1)), left(of('name')), left(of('fullName'), COLUMN_GAP), left(of('kind'), COLUMN_GAP)],
                tail: []
            };
        }
        if ((ast.isContribution(node) || ast.isYearTotal(node)) && !isOneLine(node.$container)) {
            const amount = of('amount');
            const head = before(amount);
            // The stream and the kind of money are columns of their own, so they line up down the pool.
            const streamName = of('stream');
            const stream = ast.isContribution(node) && node.stream ? after(amount).filter(index => index <= (streamName.at(-1) ?? -1)) : [];
            const money = ast.isContribution(node) && node.money ? of('money') : [];
            const cells = [
                left(head),
                right(amount),
                ...(stream.length > 0 ? [left(stream, COLUMN_GAP)] : []),
                ...(money.length > 0 ? [left(money, COLUMN_GAP)] : [])
            ];
            return {
                key: `contribution@${owner(node.$container.$container)}`,
                cells,
                tail: ast.isContribution(node) && node.note ? [left(of('note'), COLUMN_GAP)] : []
            };
        }
        if (ast.isStreamMinimum(node) || ast.isUplift(node)) {
            const value = ast.isStreamMinimum(node) ? of('amount') : of('percent');
            const year = of('year');
            const yearEnd = year.at(-1) ?? Number.MAX_SAFE_INTEGER;
            return {
                key: `stream@${owner(node.$container)}`,
                cells: [left(before(value)), right(value), left(after(value).filter(index => index <= yearEnd))],
                tail: after(year).length > 0 ? [left(after(year), COLUMN_GAP)] : []
            };
        }
        if (ast.isSpendMinimum(node)) {
            const amount = of('amount');
            return { key: `spend-minimum@${owner(node.$container)}`, cells: [left(before(amount)), right(amount), left(after(amount))], tail: [] };
        }
        if (ast.isPurpose(node)) {
            return { key: `purpose@${owner(node.$container)}`, cells: [left(all.slice(0, 1)), left(of('name')), left(of('title'), COLUMN_GAP)], tail: [] };
        }
        if (ast.isS75Item(node)) {
            return { key: `contents@${owner(node.$container)}`, cells: [left(of('topic')), left(of('text'), COLUMN_GAP)], tail: [] };
        }
        if (ast.isSavingsLine(node) && !isOneLine(node.$container)) {
            return {
                key: `savings@${owner(node.$container.$container)}`,
                cells: [left(of('partner')), right(of('amount'))],
                tail: node.note ? [left(of('note'), COLUMN_GAP)] : []
            };
        }
        if (ast.isPoolYear(node) || ast.isSavingsYear(node)) {
            return this.oneLineBlock(node, owner(node.$container));
        }
        if (ast.isSpendLine(node)) {
            const amount = of('amount');
            const clauses = splitClauses(after(amount), index => this.token(index).type);
            return { key: `spend@${owner(node.$container)}`, cells: [left(of('name')), right(amount)], tail: clauses.map(clause => left(clause, COLUMN_GAP)) };
        }
        if (ast.isShareLine(node)) {
            const percent = of('percent');
            const cap = after(of('partner').slice(0, 1)).filter(index => !percent.includes(index));
            if (!node.percent) return { key: `share-cap@${owner(node.$container)}`, cells: [left(of('partner')), left(cap, COLUMN_GAP)], tail: [] };
            return {
                key: `share@${owner(node.$container)}`,
                cells: [left(of('partner')), right(percent)],
                tail: cap.length > 0 ? [left(cap, COLUMN_GAP)] : []
            };
        }
        if (ast.isReinvestment(node)) {
            return { key: `share@${owner(node.$container)}`, cells: [left(all.slice(0, 1)), right(of('percent'))], tail: [] };
        }
        if (ast.isMinimum(node)) {
            const amount = of('amount');
            return {
                key: `minimum@${owner(node.$container)}`,
                cells: [left(all.slice(0, 1)), left(of('partner')), right(amount), left(after(amount))],
                tail: []
            };
        }
        if (ast.isRingFence(node)) {
            const amount = of('amount');
            const purpose = of('purpose');
            const cells = [left(all.slice(0, 1)), left(of('name')), ...(purpose.length > 0 ? [left(purpose)] : []), right(amount), left(after(amount))];
            return { key: `ringfence${purpose.length > 0 ? '' : '-plain'}@${owner(node.$container)}`, cells, tail: [] };
        }
        if (ast.isActualField(node)) {
            const value = of('value');
            return {
                key: `actual@${owner(node.$container)}`,
                cells: [left(all.slice(0, 1)), right(value, 1), left(after(value))],
                tail: []
            };
        }
        if (ast.isApproval(node)) {
            const date = of('date');
            return {
                key: `approval@${owner(node.$container)}`,
                cells: [left(of('partner')), left(of('approver'), COLUMN_GAP), left(date, COLUMN_GAP), left(after(date.slice(0, 1)))],
                tail: []
            };
        }
        if (ast.isPaymentSplit(node)) {
            // The year, `upfront`, its percentage, `results`, its percentage: one token each.
            const token = (position: number) => all.slice(position, position + 1);
            return {
                key: `split@${owner(node.$container)}`,
                cells: [left(token(0)), left(token(1)), right(token(2), 1), left(token(3)), right(token(4), 1)],
                tail: []
            };
        }
        if (ast.isCohortYear(node)) {
            // The year, `attach`, the count, `upfront`, its percentage: one token each.
            const token = (position: number) => all.slice(position, position + 1);
            return {
                key: `cohort@${owner(node.$container)}`,
                cells: [left(token(0)), left(token(1)), right(token(2), 1), left(token(3)), right(token(4), 1)],
                tail: []
            };
        }
        return undefined;
    }

    /** `2013/14 { ecc £1.2m   ne_ccg £1.8m   total £3m }` as a row: year, then each entry's id and amount. */
    private oneLineBlock(node: ast.PoolYear | ast.SavingsYear, owner: string): Row | undefined {
        const entries: AstNode[] = ast.isPoolYear(node) ? [...node.contributions, ...node.totals] : [...node.lines];
        entries.sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
        if (entries.some(entry => (ast.isContribution(entry) || ast.isSavingsLine(entry)) && entry.note)) return undefined;
        const all = this.leafTokens(node);
        const cells: Cell[] = [
            { tokens: all.slice(0, 1), align: 'left', gap: 1 },
            { tokens: all.slice(1, 2), align: 'left', gap: 1 }
        ];
        entries.forEach((entry, position) => {
            const amount = this.propertyTokens(entry, 'amount');
            const [start] = amount;
            const head = start === undefined ? [] : this.leafTokens(entry).filter(index => index < start);
            const gap = position === 0 ? 1 : 2;
            cells.push({ tokens: head, align: 'left', gap, plainGap: gap }, { tokens: amount, align: 'right', gap: 1 });
        });
        const close = all.slice(-1);
        return { key: `${node.$type}-line@${owner}`, cells, tail: [{ tokens: close, align: 'left', gap: 1 }] };
    }

    private leafTokens(node: AstNode): number[] {
        if (!node.$cstNode) return [];
        return this.leafIndices(node.$cstNode, []);
    }

    private propertyTokens(node: AstNode, property: string): number[] {
        const indices: number[] = [];
        if (node.$cstNode) this.propertyLeaves(node.$cstNode, node, property, indices);
        return indices;
    }

    /**
     * As Langium's `findNodesForProperty`, then the tokens under what it finds: the parts of the
     * node's own syntax assigned to `property`, without the arrays it builds on every call.
     */
    private propertyLeaves(cst: CstNode, owner: AstNode, property: string, into: number[]): void {
        if (!isCompositeCstNode(cst) || cst.astNode !== owner) return;
        for (const child of cst.content) {
            if (assignedProperty(child) === property) this.leafIndices(child, into);
            else this.propertyLeaves(child, owner, property, into);
        }
    }

    /** The tokens (comments left out) under a syntax-tree node, in order, added to `into`. */
    private leafIndices(node: CstNode, into: number[]): number[] {
        // A plain walk (Langium's streams allocate several objects per node, most of the
        // formatter's memory on a large file); it recurses only as deep as the grammar nests.
        if (isCompositeCstNode(node)) {
            for (const child of node.content) this.leafIndices(child, into);
        } else if (!node.hidden) {
            const index = this.tokenAt(node.offset);
            if (index !== undefined) into.push(index);
        }
        return into;
    }

    // ------------------------------------------------------------------ the safety check

    /**
     * Reads the formatted text again and compares it with the original, token by token: the same
     * kinds of token in the same order, with the same text, except amounts (which must have the
     * same exact value and currency) and line comments (which may lose spaces at their ends).
     */
    private sameMeaning(lines: readonly Line[]): boolean {
        // Read in pieces of whole lines: no token spans the line breaks between them (text in
        // quotes ends on its line, a block comment lies inside one piece), so this reads the same
        // tokens as the whole text would, and each piece's tokens are short-lived.
        for (let first = 0; first < lines.length; first += LINES_READ_AT_ONCE) {
            const parts: string[] = [];
            const expected: number[] = [];
            for (const line of lines.slice(first, first + LINES_READ_AT_ONCE)) {
                for (const index of line.tokens) {
                    if (expected.length > 0) parts.push(this.gap(index));
                    parts.push(this.token(index).text);
                    expected.push(index);
                }
            }
            const again = this.services.parser.Lexer.tokenize(parts.join(''));
            if (again.errors.length > 0) return false;
            if (again.tokens.length + (again.hidden?.length ?? 0) !== expected.length) return false;
            let position = 0;
            for (const token of inOrder(again.tokens, again.hidden ?? [])) {
                const original = expected[position++];
                if (original === undefined || !this.sameToken(token, this.token(original))) return false;
            }
        }
        return true;
    }

    private sameToken(token: IToken, original: Token): boolean {
        if (token.tokenType.name !== original.type) return false;
        if (token.image === original.image) return true;
        if (original.type === 'SL_COMMENT') return token.image === original.image.trimEnd();
        // An amount respelt is read back as what was chosen for it, which canonicalAmount proved
        // to have the same exact value and currency as the original.
        if (original.type === 'MONEY' || original.type === 'NUMBER') return token.image === original.text;
        return false;
    }

    /**
     * The text's tokens, comments included, in order, as the parser left them in the syntax tree
     * (reading the text again would double the memory of formatting a large file). Undefined if
     * anything but white space lies between them, so that nothing can be lost.
     */
    private treeTokens(): Token[] | undefined {
        const root = this.document.parseResult.value.$cstNode;
        const tokens: Token[] = [];
        const stack: CstNode[] = root ? [root] : [];
        for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
            if (isCompositeCstNode(node)) {
                // Pushed last to first, so they come off the stack in order.
                for (const child of node.content.toReversed()) stack.push(child);
            } else if (isLeafCstNode(node)) {
                tokens.push(toToken(this.text, node));
            }
        }
        let previousStart = -1;
        let inOrderAlready = true;
        for (const token of tokens) {
            if (token.start < previousStart) inOrderAlready = false;
            previousStart = token.start;
        }
        if (!inOrderAlready) tokens.sort((a, b) => a.start - b.start);
        let end = 0;
        for (const token of tokens) {
            if (!onlySpaceBetween(this.text, end, token.start)) return undefined;
            end = token.end;
        }
        return onlySpaceBetween(this.text, end, this.text.length) ? tokens : undefined;
    }
}

/** The canonical spelling of an amount token, when it is well formed; undefined to leave it alone. */
function canonicalAmount(text: string): string | undefined {
    const parsed = parseAmount(text);
    if (parsed.problems.length > 0 || parsed.pence === undefined) return undefined;
    const match = /^([£$€])?\s*([0-9][0-9,]*)((?:\.[0-9]+)?(?:bn|m|k)?)$/.exec(text.trim());
    if (!match) return undefined;
    // Only the currency symbol is optional; an empty group is checked by reading the result again, below.
    const [, symbol = '', digits = '', rest = ''] = match;
    const canonical = `${symbol}${groupThousands(digits.replace(/,/g, ''))}${rest}`;
    const check = parseAmount(canonical);
    return check.pence === parsed.pence && check.currency === parsed.currency && check.problems.length === 0 ? canonical : undefined;
}

const assignments = new WeakMap<object, string | null>();

/** The property a syntax node is assigned to, from its grammar element (remembered per element). */
function assignedProperty(cst: CstNode): string | undefined {
    const source = cst.grammarSource;
    if (!source) return undefined;
    let property = assignments.get(source);
    if (property === undefined) {
        let element: AstNode | undefined = source;
        while (element && !GrammarAST.isAssignment(element)) element = element.$container;
        property = element ? element.feature : null;
        assignments.set(source, property);
    }
    return property ?? undefined;
}

/** Two lists of tokens, each in order, merged into one in order of offset (no copy, no sort). */
function* inOrder(first: readonly IToken[], second: readonly IToken[]): Generator<IToken> {
    let i = 0;
    let k = 0;
    for (;;) {
        const a = first[i];
        const b = second[k];
        if (a === undefined && b === undefined) return;
        if (b === undefined || (a !== undefined && a.startOffset <= b.startOffset)) {
            i++;
            if (a !== undefined) yield a;
        } else {
            k++;
            yield b;
        }
    }
}

function toToken(source: string, leaf: LeafCstNode): Token {
    const name = leaf.tokenType.name;
    return new Token(source, leaf.offset, leaf.end, name, name === 'SL_COMMENT' || name === 'ML_COMMENT');
}
const SPACE = /\s*/y;

/** Whether only white space (what the lexer skips) lies between two offsets. */
function onlySpaceBetween(text: string, start: number, end: number): boolean {
    if (start >= end) return start === end;
    SPACE.lastIndex = start;
    SPACE.exec(text);
    return SPACE.lastIndex >= end;
}

/** How many lines of formatted text are read back at once (see sameMeaning). */
const LINES_READ_AT_ONCE = 2_000;
function left(tokens: number[], gap = 1): Cell {
    return { tokens, align: 'left', gap };
}

function right(tokens: number[], gap = COLUMN_GAP): Cell {
    return { tokens, align: 'right', gap };
}

/** What names a table: where the block holding its rows starts. */
function owner(container: AstNode): string {
    return `${container.$cstNode?.offset ?? 0}`;
}

/** Nodes that can be one row of a table. */
const TABLE_ENTRIES: ReadonlySet<string> = new Set([
    ast.Partner.$type,
    ast.Contribution.$type,
    ast.YearTotal.$type,
    ast.SavingsLine.$type,
    ast.PoolYear.$type,
    ast.SavingsYear.$type,
    ast.SpendLine.$type,
    ast.ShareLine.$type,
    ast.Reinvestment.$type,
    ast.Minimum.$type,
    ast.RingFence.$type,
    ast.PaymentSplit.$type,
    ast.CohortYear.$type,
    ast.ActualField.$type,
    ast.Approval.$type,
    ast.StreamMinimum.$type,
    ast.Uplift.$type,
    ast.SpendMinimum.$type,
    ast.Purpose.$type,
    ast.S75Item.$type
]);

function isOneLine(node: AstNode): boolean {
    const range = node.$cstNode?.range;
    return range !== undefined && range.start.line === range.end.line;
}

/** A spend line's clauses: `commissioned by a and b`, `provided by c`, `for dfg`, `from a 60% and b 40%`, `on asc`. */
function splitClauses(tokens: number[], typeOf: (index: number) => string): number[][] {
    const clauses: number[][] = [];
    for (const index of tokens) {
        const type = typeOf(index);
        const current = clauses.at(-1);
        if (current === undefined || type === 'commissioned' || type === 'provided' || type === 'for' || type === 'from' || type === 'on')
            clauses.push([index]);
        else current.push(index);
    }
    return clauses;
}
