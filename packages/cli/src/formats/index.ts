import type { Lang } from '@pool/language';
import type { ReportedDiagnostic } from '../diagnostics.js';
import type { Style } from '../style.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import type { CheckSummary } from './summary.js';
import { formatText } from './text.js';

/** Everything a format may need to describe one run of `pool check`. */
export interface CheckRun {
    readonly diagnostics: readonly ReportedDiagnostic[];
    readonly summary: CheckSummary;
    /** Every file checked, as displayed, sorted. */
    readonly files: readonly string[];
    readonly toolVersion: string;
    readonly strict: boolean;
    readonly style: Style;
    /** Where the check reference (docs/checks.md) is published, for help links; optional. */
    readonly helpBaseUri?: string;
    /** The language of the summary line (the diagnostics are already worded in it). */
    readonly lang: Lang;
}

/** The output formats of `pool check`. Adding one is adding a file and a line here. */
export const CHECK_FORMATS = {
    text: (run: CheckRun) => formatText(run.diagnostics, run.summary, run.style, run.lang),
    json: (run: CheckRun) => formatJson(run.diagnostics, run.summary, run.files, run.toolVersion),
    sarif: formatSarif,
    github: formatGithub,
    junit: formatJunit
} satisfies Record<string, (run: CheckRun) => string>;

export type CheckFormat = keyof typeof CHECK_FORMATS;
