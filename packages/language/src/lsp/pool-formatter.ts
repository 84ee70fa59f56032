// Long: one layout algorithm over one token list (lines, tables, comments, the safety check);
// split, its parts would share all of DocumentFormatting's state.
import type { IToken } from 'chevrotain';
import { type AstNode, AstUtils, CstUtils, GrammarUtils, type LangiumDocument, type MaybePromise, UriUtils } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams } from 'vscode-languageserver';
import { TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { t } from '../i18n/messages.js';
import { agreementFingerprint } from '../model/fingerprint.js';
import { groupThousands, parseAmount } from '../money/amount.js';
import type { TooLargeParseResult } from '../services/pool-document-factory.js';
import type { PoolServices } from '../services/pool-module.js';

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
export function formatPoolDocument(services: PoolServices, document: LangiumDocument): PoolFormatResult {
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
            this.services.shared.lsp.Connection?.console.info(`Did not format ${document.uri.toString()}: ${result.skipped}`);
        }
        return result;
    }
}

// ------------------------------------------------------------------------------------------------

const INDENT = '    ';
/** Spaces between the columns of a table, and before a comment at the end of a line. */
const COLUMN_GAP = 3;

interface Token {
    readonly image: string;
    readonly type: string;
    readonly start: number;
    readonly end: number;
    readonly hidden: boolean;
    /** The token as it will be written. */
    text: string;
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

interface Row {
    /** Rows with the same key are aligned with each other. */
    readonly key: string;
    readonly cells: Cell[];
    /** Cells after the table part of the row, each after `gap` spaces, never padded. */
    readonly tail: Cell[];
}

const BLOCK_OWNERS = (node: AstNode): boolean =>
    ast.isDocument(node) ||
    ast.isAgreement(node) ||
    ast.isPool(node) ||
    ast.isPoolYear(node) ||
    ast.isSpendBlock(node) ||
    ast.isOutcome(node) ||
    ast.isPayment(node) ||
    ast.isShare(node) ||
    ast.isSavings(node) ||
    ast.isSavingsYear(node) ||
    ast.isApprovals(node) ||
    ast.isStream(node) ||
    ast.isS75Contents(node);

class DocumentFormatting {
    private readonly text: string;
    private readonly eol: string;
    private tokens: Token[] = [];
    /** Token index by start offset. */
    private readonly tokenAt = new Map<number, number>();
    /** The separator written before each token, and after the last one. */
    private gaps: string[] = [];

    constructor(
        private readonly services: PoolServices,
        private readonly document: LangiumDocument
    ) {
        this.text = document.textDocument.getText();
        this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
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
        if ((parse as TooLargeParseResult).tooLargeChars !== undefined) return unchanged(t('format.too-large', {}, lang));
        if (parse.lexerErrors.length > 0 || parse.parserErrors.length > 0) {
            return unchanged(t('format.syntax-errors', {}, lang));
        }
        const lexed = this.services.parser.Lexer.tokenize(this.text);
        if (lexed.errors.length > 0) return unchanged(t('format.syntax-errors', {}, lang));
        this.tokens = [...lexed.tokens, ...(lexed.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset).map(token => toToken(token));
        this.tokens.forEach((token, index) => this.tokenAt.set(token.start, index));
        if (this.tokens.length === 0) {
            return this.finish(this.text.trim() === '' ? '' : this.text);
        }
        this.normaliseAmounts();
        this.layOut();
        const formatted = this.gaps.map((gap, index) => gap + (this.tokens[index]?.text ?? '')).join('');
        if (!this.sameMeaning(formatted)) {
            return unchanged(t('format.meaning-would-change', {}, lang));
        }
        const result = this.finish(formatted);
        const approvedIn = this.approvedAsItStands();
        if (approvedIn && result.edits.some(edit => !this.insideApprovals(edit))) {
            return { ...unchanged(t('format.approved', { file: approvedIn }, lang)), approved: true };
        }
        return result;
    }

    /**
     * The file (this one, or an agreement importing it) holding an approval of the text as it
     * stands, if any: its fingerprint is the current one.
     */
    private approvedAsItStands(): string | undefined {
        const graph = this.services.pool.ImportGraph;
        const uri = this.document.uri.toString();
        for (const candidate of this.services.shared.workspace.LangiumDocuments.all) {
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

    /** Whether an edit falls inside this file's `approvals` blocks, which the fingerprint leaves out. */
    private insideApprovals(edit: TextEdit): boolean {
        const start = this.document.textDocument.offsetAt(edit.range.start);
        const end = this.document.textDocument.offsetAt(edit.range.end);
        return ((this.document.parseResult.value as ast.Document).approvals ?? []).some(
            block => block.$cstNode !== undefined && block.$cstNode.offset < start && end < block.$cstNode.end
        );
    }

    private finish(formatted: string): PoolFormatResult {
        if (formatted === this.text) return { text: this.text, edits: [] };
        const edits: TextEdit[] = [];
        const position = (offset: number) => this.document.textDocument.positionAt(offset);
        const replace = (start: number, end: number, newText: string) => {
            if (this.text.slice(start, end) !== newText) edits.push(TextEdit.replace({ start: position(start), end: position(end) }, newText));
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
        return { text: formatted, edits };
    }

    // ------------------------------------------------------------------ amounts

    /** `£1200000` → `£1,200,000`, `£ 5,000` → `£5,000`; anything with a problem stays as written. */
    private normaliseAmounts(): void {
        for (const node of AstUtils.streamAst(this.document.parseResult.value)) {
            if (!ast.isAmount(node)) continue;
            const valueNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'value');
            const index = valueNode ? this.tokenAt.get(valueNode.offset) : undefined;
            if (index === undefined) continue;
            const token = this.token(index);
            token.text = canonicalAmount(token.image) ?? token.image;
        }
        for (const token of this.tokens) {
            if (token.type === 'SL_COMMENT') token.text = token.image.trimEnd();
        }
    }

    // ------------------------------------------------------------------ layout

    private layOut(): void {
        const lines = this.splitLines();
        const rows = this.findRows(lines);
        const widths = this.columnWidths(rows);
        const statementStarts = this.statementStarts();
        this.gaps = new Array<string>(this.tokens.length + 1).fill(' ');
        let depth = 0;
        let previousEndsBlock = true;
        const laidOut: LaidOutLine[] = [];
        lines.forEach((line, lineIndex) => {
            const first = this.token(line.first);
            const leadingCloses = countLeading(
                line.tokens.map(index => this.token(index)),
                '}'
            );
            let indent = Math.max(0, depth - leadingCloses);
            if (!first.hidden && leadingCloses === 0 && first.type !== '{' && !statementStarts.has(first.start)) indent++;
            const blank = line.blankBefore && lineIndex > 0 && !previousEndsBlock && leadingCloses === 0;
            this.gaps[line.first] = lineIndex === 0 ? '' : `${this.eol}${blank ? this.eol : ''}${INDENT.repeat(indent)}`;
            const row = rows.get(lineIndex);
            if (row) {
                this.layOutRow(row, widths.get(row.key));
            }
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
    }

    /** Tokens grouped by the line they start on; a comment spanning lines keeps its tokens together. */
    private splitLines(): Line[] {
        const lines: Line[] = [];
        let previousEnd = 0;
        let current: Line | undefined;
        this.tokens.forEach((token, index) => {
            const between = this.text.slice(previousEnd, token.start);
            const breaks = (between.match(/\n/g) ?? []).length;
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
    private statementStarts(): Set<number> {
        const starts = new Set<number>();
        for (const node of AstUtils.streamAst(this.document.parseResult.value)) {
            if (node.$container && BLOCK_OWNERS(node.$container) && !ast.isAmount(node) && !ast.isLegalBasis(node) && node.$cstNode) {
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
                const column = Math.max(...run.map(laidOut => laidOut.contentWidth)) + COLUMN_GAP;
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
     * Column widths for every table with more than one row. Rows may have different numbers of
     * cells (one-line year blocks with more or fewer partners): each column is as wide as the
     * widest cell of the rows that reach it.
     */
    private columnWidths(rows: Map<number, Row>): Map<string, number[]> {
        const byKey = new Map<string, Row[]>();
        for (const row of rows.values()) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
        const widths = new Map<string, number[]>();
        for (const [key, group] of byKey) {
            if (group.length < 2) continue;
            const columns = Math.max(...group.map(row => row.cells.length));
            widths.set(
                key,
                Array.from({ length: columns }, (_, column) =>
                    Math.max(0, ...group.flatMap(row => row.cells.slice(column, column + 1)).map(cell => this.cellText(cell).length))
                )
            );
        }
        return widths;
    }

    /** Lines that hold exactly one table entry (and perhaps a comment at the end), by line index. */
    private findRows(lines: Line[]): Map<number, Row> {
        const entries = new Map<number, AstNode[]>();
        for (const node of AstUtils.streamAst(this.document.parseResult.value)) {
            if (isTableEntry(node) && node.$cstNode) entries.set(node.$cstNode.offset, [...(entries.get(node.$cstNode.offset) ?? []), node]);
        }
        const rows = new Map<number, Row>();
        let partnerRun = 0;
        let previousWasPartner = false;
        lines.forEach((line, lineIndex) => {
            const tokens = line.tokens.map(index => this.token(index));
            const content = this.token(line.last).hidden && tokens.length > 1 ? tokens.slice(0, -1) : tokens;
            const [first] = content;
            const end = content.at(-1)?.end;
            let row: Row | undefined;
            if (first && !content.some(token => token.hidden)) {
                for (const node of entries.get(first.start) ?? []) {
                    if (node.$cstNode?.end === end) {
                        row = this.rowFor(node);
                        if (row) break;
                    }
                }
            }
            const isPartner = row?.key === 'partner';
            if (isPartner && (!previousWasPartner || line.blankBefore)) partnerRun++;
            previousWasPartner = isPartner;
            if (row) rows.set(lineIndex, isPartner ? { ...row, key: `partner#${partnerRun}` } : row);
        });
        return rows;
    }

    private rowFor(node: AstNode): Row | undefined {
        const row = this.tableRow(node);
        // A row needs every one of its cells; an entry missing a part is laid out plainly.
        return row && [...row.cells, ...row.tail].every(cell => cell.tokens.length > 0) ? row : undefined;
    }

    private tableRow(node: AstNode): Row | undefined {
        const left = (tokens: number[], gap = 1): Cell => ({ tokens, align: 'left', gap });
        const right = (tokens: number[], gap = COLUMN_GAP): Cell => ({ tokens, align: 'right', gap });
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
        const owner = (container: AstNode) => `${container.$cstNode?.offset ?? 0}`;
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
            const stream =
                ast.isContribution(node) && node.stream ? after(amount).filter(index => streamName.length > 0 && index <= Math.max(...streamName)) : [];
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
        return CstUtils.flattenCst(node.$cstNode)
            .filter(leaf => !leaf.hidden)
            .map(leaf => this.tokenAt.get(leaf.offset))
            .filter((index): index is number => index !== undefined)
            .toArray();
    }

    private propertyTokens(node: AstNode, property: string): number[] {
        return GrammarUtils.findNodesForProperty(node.$cstNode, property)
            .flatMap(cst =>
                CstUtils.flattenCst(cst)
                    .filter(leaf => !leaf.hidden)
                    .map(leaf => this.tokenAt.get(leaf.offset))
                    .toArray()
            )
            .filter((index): index is number => index !== undefined);
    }

    // ------------------------------------------------------------------ the safety check

    /**
     * Reads the formatted text again and compares it with the original, token by token: the same
     * kinds of token in the same order, with the same text, except amounts (which must have the
     * same exact value and currency) and line comments (which may lose spaces at their ends).
     */
    private sameMeaning(formatted: string): boolean {
        const again = this.services.parser.Lexer.tokenize(formatted);
        if (again.errors.length > 0) return false;
        const tokens = [...again.tokens, ...(again.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset);
        if (tokens.length !== this.tokens.length) return false;
        return tokens.every((token, index) => {
            const original = this.tokens[index];
            if (original === undefined || token.tokenType.name !== original.type) return false;
            if (token.image === original.image) return true;
            if (original.type === 'SL_COMMENT') return token.image === original.image.trimEnd();
            if (original.type === 'MONEY' || original.type === 'NUMBER') {
                const before = parseAmount(original.image);
                const after = parseAmount(token.image);
                return before.pence !== undefined && before.pence === after.pence && before.currency === after.currency && after.problems.length === 0;
            }
            return false;
        });
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

function toToken(token: IToken): Token {
    const name = token.tokenType.name;
    return {
        image: token.image,
        type: name,
        start: token.startOffset,
        end: token.startOffset + token.image.length,
        hidden: name === 'SL_COMMENT' || name === 'ML_COMMENT',
        text: token.image
    };
}

function isTableEntry(node: AstNode): boolean {
    return (
        ast.isPartner(node) ||
        ast.isContribution(node) ||
        ast.isYearTotal(node) ||
        ast.isSavingsLine(node) ||
        ast.isPoolYear(node) ||
        ast.isSavingsYear(node) ||
        ast.isSpendLine(node) ||
        ast.isShareLine(node) ||
        ast.isReinvestment(node) ||
        ast.isMinimum(node) ||
        ast.isRingFence(node) ||
        ast.isPaymentSplit(node) ||
        ast.isActualField(node) ||
        ast.isApproval(node) ||
        ast.isStreamMinimum(node) ||
        ast.isUplift(node) ||
        ast.isSpendMinimum(node) ||
        ast.isPurpose(node) ||
        ast.isS75Item(node)
    );
}

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

function countLeading(tokens: Token[], type: string): number {
    let count = 0;
    for (const token of tokens) {
        if (token.hidden || token.type !== type) break;
        count++;
    }
    return count;
}
