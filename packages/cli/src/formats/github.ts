import { escapeGithubData, escapeGithubProperty } from '@pool/language';
import type { CheckRun } from './index.js';
import { summaryLine } from './text.js';

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per diagnostic, shown
 * on the pull request's diff, then the summary line for the log (not with --quiet).
 */
export function formatGithub(run: CheckRun): string {
    const lines = run.diagnostics.map(diagnostic => {
        const command = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'notice';
        const properties = [
            `file=${escapeGithubProperty(diagnostic.file)}`,
            `line=${diagnostic.start.line}`,
            `endLine=${diagnostic.end.line}`,
            `col=${diagnostic.start.column}`,
            `endColumn=${diagnostic.end.column}`,
            `title=${escapeGithubProperty(`pool ${diagnostic.code}`)}`
        ].join(',');
        return `::${command} ${properties}::${escapeGithubData(diagnostic.message)}`;
    });
    if (run.quiet) return lines.map(line => `${line}\n`).join('');
    return [...lines, summaryLine(run.summary, run.style, run.lang)].join('\n') + '\n';
}
