import type { ReportedDiagnostic } from '../diagnostics.js';
import type { CheckSummary } from './summary.js';

/** Version of the shape below; bumped on any incompatible change. */
const CHECK_JSON_VERSION = 1;

/**
 * Machine-readable results. Positions are 1-based lines and columns (columns count UTF-16 code
 * units, as editors do); `end` is exclusive.
 */
export function formatJson(diagnostics: readonly ReportedDiagnostic[], summary: CheckSummary, files: readonly string[], toolVersion: string): string {
    const result = {
        version: CHECK_JSON_VERSION,
        tool: { name: 'pool', version: toolVersion },
        files,
        summary,
        diagnostics: diagnostics.map(d => ({
            file: d.file,
            severity: d.severity,
            code: d.code,
            message: d.message,
            range: { start: d.start, end: d.end },
            related: d.related.map(r => ({ file: r.file, range: { start: r.start, end: r.end }, message: r.message })),
            // Past the per-file limit, one diagnostic per code stands for the rest: how many.
            ...(d.omitted !== undefined ? { omitted: d.omitted } : {})
        }))
    };
    return JSON.stringify(result, null, 2) + '\n';
}
