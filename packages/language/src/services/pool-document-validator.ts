import type { IToken } from 'chevrotain';
import {
    AstUtils,
    Cancellation,
    UriUtils,
    DefaultDocumentValidator,
    diagnosticData,
    DocumentValidator,
    interruptAndCheck,
    isOperationCancelled,
    type LangiumDocument,
    type ParseResult,
    type ValidationOptions
} from 'langium';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Finding } from '../checks/check.js';
import type { PoolChecker } from '../checks/checker.js';
import type { Document } from '../generated/ast.js';
import { type Lang, render, t } from '../i18n/index.js';
import type { PoolSettings } from '../lsp/pool-settings.js';
import type { PoolCoreServices } from './pool-core-module.js';
import { type FileRefusal, MAX_DOCUMENT_BYTES, mebibytes, refusalOf, refusalReason } from '../text/agreement-file.js';
import { linkingFaultOf } from './pool-linker.js';
import { MAX_PARSER_ERRORS, parsingStoppedAt } from './pool-parser.js';
import { isRealToken, isUnreadable, keywordAsName, lineEndedEarly, type PlacedToken, shorten } from './pool-syntax-messages.js';

export const DIAGNOSTIC_SOURCE = 'pool';

/** Syntax errors listed per file; the rest are counted in one last message. */
const MAX_SYNTAX_ERRORS = 100;

/**
 * Diagnostics listed per file, in the editor and in every output of `pool check`; past this, one
 * diagnostic per check code says how many more there are. The totals and the exit code count them all.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1_000;

/**
 * Turns the checks' findings into diagnostics. The editor and the CLI both get their diagnostics
 * from here, so they cannot disagree.
 */
export class PoolDocumentValidator extends DefaultDocumentValidator {
    private readonly checker: PoolChecker;
    private readonly settings: PoolSettings;

    constructor(services: PoolCoreServices) {
        super(services);
        this.checker = services.pool.Checker;
        this.settings = services.pool.Settings;
    }

    /**
     * Every diagnostic of a document, in one pass that fails closed: a fault anywhere in checking
     * (a check that throws, a stack overflow on absurd input) becomes an `internal-error`
     * diagnostic, never a document that silently passes. Findings are gathered one by one (no
     * argument spreading, which overflows the stack past about 120,000 of them), and past
     * {@link MAX_DIAGNOSTICS_PER_FILE} the rest are counted in one diagnostic per check code.
     */
    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None
    ): Promise<Diagnostic[]> {
        try {
            return await this.checkDocument(document, options, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return [
                {
                    severity: DiagnosticSeverity.Error,
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    code: 'internal-error',
                    source: this.getSource(),
                    message: t('internal-error.validation', { error: describeError(error) }, this.settings.language)
                }
            ];
        }
    }

    private async checkDocument(document: LangiumDocument, options: ValidationOptions, cancelToken: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const lang = this.settings.language;
        const refusal = refusalOf(document);
        if (refusal) return [this.refusalDiagnostic(document, refusal)];
        await interruptAndCheck(cancelToken);
        if (linkingFaultOf(document) !== undefined) throw linkingFaultOf(document);
        // The editor's settings: `pool.strict` makes warnings errors, as `pool check --strict` fails on
        // them; a client that names where the check reference lives gets a link on each code.
        const strict = await this.settings.strict();
        const severityOf = (severity: DiagnosticSeverity | undefined) =>
            strict && severity === DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : (severity ?? DiagnosticSeverity.Error);
        const entries: DiagnosticEntry[] = [];
        if (!options.categories || options.categories.includes('built-in')) {
            for (const diagnostic of this.syntaxDiagnostics(document.parseResult, options)) {
                entries.push({
                    severity: severityOf(diagnostic.severity),
                    code: String(diagnostic.code),
                    count: problemCount(diagnostic),
                    make: () => diagnostic
                });
            }
        }
        for (const finding of this.checker.findingsFor(document as LangiumDocument<Document>)) {
            const severity = severityOf(finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
            entries.push({ severity, code: finding.code, count: 1, make: () => this.findingToDiagnostic(finding) });
        }
        await interruptAndCheck(cancelToken);
        const diagnostics = capDiagnostics(entries, lang, this.getSource());
        for (const diagnostic of diagnostics) {
            diagnostic.severity = severityOf(diagnostic.severity);
            const href = typeof diagnostic.code === 'string' ? this.settings.checkDocumentationHref(diagnostic.code) : undefined;
            if (href) {
                diagnostic.codeDescription = { href };
            }
        }
        return diagnostics;
    }

    /** The one diagnostic of a file that was not read, at its start: the same words as `pool check`'s error. */
    private refusalDiagnostic(document: LangiumDocument, refusal: FileRefusal): Diagnostic {
        const lang = this.settings.language;
        const tooLarge = refusal.kind === 'too-large';
        return {
            severity: DiagnosticSeverity.Error,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            code: tooLarge ? 'file-too-large' : 'unreadable-file',
            source: this.getSource(),
            message: tooLarge
                ? t('file-too-large', { size: mebibytes(refusal.bytes), limit: MAX_DOCUMENT_BYTES / 1024 / 1024 }, lang)
                : t('cli.cannot-read', { file: UriUtils.basename(document.uri), reason: render(refusalReason(refusal), lang) }, lang)
        };
    }

    /**
     * Syntax errors. Text no token reads is a token of its own (pool-token-builder.ts), so the
     * parser reports it with the rest, up to the same limits; the lexer finds no errors of its own
     * (were it to, they would be listed here all the same).
     */
    private syntaxDiagnostics(parseResult: ParseResult, options: ValidationOptions): Diagnostic[] {
        const diagnostics: Diagnostic[] = [];
        this.processLexingErrors(parseResult, diagnostics, options);
        this.processParsingErrors(parseResult, diagnostics);
        for (const diagnostic of diagnostics) {
            const internalCode = (diagnostic.data as { code?: string } | undefined)?.code;
            if (internalCode === DocumentValidator.LexingError || internalCode === DocumentValidator.ParsingError) {
                diagnostic.code = 'syntax-error';
            }
        }
        return diagnostics;
    }

    /**
     * Chevrotain reports a missing element at the next token, which may be on a later line
     * ("expected an amount, but found `gmp`" on the line after the one missing its amount). Point
     * at the end of the line that is missing something instead, and say so.
     */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[]): void {
        const seen = new Set<string>();
        let reported = 0;
        // Where the parser gave up, if it did: that error is the last diagnostic, saying so.
        const stoppedAt = parsingStoppedAt(parseResult);
        const errors = stoppedAt ? parseResult.parserErrors.slice(0, -1) : parseResult.parserErrors;
        for (const [index, error] of errors.entries()) {
            // Past a hundred, more syntax errors help nobody and slow every keystroke: say how many are left,
            // where the last error reported is.
            if (reported === MAX_SYNTAX_ERRORS) {
                const rest = errors.length - index;
                const last = diagnostics.at(-1);
                if (last)
                    diagnostics.push({
                        severity: DiagnosticSeverity.Error,
                        range: last.range,
                        message: t('syntax.more-errors', { count: rest }, this.settings.language),
                        code: 'syntax-error',
                        data: { ...diagnosticData(DocumentValidator.ParsingError), omitted: rest },
                        source: this.getSource()
                    });
                break;
            }
            const token = error.token;
            const previous = (error as { previousToken?: IToken }).previousToken;
            let range: Range;
            // A keyword where a name goes, at the keyword: the quick fix renames it (lsp/pool-code-actions.ts).
            let keyword: string | undefined;
            // The message says so too (pool-syntax-messages.ts); it is put at the last word of the line.
            const message = error.message;
            if (isUnreadable(token) && isRealToken(token)) {
                // Text no token reads is the mistake itself, wherever the line ends.
                range = tokenRange(token);
            } else if (lineEndedEarly(previous, token)) {
                range = tokenRange(previous);
            } else if (isRealToken(token)) {
                range = tokenRange(token);
                keyword = keywordAsName(message, token);
            } else {
                range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            // Recovery can stumble twice over one mistake; one message per place is enough.
            const place = `${range.start.line}:${range.start.character}`;
            if (seen.has(place)) continue;
            seen.add(place);
            reported++;
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range,
                message,
                code: 'syntax-error',
                data: { ...diagnosticData(DocumentValidator.ParsingError), ...(keyword === undefined ? {} : { keyword }) },
                source: this.getSource()
            });
        }
        if (stoppedAt) {
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range: isRealToken(stoppedAt.token)
                    ? tokenRange(stoppedAt.token)
                    : (diagnostics.at(-1)?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
                message: t('syntax.stopped', { count: MAX_PARSER_ERRORS }, this.settings.language),
                code: 'syntax-error',
                data: diagnosticData(DocumentValidator.ParsingError),
                source: this.getSource()
            });
        }
    }

    /** Unresolved names are reported by the unknown-reference and missing-host checks, with suggestions. */
    protected override processLinkingErrors(): void {
        // Intentionally empty.
    }

    protected override getSource(): string {
        return DIAGNOSTIC_SOURCE;
    }

    private findingToDiagnostic(finding: Finding): Diagnostic {
        const diagnostic = this.toDiagnostic(finding.severity, finding.message, {
            node: finding.node,
            property: finding.property,
            index: finding.index,
            range: finding.range,
            code: finding.code,
            data: { code: finding.code, ...finding.data },
            relatedInformation: finding.related?.map(related => {
                const document = AstUtils.getDocument(related.node);
                const range = this.toDiagnostic('hint', '', { node: related.node, property: related.property, index: related.index }).range;
                return { location: { uri: document.uri.toString(), range }, message: related.message };
            })
        });
        return diagnostic;
    }
}

/** A diagnostic still to be made: made only if it is listed, as past the limit most are not. */
interface DiagnosticEntry {
    readonly severity: DiagnosticSeverity;
    readonly code: string;
    /** How many problems it stands for (more than one for a diagnostic that counts others). */
    readonly count: number;
    readonly make: () => Diagnostic;
}

/**
 * Keeps at most {@link MAX_DIAGNOSTICS_PER_FILE} diagnostics, errors before warnings, in the order
 * they were found, and counts the rest in one diagnostic per check code and severity ("… and
 * 129,000 more unused-partner warnings"), placed at the first of them, with the count in
 * `data.omitted`. Nothing is lost from the totals: a reader counts such a diagnostic as that many
 * problems (see {@link problemCount}).
 */
function capDiagnostics(entries: readonly DiagnosticEntry[], lang: Lang, source: string): Diagnostic[] {
    if (entries.length <= MAX_DIAGNOSTICS_PER_FILE) return entries.map(entry => entry.make());
    // Which to keep: the most severe first, in the order they were found.
    const order = entries.map((entry, index) => ({ severity: entry.severity, index })).sort((a, b) => a.severity - b.severity || a.index - b.index);
    const keep = new Set(order.slice(0, MAX_DIAGNOSTICS_PER_FILE).map(entry => entry.index));
    const kept: Diagnostic[] = [];
    const left = new Map<string, { first: DiagnosticEntry; count: number }>();
    entries.forEach((entry, index) => {
        if (keep.has(index)) {
            kept.push(entry.make());
            return;
        }
        const key = `${entry.severity} ${entry.code}`;
        const group = left.get(key);
        if (group) group.count += entry.count;
        else left.set(key, { first: entry, count: entry.count });
    });
    for (const { first, count } of left.values()) {
        const error = first.severity === DiagnosticSeverity.Error;
        const key = error ? 'diagnostics.more-errors' : 'diagnostics.more-warnings';
        kept.push({
            severity: first.severity,
            range: first.make().range,
            code: first.code,
            source,
            message: t(key, { count, code: first.code }, lang),
            data: { code: first.code, omitted: count }
        });
    }
    return kept;
}

/** How many problems a diagnostic stands for: one, or the count of those it says were left out. */
export function problemCount(diagnostic: Pick<Diagnostic, 'data'>): number {
    const omitted = (diagnostic.data as { omitted?: unknown } | undefined)?.omitted;
    return typeof omitted === 'number' && omitted > 0 ? omitted : 1;
}

function describeError(error: unknown): string {
    return shorten(error instanceof Error ? error.message : String(error), 200);
}

function tokenRange(token: PlacedToken): Range {
    return {
        start: { line: token.startLine - 1, character: token.startColumn - 1 },
        end: { line: token.endLine - 1, character: token.endColumn }
    };
}
