import { existsSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from '@pool/files';
import { message, t } from '../i18n/index.js';
import { AGREEMENT_JSON_SCHEMA_ID, findReportRecord, type ReportData, type ReportRecord, renderJson } from '@pool/reports';
import { describeFsError, UsageError } from '../files.js';
import type { CommandIo } from './check.js';
import { approvedVersionOf, loadOne, renderReportData, type ReportFormat, reportDataOf, reportRecord } from './report.js';
import { commitExists } from './diff.js';

type VerifiedFormat = ReportFormat | 'json';

/** A report larger than this is not one Pool made (the largest agreement's PDF is a few MiB). */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** What a report says of itself: its format and how it was made. */
interface ReadReport {
    readonly format: VerifiedFormat;
    readonly record: ReportRecord | undefined;
}

/**
 * `pool verify REPORT [SOURCE…]`: whether a report (Markdown, HTML, PDF or JSON) is exactly what
 * Pool makes from its sources. The report records how it was made (the agreement's path, the
 * language, the partner of a statement, its date, the tool's version, each source file's SHA-256);
 * verify reads the sources, makes the report again with that record and compares the bytes. So
 * editing anything in a report, its fingerprint included, or any character of a source, fails.
 * Exit 0 when it matches, 1 when it does not, 2 when it cannot tell (a report or source that
 * cannot be read, no record, another format, another version of Pool).
 */
export async function runVerify(report: string, sources: readonly string[], io: CommandIo): Promise<number> {
    let bytes: Uint8Array;
    try {
        bytes = await readRegularFile(report, MAX_REPORT_BYTES);
    } catch (error) {
        throw new UsageError(message('cli.cannot-read', { file: report, reason: describeFsError(error, io.lang) }));
    }
    const { format, record } = readReport(bytes, report);
    if (record === undefined) throw new UsageError(message('cli.verify.no-record', { report }));
    if (record.tool !== io.version) {
        throw new UsageError(message('cli.verify.other-version', { report, recorded: record.tool, version: io.version }));
    }
    const [given, ...others] = sources;
    const source = given ?? recordedSourceOf(report, record.source);
    const workspace = await loadOne(source, record.lang);
    const data = await reportDataOf(workspace, source, io.version, record.lang);
    const made = new Set([...workspace.bytes.keys()].map(file => path.resolve(file)));
    for (const other of others) {
        if (!made.has(path.resolve(other))) throw new UsageError(message('cli.verify.not-a-source', { file: other, source }));
    }
    const changed = changedFile(record, data);
    if (changed !== undefined) {
        io.out(`${t('cli.verify.source-changed', { report, source, file: changed }, io.lang)}\n`);
        return 1;
    }
    const history = await historyVerdict(record, data, source, report, io);
    if (history !== undefined) return history;
    const again = await remake(data, format, record);
    if (again === undefined || !sameBytes(again, bytes)) {
        io.out(`${t('cli.verify.report-changed', { report, source }, io.lang)}\n`);
        return 1;
    }
    io.out(`${t('cli.verify.matches', { report, source, fingerprint: data.fingerprint.agreement }, io.lang)}\n`);
    return 0;
}

/**
 * The appendix lists the changes since the last approved version, found in git history. When the
 * history gives another version than the one the report records, the report cannot match: it
 * says so (exit 1), or, when the history here lacks what the report was made from (no repository,
 * or the recorded commit missing, as in a shallow clone), that it cannot tell (exit 2). Undefined
 * when the history gives the recorded version, and the bytes decide.
 */
async function historyVerdict(record: ReportRecord, data: ReportData, source: string, report: string, io: CommandIo): Promise<number | undefined> {
    const recorded = record.approvedVersion;
    const found = approvedVersionOf(data);
    if (recorded === undefined || recorded === found) return undefined;
    const isCommit = (version: string) => /^[0-9a-f]{40,64}$/.test(version);
    if (found === 'no-repository') {
        io.out(`${t('cli.verify.no-history', { report, source }, io.lang)}\n`);
        return 2;
    }
    if (isCommit(recorded) && !(await commitExists(recorded, path.dirname(path.resolve(source))))) {
        io.out(`${t('cli.verify.commit-missing', { report, source, commit: recorded.slice(0, 12) }, io.lang)}\n`);
        return 2;
    }
    const short = (version: string) => (isCommit(version) ? version.slice(0, 12) : 'none');
    io.out(
        recorded === 'no-repository'
            ? `${t('cli.verify.history-appeared', { report, source, found: short(found) }, io.lang)}\n`
            : `${t('cli.verify.approved-version-moved', { report, source, recorded: short(recorded), found: short(found) }, io.lang)}\n`
    );
    return 1;
}

/** The format from the bytes themselves (never the file's name), and the record it carries. */
function readReport(bytes: Uint8Array, report: string): ReadReport {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
    if (head.startsWith('%PDF-')) return { format: 'pdf', record: findReportRecord(new TextDecoder('latin1').decode(bytes)) };
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw unknownFormat(report);
    }
    if (/^\s*\{/.test(text)) return { format: 'json', record: jsonRecord(text, report) };
    if (/^<!DOCTYPE html>/i.test(text)) return { format: 'html', record: findReportRecord(text) };
    if (text.startsWith('# ')) return { format: 'md', record: findReportRecord(text) };
    throw unknownFormat(report);
}

function unknownFormat(report: string): UsageError {
    return new UsageError(message('cli.verify.unknown-format', { report }));
}

/** The JSON's own fields say most of how it was made; `report` says the rest. */
function jsonRecord(text: string, report: string): ReportRecord | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        throw unknownFormat(report);
    }
    const json = parsed as Partial<ReportData> & { readonly report?: { readonly source?: unknown; readonly lang?: unknown } };
    if (typeof parsed !== 'object' || parsed === null || json.$schema !== AGREEMENT_JSON_SCHEMA_ID) throw unknownFormat(report);
    const made = json.report;
    const files = json.fingerprint?.files;
    const version = json.tool?.version;
    if (typeof made?.source !== 'string' || (made.lang !== 'en' && made.lang !== 'cy') || !Array.isArray(files) || typeof version !== 'string') {
        return undefined;
    }
    const since = json.sinceApproved;
    const approvedVersion = since === undefined ? undefined : since.status === 'compared' ? since.commit : since.status;
    return { source: made.source, lang: made.lang, tool: version, files, ...(approvedVersion === undefined ? {} : { approvedVersion }) };
}

/**
 * The source a report records, from the report's folder (where `-o` put it); a report that went
 * to standard output recorded it from the folder the command ran in, which is tried next.
 */
function recordedSourceOf(report: string, recorded: string): string {
    const beside = path.join(path.dirname(report), recorded);
    return existsSync(beside) || !existsSync(recorded) ? beside : recorded;
}

/** The first source file whose bytes differ from the ones the report was made from, or one added or gone. */
function changedFile(record: ReportRecord, data: ReportData): string | undefined {
    const now = new Map(data.fingerprint.files.map(entry => [entry.file, entry.sha256]));
    const then = new Map(record.files.map(entry => [entry.file, entry.sha256]));
    for (const [file, sha256] of then) if (now.get(file) !== sha256) return file;
    for (const file of now.keys()) if (!then.has(file)) return file;
    return undefined;
}

/** The report made again as recorded; undefined when the record names a partner the agreement does not have. */
async function remake(data: ReportData, format: VerifiedFormat, record: ReportRecord): Promise<Uint8Array | undefined> {
    if (format === 'json') return new TextEncoder().encode(renderJson(data, { source: record.source, lang: record.lang }));
    if (record.partner !== undefined && !data.statements.some(statement => statement.partner === record.partner)) return undefined;
    const again = reportRecord(data, record);
    const content = await renderReportData(data, format, {
        lang: record.lang,
        ...(record.partner === undefined ? {} : { partner: record.partner }),
        ...(record.generatedAt === undefined ? {} : { generatedAt: record.generatedAt }),
        record: again
    });
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
