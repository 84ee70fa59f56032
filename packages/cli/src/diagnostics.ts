import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { problemCount } from '@pool/language';
import { displayPath } from './files.js';

type Severity = 'error' | 'warning' | 'info' | 'hint';

interface Position {
    readonly line: number;
    readonly column: number;
}

/** A diagnostic as the CLI reports it: file path, 1-based positions, severity in words. */
export interface ReportedDiagnostic {
    readonly file: string;
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
    readonly start: Position;
    readonly end: Position;
    readonly related: readonly { readonly file: string; readonly start: Position; readonly end: Position; readonly message: string }[];
    /** The text of the document the diagnostic is in, for quoting source lines. */
    readonly text: string;
    /**
     * Set on the diagnostic that stands for problems not listed (past the per-file limit): how many
     * it stands for. Totals and the exit code count them all.
     */
    readonly omitted?: number;
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function uriToDisplay(uri: string): string {
    return uri.startsWith('file:') ? displayPath(fileURLToPath(uri)) : uri;
}

/** The diagnostics of the given documents, in file order, then position order. */
export function collectDiagnostics(documents: readonly LangiumDocument[]): ReportedDiagnostic[] {
    const result: ReportedDiagnostic[] = [];
    for (const document of documents) {
        const file = uriToDisplay(document.uri.toString());
        const text = document.textDocument.getText();
        for (const diagnostic of document.diagnostics ?? []) {
            result.push(toReported(file, text, diagnostic));
        }
    }
    return result.sort(
        (a, b) => a.file.localeCompare(b.file) || a.start.line - b.start.line || a.start.column - b.start.column || a.code.localeCompare(b.code)
    );
}

function toReported(file: string, text: string, diagnostic: Diagnostic): ReportedDiagnostic {
    return {
        file,
        severity: SEVERITIES[diagnostic.severity ?? 1] ?? 'error',
        code: String(diagnostic.code ?? 'unknown'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        start: { line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1 },
        end: { line: diagnostic.range.end.line + 1, column: diagnostic.range.end.character + 1 },
        related: (diagnostic.relatedInformation ?? []).map(related => ({
            file: uriToDisplay(related.location.uri),
            start: { line: related.location.range.start.line + 1, column: related.location.range.start.character + 1 },
            end: { line: related.location.range.end.line + 1, column: related.location.range.end.character + 1 },
            message: related.message
        })),
        text,
        ...((diagnostic.data as { omitted?: unknown } | undefined)?.omitted !== undefined ? { omitted: problemCount(diagnostic) } : {})
    };
}
