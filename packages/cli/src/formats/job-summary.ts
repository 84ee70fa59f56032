import { escapeMarkdown } from '@pool/language';
import { t } from '../i18n/index.js';
import { PLAIN } from '../style.js';
import type { CheckRun } from './index.js';
import { summaryLine } from './text.js';

/** GitHub shows at most 1 MiB of a step's job summary; the table stops short of that, and says how many it left out. */
const JOB_SUMMARY_LIMIT = 1_000_000;

/**
 * A job summary in GitHub-flavoured Markdown (for `$GITHUB_STEP_SUMMARY`, or any Markdown page):
 * the totals, then every problem in a table with its file, line, check and message. Annotations
 * show only the first few problems of a step; this lists them all. Agreement text is escaped, so
 * nothing in it can become a link, markup or a new table cell.
 */
export function formatJobSummary(run: CheckRun): string {
    const lang = run.lang;
    const head = [`### ${t('cli.job-summary.title', {}, lang)}`, '', summaryLine(run.summary, PLAIN, lang), ''];
    if (run.diagnostics.length === 0) return head.slice(0, -1).join('\n') + '\n';
    const columns = ['severity', 'file', 'line', 'check', 'problem'] as const;
    const table = [`| ${columns.map(column => t(`cli.job-summary.column.${column}`, {}, lang)).join(' | ')} |`, `|${' --- |'.repeat(columns.length)}`];
    let size = [...head, ...table].join('\n').length;
    let shown = 0;
    for (const diagnostic of run.diagnostics) {
        const check =
            run.helpBaseUri && /^https?:/i.test(run.helpBaseUri)
                ? `[${diagnostic.code}](${linkTarget(`${run.helpBaseUri}#${diagnostic.code}`)})`
                : `\`${diagnostic.code}\``;
        const row = `| ${diagnostic.severity} | ${escapeMarkdown(diagnostic.file)} | ${diagnostic.start.line}:${diagnostic.start.column} | ${check} | ${escapeMarkdown(diagnostic.message)} |`;
        // Room is kept for the closing sentence.
        if (size + row.length + 1 > JOB_SUMMARY_LIMIT - 1000) break;
        table.push(row);
        size += row.length + 1;
        shown++;
    }
    const left = run.diagnostics.length - shown;
    const more = left > 0 ? ['', t('cli.job-summary.more', { count: left }, lang)] : [];
    return [...head, ...table, ...more].join('\n') + '\n';
}

/** A link target cannot hold spaces or parentheses in Markdown: they are percent-encoded. */
function linkTarget(uri: string): string {
    return uri.replace(/[\s()<>]/g, character => encodeURIComponent(character));
}
