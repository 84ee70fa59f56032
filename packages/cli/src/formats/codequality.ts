import { fingerprintFindings, repositoryPath } from './fingerprint.js';
import type { CheckRun } from './index.js';

/**
 * GitLab Code Quality: the JSON array GitLab reads from a job's `artifacts:reports:codequality`
 * and shows in merge requests, as its documentation specifies ("Implement a custom tool"): each
 * finding's description, check name, fingerprint, severity and location (path from the
 * repository root, begin and end line). A failing finding (an error, or a warning under --strict)
 * is `major`, any other `minor`. No byte order mark: GitLab's parser refuses one.
 */
export function formatCodeQuality(run: CheckRun): string {
    const fingerprints = fingerprintFindings(run.diagnostics, run.where);
    const issues = run.diagnostics.map(diagnostic => {
        const failing = diagnostic.severity === 'error' || (run.strict && diagnostic.severity === 'warning');
        return {
            type: 'issue',
            check_name: diagnostic.code,
            description: diagnostic.message,
            categories: ['Bug Risk'],
            fingerprint: fingerprints.get(diagnostic),
            severity: failing ? 'major' : diagnostic.severity === 'warning' ? 'minor' : 'info',
            location: {
                path: repositoryPath(diagnostic.file, run.where) ?? diagnostic.file,
                lines: { begin: diagnostic.start.line, end: diagnostic.end.line }
            }
        };
    });
    return JSON.stringify(issues, null, 2) + '\n';
}
