import type { ReportedDiagnostic } from '../diagnostics.js';

export interface CheckSummary {
    readonly files: number;
    readonly filesWithProblems: number;
    readonly errors: number;
    readonly warnings: number;
}

export function summarise(diagnostics: readonly ReportedDiagnostic[], files: number): CheckSummary {
    return {
        files,
        filesWithProblems: new Set(diagnostics.map(d => d.file)).size,
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length
    };
}
