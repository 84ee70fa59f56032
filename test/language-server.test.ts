import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CodeLensRequest,
    CompletionRequest,
    type CompletionItem,
    type CompletionList,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    type Diagnostic,
    DiagnosticSeverity,
    DocumentFormattingRequest,
    HoverRequest,
    InlayHintRequest,
    type Position,
    RenameRequest,
    ResponseError,
    type TextEdit,
    MessageType,
    ShowMessageNotification,
    type ShowMessageParams
} from 'vscode-languageserver-protocol';
import { ReportExportRequest, ReportHtmlRequest } from '../packages/language-server/src/protocol.js';
import { LspClient } from '../packages/lsp-client/src/index.js';
import { SERVER } from './support/paths.js';
import { scratchFolder } from './support/scratch.js';

/**
 * The language server as an editor meets it, over a real LSP connection: a workspace is checked
 * as a whole at start, before any file is opened; the client's settings and initialization
 * options take effect; and the editor features answer over the wire.
 */

const AGREEMENT = `agreement "Anytown Better Care Fund" {
    period 2015/16 to 2015/16
    host council
}
import "registers/partners.pool"
partner council "Anytown Council" council
partner police "Anytown Police" police
pool bcf "Better Care Fund" pooled {
    2015/16 {
        council £1200000
        nhs £500,000
        total £1,800,000
    }
}
`;

/** Applies an editor's text edits (which never overlap), last first. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map(match => match.index + 1)];
    const offset = (position: Position) => lineStarts[position.line] + position.character;
    return [...edits]
        .sort((a, b) => offset(b.range.start) - offset(a.range.start))
        .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

const codes = (diagnostics: Diagnostic[]) =>
    diagnostics.map(d => `${String(d.code)} ${d.severity === DiagnosticSeverity.Error ? 'error' : 'warning'} ${d.codeDescription?.href ?? '-'}`).sort();

describe('the language server in an editor', () => {
    let root: string;
    let agreement: string;
    let client: LspClient;

    beforeAll(async () => {
        root = scratchFolder({ 'agreement.pool': AGREEMENT, 'registers/partners.pool': 'partner nhs "NHS Anytown CCG" health\n' }, 'pool-ls-');
        agreement = path.join(root, 'agreement.pool');
        client = await LspClient.start(SERVER, [root], {
            initializationOptions: { checkDocumentationBase: 'https://example.org/checks' },
            settings: { strict: true, inlayHints: { enabled: true } }
        });
    });

    afterAll(async () => {
        await client?.stop();
        rmSync(root, { recursive: true, force: true });
    });

    it('announces the editor features', () => {
        const capabilities = client.initializeResult!.capabilities;
        expect(capabilities).toMatchObject({
            hoverProvider: true,
            completionProvider: {},
            definitionProvider: true,
            referencesProvider: true,
            documentHighlightProvider: true,
            documentSymbolProvider: true,
            workspaceSymbolProvider: {},
            codeActionProvider: true,
            documentFormattingProvider: true,
            documentRangeFormattingProvider: true,
            renameProvider: { prepareProvider: true },
            foldingRangeProvider: true,
            inlayHintProvider: {},
            codeLensProvider: {},
            semanticTokensProvider: {}
        });
    });

    it('checks every file of the workspace at start, before any is opened, with strict mode and documentation links from the client', async () => {
        const diagnostics = await client.diagnosticsFor(agreement, published => published.length > 0);
        expect(codes(diagnostics)).toEqual([
            'total-mismatch error https://example.org/checks#total-mismatch',
            'unused-partner error https://example.org/checks#unused-partner'
        ]);
    });

    it('publishes warnings as warnings again when pool.strict is switched off', async () => {
        await client.changeSettings({ strict: false, inlayHints: { enabled: true } });
        const diagnostics = await client.diagnosticsFor(agreement, published => published.some(d => d.severity === DiagnosticSeverity.Warning));
        expect(codes(diagnostics)).toEqual([
            'total-mismatch error https://example.org/checks#total-mismatch',
            'unused-partner warning https://example.org/checks#unused-partner'
        ]);
    });

    it('answers hovers, code lenses, inlay hints and formatting from the computed model', async () => {
        const uri = pathToFileURL(agreement).toString();
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'pool', version: 1, text: AGREEMENT }
        });
        const textDocument = { uri };
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 9, character: 18 } });
        expect(hover?.contents).toEqual({ kind: 'markdown', value: '**£1200000** is exactly £1,200,000.00' });

        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
        expect(lenses?.map(lens => lens.command)).toEqual([{ title: '£1,700,000 in, £0 spent — open report', command: 'pool.showReport', arguments: [uri] }]);

        const hints = await client.connection.sendRequest(InlayHintRequest.type, {
            textDocument,
            range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } }
        });
        expect(hints?.map(hint => hint.label)).toEqual(['sums to £1,700,000']);

        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } });
        const formatted = applyEdits(AGREEMENT, edits ?? []);
        expect(formatted).toContain('        council   £1,200,000\n        nhs         £500,000\n        total     £1,800,000\n');
    });

    it('says why, where the user sees it, when asked to format a file with syntax errors', async () => {
        const shown: ShowMessageParams[] = [];
        client.connection.onNotification(ShowMessageNotification.method, (params: ShowMessageParams) => {
            shown.push(params);
        });
        const file = path.join(root, 'broken.pool');
        const broken = 'agreement "A" {\n    period 2013/14 to\n}\npartner  council   "Anytown Council" council\n';
        // An opened file is read from disk, as pool check reads it.
        writeFileSync(file, broken);
        const uri = pathToFileURL(file).toString();
        await client.open(uri, broken);
        await client.diagnosticsFor(file, published => published.length > 0);
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri },
            options: { tabSize: 4, insertSpaces: true }
        });
        expect(edits ?? []).toEqual([]);
        await expect
            .poll(() => shown)
            .toEqual([
                {
                    type: MessageType.Warning,
                    message: 'Pool did not format broken.pool: it has syntax errors, the first on line 3, column 1: fix them first, then format.'
                }
            ]);
    });

    it('answers a request sent right after an edit from the text as edited, never the text before it', async () => {
        // An editor sends the change and at once asks for completion (typing `host ` triggers it):
        // the answer must be of the new text, or the user sees "No suggestions".
        const uri = pathToFileURL(path.join(root, 'typing.pool')).toString();
        const base = AGREEMENT.replace('    host council\n', '    host council\n    board "Anytown Board"\n');
        await client.open(uri, base);
        await client.diagnosticsFor(path.join(root, 'typing.pool'));
        const line = base.split('\n').findIndex(text => text.startsWith('    board'));
        const labels = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? [])).map(item => item.label);
        let version = 1;
        const send = (text: string) =>
            client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: ++version },
                contentChanges: [{ text }]
            });
        for (let round = 1; round <= 20; round++) {
            // Each round types `host ` over the board line a key at a time, as fast as a test can,
            // with the completion an editor asks for after the first letter still unanswered.
            const typing = ['h', 'ho', 'hos', 'host', 'host '].map(word => base.replace('    board "Anytown Board"', `    ${word}`));
            await send(typing[0]);
            const early = client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 5 } });
            for (const text of typing.slice(1)) await send(text);
            const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 9 } });
            expect(labels(result), `round ${round}`).toEqual(expect.arrayContaining(['council', 'police', 'nhs']));
            await early.catch(() => undefined);
            await send(base);
        }
        await client.close(uri);
    });

    it('says in the language asked for when a report is asked of a file it does not know, or in a format it cannot make', async () => {
        const unknown = pathToFileURL(path.join(root, 'not-there.pool')).toString();
        await expect(client.request(ReportHtmlRequest, { uri: unknown, lang: 'cy' }, 30_000)).rejects.toThrow(
            /^nid yw .*not-there\.pool yn gytundeb Pool sydd gan y gweinydd iaith ar agor/
        );
        await expect(client.request(ReportHtmlRequest, { uri: unknown }, 30_000)).rejects.toThrow(
            /not-there\.pool is not a Pool agreement the language server has open/
        );
        const known = pathToFileURL(agreement).toString();
        // A format the protocol's type does not allow, as a client that does not share it might send.
        await expect(client.request(ReportExportRequest.method, { uri: known, format: 'docx', lang: 'cy' }, 30_000)).rejects.toThrow(
            'ni ellir allforio adroddiad fel docx'
        );
    });

    it('ends an exported report with the appendix; with every approval of earlier text, it says that pool report lists the changes, since the editor reads no git history', async () => {
        const file = path.join(root, 'stale.pool');
        const text = `${AGREEMENT}approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "sha256:${'0'.repeat(64)}"\n}\n`;
        writeFileSync(file, text);
        const uri = pathToFileURL(file).toString();
        await client.open(uri, text);
        await client.diagnosticsFor(file, published => published.some(diagnostic => diagnostic.code === 'approval-stale'));
        const { content } = await client.request(ReportExportRequest, { uri, format: 'md' }, 60_000);
        const appendix = content.slice(content.indexOf('## Appendix'));
        expect(appendix).toContain(
            '### Changes since the last approved version\n\nEvery approval is of earlier text. The changes since the last approved version are listed by pool report, which reads the repository’s history; this report was made without reading it.\n'
        );
        const json = JSON.parse((await client.request(ReportExportRequest, { uri, format: 'json' }, 60_000)).content);
        expect(json.sinceApproved).toEqual({ status: 'history-not-read' });
        await client.close(uri);
    });

    it('refuses a rename to an id that is already declared, saying where', async () => {
        const textDocument = { uri: pathToFileURL(agreement).toString() };
        const refused = await client.connection.sendRequest(RenameRequest.type, { textDocument, position: { line: 6, character: 10 }, newName: 'nhs' }).then(
            () => undefined,
            (error: unknown) => error
        );
        expect(refused).toBeInstanceOf(ResponseError);
        expect((refused as ResponseError<unknown>).message).toBe(
            '`nhs` is already the id of a partner in registers/partners.pool on line 1, and both would be seen in this file; choose another id'
        );
        const renamed = await client.connection.sendRequest(RenameRequest.type, {
            textDocument,
            position: { line: 6, character: 10 },
            newName: 'constabulary'
        });
        expect(Object.keys(renamed?.changes ?? {})).toEqual([textDocument.uri]);
        expect(readFileSync(agreement, 'utf8')).toBe(AGREEMENT);
    });
});
