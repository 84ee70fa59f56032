import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ReportedDiagnostic } from '../diagnostics.js';

/**
 * A finding's identity across runs, for code scanning (SARIF `partialFingerprints`), GitLab Code
 * Quality (`fingerprint`) and JUnit test names: the file's path from the repository root, the check
 * code, the text of the flagged line (spaces collapsed) and of the flagged span, and which
 * occurrence of that same text it is in the file. No line number or column goes in, and nothing
 * worded in a language, so inserting or deleting lines elsewhere, or `--lang cy`, keeps every
 * fingerprint; editing the flagged line itself makes it a new finding, as code scanning expects.
 */
export function fingerprintFindings(diagnostics: readonly ReportedDiagnostic[], where: SourceRoot): Map<ReportedDiagnostic, string> {
    const linesByFile = new Map<string, readonly string[]>();
    const seen = new Map<string, number>();
    const fingerprints = new Map<ReportedDiagnostic, string>();
    const inOrder = [...diagnostics].sort(
        (a, b) => a.file.localeCompare(b.file) || a.start.line - b.start.line || a.start.column - b.start.column || a.code.localeCompare(b.code)
    );
    for (const diagnostic of inOrder) {
        let lines = linesByFile.get(diagnostic.file);
        if (!lines) linesByFile.set(diagnostic.file, (lines = diagnostic.text.split(/\r?\n/)));
        const line = lines[diagnostic.start.line - 1] ?? '';
        const span =
            diagnostic.end.line === diagnostic.start.line
                ? line.slice(diagnostic.start.column - 1, diagnostic.end.column - 1)
                : line.slice(diagnostic.start.column - 1);
        const key = ['pool-finding/1', repositoryPath(diagnostic.file, where) ?? diagnostic.file, diagnostic.code, collapse(line), collapse(span)].join(
            '\u0000'
        );
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        fingerprints.set(diagnostic, createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex'));
    }
    return fingerprints;
}

/** Where paths are measured from: the repository's root folder, and the folder pool ran in. */
export interface SourceRoot {
    /** The nearest folder at or above the working folder that holds `.git`; else the working folder. */
    readonly root: string;
    readonly cwd: string;
}

/**
 * A displayed path (relative to the working folder, or absolute) as a path from the repository
 * root with forward slashes; `undefined` for a file outside the repository.
 */
export function repositoryPath(file: string, where: SourceRoot): string | undefined {
    const relative = path.relative(where.root, path.resolve(where.cwd, file));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
}

/** Long lines are cut: a fingerprint only needs enough text to tell findings apart. */
function collapse(text: string): string {
    return text.replace(/\s+/g, ' ').trim().slice(0, 400);
}
