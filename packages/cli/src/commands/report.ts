import { existsSync, fstatSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FileToWrite, writeFilesAllOrNothing, writeFileSafely } from '@pool/files';
import { type AgreementModel, type Lang } from '@pool/language';
import { message, t } from '../i18n/index.js';
import { buildReportData, type ReportData, type ReportLang, type ReportRecord, renderHtml, renderJson, renderMarkdown } from '@pool/reports';
import { URI } from 'langium';
import { describeFsError, displayPath, findPoolFiles, UsageError } from '../files.js';
import { reportDate } from '../report-date.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace.js';
import type { CommandIo } from './check.js';
import { sinceApprovedVersion } from './diff.js';

export type ReportFormat = 'md' | 'html' | 'pdf';

export interface ReportOptions {
    readonly format: ReportFormat;
    readonly output?: string;
    readonly partner?: string;
    readonly eachPartner: boolean;
    readonly lang: ReportLang;
}

export interface GenerateJsonOptions {
    readonly output?: string;
}

/** Every report is whole before anything is written; the file then appears atomically. */
export async function renderReportData(
    data: ReportData,
    format: ReportFormat,
    options: { lang: ReportLang; partner?: string; generatedAt?: string; record?: ReportRecord }
): Promise<string | Uint8Array> {
    switch (format) {
        case 'md':
            return renderMarkdown(data, options);
        case 'html':
            return renderHtml(data, options);
        case 'pdf': {
            // Loaded only when asked for: the PDF library and its fonts are the heaviest part.
            const { renderPdf } = await import('@pool/reports/pdf');
            return renderPdf(data, { ...options, fontDirectory: bundledFonts() });
        }
    }
}

/**
 * The path of a source as a report records it, for `pool verify`: from the folder of the file the
 * report is written to, or, for standard output, from the folder the command runs in; with `/`
 * between folders on every system.
 */
export function recordedSource(source: string, output: string | undefined): string {
    const from = output === undefined ? process.cwd() : path.dirname(path.resolve(output));
    return path.relative(from, path.resolve(source)).split(path.sep).join('/');
}

/**
 * How a report was made, in the one order of fields that `pool report` and `pool verify` both
 * write (the record is compared byte for byte with the rest of the report).
 */
export function reportRecord(
    data: ReportData,
    made: { readonly source: string; readonly lang: ReportLang; readonly partner?: string; readonly generatedAt?: string }
): ReportRecord {
    return {
        source: made.source,
        lang: made.lang,
        ...(made.partner === undefined ? {} : { partner: made.partner }),
        ...(made.generatedAt === undefined ? {} : { generatedAt: made.generatedAt }),
        tool: data.tool.version,
        files: data.fingerprint.files.map(entry => ({ file: entry.file, sha256: entry.sha256 })),
        approvedVersion: approvedVersionOf(data)
    };
}

/** The last approved version a report's appendix compares with, as its record keeps it: the commit, or why there is none. */
export function approvedVersionOf(data: ReportData): string {
    return data.sinceApproved.status === 'compared' ? data.sinceApproved.commit : data.sinceApproved.status;
}

/**
 * The fonts beside a bundle that carries them (the published package: `fonts/` next to its
 * code); elsewhere the PDF renderer reads them from the dejavu-fonts-ttf package.
 */
function bundledFonts(): string | undefined {
    const folder = fileURLToPath(new URL('fonts/', import.meta.url));
    return existsSync(path.join(folder, 'DejaVuSans.ttf')) ? folder : undefined;
}

function modelOf(workspace: LoadedWorkspace, file: string): AgreementModel {
    const document = workspace.shared.workspace.LangiumDocuments.getDocument(URI.file(path.resolve(file)));
    if (!document) throw new Error(`${file} was read but is not in the workspace`);
    return workspace.pool.pool.ModelProvider.getModel(document as never);
}

/**
 * The report data of an agreement, with each source file hashed as stored on disk and the changes
 * since its last approved version found as `pool diff --approved` finds them (their sentences in `lang`).
 */
export async function reportDataOf(workspace: LoadedWorkspace, file: string, version: string, lang: Lang): Promise<ReportData> {
    const model = modelOf(workspace, file);
    return buildReportData(model, undefined, {
        toolVersion: version,
        // The bytes as read for checking: the file is not read again (it could have changed, or
        // been replaced by something that is not a file).
        fileBytes: uri => workspace.bytes.get(fileURLToPath(uri)),
        sinceApproved: await sinceApprovedVersion(model, lang)
    });
}

/** The agreement and its imports, checked with findings worded in `lang`, as the report lists them. */
export async function loadOne(file: string, lang: Lang): Promise<LoadedWorkspace> {
    const workspace = await loadWorkspace([file], { language: lang });
    const [unreadable] = workspace.unreadable;
    if (unreadable) throw new UsageError(message('cli.cannot-read', { file, reason: unreadable.reason }));
    return workspace;
}

async function isDirectory(file: string): Promise<boolean> {
    return stat(file).then(
        info => info.isDirectory(),
        () => false
    );
}

/**
 * `-o -` is standard output, as for other tools, and so is any name for it (`/dev/stdout`,
 * `/dev/fd/1`): written as standard output, whatever that is (a pipe, a socket, a terminal).
 * `-o ''` names nothing.
 */
function outputOf(output: string | undefined): string | undefined {
    if (output === '') throw new UsageError(message('cli.output-empty', {}));
    if (output === '-' || (output !== undefined && isStandardOutput(output))) return undefined;
    return output;
}

function isStandardOutput(file: string): boolean {
    try {
        const target = statSync(file);
        const stdout = fstatSync(1);
        return !target.isFile() && target.dev === stdout.dev && target.ino === stdout.ino;
    } catch {
        return false;
    }
}

/** Writes one output file, whole or not at all; a failure is one line naming the file and why. */
async function writeOutput(file: string, content: string | Uint8Array, lang: Lang): Promise<void> {
    try {
        await writeFileSafely(file, content);
    } catch (error) {
        throw new UsageError(message('cli.cannot-write', { file, reason: describeFsError(error, lang) }));
    }
}

/** Writes several output files all or nothing, creating their folders; a failure writes none of them. */
async function writeOutputs(files: readonly FileToWrite[], folder: string, lang: Lang): Promise<void> {
    try {
        await writeFilesAllOrNothing(files, { createFolders: true });
    } catch (error) {
        throw new UsageError(message('cli.cannot-write-all', { folder, reason: describeFsError(error, lang) }));
    }
}

/**
 * `pool report FILE`: a report for people, in Markdown, HTML or PDF. Exit status 0 when the
 * agreement checks without errors, 1 when it has errors (the report is still written and says so),
 * 2 for usage and I/O errors.
 */
export async function runReport(file: string, given: ReportOptions, io: CommandIo): Promise<number> {
    const options = { ...given, output: outputOf(given.output) };
    // Read first: a date that is not one is a usage error before any work is done.
    const generatedAt = reportDate();
    if (options.partner !== undefined && options.eachPartner) throw new UsageError(message('cli.report.partner-or-each', {}));
    if (options.eachPartner && options.output === undefined) throw new UsageError(message('cli.report.each-needs-folder', {}));
    if (options.format === 'pdf' && options.output === undefined) throw new UsageError(message('cli.report.pdf-needs-file', {}));
    if (options.output !== undefined && !options.eachPartner && (await isDirectory(options.output))) {
        throw new UsageError(
            message('cli.report.output-is-folder', { output: options.output, example: path.join(options.output, `report.${options.format}`) })
        );
    }
    const workspace = await loadOne(file, io.lang);
    const data = await reportDataOf(workspace, file, io.version, options.lang);
    const known = new Set(data.partners.map(partner => partner.id));
    if (options.partner !== undefined && !known.has(options.partner)) {
        throw new UsageError(
            message('cli.report.no-such-partner', {
                partner: options.partner,
                file,
                partners: [...known].join(', ') || t('cli.report.no-partners', {}, io.lang)
            })
        );
    }
    const renderOptions = { lang: options.lang, generatedAt };
    if (options.eachPartner && options.output !== undefined) {
        const folder = options.output;
        // Every report is rendered before the first is written, so a failure leaves nothing behind.
        const reports: FileToWrite[] = [];
        // Partners that take part: they pay in, share in something, or approved the text.
        const taking = data.statements.filter(
            statement =>
                statement.contributions.length > 0 || statement.shares.length > 0 || data.approvals.some(approval => approval.partner === statement.partner)
        );
        for (const partner of taking.map(statement => statement.partner)) {
            const target = path.join(folder, `${partner}.${options.format}`);
            const record = reportRecord(data, { source: recordedSource(file, target), lang: options.lang, partner, generatedAt });
            reports.push({ path: target, data: await renderReportData(data, options.format, { ...renderOptions, partner, record }) });
        }
        await writeOutputs(reports, folder, io.lang);
        io.err(`${t('cli.report.wrote-statements', { count: reports.length, folder: displayPath(path.resolve(folder)) }, io.lang)}\n`);
    } else {
        const record = reportRecord(data, { source: recordedSource(file, options.output), lang: options.lang, partner: options.partner, generatedAt });
        const content = await renderReportData(data, options.format, { ...renderOptions, partner: options.partner, record });
        if (options.output === undefined) {
            io.out(content as string);
        } else {
            await writeOutput(options.output, content, io.lang);
        }
    }
    return data.verdict.errors > 0 ? 1 : 0;
}

/**
 * `pool generate json FILE|FOLDER`: the whole agreement as JSON for machines, validated by the
 * published schema. A folder gives one JSON file per `.pool` file, written under `-o FOLDER` with
 * the same relative paths.
 */
export async function runGenerateJson(target: string, given: GenerateJsonOptions, io: CommandIo): Promise<number> {
    const options = { ...given, output: outputOf(given.output) };
    if (!(await isDirectory(target))) {
        const workspace = await loadOne(target, io.lang);
        const data = await reportDataOf(workspace, target, io.version, io.lang);
        const json = renderJson(data, { source: recordedSource(target, options.output), lang: io.lang });
        if (options.output === undefined) io.out(json);
        else await writeOutput(options.output, json, io.lang);
        return data.verdict.errors > 0 ? 1 : 0;
    }
    if (options.output === undefined) throw new UsageError(message('cli.json.folder-needs-output', { target }));
    const files = await findPoolFiles([target], process.cwd(), io.lang);
    const workspace = await loadWorkspace(files, { language: io.lang });
    const [unreadable] = workspace.unreadable;
    if (unreadable) throw new UsageError(message('cli.cannot-read', { file: unreadable.file, reason: unreadable.reason }));
    const outputs: FileToWrite[] = [];
    let errors = 0;
    for (const file of files) {
        const data = await reportDataOf(workspace, file, io.version, io.lang);
        errors += data.verdict.errors;
        const relative = path.relative(path.resolve(target), file).replace(/\.pool$/, '.json');
        const output = path.join(options.output, relative);
        outputs.push({ path: output, data: renderJson(data, { source: recordedSource(file, output), lang: io.lang }) });
    }
    await writeOutputs(outputs, options.output, io.lang);
    io.err(`${t('cli.json.wrote-files', { count: outputs.length, folder: displayPath(path.resolve(options.output)) }, io.lang)}\n`);
    return errors > 0 ? 1 : 0;
}
