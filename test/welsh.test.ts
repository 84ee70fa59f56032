import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runPool, runPoolInProcess } from './support/cli.js';
import { LspClient } from '../packages/lsp-client/src/index.js';
import { REPO, SERVER } from './support/paths.js';
import { scratchFolder } from './support/scratch.js';
import { withServer } from './support/lsp.js';

/**
 * Welsh: the invalid examples checked with `pool check --lang cy` and by a language server whose
 * client's display language is Welsh (`locale: cy`) give the diagnostics written in
 * test/fixtures/welsh/ (`UPDATE_EXPECTED=1` rewrites them from the CLI), with the same codes and
 * ranges as in English and every message worded in Welsh.
 */

const UPDATE = process.env.UPDATE_EXPECTED === '1';
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
const files = (await glob('examples/invalid/*.pool', { cwd: REPO })).sort();

interface Line {
    readonly start: { line: number; column: number };
    readonly end: { line: number; column: number };
    readonly severity: string;
    readonly code: string;
    readonly message: string;
}

function render(lines: readonly Line[]): string[] {
    return lines
        .map(d => `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.severity} ${d.code} ${d.message}`)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The place, severity and code of a diagnostic line, without its message. */
function where(line: string): string {
    return line.split(' ').slice(0, 3).join(' ');
}

async function cliDiagnostics(lang: string): Promise<Map<string, string[]>> {
    const run = await runPoolInProcess(['check', '--format', 'json', '--lang', lang, ...files]);
    const json = JSON.parse(run.stdout) as { diagnostics: (Line & { file: string; range: { start: Line['start']; end: Line['end'] } })[] };
    return new Map(
        files.map(file => [file, render(json.diagnostics.filter(d => d.file === file).map(d => ({ ...d, start: d.range.start, end: d.range.end })))])
    );
}

const welsh = await cliDiagnostics('cy');
const english = await cliDiagnostics('en');

function expectedPath(file: string): string {
    return path.join(REPO, 'test/fixtures/welsh', path.basename(file).replace(/\.pool$/, '.expected'));
}

describe('the invalid examples in Welsh, through the CLI and through the language server', () => {
    let client: LspClient;
    beforeAll(async () => {
        client = await LspClient.start(SERVER, [path.join(REPO, 'examples')], { locale: 'cy' });
    });
    afterAll(async () => {
        await client?.stop();
    });

    it('found the invalid examples', () => {
        expect(files.length).toBeGreaterThan(30);
    });

    it.each(files)('%s', async file => {
        const cli = welsh.get(file)!;
        const expectedFile = expectedPath(file);
        if (UPDATE) {
            await mkdir(path.dirname(expectedFile), { recursive: true });
            await writeFile(expectedFile, cli.length ? `${cli.join('\n')}\n` : '');
        }
        const expected = (await readFile(expectedFile, 'utf8')).trimEnd();
        expect(cli.join('\n'), 'pool check --lang cy').toBe(expected);
        const lsp = render(
            (await client.openAndWaitForDiagnostics(path.join(REPO, file))).map((d: Diagnostic) => ({
                start: { line: d.range.start.line + 1, column: d.range.start.character + 1 },
                end: { line: d.range.end.line + 1, column: d.range.end.character + 1 },
                severity: SEVERITY[d.severity ?? 1],
                code: String(d.code),
                message: typeof d.message === 'string' ? d.message : d.message.value
            }))
        );
        expect(lsp.join('\n'), 'language server with locale cy').toBe(expected);
        // The same findings as in English, each worded differently.
        const inEnglish = english.get(file)!;
        expect(cli.map(where)).toEqual(inEnglish.map(where));
        expect(
            cli.filter(line => inEnglish.includes(line)),
            'messages left in English'
        ).toEqual([]);
    });

    it('offers quick fixes titled in Welsh', async () => {
        const file = path.join(REPO, 'examples/invalid/total-mismatch.pool');
        const diagnostics = await client.openAndWaitForDiagnostics(file);
        const actions = await client.request<{ title: string }[]>(
            'textDocument/codeAction',
            {
                textDocument: { uri: pathToFileURL(file).toString() },
                range: diagnostics[0].range,
                context: { diagnostics }
            },
            30_000
        );
        expect(actions.map(action => action.title)).toEqual(['Gosod y cyfanswm i £150,000, swm y llinellau']);
    });
});

describe('hovers in Welsh', () => {
    it('a pool, an amount and a financial year are described in Welsh', async () => {
        await withServer([path.join(REPO, 'examples')], { locale: 'cy' }, async client => {
            const file = path.join(REPO, 'examples/invalid/total-mismatch.pool');
            const lines = (await readFile(file, 'utf8')).split('\n');
            await client.openAndWaitForDiagnostics(file);
            const hoverAt = async (text: string, offset = 0) => {
                const line = lines.findIndex(candidate => candidate.includes(text));
                const hover = await client.request<{ contents: { value: string } } | null>(
                    'textDocument/hover',
                    {
                        textDocument: { uri: pathToFileURL(file).toString() },
                        position: { line, character: lines[line].indexOf(text) + offset }
                    },
                    30_000
                );
                return hover?.contents.value ?? '';
            };
            const total = await hoverAt('£160,000', 1);
            expect(total).toContain('**£160,000** yw £160,000.00 yn union');
            expect(total).toContain("Wedi'i wirio yn erbyn cyfraniadau'r flwyddyn, sy'n dod i gyfanswm o £150,000.");
            expect(total).toContain('`total-mismatch` (error): Mae cyfanswm a ddatganwyd');
            expect(await hoverAt('2013/14 {', 1)).toBe('**2013/14**: blwyddyn ariannol y DU o 1 Ebrill 2013 i 31 Mawrth 2014');
        });
    });
});

describe('editing in Welsh', () => {
    const AGREEMENT = [
        'agreement "Anytown care" {',
        '    period 2013/14 to 2013/14',
        '    host council',
        '}',
        'import "registers/partners.pool"',
        'partner council "Anytown Council" council',
        'pool care "Care" pooled {',
        '    2013/14 { council £100,000  nhs £50,000 }',
        '}',
        'savings of care {',
        '    2013/14 { council £30,000  nhs £10,000 }',
        '}',
        'share savings of care {',
        '    council 60%',
        '    nhs 40%',
        '}',
        ''
    ].join('\n');
    let client: LspClient;
    let uri: string;
    beforeAll(async () => {
        const root = scratchFolder({ 'agreement.pool': AGREEMENT, 'registers/partners.pool': 'partner nhs "NHS Anytown CCG" health\n' }, 'pool-cy-');
        uri = pathToFileURL(path.join(root, 'agreement.pool')).toString();
        client = await LspClient.start(SERVER, [root], { locale: 'cy', settings: { inlayHints: { enabled: true } } });
        await client.openAndWaitForDiagnostics(path.join(root, 'agreement.pool'));
    });
    afterAll(async () => {
        await client?.stop();
    });

    /** The message a rename of `council` (line 6) to `newName` is refused with. */
    async function refusal(newName: string): Promise<string> {
        const error = await client.request('textDocument/rename', { textDocument: { uri }, position: { line: 5, character: 10 }, newName }, 30_000).then(
            () => 'not refused',
            (refused: unknown) => (refused as Error).message
        );
        return error;
    }

    it('refuses a rename in Welsh, saying why and where', async () => {
        expect(await refusal('nhs')).toBe(
            "mae `nhs` eisoes yn ddynodydd partner yn registers/partners.pool ar linell 1, a byddai'r ddau i'w gweld yn y ffeil hon; dewiswch ddynodydd arall"
        );
        expect(await refusal('care')).toBe('mae `care` eisoes yn ddynodydd cronfa ar linell 7; dewiswch ddynodydd arall');
        expect(await refusal('two words')).toBe(
            "nid yw `two words` yn ddynodydd: mae dynodydd yn dechrau â llythyren neu _, wedi'i dilyn gan lythrennau, digidau, _ neu -, heb fylchau"
        );
        expect(await refusal('pool')).toBe("ni all `pool` fod yn ddynodydd: mae'n air yn iaith Pool");
    });

    it('labels the computed figures in Welsh, with what a share is of', async () => {
        const hints = await client.request<{ label: string; tooltip?: string }[]>(
            'textDocument/inlayHint',
            { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 17, character: 0 } } },
            30_000
        );
        expect(hints.map(hint => `${hint.label} | ${hint.tooltip}`)).toEqual([
            "cyfanswm £150,000 | Union swm cyfraniadau'r flwyddyn hon i'r gronfa.",
            'cyfanswm £40,000 | Union swm yr arbedion a ragwelir ar gyfer y flwyddyn hon.',
            '£24,000 | Cyfran council o arbedion a ragwelir o £40,000.',
            '£16,000 | Cyfran nhs o arbedion a ragwelir o £40,000.'
        ]);
    });

    it('titles the code lens over a pool, and describes completions, in Welsh', async () => {
        const lenses = await client.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } }, 30_000);
        expect(lenses.map(lens => lens.command?.title)).toEqual(["£150,000 i mewn, £0 wedi'i wario — agor yr adroddiad"]);
        const completion = await client.request<{ items: { label: string; detail?: string }[] } | { label: string; detail?: string }[]>(
            'textDocument/completion',
            {
                textDocument: { uri },
                position: { line: 16, character: 0 }
            },
            30_000
        );
        const items = Array.isArray(completion) ? completion : completion.items;
        const details = items.map(item => item.detail);
        expect(details).toContain('datganiad partner');
        expect(details).toContain('cronfa gyda bloc blwyddyn');
        expect(details).not.toContain('partner declaration');
    });
});

describe('choosing the language on the command line', () => {
    it('pool check --lang cy prints Welsh diagnostics and a Welsh summary', async () => {
        const result = await runPoolInProcess(['check', '--lang', 'cy', 'examples/invalid/overspent-pool.pool']);
        expect(result.status).toBe(1);
        expect(result.stdout).toContain("error[overspent-pool]: mae'r gwariant o");
        expect(result.stdout).toContain('gorwariant o £');
        expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Gwiriwyd 1 ffeil: 1 gwall mewn 1 ffeil');
    });

    it('POOL_LANG=cy chooses Welsh, and --lang en overrides it', async () => {
        expect((await runPoolInProcess(['check', 'examples/better-care-fund.pool'], { env: { POOL_LANG: 'cy' } })).stdout).toBe(
            'Gwiriwyd 1 ffeil: llwyddodd pob gwiriad\n'
        );
        expect((await runPoolInProcess(['check', '--lang', 'en', 'examples/better-care-fund.pool'], { env: { POOL_LANG: 'cy' } })).stdout).toBe(
            '1 file checked: all checks passed\n'
        );
    });

    it('an unknown --lang is a one-line error with exit status 2', async () => {
        const result = await runPoolInProcess(['check', '--lang', 'fr', 'examples']);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe("pool: --lang must be en (English) or cy (Cymraeg); got 'fr'\n");
    });

    it('an unknown POOL_LANG is a one-line error with exit status 2', async () => {
        const result = await runPoolInProcess(['fingerprint', 'examples/better-care-fund.pool'], { env: { POOL_LANG: 'de' } });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe("pool: POOL_LANG must be en (English) or cy (Cymraeg); got 'de'\n");
    });

    it('pool fmt --check summarises in Welsh', async () => {
        const clean = await runPoolInProcess(['fmt', '--check', '--lang', 'cy', 'examples/troubled-families.pool']);
        expect(clean.status).toBe(0);
        expect(clean.stderr).toBe("Gwiriwyd 1 ffeil: mae pob un wedi'i fformatio\n");
        const broken = await runPoolInProcess(['fmt', '--check', '--lang', 'cy', 'examples/invalid/syntax-error.pool']);
        expect(broken.status).toBe(1);
        expect(broken.stderr).toBe(
            'examples/invalid/syntax-error.pool: heb ei fformatio: mae ganddi wallau cystrawen, y cyntaf ar linell 16, colofn 5: cywirwch nhw yn gyntaf, yna fformatiwch\nGwiriwyd 1 ffeil: ni ellid fformatio 1\n'
        );
    });

    it('a usage error is worded in the language chosen', async () => {
        const result = await runPoolInProcess(['check', '--lang', 'cy', 'no-such-folder']);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe("pool: methu darllen no-such-folder: nid oes ffeil na ffolder o'r fath\n");
    });

    it('pool --help --lang cy lists the commands in Welsh', async () => {
        const result = await runPoolInProcess(['--help', '--lang', 'cy']);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^Defnydd: pool /);
        expect(result.stdout).toContain("Gwirio cytundebau cyllideb gyfun wedi'u hysgrifennu yn iaith Pool.");
        expect(result.stdout).toContain('\nOpsiynau:\n');
        expect(result.stdout).toContain('\nGorchmynion:\n');
        expect(result.stdout).toMatch(/check \[options\] <paths\.\.\.> +gwirio cytundebau a rhoi gwybod am bob problem/);
        expect(result.stdout).toMatch(/help \[command\] +dangos cymorth ar gyfer gorchymyn/);
        expect(result.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
    });

    it("POOL_LANG=cy gives a command's help in Welsh: options, choices, defaults, exit statuses and examples", async () => {
        const result = await runPoolInProcess(['check', '--help'], { env: { POOL_LANG: 'cy' } });
        expect(result.status).toBe(0);
        const text = result.stdout.replace(/\s+/g, ' ');
        expect(text).toContain('Dadleuon: paths ffeiliau .pool, ffolderi');
        expect(text).toContain('ar gyfer pob allbwn (dewisiadau: "text", "json", "sarif", "github", "junit", "codequality", "summary", rhagosodiad: text)');
        expect((await runPoolInProcess(['report', '--help'], { env: { POOL_LANG: 'cy' } })).stdout.replace(/\s+/g, ' ')).toContain(
            '(dewisiadau: "md", "html", "pdf", rhagosodiad: "html")'
        );
        expect(text).toContain('--strict trin rhybuddion fel gwallau (gadael gyda 1 pan fo rhai) (rhagosodiad: false)');
        expect(text).toContain('--lang <lang> iaith y negeseuon: en (English) neu cy (Cymraeg)');
        expect(text).toContain('Statws gadael: 0 dim gwallau');
        expect(text).toContain('Enghreifftiau: pool check examples gwirio pob ffeil .pool mewn ffolder');
        expect(text).not.toMatch(/Usage|Arguments|Options|choices|default|Exit status|Examples|display help/);
        // --lang on the command line wins over POOL_LANG, for help as for messages.
        expect((await runPoolInProcess(['diff', '--help', '--lang=en'], { env: { POOL_LANG: 'cy' } })).stdout).toMatch(
            /^Usage: pool diff \[options\] <old> \[new\]\n\nsay in plain English what changed/
        );
    });

    it("the command line's own errors (an unknown option, a bad choice, too many arguments) are in Welsh", () => {
        // Each of commander's errors in both languages is in packages/cli/test/usage-errors.test.ts; these run the real command.
        expect(runPool(['check', '--colour', '--lang', 'cy', 'examples'])).toMatchObject({
            status: 2,
            stdout: '',
            stderr: "pool: opsiwn anhysbys '--colour'\n"
        });
        expect(runPool(['check', '--stric', 'examples'], { env: { POOL_LANG: 'cy' } }).stderr).toBe(
            "pool: opsiwn anhysbys '--stric'; oeddech chi'n golygu --strict?\n"
        );
        expect(runPool(['report', '-f', 'xml', 'examples/troubled-families.pool'], { env: { POOL_LANG: 'cy' } }).stderr).toBe(
            "pool: rhaid i --format fod yn md, html neu pdf; cafwyd 'xml'\n"
        );
        expect(runPool(['check', '-f', 'xml', 'examples'], { env: { POOL_LANG: 'cy' } }).stderr).toBe(
            "pool: rhaid i --format fod yn text, json, sarif, github, junit, codequality neu summary; cafwyd 'xml'\n"
        );
        expect(runPool(['fingerprint', 'a.pool', 'b.pool', '--lang', 'cy']).stderr).toBe(
            'pool: gormod o ddadleuon: mae pool fingerprint yn cymryd 1 ddadl, ond cafwyd 2\n'
        );
        expect(runPool(['chek', 'examples'], { env: { POOL_LANG: 'cy' } }).stderr).toBe("pool: gorchymyn anhysbys 'chek'; oeddech chi'n golygu check?\n");
        expect(runPool(['check', '--stric', 'examples']).stderr).toBe("pool: unknown option '--stric'; did you mean --strict?\n");
    });

    it("pool report refuses in Welsh, and lists the checks' findings in Welsh", async () => {
        const both = await runPoolInProcess(['report', 'examples/troubled-families.pool', '--partner', 'gmp', '--each-partner', '--lang', 'cy']);
        expect(both).toMatchObject({ status: 2, stderr: 'pool: defnyddiwch naill ai --partner ID neu --each-partner, nid y ddau\n' });
        const unknown = await runPoolInProcess(['report', 'examples/better-care-fund.pool', '--partner', 'nobody', '--format', 'md'], {
            env: { POOL_LANG: 'cy' }
        });
        expect(unknown.stderr).toMatch(/^pool: nid oes partner nobody yn examples\/better-care-fund\.pool; ei bartneriaid yw \S/);
        const withErrors = await runPoolInProcess(['report', 'examples/invalid/overspent-pool.pool', '--format', 'md', '--lang', 'cy']);
        expect(withErrors.status).toBe(1);
        expect(withErrors.stdout).toContain("mae'r gwariant o care yn 2013/14 yn £170,000 ond mae'r cyfraniadau yn £150,000: gorwariant o £20,000");
        expect(withErrors.stdout).not.toContain('spending from care');
    });
});
