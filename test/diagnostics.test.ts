import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runPool } from './support/cli.js';
import { LspClient } from './support/lsp-client.js';
import { REPO } from './support/paths.js';

/**
 * One set of fixtures, two paths: every .pool file under examples/ and test/fixtures/ is checked
 * by the `pool check` CLI and by the language server over a real LSP connection, and both must
 * give exactly the diagnostics written in its .expected file. This is what keeps the editor and
 * CI from disagreeing.
 *
 * Expected files: beside the fixture for test/fixtures, under test/fixtures/examples/ for the
 * examples (so examples/ stays what a user reads). One line per diagnostic:
 * `line:col-line:col severity code message`, 1-based. `pnpm test:update` rewrites them from the
 * CLI; review the diff before committing.
 */

const FOLDERS = ['examples', 'test/fixtures'];
const UPDATE = process.env.UPDATE_EXPECTED === '1';
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

const files = (
    await glob(
        FOLDERS.map(folder => `${folder}/**/*.pool`),
        { cwd: REPO }
    )
).sort();

function expectedPath(file: string): string {
    return file.startsWith('examples/')
        ? path.join(REPO, 'test/fixtures', file.replace(/\.pool$/, '.expected'))
        : path.join(REPO, file.replace(/\.pool$/, '.expected'));
}

interface Line {
    readonly start: { line: number; column: number };
    readonly end: { line: number; column: number };
    readonly severity: string;
    readonly code: string;
    readonly message: string;
}

function render(lines: readonly Line[]): string {
    return lines
        .map(d => `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.severity} ${d.code} ${d.message}`)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .join('\n');
}

function fromLsp(diagnostics: readonly Diagnostic[]): string {
    return render(
        diagnostics.map(d => ({
            start: { line: d.range.start.line + 1, column: d.range.start.character + 1 },
            end: { line: d.range.end.line + 1, column: d.range.end.character + 1 },
            severity: SEVERITY[d.severity ?? 1],
            code: String(d.code),
            message: typeof d.message === 'string' ? d.message : d.message.value
        }))
    );
}

// The CLI path: one `pool check` over every fixture, as CI would run it.
const cliRun = runPool(['check', '--format', 'json', ...files]);
const cliJson = JSON.parse(cliRun.stdout) as { files: string[]; diagnostics: (Line & { file: string; range: { start: Line['start']; end: Line['end'] } })[] };
const cliByFile = new Map<string, string>(
    files.map(file => [file, render(cliJson.diagnostics.filter(d => d.file === file).map(d => ({ ...d, start: d.range.start, end: d.range.end })))])
);

describe('every fixture gives its expected diagnostics through the CLI and through the language server', () => {
    let client: LspClient;
    beforeAll(async () => {
        client = await LspClient.start(FOLDERS.map(folder => path.join(REPO, folder)));
    });
    afterAll(async () => {
        await client?.stop();
    });

    it('found fixtures to check, and the CLI checked every one', () => {
        expect(files.length).toBeGreaterThan(60);
        expect(cliJson.files).toEqual(expect.arrayContaining(files));
    });

    it.each(files)('%s', async file => {
        const expectedFile = expectedPath(file);
        const cli = cliByFile.get(file)!;
        if (UPDATE) {
            await mkdir(path.dirname(expectedFile), { recursive: true });
            await writeFile(expectedFile, cli ? `${cli}\n` : '');
        }
        const expected = (await readFile(expectedFile, 'utf8')).trimEnd();
        expect(cli, 'pool check').toBe(expected);
        const lsp = fromLsp(await client.openAndWaitForDiagnostics(path.join(REPO, file)));
        expect(lsp, 'language server').toBe(expected);
    });
});
