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

/**
 * The text's tokens, comments included, in order: where each starts and ends, its kind, and how it
 * will be written (as it is, unless set). Held as a few flat lists, not an object per token: on a
 * large file those objects, with an object and a list for each line, were most of the memory the
 * formatter added to the parse.
 */
class Tokens {
    /** Set where a token is written otherwise (an amount's digits grouped, a comment's end trimmed). */
    private readonly written: (string | undefined)[];

    constructor(
        private readonly source: string,
        private readonly starts: Int32Array,
        private readonly ends: Int32Array,
        private readonly types: readonly string[]
    ) {
        this.written = new Array<string | undefined>(starts.length);
    }

    get length(): number {
        return this.starts.length;
    }

    start(index: number): number {
        return at(this.starts, index);
    }

    end(index: number): number {
        return at(this.ends, index);
    }

    type(index: number): string {
        return at(this.types, index);
    }

    /** A comment: the parser's hidden tokens. */
    hidden(index: number): boolean {
        const type = this.type(index);
        return type === 'SL_COMMENT' || type === 'ML_COMMENT';
    }

    /** The token as it is in the text (read when needed: a copy of every token would double their memory). */
    image(index: number): string {
        return this.source.slice(this.start(index), this.end(index));
    }

    /** The token as it will be written. */
    text(index: number): string {
        return this.written[index] ?? this.image(index);
    }

    setText(index: number, text: string): void {
        this.written[index] = text === this.image(index) ? undefined : text;
    }
}

/** The item at `index` of a list the formatter built: lines, rows and cells hold only indices into them, so one is always there. */
function at<T>(list: ArrayLike<T>, index: number): T {
    const item = list[index];
    if (item === undefined) throw new RangeError(`the formatter has no item ${index} of ${list.length}`);
    return item;
}

/** A span of the original text and what formatting writes in its place. */
interface Change {
    readonly start: number;
    readonly end: number;
    readonly newText: string;
}

/**
 * The lines of the text as its tokens lie on them: a line's tokens are those from its first to
 * the one before the next line's first (a comment spanning lines keeps its tokens together), and a
 * line has at least one.
 */
class Lines {
    constructor(
        /** The first token of each line, then the number of tokens. */
        private readonly firsts: readonly number[],
        /** Whether a blank line came before each line in the original. */
        private readonly blanks: readonly boolean[]
    ) {}

    get length(): number {
        return this.blanks.length;
    }

    first(line: number): number {
        return at(this.firsts, line);
    }

    last(line: number): number {
        return at(this.firsts, line + 1) - 1;
    }

    blankBefore(line: number): boolean {
        return at(this.blanks, line);
    }
}

interface Cell {
    readonly tokens: number[];
    readonly align: 'left' | 'right';
    /** Spaces before this cell when the row is aligned with others. */
    readonly gap: number;
    /** Spaces before it when the row stands alone; one unless said. */
    readonly plainGap?: number;
}

/** A table: how many rows it has and the widths of its columns. */
interface Table {
    rows: number;
    readonly widths: number[];
}

/** The tables of a file: by line, the entry that is a row and its table. */
interface Tables {
    readonly entries: readonly (AstNode | undefined)[];
    readonly tables: readonly (Table | undefined)[];
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
    private tokens = new Tokens('', new Int32Array(0), new Int32Array(0), []);
    /** The separator written before each token, and after the last one. */
    private gaps: string[] = [];
    /** Separators made of spaces, by length, and those starting a line, by blank line and depth: made once each. */
    private readonly spaceRuns: string[] = [];
    private readonly lineStarts = new Map<number, string>();

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

    /** The separator before the token at `index` (after the last token at `tokens.length`). */
    private gap(index: number): string {
        const gap = this.gaps[index];
        if (gap === undefined) throw new RangeError(`the formatter has no gap ${index} of ${this.gaps.length}`);
        return gap;
    }

    /** `count` spaces (the same string each time: a separator of its own for each of a large file's gaps added up). */
    private spaces(count: number): string {
        let run = this.spaceRuns[count];
        if (run === undefined) {
            run = ' '.repeat(count);
            this.spaceRuns[count] = run;
        }
        return run;
    }

    /** What starts a line after the first: a line break, another for a blank line, and the indentation. */
    private lineStart(blank: boolean, indent: number): string {
        const key = indent * 2 + (blank ? 1 : 0);
        let start = this.lineStarts.get(key);
        if (start === undefined) {
            start = `${this.eol}${blank ? this.eol : ''}${INDENT.repeat(indent)}`;
            this.lineStarts.set(key, start);
        }
        return start;
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
            const tokens = this.tokens;
            let previousEnd = 0;
            for (let index = 0; index < tokens.length; index++) {
                replace(previousEnd, tokens.start(index), this.gap(index));
                replace(tokens.start(index), tokens.end(index), tokens.text(index));
                previousEnd = tokens.end(index);
            }
            replace(previousEnd, this.text.length, this.gap(tokens.length));
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
    private joined(lines: Lines): string {
        const pieces: string[] = [];
        for (let first = 0; first < lines.length; first += LINES_READ_AT_ONCE) {
            const parts: string[] = [];
            const [start, end] = this.tokensOfLines(lines, first);
            for (let index = start; index <= end; index++) parts.push(this.gap(index), this.tokens.text(index));
            pieces.push(parts.join(''));
        }
        pieces.push(this.gap(this.tokens.length));
        return pieces.join('');
    }

    /** The first and last token of up to {@link LINES_READ_AT_ONCE} lines from `first` on (a line's tokens follow the line before's). */
    private tokensOfLines(lines: Lines, first: number): [number, number] {
        return [lines.first(first), lines.last(Math.min(first + LINES_READ_AT_ONCE, lines.length) - 1)];
    }

    /** The index of the token starting at an offset, found by halving (the tokens are in order). */
    private tokenAt(offset: number): number | undefined {
        let low = 0;
        let high = this.tokens.length - 1;
        while (low <= high) {
            const middle = (low + high) >>> 1;
            const start = this.tokens.start(middle);
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
            const tokens = this.tokens;
            if (tokens.type(index) !== 'MONEY' && tokens.type(index) !== 'NUMBER') continue;
            const image = tokens.image(index);
            tokens.setText(index, canonicalAmount(image) ?? image);
        }
        for (let index = 0; index < this.tokens.length; index++) {
            if (this.tokens.type(index) === 'SL_COMMENT') this.tokens.setText(index, this.tokens.image(index).trimEnd());
        }
    }

    // ------------------------------------------------------------------ layout

    /** Sets the gaps between tokens; returns the lines, as the tokens were on them. */
    private layOut(nodes: readonly AstNode[]): Lines {
        const tokens = this.tokens;
        const lines = this.splitLines();
        const tables = this.findTables(lines, nodes);
        const statementStarts = this.statementStarts(nodes);
        this.gaps = new Array<string>(tokens.length + 1).fill(' ');
        let depth = 0;
        let previousEndsBlock = true;
        /** By line, the width of its content before a comment at its end (-1: no comment there). */
        const contentWidths = new Int32Array(lines.length);
        for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
            const first = lines.first(lineIndex);
            const last = lines.last(lineIndex);
            const leadingCloses = this.countLeadingCloses(first, last);
            let indent = Math.max(0, depth - leadingCloses);
            if (!tokens.hidden(first) && leadingCloses === 0 && tokens.type(first) !== '{' && statementStarts[first] !== 1) indent++;
            const blank = lines.blankBefore(lineIndex) && lineIndex > 0 && !previousEndsBlock && leadingCloses === 0;
            this.gaps[first] = lineIndex === 0 ? '' : this.lineStart(blank, indent);
            // Rows are worked out again here rather than kept from findTables: on a large file,
            // keeping every row was the largest part of the formatter's memory.
            const entry = tables.entries[lineIndex];
            const row = entry ? this.rowFor(entry) : undefined;
            const table = tables.tables[lineIndex];
            if (row) this.layOutRow(row, table !== undefined && table.rows > 1 ? table.widths : undefined);
            contentWidths[lineIndex] = this.layOutLine(first, last, row !== undefined);
            for (let index = first; index <= last; index++) {
                if (tokens.hidden(index)) continue;
                if (tokens.type(index) === '{') depth++;
                if (tokens.type(index) === '}') depth = Math.max(0, depth - 1);
            }
            previousEndsBlock = tokens.type(last) === '{';
        }
        this.alignTrailingComments(lines, contentWidths);
        this.gaps[tokens.length] = this.eol;
        return lines;
    }

    /** How many `}` a line starts with. */
    private countLeadingCloses(first: number, last: number): number {
        let count = 0;
        for (let index = first; index <= last; index++) {
            if (this.tokens.type(index) !== '}') break;
            count++;
        }
        return count;
    }

    /** Tokens grouped by the line they start on; a comment spanning lines keeps its tokens together. */
    private splitLines(): Lines {
        const tokens = this.tokens;
        const firsts: number[] = [];
        const blanks: boolean[] = [];
        let previousEnd = 0;
        for (let index = 0; index < tokens.length; index++) {
            const start = tokens.start(index);
            let breaks = 0;
            // A line ends at LF, or at a CR not followed by LF (as the editor counts lines).
            for (let offset = previousEnd; offset < start; offset++) {
                const code = this.text.charCodeAt(offset);
                if (code === 0x0a || (code === 0x0d && this.text.charCodeAt(offset + 1) !== 0x0a)) breaks++;
            }
            if (index === 0 || breaks > 0) {
                firsts.push(index);
                blanks.push(breaks > 1);
            }
            previousEnd = tokens.end(index);
        }
        firsts.push(tokens.length);
        return new Lines(firsts, blanks);
    }

    /** By token, 1 where a declaration, field or entry starts: a line starting elsewhere continues one. */
    private statementStarts(nodes: readonly AstNode[]): Uint8Array {
        const starts = new Uint8Array(this.tokens.length);
        for (const node of nodes) {
            if (
                node.$container &&
                BLOCK_OWNERS.has(node.$container.$type) &&
                node.$type !== ast.Amount.$type &&
                node.$type !== ast.LegalBasis.$type &&
                node.$cstNode
            ) {
                const index = this.tokenAt(node.$cstNode.offset);
                if (index !== undefined) starts[index] = 1;
            }
        }
        return starts;
    }

    /** Spaces inside a line: single, or as the row's alignment set them. Returns the width before any trailing comment. */
    private layOutLine(first: number, last: number, isRow: boolean): number {
        const trailingComment = last > first && this.tokens.hidden(last);
        if (!isRow) {
            for (let index = first + 1; index <= last; index++) this.gaps[index] = ' ';
        }
        const contentLast = trailingComment ? last - 1 : last;
        let width = 0;
        for (let index = first; index <= contentLast; index++) {
            width += (index === first ? 0 : this.gap(index).length) + this.tokens.text(index).length;
        }
        if (trailingComment) this.gaps[last] = this.spaces(COLUMN_GAP);
        return trailingComment ? width : -1;
    }

    /** Comments at the ends of consecutive lines line up, a column gap after the longest line. */
    private alignTrailingComments(lines: Lines, contentWidths: Int32Array): void {
        const width = (line: number) => contentWidths[line] ?? -1;
        // The run of lines being lined up: from `runStart` to the line before `runEnd`.
        let runStart = 0;
        let runEnd = 0;
        const flush = () => {
            if (runEnd - runStart > 1) {
                let widest = 0;
                for (let line = runStart; line < runEnd; line++) widest = Math.max(widest, width(line));
                const column = widest + COLUMN_GAP;
                for (let line = runStart; line < runEnd; line++) {
                    this.gaps[lines.last(line)] = this.spaces(column - width(line));
                }
            }
            runStart = runEnd;
        };
        const depthOf = (line: number) => this.gap(lines.first(line)).replace(/^[\r\n]+/, '').length;
        for (let line = 0; line < lines.length; line++) {
            // A run holds consecutive lines, so it continues only from the line just before.
            const continues = runEnd > runStart && runEnd === line && !lines.blankBefore(line) && depthOf(runEnd - 1) === depthOf(line);
            if (width(line) < 0 || !continues) flush();
            if (width(line) >= 0) {
                if (runEnd !== line) runStart = line;
                runEnd = line + 1;
            }
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
                this.gaps[first] = this.spaces(gap + pendingPad + (cell.align === 'right' ? pad : 0));
            }
            pendingPad = cell.align === 'left' ? pad : 0;
        });
        for (const cell of row.tail) {
            const [first, ...rest] = cell.tokens;
            for (const index of rest) this.gaps[index] = ' ';
            if (first !== undefined) this.gaps[first] = this.spaces((aligned ? cell.gap : (cell.plainGap ?? 1)) + pendingPad);
            pendingPad = 0;
        }
    }

    private cellText(cell: Cell): string {
        return cell.tokens.map(index => this.tokens.text(index)).join(' ');
    }

    /**
     * Lines that hold exactly one table entry (and perhaps a comment at the end): the entry and its
     * table, by line index, with each table's rows counted and its columns' widths. Rows may have
     * different numbers of cells (one-line year blocks with more or fewer partners): each column is
     * as wide as the widest cell of the rows that reach it.
     */
    private findTables(lines: Lines, nodes: readonly AstNode[]): Tables {
        const tokens = this.tokens;
        // The entries starting at each token, in the order of `nodes` (most tokens start none, a few one).
        const startingAt = new Array<AstNode | AstNode[] | undefined>(tokens.length);
        for (const node of nodes) {
            if (!TABLE_ENTRIES.has(node.$type) || !node.$cstNode) continue;
            const index = this.tokenAt(node.$cstNode.offset);
            if (index === undefined) continue;
            const same = startingAt[index];
            if (same === undefined) startingAt[index] = node;
            else if (Array.isArray(same)) same.push(node);
            else startingAt[index] = [same, node];
        }
        const entries = new Array<AstNode | undefined>(lines.length);
        const tableOf = new Array<Table | undefined>(lines.length);
        const tables = new Map<string, Table>();
        let partnerRun = 0;
        let previousWasPartner = false;
        for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
            const first = lines.first(lineIndex);
            const last = lines.last(lineIndex);
            const contentLast = tokens.hidden(last) && last > first ? last - 1 : last;
            let hidden = false;
            for (let index = first; index <= contentLast && !hidden; index++) hidden = tokens.hidden(index);
            const end = tokens.end(contentLast);
            let row: Row | undefined;
            const candidates = hidden ? undefined : startingAt[first];
            for (const node of candidates === undefined ? [] : Array.isArray(candidates) ? candidates : [candidates]) {
                if (node.$cstNode?.end === end) {
                    row = this.rowFor(node);
                    if (row) {
                        entries[lineIndex] = node;
                        break;
                    }
                }
            }
            const isPartner = row?.key === 'partner';
            if (isPartner && (!previousWasPartner || lines.blankBefore(lineIndex))) partnerRun++;
            previousWasPartner = isPartner;
            if (!row) continue;
            const key = isPartner ? `partner#${partnerRun}` : row.key;
            let table = tables.get(key);
            if (!table) tables.set(key, (table = { rows: 0, widths: [] }));
            table.rows++;
            // Loops rather than Math.max(...): a table may have more rows than a call has arguments.
            const widths = table.widths;
            row.cells.forEach((cell, column) => {
                widths[column] = Math.max(widths[column] ?? 0, this.cellText(cell).length);
            });
            tableOf[lineIndex] = table;
        }
        return { entries, tables: tableOf };
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
            const clauses = splitClauses(after(amount), index => this.tokens.type(index));
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
    private sameMeaning(lines: Lines): boolean {
        // Read in pieces of whole lines: no token spans the line breaks between them (text in
        // quotes ends on its line, a block comment lies inside one piece), so this reads the same
        // tokens as the whole text would, and each piece's tokens are short-lived.
        for (let first = 0; first < lines.length; first += LINES_READ_AT_ONCE) {
            const parts: string[] = [];
            const [start, end] = this.tokensOfLines(lines, first);
            for (let index = start; index <= end; index++) {
                if (index > start) parts.push(this.gap(index));
                parts.push(this.tokens.text(index));
            }
            const again = this.services.parser.Lexer.tokenize(parts.join(''));
            if (again.errors.length > 0) return false;
            if (again.tokens.length + (again.hidden?.length ?? 0) !== end - start + 1) return false;
            let original = start;
            for (const token of inOrder(again.tokens, again.hidden ?? [])) {
                if (original > end || !this.sameToken(token, original++)) return false;
            }
        }
        return true;
    }

    private sameToken(token: IToken, original: number): boolean {
        const type = this.tokens.type(original);
        if (token.tokenType.name !== type) return false;
        const image = this.tokens.image(original);
        if (token.image === image) return true;
        if (type === 'SL_COMMENT') return token.image === image.trimEnd();
        // An amount respelt is read back as what was chosen for it, which canonicalAmount proved
        // to have the same exact value and currency as the original.
        if (type === 'MONEY' || type === 'NUMBER') return token.image === this.tokens.text(original);
        return false;
    }

    /**
     * The text's tokens, comments included, in order, as the parser left them in the syntax tree
     * (reading the text again would double the memory of formatting a large file). Undefined if
     * anything but white space lies between them, so that nothing can be lost.
     */
    private treeTokens(): Tokens | undefined {
        const root = this.document.parseResult.value.$cstNode;
        // Counted first, so that each list is made at its size: grown as the walk went, each left
        // copies of itself behind.
        let count = 0;
        forEachLeaf(root, () => count++);
        let starts = new Int32Array(count);
        let ends = new Int32Array(count);
        let types = new Array<string>(count);
        let position = 0;
        forEachLeaf(root, leaf => {
            starts[position] = leaf.offset;
            ends[position] = leaf.end;
            types[position++] = leaf.tokenType.name;
        });
        let previousStart = -1;
        let inOrderAlready = true;
        for (const start of starts) {
            if (start < previousStart) inOrderAlready = false;
            previousStart = start;
        }
        if (!inOrderAlready) {
            // A stable sort by where each token starts, as sorting the tokens themselves would be.
            const order = Array.from(starts.keys()).sort((a, b) => at(starts, a) - at(starts, b));
            [starts, ends, types] = [
                Int32Array.from(order, index => at(starts, index)),
                Int32Array.from(order, index => at(ends, index)),
                order.map(index => at(types, index))
            ];
        }
        let end = 0;
        for (let index = 0; index < count; index++) {
            if (!onlySpaceBetween(this.text, end, at(starts, index))) return undefined;
            end = at(ends, index);
        }
        return onlySpaceBetween(this.text, end, this.text.length) ? new Tokens(this.text, starts, ends, types) : undefined;
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

/** Calls `visit` for each leaf under `root`, in order: depth first, each node's children in order. */
function forEachLeaf(root: CstNode | undefined, visit: (leaf: LeafCstNode) => void): void {
    // The nodes being walked and the next child of each: a loop, not a call for each level.
    const path: CstNode[] = root ? [root] : [];
    const next: number[] = root ? [0] : [];
    for (let node = path.at(-1); node !== undefined; node = path.at(-1)) {
        const position = next.length - 1;
        const child = isCompositeCstNode(node) ? node.content[next[position] ?? 0] : undefined;
        if (child === undefined) {
            if (isLeafCstNode(node)) visit(node);
            path.pop();
            next.pop();
            continue;
        }
        next[position] = (next[position] ?? 0) + 1;
        path.push(child);
        next.push(0);
    }
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

const SPACE = /\s*/y;

/** Whether only white space (what the lexer skips) lies between two offsets. */
function onlySpaceBetween(text: string, start: number, end: number): boolean {
    if (start >= end) return start === end;
    SPACE.lastIndex = start;
    // test, not exec: no match object for each of a large file's gaps.
    SPACE.test(text);
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
