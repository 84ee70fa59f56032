import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover, Location, LocationLink, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri } from '../packages/lsp-client/src/index.js';
import { checkJsonByFile, lspLines } from './support/check-json.js';
import { runPool } from './support/cli.js';
import { CLI, REPO } from './support/paths.js';

/**
 * A second client, end to end: Debian's Neovim (0.7, `vim.lsp.start_client`, as docs/editors.md
 * sets it up) runs headless, starts `pool lsp` over stdio with no root folder, and opens a loose
 * file that imports a register beside it. What it was sent must be what `pool check --format json`
 * says of the file; then hover, go to definition, rename and formatting answer it.
 */

interface NeovimResult {
    diagnostics: Diagnostic[];
    hover: Hover | null;
    definition: Location | Location[] | LocationLink[] | null;
    rename: WorkspaceEdit | null;
    formatted: string[];
    serverName: string;
}

/** The set-up of docs/editors.md, with the requests the test makes and their answers written to a JSON file. */
function initLua(file: string, out: string): string {
    const lua = (text: string) => JSON.stringify(text);
    return `
vim.cmd([[autocmd BufRead,BufNewFile *.pool setfiletype pool]])
local published = {}
local server_name = vim.NIL
local pool_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'pool',
  callback = function(args)
    pool_client = pool_client or vim.lsp.start_client({
      name = 'pool',
      cmd = { ${lua(process.execPath)}, ${lua(CLI)}, 'lsp' },
      on_init = function(_, initialize_result)
        server_name = initialize_result.serverInfo and initialize_result.serverInfo.name or vim.NIL
      end,
      handlers = {
        ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
          published[result.uri] = result.diagnostics
          vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        end,
      },
    })
    vim.lsp.buf_attach_client(args.buf, pool_client)
  end,
})
vim.cmd('edit ' .. vim.fn.fnameescape(${lua(file)}))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local result = {}
local ok = vim.wait(30000, function() return published[uri] ~= nil end, 50)
result.diagnostics = ok and published[uri] or vim.NIL
result.serverName = server_name
local function at(line, character)
  return { textDocument = { uri = uri }, position = { line = line, character = character } }
end
local function ask(method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, 20000) or {}
  for _, answer in pairs(answers) do
    if answer.result ~= nil then return answer.result end
  end
  return vim.NIL
end
-- "police" in the contributions (line 16, column 9, 1-based).
result.hover = ask('textDocument/hover', at(15, 9))
result.definition = ask('textDocument/definition', at(15, 9))
local rename = at(15, 9)
rename.newName = 'constabulary'
result.rename = ask('textDocument/rename', rename)
local edits = ask('textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = true } })
if edits ~= vim.NIL then vim.lsp.util.apply_text_edits(edits, buf, 'utf-16') end
result.formatted = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local handle = io.open(${lua(out)}, 'w')
handle:write(vim.fn.json_encode(result))
handle:close()
vim.cmd('qa!')
`;
}

describe('Neovim 0.7 with pool lsp, a loose file importing a register', () => {
    let folder: string;
    let result: NeovimResult;
    let file: string;

    beforeAll(() => {
        folder = mkdtempSync(path.join(tmpdir(), 'pool-neovim-'));
        cpSync(path.join(REPO, 'test/loose-files'), folder, { recursive: true });
        file = path.join(folder, 'agreement.pool');
        // Laid out badly, so that formatting has something to do.
        const text = readFileSync(file, 'utf8').replace('        council   £100,000', '  council £100,000');
        writeFileSync(file, text);
        const out = path.join(folder, 'result.json');
        const init = path.join(folder, 'init.lua');
        writeFileSync(init, initLua(file, out));
        const run = spawnSync('nvim', ['--headless', '--clean', '-u', init], { cwd: tmpdir(), encoding: 'utf8', timeout: 120_000 });
        expect(run.error).toBeUndefined();
        result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
    }, 150_000);

    afterAll(() => {
        rmSync(folder, { recursive: true, force: true });
    });

    it('was sent what pool check --format json says of the file (its register read from its own folder)', async () => {
        const cli = await checkJsonByFile([file], folder);
        expect(result.diagnostics).not.toBeNull();
        expect(lspLines(result.diagnostics)).toEqual(cli.get(file));
        expect(cli.get(file)?.some(line => line.includes('error total-mismatch contributions to help for 2015/16 sum to £175,000'))).toBe(true);
        expect(result.serverName).toBe('pool');
    });

    it('answers a hover on a partner of the register with its full name', () => {
        const contents = result.hover?.contents;
        const text = typeof contents === 'string' ? contents : Array.isArray(contents) ? JSON.stringify(contents) : (contents?.value ?? '');
        expect(text).toContain('Anytown Police');
    });

    it('goes to the definition in the register', () => {
        // A Location or a LocationLink, whichever the client accepts.
        const locations = [result.definition ?? []].flat() as (Location & LocationLink)[];
        expect(locations.map(location => location.uri ?? location.targetUri)).toEqual([fileUri(path.join(folder, 'registers/partners.pool'))]);
    });

    it('renames the partner in the register and the agreement', () => {
        const changes = result.rename?.changes ?? {};
        const documentChanges = (result.rename?.documentChanges ?? []) as { textDocument: { uri: string }; edits: TextEdit[] }[];
        const edited = new Set([...Object.keys(changes), ...documentChanges.map(change => change.textDocument.uri)]);
        expect([...edited].sort()).toEqual([fileUri(file), fileUri(path.join(folder, 'registers/partners.pool'))].sort());
    });

    it('formats the file as pool fmt does', () => {
        const copy = path.join(folder, 'copy.pool');
        copyFileSync(file, copy);
        expect(runPool(['fmt', copy]).status).toBe(0);
        expect(result.formatted.join('\n') + '\n').toBe(readFileSync(copy, 'utf8'));
        expect(result.formatted).toContain('        council   £100,000');
    });
});
