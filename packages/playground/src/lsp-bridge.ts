import type * as Monaco from './monaco.js';
import {
    BrowserMessageReader,
    BrowserMessageWriter,
    CodeActionRequest,
    CompletionRequest,
    createProtocolConnection,
    DefinitionRequest,
    DiagnosticSeverity,
    DidChangeTextDocumentNotification,
    DidChangeWatchedFilesNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentFormattingRequest,
    DocumentSymbolRequest,
    FileChangeType,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    InsertTextFormat,
    PublishDiagnosticsNotification,
    type CodeAction,
    type Command,
    type CompletionItem,
    type Diagnostic,
    type DocumentSymbol,
    type FileEvent,
    type Location,
    type LocationLink,
    type MarkupContent,
    type MarkedString,
    type ProtocolConnection,
    type Range,
    type SymbolInformation,
    type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver-protocol/browser';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '@pool/language-server/protocol';
import type { FileStore } from './file-store.js';
import { WORKSPACE_URI } from './file-store.js';

type MonacoApi = typeof Monaco;

export const LANGUAGE_ID = 'pool';

/**
 * A small language client: it connects Monaco to the Pool language server running in a web worker,
 * over the standard LSP messages (diagnostics as markers, hover, completion, quick fixes), and serves
 * the server's file reads from the playground's own files.
 */
export class LspBridge {
    private readonly versions = new Map<string, number>();
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly diagnosticsListeners: ((uri: string) => void)[] = [];

    private constructor(
        private readonly monaco: MonacoApi,
        readonly connection: ProtocolConnection,
        private readonly files: FileStore
    ) {}

    static async start(monaco: MonacoApi, worker: Worker, files: FileStore): Promise<LspBridge> {
        const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
        const bridge = new LspBridge(monaco, connection, files);
        bridge.serveFiles();
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            bridge.showDiagnostics(params.uri, params.diagnostics);
        });
        connection.listen();
        await connection.sendRequest(InitializeRequest.type, {
            processId: null,
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- the worker's one workspace folder; the server reads it from here.
            rootUri: WORKSPACE_URI,
            locale: navigator.language,
            capabilities: {
                textDocument: {
                    synchronization: { dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
                    codeAction: {
                        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
                        isPreferredSupport: true
                    },
                    formatting: { dynamicRegistration: false },
                    definition: { dynamicRegistration: false, linkSupport: true },
                    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true }
                },
                workspace: { workspaceFolders: true }
            },
            workspaceFolders: [{ uri: WORKSPACE_URI, name: 'examples' }]
        });
        await connection.sendNotification(InitializedNotification.type, {});
        bridge.registerProviders();
        return bridge;
    }

    /** The server reads files through us: a worker has no file system. */
    private serveFiles(): void {
        const files = this.files;
        this.connection.onRequest(ReadFileRequest, ({ uri }) => {
            const path = files.pathOf(uri);
            const text = path === undefined ? undefined : files.read(path);
            return text === undefined ? null : { text };
        });
        this.connection.onRequest(ReadDirectoryRequest, ({ uri }) => {
            const path = files.pathOf(uri);
            const entries = path === undefined ? undefined : files.list(path);
            return entries?.map(entry => ({ uri: files.uriOf(entry.path), isFile: entry.isFile, isDirectory: !entry.isFile })) ?? null;
        });
        this.connection.onRequest(StatRequest, ({ uri }) => {
            const path = files.pathOf(uri);
            if (path === undefined) return null;
            if (files.read(path) !== undefined) return { isFile: true, isDirectory: false };
            return files.list(path) ? { isFile: false, isDirectory: true } : null;
        });
    }

    open(model: Monaco.editor.ITextModel): void {
        const uri = model.uri.toString();
        this.versions.set(uri, model.getVersionId());
        void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: LANGUAGE_ID, version: model.getVersionId(), text: model.getValue() }
        });
    }

    change(model: Monaco.editor.ITextModel): void {
        const uri = model.uri.toString();
        this.versions.set(uri, model.getVersionId());
        void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: model.getVersionId() },
            contentChanges: [{ text: model.getValue() }]
        });
    }

    /** The editor lets go of a file; the server reads it from the files again, with the edits kept there. */
    close(model: Monaco.editor.ITextModel): void {
        const uri = model.uri.toString();
        this.versions.delete(uri);
        void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        this.filesChanged([uri]);
    }

    /** Files changed outside the editor (reset to the example, say). */
    filesChanged(uris: string[]): void {
        void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: uris.map((uri): FileEvent => ({ uri, type: FileChangeType.Changed }))
        });
    }

    /** Called with a URI each time the server publishes its diagnostics, i.e. after each check. */
    onDiagnostics(listener: (uri: string) => void): void {
        this.diagnosticsListeners.push(listener);
    }

    diagnosticsOf(uri: string): readonly Diagnostic[] {
        return this.diagnostics.get(uri) ?? [];
    }

    private showDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
        this.diagnostics.set(uri, diagnostics);
        const model = this.monaco.editor.getModel(this.monaco.Uri.parse(uri));
        if (model) {
            this.monaco.editor.setModelMarkers(
                model,
                LANGUAGE_ID,
                diagnostics.map(diagnostic => this.toMarker(diagnostic))
            );
        }
        for (const listener of this.diagnosticsListeners) listener(uri);
    }

    private toMarker(diagnostic: Diagnostic): Monaco.editor.IMarkerData {
        const severity = this.monaco.MarkerSeverity;
        return {
            ...this.toRange(diagnostic.range),
            message: messageOf(diagnostic),
            severity:
                diagnostic.severity === DiagnosticSeverity.Warning
                    ? severity.Warning
                    : diagnostic.severity === DiagnosticSeverity.Information
                      ? severity.Info
                      : diagnostic.severity === DiagnosticSeverity.Hint
                        ? severity.Hint
                        : severity.Error,
            source: diagnostic.source,
            code: diagnostic.code === undefined ? undefined : String(diagnostic.code)
        };
    }

    private registerProviders(): void {
        const { languages } = this.monaco;
        languages.registerHoverProvider(LANGUAGE_ID, {
            provideHover: async (model, position, token) => {
                const hover = await this.connection.sendRequest(
                    HoverRequest.type,
                    {
                        textDocument: { uri: model.uri.toString() },
                        position: this.toPosition(position)
                    },
                    token
                );
                if (!hover) return null;
                const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
                return {
                    contents: contents.map(content => ({ value: markdownOf(content) })),
                    range: hover.range ? this.toMonacoRange(hover.range) : undefined
                };
            }
        });
        languages.registerCompletionItemProvider(LANGUAGE_ID, {
            triggerCharacters: [' ', '"'],
            // Monaco cancels a request it no longer wants (the text moved on); the server then stops too.
            provideCompletionItems: async (model, position, _context, token) => {
                const result = await this.connection.sendRequest(
                    CompletionRequest.type,
                    {
                        textDocument: { uri: model.uri.toString() },
                        position: this.toPosition(position)
                    },
                    token
                );
                const items = result === null ? [] : Array.isArray(result) ? result : result.items;
                const word = model.getWordUntilPosition(position);
                const fallback = new this.monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
                return { suggestions: items.map(item => this.toSuggestion(item, fallback)) };
            }
        });
        languages.registerCodeActionProvider(
            LANGUAGE_ID,
            {
                provideCodeActions: async (model, range, context, token) => {
                    const uri = model.uri.toString();
                    const wanted = new Set(context.markers.map(marker => `${marker.startLineNumber}:${marker.startColumn}:${marker.message}`));
                    const diagnostics = this.diagnosticsOf(uri).filter(diagnostic => {
                        const r = this.toRange(diagnostic.range);
                        return wanted.has(`${r.startLineNumber}:${r.startColumn}:${messageOf(diagnostic)}`);
                    });
                    const result = await this.connection.sendRequest(
                        CodeActionRequest.type,
                        {
                            textDocument: { uri },
                            range: this.fromMonacoRange(range),
                            context: { diagnostics, only: context.only ? [context.only] : undefined }
                        },
                        token
                    );
                    const actions = (result ?? []).filter((action): action is CodeAction => !isCommand(action));
                    return {
                        actions: actions.map(action => ({
                            title: action.title,
                            kind: action.kind,
                            isPreferred: action.isPreferred,
                            diagnostics: context.markers.filter(
                                marker => action.diagnostics?.some(diagnostic => messageOf(diagnostic) === marker.message) ?? false
                            ),
                            edit: action.edit ? this.toWorkspaceEdit(action.edit) : undefined
                        })),
                        dispose: () => undefined
                    };
                }
            },
            { providedCodeActionKinds: ['quickfix'] }
        );
        languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
            provideDocumentFormattingEdits: async (model, options, token) => {
                const edits = await this.connection.sendRequest(
                    DocumentFormattingRequest.type,
                    { textDocument: { uri: model.uri.toString() }, options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } },
                    token
                );
                return (edits ?? []).map(edit => this.toTextEdit(edit));
            }
        });
        languages.registerDefinitionProvider(LANGUAGE_ID, {
            provideDefinition: async (model, position, token) => {
                const result = await this.connection.sendRequest(
                    DefinitionRequest.type,
                    { textDocument: { uri: model.uri.toString() }, position: this.toPosition(position) },
                    token
                );
                const targets: (Location | LocationLink)[] = result === null ? [] : Array.isArray(result) ? result : [result];
                return targets.map(target =>
                    'targetUri' in target
                        ? {
                              uri: this.monaco.Uri.parse(target.targetUri),
                              range: this.toMonacoRange(target.targetRange),
                              targetSelectionRange: this.toMonacoRange(target.targetSelectionRange),
                              originSelectionRange: target.originSelectionRange ? this.toMonacoRange(target.originSelectionRange) : undefined
                          }
                        : { uri: this.monaco.Uri.parse(target.uri), range: this.toMonacoRange(target.range) }
                );
            }
        });
        languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
            provideDocumentSymbols: async (model, token) => {
                const result = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: model.uri.toString() } }, token);
                return (result ?? []).map(symbol => this.toDocumentSymbol(symbol));
            }
        });
    }

    private toDocumentSymbol(symbol: DocumentSymbol | SymbolInformation): Monaco.languages.DocumentSymbol {
        const range = 'location' in symbol ? symbol.location.range : symbol.range;
        return {
            name: symbol.name,
            detail: 'detail' in symbol ? (symbol.detail ?? '') : '',
            // LSP numbers its kinds from 1 in its own order; Monaco names the same kinds.
            kind: this.monaco.languages.SymbolKind[LSP_SYMBOL_KINDS[symbol.kind - 1] ?? 'Object'],
            tags: [],
            range: this.toMonacoRange(range),
            selectionRange: this.toMonacoRange('selectionRange' in symbol ? symbol.selectionRange : range),
            children: 'children' in symbol ? symbol.children?.map(child => this.toDocumentSymbol(child)) : undefined
        };
    }

    private toSuggestion(item: CompletionItem, fallback: Monaco.IRange): Monaco.languages.CompletionItem {
        const edit = item.textEdit;
        const range = edit
            ? 'range' in edit
                ? this.toMonacoRange(edit.range)
                : { insert: this.toMonacoRange(edit.insert), replace: this.toMonacoRange(edit.replace) }
            : fallback;
        const documentation =
            item.documentation === undefined ? undefined : typeof item.documentation === 'string' ? item.documentation : { value: item.documentation.value };
        return {
            label: item.label,
            kind: this.toCompletionKind(item.kind),
            detail: item.detail,
            documentation,
            sortText: item.sortText,
            filterText: item.filterText,
            insertText: edit?.newText ?? item.insertText ?? item.label,
            insertTextRules:
                item.insertTextFormat === InsertTextFormat.Snippet ? this.monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
            range,
            additionalTextEdits: item.additionalTextEdits?.map(textEdit => this.toTextEdit(textEdit))
        };
    }

    private toCompletionKind(kind: number | undefined): Monaco.languages.CompletionItemKind {
        // LSP numbers its kinds from 1 in its own order; Monaco names the same kinds.
        const name = kind === undefined ? 'Text' : (LSP_COMPLETION_KINDS[kind - 1] ?? 'Text');
        return this.monaco.languages.CompletionItemKind[name];
    }

    private toWorkspaceEdit(edit: WorkspaceEdit): Monaco.languages.WorkspaceEdit {
        const edits: Monaco.languages.IWorkspaceTextEdit[] = [];
        for (const [uri, textEdits] of Object.entries(edit.changes ?? {})) {
            for (const textEdit of textEdits) edits.push(this.toWorkspaceTextEdit(uri, textEdit));
        }
        for (const change of edit.documentChanges ?? []) {
            if ('textDocument' in change) {
                for (const textEdit of change.edits) edits.push(this.toWorkspaceTextEdit(change.textDocument.uri, textEdit as TextEdit));
            }
        }
        return { edits };
    }

    private toWorkspaceTextEdit(uri: string, textEdit: TextEdit): Monaco.languages.IWorkspaceTextEdit {
        return { resource: this.monaco.Uri.parse(uri), textEdit: this.toTextEdit(textEdit), versionId: undefined };
    }

    private toTextEdit(textEdit: TextEdit): Monaco.languages.TextEdit {
        return { range: this.toMonacoRange(textEdit.range), text: textEdit.newText };
    }

    private toPosition(position: Monaco.IPosition): { line: number; character: number } {
        return { line: position.lineNumber - 1, character: position.column - 1 };
    }

    private toRange(range: Range): Monaco.IRange {
        return {
            startLineNumber: range.start.line + 1,
            startColumn: range.start.character + 1,
            endLineNumber: range.end.line + 1,
            endColumn: range.end.character + 1
        };
    }

    private toMonacoRange(range: Range): Monaco.Range {
        const r = this.toRange(range);
        return new this.monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn);
    }

    private fromMonacoRange(range: Monaco.IRange): Range {
        return {
            start: { line: range.startLineNumber - 1, character: range.startColumn - 1 },
            end: { line: range.endLineNumber - 1, character: range.endColumn - 1 }
        };
    }
}

const LSP_SYMBOL_KINDS = [
    'File',
    'Module',
    'Namespace',
    'Package',
    'Class',
    'Method',
    'Property',
    'Field',
    'Constructor',
    'Enum',
    'Interface',
    'Function',
    'Variable',
    'Constant',
    'String',
    'Number',
    'Boolean',
    'Array',
    'Object',
    'Key',
    'Null',
    'EnumMember',
    'Struct',
    'Event',
    'Operator',
    'TypeParameter'
] as const satisfies readonly (keyof typeof Monaco.languages.SymbolKind)[];

const LSP_COMPLETION_KINDS = [
    'Text',
    'Method',
    'Function',
    'Constructor',
    'Field',
    'Variable',
    'Class',
    'Interface',
    'Module',
    'Property',
    'Unit',
    'Value',
    'Enum',
    'Keyword',
    'Snippet',
    'Color',
    'File',
    'Reference',
    'Folder',
    'EnumMember',
    'Constant',
    'Struct',
    'Event',
    'Operator',
    'TypeParameter'
] as const satisfies readonly (keyof typeof Monaco.languages.CompletionItemKind)[];

/** LSP 3.18 lets a diagnostic's message be Markdown; markers show it as text. */
export function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

// eslint-disable-next-line @typescript-eslint/no-deprecated -- a server may still answer a hover with the old MarkedString; the page only reads it
function markdownOf(content: MarkupContent | MarkedString): string {
    if (typeof content === 'string') return content;
    return 'kind' in content ? content.value : '```' + content.language + '\n' + content.value + '\n```';
}

function isCommand(action: Command | CodeAction): action is Command {
    return typeof (action as Command).command === 'string';
}
