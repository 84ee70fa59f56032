import type { ReportLang } from './strings.js';

/**
 * How a report was made, carried inside it so that `pool verify` can make it again and compare:
 * the agreement it was made from (its path from the report's folder, or from the folder the
 * command ran in when the report went to standard output), the language, the partner of a
 * statement, the date it bears, the tool's version, the SHA-256 of every source file and the git
 * commit of the approved version its appendix compares with (when it found one). The
 * record binds nothing by itself (anyone can edit it): a report verifies only when Pool, given the
 * sources, makes exactly the same bytes, record included.
 */
export interface ReportRecord {
    readonly source: string;
    readonly lang: ReportLang;
    readonly partner?: string;
    readonly generatedAt?: string;
    readonly tool: string;
    readonly files: readonly { readonly file: string; readonly sha256: string }[];
    /**
     * The last approved version the appendix lists the changes since: its git commit, or, when it
     * compares with none, why (`no-approvals`, `this-version`, `no-repository`, `not-in-history`).
     */
    readonly approvedVersion?: string;
}

/** What the JSON output records of how it was made; the rest of the record is its own data. */
export interface JsonReportRecord {
    readonly source: string;
    readonly lang: ReportLang;
}

/**
 * The record as one token of ASCII letters, digits, `-` and `_` after a fixed prefix, so it can sit
 * in an HTML attribute, a Markdown comment and a PDF string without escaping, and be found again
 * in the bytes of any of them.
 */
const PREFIX = 'pool-report:1:';

export function encodeReportRecord(record: ReportRecord): string {
    const bytes = new TextEncoder().encode(JSON.stringify(record));
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    // Base64 pads with at most two `=`; `/=+$/` would be proved quadratic on a run of them (test/hostile/linear-patterns).
    return (
        PREFIX +
        btoa(binary)
            .replace(/\+/g, '-')
            .replace(/\//g, '_')
            .replace(/={1,2}$/, '')
    );
}

/**
 * The record in a report's text (a PDF read as Latin-1), or undefined when there is none or it is
 * not one. The last one wins: in Markdown it is the report's last line, after any agreement text.
 */
export function findReportRecord(text: string): ReportRecord | undefined {
    const matches = [...text.matchAll(/pool-report:1:([A-Za-z0-9_-]+)/g)];
    const token = matches.at(-1)?.[1];
    if (token === undefined) return undefined;
    try {
        const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
        const bytes = Uint8Array.from(binary, character => character.charCodeAt(0));
        return asRecord(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown);
    } catch {
        return undefined;
    }
}

function asRecord(value: unknown): ReportRecord | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const text = (key: string) => typeof record[key] === 'string';
    const optional = (key: string) => record[key] === undefined || text(key);
    const files = record.files;
    const filesOk =
        Array.isArray(files) &&
        files.every(
            (file: unknown) =>
                typeof file === 'object' &&
                file !== null &&
                typeof (file as Record<string, unknown>).file === 'string' &&
                typeof (file as Record<string, unknown>).sha256 === 'string'
        );
    const langOk = record.lang === 'en' || record.lang === 'cy';
    return text('source') && text('tool') && langOk && optional('partner') && optional('generatedAt') && optional('approvedVersion') && filesOk
        ? (value as ReportRecord)
        : undefined;
}
