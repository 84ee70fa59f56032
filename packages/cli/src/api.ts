/**
 * Pool as a library: the entry of the published package (`import { check } from '@pool-lang/cli'`).
 * The same code as the `pool` command: `check` is `pool check --format json`, `loadAgreement` is
 * `pool generate json`, `renderReport` is `pool report`. Problems with what was asked for (a path
 * that does not exist, a partner that is not in the agreement) are thrown as `PoolError`, whose
 * message is the one line the command would print.
 */
import { type Lang, TOOL_VERSION } from '@pool/language';
import { message, t } from './i18n/index.js';
import type { ReportData } from '@pool/reports';
import { checkFiles, isFailing, STDIN_ARGUMENT } from './commands/check.js';
import { loadOne, recordedSource, renderReportData, reportDataOf, reportRecord } from './commands/report.js';
import { reportDate } from './report-date.js';
import { UsageError } from './files.js';
import { checkResult, type CheckResult } from './formats/json.js';
import { summarise } from './formats/summary.js';
import { usageMessage } from './language.js';

export type { CheckResult } from './formats/json.js';
/** The whole agreement as data: the object `pool generate json` prints (schema `urn:pool:schema:agreement-json:4`). */
export type AgreementJson = ReportData;

/** The version of Pool. */
export const version: string = TOOL_VERSION;

/** A problem with what was asked for: the one line `pool` would print, without `pool: `. */
export class PoolError extends Error {
    override readonly name = 'PoolError';
}

export interface CheckOptions {
    /** The language of the messages: `en` (the default) or `cy`. */
    readonly lang?: Lang;
    /** Count warnings as failures, as `--strict` does. */
    readonly strict?: boolean;
    /** Apply `.poolignore` to files named one by one too, as `--force-exclude` does. */
    readonly forceExclude?: boolean;
}

/** The result of a check, with whether it passes as `pool check` would exit 0. */
export interface CheckOutcome extends CheckResult {
    readonly passed: boolean;
}

/**
 * Checks agreement files, folders (honouring `.poolignore`) and glob patterns, relative to the
 * working folder, with everything they import.
 */
export function check(paths: readonly string[], options: CheckOptions = {}): Promise<CheckOutcome> {
    return withPoolErrors(options.lang, () => checkWith(paths, options));
}

/**
 * Checks an agreement given as text, as `pool check --stdin-filename FILENAME -` does: `filename`
 * (a `.pool` path, relative to the working folder) names it in messages and is where its imports
 * are found from; a file of that name on disk is not read.
 */
export function checkText(text: string, options: CheckOptions & { readonly filename?: string } = {}): Promise<CheckOutcome> {
    const bytes = new TextEncoder().encode(text);
    return withPoolErrors(options.lang, () => checkWith([STDIN_ARGUMENT], options, { stdinFilename: options.filename, stdin: () => Promise.resolve(bytes) }));
}

async function checkWith(
    paths: readonly string[],
    options: CheckOptions,
    stdin: { stdinFilename?: string; stdin?: () => Promise<Uint8Array> } = {}
): Promise<CheckOutcome> {
    const lang = options.lang ?? 'en';
    const checked = await checkFiles(paths, { lang, forceExclude: options.forceExclude, ...stdin });
    const [unreadable] = checked.unreadable;
    if (unreadable) throw new UsageError(message('cli.cannot-read', { file: unreadable.file, reason: unreadable.reason }));
    const summary = summarise(checked.diagnostics, checked.files.length);
    const result = checkResult(checked.diagnostics, summary, checked.files, TOOL_VERSION);
    return { ...result, passed: !checked.diagnostics.some(diagnostic => isFailing(diagnostic, options.strict ?? false)) };
}

/** Reads an agreement and what it imports, checks it, and returns it whole as data with every computed figure. */
export function loadAgreement(file: string, options: { readonly lang?: Lang } = {}): Promise<AgreementJson> {
    const lang = options.lang ?? 'en';
    return withPoolErrors(lang, async () => reportDataOf(await loadOne(file, lang), file, TOOL_VERSION, lang));
}

export interface ReportOptions {
    /** The language of the report: `en` (the default) or `cy`. */
    readonly lang?: Lang;
    /** One partner's statement instead of the whole agreement: the partner's id. */
    readonly partner?: string;
}

/**
 * The report for people that `pool report` writes: Markdown or a self-contained HTML page as text, PDF as bytes,
 * dated as `pool report` dates it (`SOURCE_DATE_EPOCH` when set, otherwise now).
 */
export function renderReport(file: string, options: ReportOptions & { readonly format: 'md' | 'html' }): Promise<string>;
export function renderReport(file: string, options: ReportOptions & { readonly format: 'pdf' }): Promise<Uint8Array>;
export function renderReport(file: string, options: ReportOptions & { readonly format: 'md' | 'html' | 'pdf' }): Promise<string | Uint8Array> {
    const lang = options.lang ?? 'en';
    return withPoolErrors(lang, async () => {
        const data = await reportDataOf(await loadOne(file, lang), file, TOOL_VERSION, lang);
        const partners = data.partners.map(partner => partner.id);
        if (options.partner !== undefined && !partners.includes(options.partner)) {
            throw new UsageError(
                message('cli.report.no-such-partner', {
                    partner: options.partner,
                    file,
                    partners: partners.join(', ') || t('cli.report.no-partners', {}, lang)
                })
            );
        }
        const generatedAt = reportDate();
        const record = reportRecord(data, { source: recordedSource(file, undefined), lang, partner: options.partner, generatedAt });
        return renderReportData(data, options.format, { lang, partner: options.partner, generatedAt, record });
    });
}

/** A user's mistake reaches the caller as a `PoolError` with the command's one line. */
async function withPoolErrors<T>(lang: Lang | undefined, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        if (error instanceof UsageError) throw new PoolError(usageMessage(error, lang ?? 'en'));
        throw error;
    }
}
