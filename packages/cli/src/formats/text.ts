import { escapeTerminal, type Lang } from '@pool/language';
import { t } from '../i18n/index.js';
import type { ReportedDiagnostic } from '../diagnostics.js';
import type { Style } from '../style.js';
import type { CheckSummary } from './summary.js';

/**
 * Human-readable output in the style of compilers and hledger: `file:line:col: severity[code]:
 * message`, the source line, a marker under the exact span, then related places.
 */
export function formatText(diagnostics: readonly ReportedDiagnostic[], summary: CheckSummary, style: Style, lang: Lang = 'en', withSummary = true): string {
    const out: string[] = [];
    // Each file's text is split into lines once, however many diagnostics quote it.
    const linesByFile = new Map<string, string[]>();
    const linesOf = (diagnostic: ReportedDiagnostic) => {
        let lines = linesByFile.get(diagnostic.file);
        // Lines end as the editor and the positions count them: CR LF, LF, or a CR alone.
        if (!lines) linesByFile.set(diagnostic.file, (lines = diagnostic.text.split(/\r\n|\r|\n/)));
        return lines;
    };
    for (const diagnostic of diagnostics) {
        const colour = diagnostic.severity === 'error' ? style.error : diagnostic.severity === 'warning' ? style.warning : style.note;
        // Agreement text and file names are shown with every control character visible: a name
        // cannot hide or colour what follows, or forge a line of its own.
        out.push(
            `${style.bold(`${escapeTerminal(diagnostic.file)}:${diagnostic.start.line}:${diagnostic.start.column}`)}: ${colour(`${diagnostic.severity}[${diagnostic.code}]`)}: ${escapeTerminal(diagnostic.message)}`
        );
        for (const line of quoteSource(diagnostic, linesOf(diagnostic), colour, style)) out.push(line);
        for (const related of diagnostic.related) {
            const place =
                related.file === diagnostic.file
                    ? `${related.start.line}:${related.start.column}`
                    : `${escapeTerminal(related.file)}:${related.start.line}:${related.start.column}`;
            out.push(`${gutter('', diagnostic)} ${style.note('=')} ${escapeTerminal(related.message)} ${style.dim(`(${place})`)}`);
        }
        out.push('');
    }
    if (withSummary) out.push(summaryLine(summary, style, lang));
    else if (out.pop() === undefined) return '';
    return out.join('\n') + '\n';
}

function gutter(label: string, diagnostic: ReportedDiagnostic): string {
    return label.padStart(String(diagnostic.start.line).length + 1);
}

/** Source lines are quoted at most this many characters wide, around the span. */
const MAX_QUOTE = 120;

function quoteSource(diagnostic: ReportedDiagnostic, lines: readonly string[], colour: (text: string) => string, style: Style): string[] {
    const full = lines[diagnostic.start.line - 1];
    if (full === undefined) return [];
    // Only the part of a very long line near the span can be shown; never expand all of it.
    const windowStart = Math.max(0, diagnostic.start.column - 1 - 2 * MAX_QUOTE);
    const source = full.slice(windowStart, diagnostic.start.column - 1 + 4 * MAX_QUOTE);
    const column = diagnostic.start.column - windowStart;
    // Tabs are shown as four spaces, and control characters as their escapes (`\x1b`), so the
    // marker must count them the same way.
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- columns are counted in code points, as the terminal's marker below them is
    const expand = (text: string) => [...escapeTerminal(text.replace(/\t/g, '    '))];
    const before = expand(source.slice(0, column - 1));
    const endColumn = diagnostic.end.line === diagnostic.start.line ? diagnostic.end.column - windowStart : source.length + 1;
    const spanned = expand(source.slice(column - 1, endColumn - 1));
    const whole = expand(source);
    const cutBefore = windowStart > 0;
    const cutAfter = windowStart + source.length < full.length;
    // A very long line (a pasted file, a minified export) is shown as a window around the span.
    let from = 0;
    let to = whole.length;
    if (whole.length > MAX_QUOTE || cutBefore || cutAfter) {
        from = Math.max(0, before.length - 30);
        to = Math.min(whole.length, from + MAX_QUOTE);
    }
    const ellipsisBefore = from > 0 || cutBefore;
    const shown = `${ellipsisBefore ? '…' : ''}${whole.slice(from, to).join('')}${to < whole.length || cutAfter ? '…' : ''}`;
    const markerStart = before.length - from + (ellipsisBefore ? 1 : 0);
    const markerLength = Math.max(1, Math.min(spanned.length, to - before.length));
    return [
        `${gutter('', diagnostic)} ${style.dim('|')}`,
        `${style.dim(gutter(String(diagnostic.start.line), diagnostic))} ${style.dim('|')} ${shown}`,
        `${gutter('', diagnostic)} ${style.dim('|')} ${' '.repeat(markerStart)}${colour('^'.repeat(markerLength))}`
    ];
}

/**
 * `6 files checked: all checks passed`, or the count of errors and warnings and the files they are
 * in. Severity words in diagnostics stay `error` and `warning` in every language, as tools match them.
 */
export function summaryLine(summary: CheckSummary, style: Style, lang: Lang = 'en'): string {
    const counts = { files: summary.files, unreadable: summary.unreadable };
    if (summary.errors === 0 && summary.warnings === 0) {
        return summary.unreadable > 0 ? style.error(t('cli.summary.no-problems', counts, lang)) : style.ok(t('cli.summary.all-passed', counts, lang));
    }
    const line = t('cli.summary.problems', { ...counts, errors: summary.errors, warnings: summary.warnings, count: summary.filesWithProblems }, lang);
    // One sentence, so one colour: that of the worst it reports.
    return summary.errors > 0 || summary.unreadable > 0 ? style.error(line) : style.warning(line);
}
