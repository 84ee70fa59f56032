import type { IToken } from 'chevrotain';
import {
    type AstNode,
    AstUtils,
    type Cancellation,
    DefaultDocumentValidator,
    diagnosticData,
    DocumentValidator,
    type LangiumDocument,
    type ParseResult,
    type ValidationOptions
} from 'langium';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Finding } from '../checks/check.js';
import type { PoolChecker } from '../checks/checker.js';
import type { Document } from '../generated/ast.js';
import { plural, t } from '../i18n/messages.js';
import type { PoolSettings } from '../lsp/pool-settings.js';
import type { PoolServices } from './pool-module.js';
import { MAX_DOCUMENT_CHARS, type TooLargeParseResult } from './pool-document-factory.js';
import { isRealToken, lineEndedEarly, type PlacedToken } from './pool-syntax-messages.js';

export const DIAGNOSTIC_SOURCE = 'pool';

/** Syntax errors listed per file; the rest are counted in one last message. */
const MAX_SYNTAX_ERRORS = 100;

/**
 * Turns the checks' findings into diagnostics. The editor and the CLI both get their diagnostics
 * from here, so they cannot disagree.
 */
export class PoolDocumentValidator extends DefaultDocumentValidator {
    private readonly checker: PoolChecker;
    private readonly settings: PoolSettings;

    constructor(services: PoolServices) {
        super(services);
        this.checker = services.pool.Checker;
        this.settings = services.pool.Settings;
    }

    override async validateDocument(
        document: LangiumDocument,
        options?: ValidationOptions,
        cancelToken?: Cancellation.CancellationToken
    ): Promise<Diagnostic[]> {
        const tooLarge = (document.parseResult as TooLargeParseResult).tooLargeChars;
        if (tooLarge !== undefined) {
            return [
                {
                    severity: DiagnosticSeverity.Error,
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    code: 'file-too-large',
                    source: this.getSource(),
                    message: t('file-too-large', { size: (tooLarge / 1024 / 1024).toFixed(1), limit: MAX_DOCUMENT_CHARS / 1024 / 1024 }, this.settings.language)
                }
            ];
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        let lexingErrors = 0;
        const kept: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const internalCode = (diagnostic.data as { code?: string } | undefined)?.code;
            if (internalCode === DocumentValidator.LexingError || internalCode === DocumentValidator.ParsingError) {
                diagnostic.code = 'syntax-error';
            }
            // Characters that cannot be read (a pasted binary) are listed up to the same limit as syntax errors.
            if (internalCode === DocumentValidator.LexingError && ++lexingErrors > MAX_SYNTAX_ERRORS) continue;
            kept.push(diagnostic);
        }
        if (lexingErrors > MAX_SYNTAX_ERRORS) {
            const rest = lexingErrors - MAX_SYNTAX_ERRORS;
            kept.push({
                severity: DiagnosticSeverity.Error,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                message: t('syntax.more-unreadable', { count: rest.toLocaleString('en-GB') }, this.settings.language),
                code: 'syntax-error',
                source: this.getSource()
            });
        }
        // The editor's settings: `pool.strict` makes warnings errors, as `pool check --strict` fails on
        // them; a client that names where the check reference lives gets a link on each code.
        const strict = await this.settings.strict();
        for (const diagnostic of kept) {
            if (strict && diagnostic.severity === DiagnosticSeverity.Warning) {
                diagnostic.severity = DiagnosticSeverity.Error;
            }
            const href = typeof diagnostic.code === 'string' ? this.settings.checkDocumentationHref(diagnostic.code) : undefined;
            if (href) {
                diagnostic.codeDescription = { href };
            }
        }
        return kept;
    }

    /**
     * Chevrotain reports a missing element at the next token, which may be on a later line
     * ("expected an amount, but found `gmp`" on the line after the one missing its amount). Point
     * at the end of the line that is missing something instead, and say so.
     */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[]): void {
        const seen = new Set<string>();
        let reported = 0;
        for (const [index, error] of parseResult.parserErrors.entries()) {
            // Past a hundred, more syntax errors help nobody and slow every keystroke: say how many are left,
            // where the last error reported is.
            if (reported === MAX_SYNTAX_ERRORS) {
                const rest = parseResult.parserErrors.length - index;
                const last = diagnostics.at(-1);
                if (last)
                    diagnostics.push({
                        severity: DiagnosticSeverity.Error,
                        range: last.range,
                        message: t(
                            plural(rest, 'syntax.more-errors.one', 'syntax.more-errors.other'),
                            { count: rest.toLocaleString('en-GB') },
                            this.settings.language
                        ),
                        code: 'syntax-error',
                        data: diagnosticData(DocumentValidator.ParsingError),
                        source: this.getSource()
                    });
                break;
            }
            const token = error.token;
            const previous = (error as { previousToken?: IToken }).previousToken;
            let range: Range;
            // The message says so too (pool-syntax-messages.ts); it is put at the last word of the line.
            const message = error.message;
            if (lineEndedEarly(previous, token)) {
                range = tokenRange(previous);
            } else if (isRealToken(token)) {
                range = tokenRange(token);
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
                data: diagnosticData(DocumentValidator.ParsingError),
                source: this.getSource()
            });
        }
    }

    /** Unresolved names are reported by the unknown-reference and missing-host checks, with suggestions. */
    protected override processLinkingErrors(): void {
        // Intentionally empty.
    }

    protected override validateAst(rootNode: AstNode): Promise<Diagnostic[]> {
        const document = AstUtils.getDocument<Document>(rootNode);
        return Promise.resolve(this.checker.findingsFor(document).map(finding => this.findingToDiagnostic(finding)));
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

function tokenRange(token: PlacedToken): Range {
    return {
        start: { line: token.startLine - 1, character: token.startColumn - 1 },
        end: { line: token.endLine - 1, character: token.endColumn }
    };
}
