import { ReportExportRequest, ReportHtmlRequest } from '@pool/language-server/protocol';
import { examples, keywords } from 'pool-playground:bundled';
import { FileStore } from './file-store.js';
import type { Diagnostic } from 'vscode-languageserver-protocol/browser';
import { LANGUAGE_ID, LspBridge, messageOf } from './lsp-bridge.js';
import * as monaco from './monaco.js';

// The playground page: pick an example, edit it with the language server's help, see its report.
// Everything runs in this page and its two workers; files stay in this browser's local storage.

declare global {
    interface Window {
        MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
        /** For the browser tests: the editor and the bridge, once the language server has started. */
        poolPlayground?: { monaco: typeof monaco; editor: monaco.editor.IStandaloneCodeEditor; bridge: LspBridge; files: FileStore };
    }
}

window.MonacoEnvironment = { getWorker: () => new Worker('editor.worker.js', { name: 'monaco-editor' }) };

const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The page's element with this id, of this kind (static/index.html has each). */
function element<T extends HTMLElement>(id: string, kind: new () => T): T {
    const found = document.getElementById(id);
    if (!(found instanceof kind)) throw new Error(`the page has no ${kind.name} #${id}`);
    return found;
}

async function start(): Promise<void> {
    const files = new FileStore(examples, window.localStorage);
    const picker = element('file', HTMLSelectElement);
    const status = element('status', HTMLElement);
    const problems = element('problems', HTMLUListElement);
    const report = element('report', HTMLIFrameElement);

    registerLanguage();
    for (const path of files.paths()) picker.add(new Option(path, path));

    const editor = monaco.editor.create(element('editor', HTMLElement), {
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
        // Completion comes from the language server; words lifted from the text (`,`, `above`) are noise.
        wordBasedSuggestions: 'off',
        'semanticHighlighting.enabled': false
    });

    status.textContent = 'Starting the language server…';
    const bridge = await LspBridge.start(monaco, new Worker('pool-language-server.js', { name: 'pool-language-server' }), files);

    let current: monaco.editor.ITextModel | undefined;
    const open = (path: string) => {
        if (current) {
            bridge.close(current);
            current.dispose();
        }
        files.selected = path;
        picker.value = path;
        current = monaco.editor.createModel(files.read(path) ?? '', LANGUAGE_ID, monaco.Uri.parse(files.uriOf(path)));
        editor.setModel(current);
        bridge.open(current);
        const model = current;
        model.onDidChangeContent(() => {
            files.write(path, model.getValue());
            bridge.change(model);
            showEdited(path);
        });
        showEdited(path);
    };
    const showEdited = (path: string) => {
        element('reset', HTMLButtonElement).disabled = !files.isEdited(path);
    };

    picker.addEventListener('change', () => {
        open(picker.value);
    });
    // Go to definition into another file (a partner declared in an imported register): open that file here.
    monaco.editor.registerEditorOpener({
        openCodeEditor: (_source, resource, selectionOrPosition) => {
            const path = files.pathOf(resource.toString());
            if (path === undefined) return false;
            open(path);
            if (selectionOrPosition !== undefined) {
                if ('lineNumber' in selectionOrPosition) editor.setPosition(selectionOrPosition);
                else editor.setSelection(selectionOrPosition);
                editor.revealRangeInCenter(editor.getSelection() ?? new monaco.Range(1, 1, 1, 1));
            }
            return true;
        }
    });
    element('reset', HTMLButtonElement).addEventListener('click', () => {
        if (!current) return;
        const path = files.selected;
        files.reset(path);
        current.setValue(files.read(path) ?? '');
    });
    element('download-json', HTMLButtonElement).addEventListener('click', () => void download('json', 'application/json'));
    element('download-html', HTMLButtonElement).addEventListener('click', () => void download('html', 'text/html'));

    const download = async (format: 'json' | 'html', type: string) => {
        if (!current) return;
        let content: string;
        try {
            ({ content } = await bridge.connection.sendRequest(ReportExportRequest, { uri: current.uri.toString(), format }));
        } catch (error) {
            status.textContent = `Could not make the ${format === 'json' ? 'JSON' : 'HTML report'}: ${error instanceof Error ? error.message : String(error)}`;
            return;
        }
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([content], { type }));
        link.download = files.selected.replace(/^.*\//, '').replace(/\.pool$/, '') + (format === 'json' ? '.json' : '.html');
        link.click();
        setTimeout(() => {
            URL.revokeObjectURL(link.href);
        }, 10_000);
    };

    // Each time the server publishes the open file's diagnostics it has checked it again: list them and
    // render the report from the same state. A newer request supersedes one still in flight.
    let reportRequest = 0;
    bridge.onDiagnostics(uri => {
        if (!current || uri !== current.uri.toString()) return;
        showProblems(problems, bridge.diagnosticsOf(uri));
        status.textContent = `Checked ${files.selected}`;
        const request = ++reportRequest;
        bridge.connection.sendRequest(ReportHtmlRequest, { uri, lang: document.documentElement.lang === 'cy' ? 'cy' : 'en' }).then(
            ({ html }) => {
                if (request === reportRequest) report.srcdoc = withPolicy(html);
            },
            (error: unknown) => {
                const reason = error instanceof Error ? error.message : String(error);
                if (request === reportRequest) report.srcdoc = withPolicy(`<p>The report could not be made: ${escapeHtml(reason)}</p>`);
            }
        );
    });

    open(files.selected);
    window.poolPlayground = { monaco, editor, bridge, files };
    document.body.dataset.ready = 'true';
}

function registerLanguage(): void {
    monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.pool'] });
    monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
        comments: { lineComment: '//', blockComment: ['/*', '*/'] },
        brackets: [['{', '}']],
        autoClosingPairs: [
            { open: '{', close: '}' },
            { open: '"', close: '"' }
        ],
        wordPattern: /[A-Za-z_][\w-]*|£?[\d,.]+[km]?/
    });
    monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
        keywords: [...keywords],
        tokenizer: {
            root: [
                [/\/\/.*$/, 'comment'],
                [/\/\*/, 'comment', '@comment'],
                // Text in quotes not closed on its line is a string to the end of it: a rule that
                // failed there would be tried again from every quote after, quadratic in the line.
                [/"([^"\\]|\\.)*"?/, 'string'],
                [/£?\d[\d,]*(\.\d+)?[km]?%?/, 'number'],
                [/[A-Za-z_][\w-]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }]
            ],
            comment: [
                [/\*\//, 'comment', '@pop'],
                [/./, 'comment']
            ]
        }
    });
}

function showProblems(list: HTMLUListElement, diagnostics: readonly Diagnostic[]): void {
    list.replaceChildren();
    for (const diagnostic of diagnostics) {
        const item = document.createElement('li');
        item.className = diagnostic.severity === 1 || diagnostic.severity === undefined ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info';
        item.textContent = `Line ${diagnostic.range.start.line + 1}: ${messageOf(diagnostic)}${diagnostic.code === undefined ? '' : ` [${diagnostic.code}]`}`;
        list.append(item);
    }
    list.dataset.count = String(diagnostics.length);
    if (diagnostics.length === 0) {
        const item = document.createElement('li');
        item.className = 'clean';
        item.textContent = 'No problems.';
        list.append(item);
    }
}

/** The report is agreement text rendered as HTML: shown in a sandboxed frame, under a policy that runs nothing. */
function withPolicy(html: string): string {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
    // `[^<>]`: a `<head` never closed is not scanned to the end again from every `<head` after it.
    return /<head[^<>]*>/i.test(html) ? html.replace(/<head[^<>]*>/i, head => head + meta) : meta + html;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

start().catch((error: unknown) => {
    const status = document.getElementById('status');
    if (status) status.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.ready = 'failed';
});
