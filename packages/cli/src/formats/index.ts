import type { Lang } from '@pool/language';
import type { ReportedDiagnostic } from '../diagnostics.js';
import type { Style } from '../style.js';
import { formatCodeQuality } from './codequality.js';
import type { SourceRoot } from './fingerprint.js';
import { formatGithub } from './github.js';
import { formatJobSummary } from './job-summary.js';
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
    /** `--quiet`: the text and annotations leave out their closing count line. */
    readonly quiet: boolean;
    readonly style: Style;
    /** Where the check reference (docs/checks.md) is published, for help links; optional. */
    readonly helpBaseUri?: string;
    /** The language of the summary line (the diagnostics are already worded in it). */
    readonly lang: Lang;
    /** The repository root and working folder, for paths from the root and fingerprints. */
    readonly where: SourceRoot;
}

/** The output formats of `pool check`. Adding one is adding a file and a line here. */
export const CHECK_FORMATS = {
    text: (run: CheckRun) => formatText(run.diagnostics, run.summary, run.style, run.lang, !run.quiet),
    json: (run: CheckRun) => formatJson(run.diagnostics, run.summary, run.files, run.toolVersion),
    sarif: formatSarif,
    github: formatGithub,
    junit: formatJunit,
    codequality: formatCodeQuality,
    summary: formatJobSummary
} satisfies Record<string, (run: CheckRun) => string>;

export type CheckFormat = keyof typeof CHECK_FORMATS;

export function isCheckFormat(name: string): name is CheckFormat {
    return Object.hasOwn(CHECK_FORMATS, name);
}
