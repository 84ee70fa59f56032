import type { ReportedDiagnostic } from '../diagnostics.js';

export interface CheckSummary {
    readonly files: number;
    readonly filesWithProblems: number;
    readonly errors: number;
    readonly warnings: number;
    /** Files asked for that could not be read (reported on standard error). */
    readonly unreadable: number;
}

export function summarise(diagnostics: readonly ReportedDiagnostic[], files: number, unreadable = 0): CheckSummary {
    return {
        files,
        filesWithProblems: new Set(diagnostics.map(d => d.file)).size,
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length,
        unreadable
    };
}
