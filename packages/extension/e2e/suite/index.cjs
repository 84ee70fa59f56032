// The end-to-end suite, run inside a real VS Code's extension host: desktop VS Code through
// @vscode/test-electron, or the VS Code workbench of code-server driven by Chromium. The Pool
// extension it exercises is the one installed from the packaged .vsix, never the sources.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { execFileSync } = require('node:child_process');

const EXTENSION_ID = 'pool-project.pool-vscode';
const tests = [];
const test = (name, run) => tests.push({ name, run });
const state = {};

function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

/** Polls until `probe` returns something truthy; fails with what was awaited. */
async function waitFor(what, probe, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await sleep(100);
    }
}

const codeOf = diagnostic => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
const workspaceFile = relative => vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, relative);

async function open(relative) {
    const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    return document;
}

/** The position of the first match of `pattern` (of its group 1, if it has one) in a document. */
function positionOf(document, pattern) {
    const match = new RegExp(pattern.source, `${pattern.flags}d`).exec(document.getText());
    assert.ok(match, `${pattern} is not in ${document.uri.path}`);
    return document.positionAt(match.indices.length > 1 ? match.indices[1][0] : match.index);
}

/** Replaces a range and returns the edit that undoes it. */
async function replace(document, range, text) {
    const before = document.getText(range);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const end = document.positionAt(document.offsetAt(range.start) + text.length);
    return async () => replace(document, new vscode.Range(range.start, end), before);
}

function hoverText(hovers) {
    return hovers
        .flatMap(hover => hover.contents)
        .map(content => (typeof content === 'string' ? content : content.value))
        .join('\n');
}

test('the extension installed from the .vsix activates for .pool files', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'server.cjs')), 'the server is bundled in the extension');
    assert.ok(
        !extension.extensionPath.includes(`packages${path.sep}extension`),
        `loaded from the sources (${extension.extensionPath}), not the installed .vsix`
    );
    const document = await open('troubled-families.pool');
    assert.equal(document.languageId, 'pool');
    state.api = await extension.activate();
    state.api.client.onDidChangeState(change => console.log(`  (language client: state ${change.oldState} → ${change.newState})`));
    assert.ok(state.api.client.isRunning(), 'the language client is running');
});

test('problems show as a file opens: the check code, a link to its documentation, the related lines', async () => {
    const document = await open('invalid/total-mismatch.pool');
    const [mismatch] = await waitFor('the total-mismatch problem', () => {
        const found = vscode.languages.getDiagnostics(document.uri).filter(diagnostic => codeOf(diagnostic) === 'total-mismatch');
        return found.length > 0 && found;
    });
    assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Error);
    assert.match(mismatch.message, /£150,000.*£160,000|£160,000.*£150,000/);
    assert.equal(typeof mismatch.code, 'object', 'the code links to its documentation');
    assert.match(mismatch.code.target.toString(), /checks\.md#total-mismatch$/);
    assert.ok(mismatch.relatedInformation.length >= 2, 'the lines that sum to something else are related');
    assert.equal(document.lineAt(mismatch.range.start.line).text.trim(), 'total    £160,000');
    state.mismatch = { document, diagnostic: mismatch };
});

test('a quick fix sets the declared total to the exact sum, and the problem goes', async () => {
    const { document, diagnostic } = state.mismatch;
    const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value
    );
    const fix = actions.find(action => /^Set the total to £150,000/.test(action.title));
    assert.ok(fix, `no quick fix to set the total among: ${actions.map(action => action.title).join('; ')}`);
    assert.equal(fix.kind.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the fix is an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    assert.equal(document.lineAt(diagnostic.range.start.line).text.trim(), 'total    £150,000');
    await waitFor('the problem to go', () => !vscode.languages.getDiagnostics(document.uri).some(candidate => codeOf(candidate) === 'total-mismatch'));
    await document.save();
});

test('hovering a partner shows its full name and what it puts in', async () => {
    const document = await open('troubled-families.pool');
    const position = positionOf(document, /^ {8}(dwp) +£450,000/m);
    const text = await waitFor('a hover', async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position)));
    assert.match(text, /Department for Work and Pensions/);
    assert.match(text, /£450,000/);
});

test('completion offers the partners the file can see (through its import) and snippets', async () => {
    const document = await open('troubled-families.pool');
    const afterYear = positionOf(document, /2013\/14 \{\n()/);
    const undo = await replace(document, new vscode.Range(afterYear, afterYear), '        \n');
    try {
        const inBlock = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, afterYear.translate(0, 8));
        const labels = inBlock.items.map(item => (typeof item.label === 'string' ? item.label : item.label.label));
        for (const id of ['manchester', 'dwp', 'gmp', 'ccg']) assert.ok(labels.includes(id), `${id} is offered; got ${labels.join(', ')}`);
        const atEnd = await vscode.commands.executeCommand(
            'vscode.executeCompletionItemProvider',
            document.uri,
            document.lineAt(document.lineCount - 1).range.end
        );
        const snippets = atEnd.items
            .filter(item => item.kind === vscode.CompletionItemKind.Snippet)
            .map(item => (typeof item.label === 'string' ? item.label : item.label.label));
        for (const construct of ['partner', 'pool', 'outcome'])
            assert.ok(snippets.includes(construct), `a ${construct} snippet is offered; got ${snippets.join(', ')}`);
    } finally {
        await undo();
        await document.save();
    }
});

function previewTabs() {
    return vscode.window.tabGroups.all
        .flatMap(group => group.tabs.map(tab => ({ tab, group })))
        .filter(({ tab }) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('pool.reportPreview'));
}

test('the report preview opens beside the editor and follows typing', async () => {
    const document = await open('troubled-families.pool');
    await vscode.commands.executeCommand('pool.openReportPreview', document.uri.toString());
    const [{ group }] = await waitFor('the preview tab', () => {
        const tabs = previewTabs();
        return tabs.length > 0 && tabs;
    });
    assert.notEqual(group.viewColumn, vscode.ViewColumn.One, 'the preview is beside the editor, not over it');
    const preview = state.api.previews.get(document.uri);
    assert.ok(preview, 'the extension tracks the preview');
    assert.match(preview.html, /Greater Manchester Troubled Families Investment Agreement/);
    assert.match(preview.html, /£6,150,000/);
    assert.match(preview.html, /http-equiv="Content-Security-Policy" content="default-src (?:'|&#39;)none/);
    assert.doesNotMatch(preview.html, /<script/i);

    const title = positionOf(document, /agreement "(Greater Manchester)/);
    const undo = await replace(document, new vscode.Range(title, title.translate(0, 'Greater Manchester'.length)), 'Greater Salford');
    await waitFor('the preview to show the new title', () => preview.html.includes('Greater Salford Troubled Families'), 20_000);
    await undo();
    await waitFor('the preview to follow the undo', () => preview.html.includes('Greater Manchester Troubled Families'), 20_000);
    await document.save();
});

test('New agreement opens an untitled agreement from the template, which checks', async () => {
    await vscode.commands.executeCommand('pool.newAgreement');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.isUntitled, 'an untitled editor is active');
    assert.equal(editor.document.languageId, 'pool');
    assert.match(editor.document.getText(), /^agreement "Title of the agreement" \{/);
    // Give the server time to check it: an empty list of problems is also what is there before.
    await sleep(2000);
    const errors = vscode.languages.getDiagnostics(editor.document.uri).filter(diagnostic => diagnostic.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
        errors.map(diagnostic => diagnostic.message),
        []
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('Export report writes Markdown, HTML, JSON and PDF where asked, atomically', async () => {
    const document = await open('troubled-families.pool');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-export-'));
    for (const format of ['md', 'html', 'json', 'pdf']) {
        const target = vscode.Uri.file(path.join(folder, `report.${format}`));
        const written = await vscode.commands.executeCommand('pool.exportReport', { uri: document.uri.toString(), format, target: target.toString() });
        assert.equal(written, target.toString(), `${format} was written`);
    }
    const read = format => fs.readFileSync(path.join(folder, `report.${format}`), 'utf8');
    assert.match(read('md'), /Greater Manchester Troubled Families Investment Agreement/);
    assert.match(read('html'), /^<!DOCTYPE html>[\s\S]*£2,200,000[\s\S]*<\/html>\n?$/);
    assert.equal(JSON.parse(read('json')).agreement.title, 'Greater Manchester Troubled Families Investment Agreement');
    // The PDF: whole, with the fonts the extension ships embedded, and the report's text in it.
    const pdf = fs.readFileSync(path.join(folder, 'report.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.subarray(-32).toString('latin1'), /%%EOF\s*$/);
    assert.match(pdf.toString('latin1'), /\/FontName \/[A-Z]{6}\+DejaVuSans/);
    const text = execFileSync('pdftotext', ['-layout', path.join(folder, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /Greater Manchester Troubled Families Investment Agreement/);
    assert.match(text, /£2,200,000/);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['report.html', 'report.json', 'report.md', 'report.pdf'], 'no temporary files are left');
});

test('Compare with last approved version says when the text is as its partners approved it', async () => {
    const document = await open('better-care-fund.pool');
    const text = await vscode.commands.executeCommand('pool.compareWithLastApproved', document.uri);
    assert.match(
        String(text),
        /^The text of better-care-fund\.pool is as approved by [^:]*cwac \(Director of Adult Social Care\) on 2015-03-27[^:]*: no changes since\.$/m
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('the editor with problems and the preview, for the screenshot', async () => {
    const signals = process.env.POOL_E2E_SIGNALS;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await open('screenshot/troubled-families.pool');
    await waitFor('the problem in the screenshot file', () =>
        vscode.languages.getDiagnostics(document.uri).some(diagnostic => codeOf(diagnostic) === 'total-mismatch')
    );
    const problem = vscode.languages.getDiagnostics(document.uri).find(diagnostic => codeOf(diagnostic) === 'total-mismatch');
    const editor = vscode.window.activeTextEditor;
    editor.selection = new vscode.Selection(problem.range.start, problem.range.start);
    editor.revealRange(new vscode.Range(problem.range.start.translate(-12), problem.range.start), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('pool.openReportPreview', document.uri.toString());
    const preview = state.api.previews.get(document.uri);
    await waitFor('the report of the file with a problem', () => preview.html.includes('£2,150,000') || preview.lastError, 20_000);
    assert.equal(preview.lastError, undefined);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    if (!signals) return; // under @vscode/test-electron nobody takes a screenshot
    fs.writeFileSync(path.join(signals, 'ready'), document.uri.toString());
    const answer = await waitFor(
        'the driver to look at the window',
        () => fs.existsSync(path.join(signals, 'looked')) && fs.readFileSync(path.join(signals, 'looked'), 'utf8'),
        120_000
    );
    assert.equal(answer, 'ok', `the preview as drawn: ${answer}`);
});

async function run() {
    const started = Date.now();
    const failures = [];
    for (const { name, run: body } of tests) {
        const start = Date.now();
        try {
            await body();
            console.log(`  ✓ ${name} (${Date.now() - start} ms)`);
        } catch (error) {
            failures.push(name);
            console.error(`  ✗ ${name}\n${error && error.stack ? error.stack : error}`);
        }
    }
    console.log(`Pool end-to-end: ${tests.length - failures.length} of ${tests.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (failures.length > 0) throw new Error(`${failures.length} end-to-end test(s) failed: ${failures.join('; ')}`);
}

module.exports = { run };
