import type { ReportedDiagnostic } from '../diagnostics.js';
import type { CheckSummary } from './summary.js';

/** Version of the shape below; bumped on any incompatible change, with a new schema. */
const CHECK_JSON_VERSION = 1;

/** The published schema of this output: `schema/check-json-1.schema.json` in this package. */
export const CHECK_JSON_SCHEMA_ID = 'urn:pool:schema:check-json:1';

/**
 * Machine-readable results. Positions are 1-based lines and columns (columns count UTF-16 code
 * units, as editors do); `end` is exclusive.
 */
export function formatJson(diagnostics: readonly ReportedDiagnostic[], summary: CheckSummary, files: readonly string[], toolVersion: string): string {
    const result = {
        $schema: CHECK_JSON_SCHEMA_ID,
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
            related: d.related.map(r => ({ file: r.file, range: { start: r.start, end: r.end }, message: r.message }))
        }))
    };
    return JSON.stringify(result, null, 2) + '\n';
}
