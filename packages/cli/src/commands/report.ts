import { existsSync, readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AgreementModel, type Lang, message, t } from '@pool/language';
import { buildReportData, type ReportData, type ReportLang, renderHtml, renderJson, renderMarkdown } from '@pool/reports';
import { URI } from 'langium';
import { displayPath, findPoolFiles, UsageError } from '../files.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace.js';
import { writeFileAtomic } from '../write-output.js';
import type { CommandIo } from './check.js';

export type ReportFormat = 'md' | 'html' | 'pdf';

export interface ReportOptions {
    readonly format: ReportFormat;
    readonly output?: string;
    readonly partner?: string;
    readonly eachPartner: boolean;
    readonly lang: ReportLang;
    /** Record when the report was made; without it, the same input gives byte-identical output. */
    readonly timestamp: boolean;
}

export interface GenerateJsonOptions {
    readonly output?: string;
}

/** Every report is whole before anything is written; the file then appears atomically. */
export async function renderReportData(
    data: ReportData,
    format: ReportFormat,
    options: { lang: ReportLang; partner?: string; generatedAt?: string }
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

/** The report data of an agreement, with each source file hashed as stored on disk. */
export function reportDataOf(workspace: LoadedWorkspace, file: string, version: string): ReportData {
    return buildReportData(modelOf(workspace, file), undefined, {
        toolVersion: version,
        fileBytes: uri => {
            try {
                return readFileSync(fileURLToPath(uri));
            } catch {
                return undefined;
            }
        }
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
 * `pool report FILE`: a report for people, in Markdown, HTML or PDF. Exit status 0 when the
 * agreement checks without errors, 1 when it has errors (the report is still written and says so),
 * 2 for usage and I/O errors.
 */
export async function runReport(file: string, options: ReportOptions, io: CommandIo): Promise<number> {
    if (options.partner !== undefined && options.eachPartner) throw new UsageError(message('cli.report.partner-or-each', {}));
    if (options.eachPartner && options.output === undefined) throw new UsageError(message('cli.report.each-needs-folder', {}));
    if (options.format === 'pdf' && options.output === undefined) throw new UsageError(message('cli.report.pdf-needs-file', {}));
    if (options.output !== undefined && !options.eachPartner && (await isDirectory(options.output))) {
        throw new UsageError(
            message('cli.report.output-is-folder', { output: options.output, example: path.join(options.output, `report.${options.format}`) })
        );
    }
    const workspace = await loadOne(file, io.lang);
    const data = reportDataOf(workspace, file, io.version);
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
    const renderOptions = { lang: options.lang, generatedAt: options.timestamp ? new Date().toISOString() : undefined };
    if (options.eachPartner && options.output !== undefined) {
        const folder = options.output;
        // Every report is rendered before the first is written, so a failure leaves nothing behind.
        const reports: [string, string | Uint8Array][] = [];
        // Partners that take part: they pay in, share in something, or approved the text.
        const taking = data.statements.filter(
            statement =>
                statement.contributions.length > 0 || statement.shares.length > 0 || data.approvals.some(approval => approval.partner === statement.partner)
        );
        for (const partner of taking.map(statement => statement.partner)) {
            reports.push([path.join(folder, `${partner}.${options.format}`), await renderReportData(data, options.format, { ...renderOptions, partner })]);
        }
        await mkdir(folder, { recursive: true });
        for (const [target, content] of reports) await writeFileAtomic(target, content);
        io.err(`${t('cli.report.wrote-statements', { count: reports.length, folder: displayPath(path.resolve(folder)) }, io.lang)}\n`);
    } else {
        const content = await renderReportData(data, options.format, { ...renderOptions, partner: options.partner });
        if (options.output === undefined) {
            io.out(content as string);
        } else {
            await writeFileAtomic(options.output, content);
        }
    }
    return data.verdict.errors > 0 ? 1 : 0;
}

/**
 * `pool generate json FILE|FOLDER`: the whole agreement as JSON for machines, validated by the
 * published schema. A folder gives one JSON file per `.pool` file, written under `-o FOLDER` with
 * the same relative paths.
 */
export async function runGenerateJson(target: string, options: GenerateJsonOptions, io: CommandIo): Promise<number> {
    if (!(await isDirectory(target))) {
        const workspace = await loadOne(target, io.lang);
        const data = reportDataOf(workspace, target, io.version);
        if (options.output === undefined) io.out(renderJson(data));
        else await writeFileAtomic(options.output, renderJson(data));
        return data.verdict.errors > 0 ? 1 : 0;
    }
    if (options.output === undefined) throw new UsageError(message('cli.json.folder-needs-output', { target }));
    const files = await findPoolFiles([target], process.cwd(), io.lang);
    const workspace = await loadWorkspace(files, { language: io.lang });
    const [unreadable] = workspace.unreadable;
    if (unreadable) throw new UsageError(message('cli.cannot-read', { file: unreadable.file, reason: unreadable.reason }));
    const outputs: [string, string][] = [];
    let errors = 0;
    for (const file of files) {
        const data = reportDataOf(workspace, file, io.version);
        errors += data.verdict.errors;
        const relative = path.relative(path.resolve(target), file).replace(/\.pool$/, '.json');
        outputs.push([path.join(options.output, relative), renderJson(data)]);
    }
    for (const [file, content] of outputs) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, content);
    }
    io.err(`${t('cli.json.wrote-files', { count: outputs.length, folder: displayPath(path.resolve(options.output)) }, io.lang)}\n`);
    return errors > 0 ? 1 : 0;
}
