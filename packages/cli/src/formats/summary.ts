import type { ReportedDiagnostic } from '../diagnostics.js';

export interface CheckSummary {
    readonly files: number;
    readonly filesWithProblems: number;
    readonly errors: number;
    readonly warnings: number;
    /** Files asked for that could not be read (reported on standard error). */
    readonly unreadable: number;
}

/** The totals of a run: every problem, including those a file's listing left out past its limit. */
export function summarise(diagnostics: readonly ReportedDiagnostic[], files: number, unreadable = 0): CheckSummary {
    let errors = 0;
    let warnings = 0;
    const filesWithProblems = new Set<string>();
    for (const diagnostic of diagnostics) {
        filesWithProblems.add(diagnostic.file);
        if (diagnostic.severity === 'error') errors += problemsIn(diagnostic);
        else if (diagnostic.severity === 'warning') warnings += problemsIn(diagnostic);
    }
    return { files, filesWithProblems: filesWithProblems.size, errors, warnings, unreadable };
}

/** One, or the number of problems a diagnostic says were not listed. */
export function problemsIn(diagnostic: ReportedDiagnostic): number {
    return diagnostic.omitted ?? 1;
}
