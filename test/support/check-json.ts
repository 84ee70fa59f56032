import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runPoolInProcess } from './cli.js';

/**
 * Diagnostics as one comparable line each, `line:col-line:col severity code message` (1-based),
 * sorted: what `pool check --format json` says and what a language client was sent, side by side.
 */
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

interface Finding {
    readonly start: { readonly line: number; readonly column: number };
    readonly end: { readonly line: number; readonly column: number };
    readonly severity: string;
    readonly code: string;
    readonly message: string;
}

function render(findings: readonly Finding[]): string[] {
    return findings
        .map(d => `${String(d.start.line)}:${String(d.start.column)}-${String(d.end.line)}:${String(d.end.column)} ${d.severity} ${d.code} ${d.message}`)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** What a client was sent, as lines. */
export function lspLines(diagnostics: readonly Diagnostic[]): string[] {
    return render(
        diagnostics.map(d => ({
            start: { line: d.range.start.line + 1, column: d.range.start.character + 1 },
            end: { line: d.range.end.line + 1, column: d.range.end.character + 1 },
            severity: SEVERITY[d.severity ?? 1] ?? 'error',
            code: String(d.code),
            message: typeof d.message === 'string' ? d.message : (d.message as { value: string }).value
        }))
    );
}

/** `pool check --format json ARGS` run in `cwd` (in this process): every file it read (absolute path) with its diagnostics as lines. */
export async function checkJsonByFile(args: readonly string[], cwd: string): Promise<Map<string, string[]>> {
    const run = await runPoolInProcess(['check', '--format', 'json', ...args], { cwd });
    const json = JSON.parse(run.stdout) as {
        files: string[];
        diagnostics: { file: string; severity: string; code: string; message: string; range: { start: Finding['start']; end: Finding['end'] } }[];
    };
    return new Map(
        json.files.map(file => [
            path.resolve(cwd, file),
            render(json.diagnostics.filter(d => d.file === file).map(d => ({ ...d, start: d.range.start, end: d.range.end })))
        ])
    );
}
