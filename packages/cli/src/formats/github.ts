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
            `file=${escapeProperty(diagnostic.file)}`,
            `line=${diagnostic.start.line}`,
            `endLine=${diagnostic.end.line}`,
            `col=${diagnostic.start.column}`,
            `endColumn=${diagnostic.end.column}`,
            `title=${escapeProperty(`pool ${diagnostic.code}`)}`
        ].join(',');
        return `::${command} ${properties}::${escapeData(diagnostic.message)}`;
    });
    if (run.quiet) return lines.map(line => `${line}\n`).join('');
    return [...lines, summaryLine(run.summary, run.style, run.lang)].join('\n') + '\n';
}

/** Message text: `%`, carriage returns and newlines are encoded, as the runner expects. */
function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally encode `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
