import type { ReportedDiagnostic } from '../diagnostics.js';
import type { CheckSummary } from './summary.js';

/** Version of the shape below; bumped on any incompatible change, with a new schema. */
const CHECK_JSON_VERSION = 1;

/** The published schema of this output: `schema/check-json-1.schema.json` in this package. */
const CHECK_JSON_SCHEMA_ID = 'urn:pool:schema:check-json:1';

interface Position {
    readonly line: number;
    readonly column: number;
}

/** The result of `pool check --format json`, described by `schema/check-json-1.schema.json`. */
export interface CheckResult {
    readonly $schema: typeof CHECK_JSON_SCHEMA_ID;
    readonly version: typeof CHECK_JSON_VERSION;
    readonly tool: { readonly name: 'pool'; readonly version: string };
    /** Every file read (those asked for and what they import), relative to the working folder, sorted. */
    readonly files: readonly string[];
    readonly summary: CheckSummary;
    readonly diagnostics: readonly {
        readonly file: string;
        readonly severity: 'error' | 'warning' | 'info' | 'hint';
        /** The check code, as docs/checks.md names it. */
        readonly code: string;
        readonly message: string;
        readonly range: { readonly start: Position; readonly end: Position };
        readonly related: readonly { readonly file: string; readonly range: { readonly start: Position; readonly end: Position }; readonly message: string }[];
    }[];
}

/**
 * Machine-readable results. Positions are 1-based lines and columns (columns count UTF-16 code
 * units, as editors do); `end` is exclusive.
 */
export function checkResult(diagnostics: readonly ReportedDiagnostic[], summary: CheckSummary, files: readonly string[], toolVersion: string): CheckResult {
    return {
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
            related: d.related.map(r => ({ file: r.file, range: { start: r.start, end: r.end }, message: r.message })),
            // Past the per-file limit, one diagnostic per code stands for the rest: how many.
            ...(d.omitted !== undefined ? { omitted: d.omitted } : {})
        }))
    };
}

export function formatJson(diagnostics: readonly ReportedDiagnostic[], summary: CheckSummary, files: readonly string[], toolVersion: string): string {
    return JSON.stringify(checkResult(diagnostics, summary, files, toolVersion), null, 2) + '\n';
}
