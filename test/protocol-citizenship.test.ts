import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CompletionItem, type CompletionList, CompletionRequest, type Hover, HoverRequest, InsertTextFormat } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from '../packages/lsp-client/src/index.js';
import { REPO, SERVER } from './support/paths.js';
import { serverForTests } from './support/lsp.js';

/**
 * The server with a minimal client, not VS Code: it declares `workspace/configuration` but never
 * answers it (nor any other request), supports no snippets, shows only plain-text hovers, and
 * cannot register file watchers or anything else dynamically. Diagnostics must still arrive, and
 * every answer must respect what the client declared.
 */
const FOLDER = path.join(REPO, 'test/loose-files');
const AGREEMENT = path.join(FOLDER, 'agreement.pool');

describe('a minimal client that answers no requests', () => {
    const server = serverForTests(() => [FOLDER], {
        answersRequests: false,
        capabilities: {
            workspace: {
                configuration: true,
                didChangeConfiguration: { dynamicRegistration: false },
                didChangeWatchedFiles: { dynamicRegistration: false }
            },
            textDocument: {
                publishDiagnostics: {},
                hover: { contentFormat: ['plaintext'] },
                completion: { completionItem: { snippetSupport: false } }
            },
            window: { workDoneProgress: false }
        }
    });

    it('still gets the diagnostics of the workspace, the settings request unanswered', async () => {
        const diagnostics = await server().diagnosticsFor(AGREEMENT, published => published.length > 0);
        expect(diagnostics.map(d => d.code)).toContain('total-mismatch');
        expect(server().initializeResult?.serverInfo).toEqual({ name: 'pool', version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown });
    });

    it('is told which version of an open document each answer of diagnostics is about, and no version for a file on disk', async () => {
        expect((await server().arrival(fileUri(AGREEMENT), 0)).version).toBeUndefined();
        const uri = fileUri(path.join(FOLDER, 'versioned.pool'));
        await server().open(uri, 'partner a "A" nonsense\n');
        expect((await server().arrival(uri, 0)).version).toBe(1);
        const edited = performance.now();
        await server().edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '// edited\n');
        const answer = await server().arrival(uri, edited);
        expect(answer.version).toBe(2);
        expect(answer.diagnostics.length).toBeGreaterThan(0);
        expect(
            answer.diagnostics.every(d => d.range.start.line >= 1),
            JSON.stringify(answer.diagnostics)
        ).toBe(true);
        await server().close(uri);
    });

    it('is asked for nothing it did not declare: no registration, no progress', () => {
        expect([...new Set(server().requestsFromServer.map(request => request.method))]).toEqual(['workspace/configuration']);
    });

    it('gets hovers in plain text, without Markdown', async () => {
        const hover = await server().request<Hover | null>(
            HoverRequest.method,
            { textDocument: { uri: fileUri(AGREEMENT) }, position: { line: 15, character: 9 } },
            20_000
        );
        const contents = hover?.contents as { kind: string; value: string } | undefined;
        expect(contents?.kind).toBe('plaintext');
        expect(contents?.value).toContain('Anytown Police');
        expect(contents?.value).not.toMatch(/\*\*|`|\\|\|/);
    });

    it('gets completion without snippets: no snippet format, no tab stops in the text', async () => {
        const uri = fileUri(path.join(FOLDER, 'new-agreement.pool'));
        await server().open(uri, '');
        const answer = await server().request<CompletionList | CompletionItem[] | null>(
            CompletionRequest.method,
            { textDocument: { uri }, position: { line: 0, character: 0 } },
            20_000
        );
        const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
            expect(item.insertTextFormat ?? InsertTextFormat.PlainText).toBe(InsertTextFormat.PlainText);
            const text = item.insertText ?? (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.label);
            expect(text).not.toMatch(/\$\{?\d/);
        }
        // The whole-agreement template still comes, as plain text to fill in.
        expect(
            items.some(item => (item.insertText ?? (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '')).includes('agreement "'))
        ).toBe(true);
        await server().close(uri);
    });
});

describe('a client that cannot register file watchers', () => {
    it('still has changes on disk taken in: the server watches the workspace itself', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'pool-watch-'));
        cpSync(FOLDER, folder, { recursive: true });
        const client = await LspClient.start(SERVER, [folder], {
            answersRequests: false,
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: {} } }
        });
        try {
            const agreement = path.join(folder, 'agreement.pool');
            expect((await client.diagnosticsFor(agreement, published => published.length > 0)).map(d => d.code)).not.toContain('unknown-reference');
            // The register loses a partner the agreement names, outside any editor.
            const register = path.join(folder, 'registers/partners.pool');
            writeFileSync(register, readFileSync(register, 'utf8').replace(/^partner health .*$/m, ''));
            const after = await client.diagnosticsFor(agreement, published => published.some(d => d.code === 'unknown-reference'));
            expect(after.filter(d => d.code === 'unknown-reference').map(d => d.range.start.line + 1)).toEqual([17, 25]);
            expect(client.requestsFromServer.map(request => request.method)).not.toContain('client/registerCapability');
        } finally {
            await client.stop();
            rmSync(folder, { recursive: true, force: true });
        }
    }, 60_000);
});

describe('a client that declares work-done progress', () => {
    it('is shown the first check of the workspace as progress, from begin to end, with how many files are checked', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'pool-progress-'));
        try {
            cpSync(FOLDER, folder, { recursive: true });
            const files = 3;
            const created: unknown[] = [];
            const progress: { kind: string; title?: string; message?: string; percentage?: number }[] = [];
            const client = await LspClient.start(SERVER, [folder], {
                capabilities: { window: { workDoneProgress: true } },
                // Set up before `initialized`: the server asks for a token as soon as the workspace check starts.
                onConnection: connection => {
                    connection.onRequest('window/workDoneProgress/create', (params: unknown) => {
                        created.push(params);
                        return null;
                    });
                    connection.onNotification('$/progress', (params: { value: (typeof progress)[number] }) => {
                        progress.push(params.value);
                    });
                }
            });
            try {
                await client.diagnosticsFor(path.join(folder, 'agreement.pool'), published => published.length > 0);
                await expect.poll(() => progress.at(-1)?.kind, { timeout: 20_000 }).toBe('end');
                expect(created).toHaveLength(1);
                expect(progress[0]).toMatchObject({ kind: 'begin', title: 'Checking Pool agreements' });
                const reports = progress.filter(value => value.kind === 'report');
                expect(reports.length).toBeGreaterThan(0);
                expect(reports.at(-1)).toEqual({ kind: 'report', percentage: 100, message: `${files} of ${files} files checked` });
                const percentages = reports.map(value => value.percentage ?? 0);
                expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
            } finally {
                await client.stop();
            }
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
