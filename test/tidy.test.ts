import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../packages/language/src/build-info/version.js';
import { ALL_CHECKS, type CheckDefinition } from '../packages/language/src/checks/index.js';
import { ISOLATED } from './support/isolated.js';
import { REPO } from './support/paths.js';

/**
 * Rules of the code base that are checked, not remembered (as rust-analyzer's tidy tests do).
 * The layers are checked by `pnpm boundaries` (test/boundaries.test.ts); lint, formatting and
 * unused code by `pnpm lint`, `pnpm format:check` and `pnpm knip`.
 */

/** Every tracked source file (not generated code, which is not tracked). */
const sources = execFileSync('git', ['ls-files', '*.ts', '*.mjs', '*.cjs', '*.js'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter(file => file !== '');
const text = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const shipped = sources.filter(file => /^packages\/[^/]+\/src\//.test(file));

/** Where printing to standard output is the program's job: build and serve scripts and the benchmark's command. */
const MAY_PRINT = ['packages/bench/src/generate.ts'];

/** Files over this many lines say at their top why they are one file (a comment starting `Long:`). */
const MAX_LINES = 600;

describe('tidy', () => {
    it('shipped code does not print with console.log: a command writes through its io, a library not at all', () => {
        const printing = shipped.filter(file => !MAY_PRINT.includes(file) && /\bconsole\.log\(/.test(text(file)));
        expect(printing).toEqual([]);
    });

    it(`no source file is over ${MAX_LINES} lines without a note at its top saying why`, () => {
        const long = sources.filter(file => {
            const lines = text(file).split('\n');
            return lines.length > MAX_LINES && !lines.slice(0, 10).some(line => /^\s*(\/\/|\*|\/\*\*?)\s*Long:/.test(line));
        });
        expect(long).toEqual([]);
    });

    it('every message in the catalogues is used somewhere', () => {
        // The catalogues' own entries are not uses; the code around them (listInWords) is.
        const catalogue = /\/src\/i18n\/(en|cy)\.ts$/;
        const catalogues = shipped.filter(file => catalogue.test(file) && file.endsWith('en.ts'));
        expect(catalogues.length).toBeGreaterThanOrEqual(4);
        const code = shipped
            .filter(file => !catalogue.test(file))
            .map(text)
            .join('\n');
        // Keys made at run time: `summary.${code}`, `declaration-kind.${kind}`.
        const prefixes = [...code.matchAll(/`([a-z][\w.-]*\.)\$\{/g)].map(match => match[1] ?? '');
        const used = (key: string) => code.includes(`'${key}'`) || code.includes(`"${key}"`) || prefixes.some(prefix => key.startsWith(prefix));
        const keys = catalogues.flatMap(file => [...text(file).matchAll(/^\s+'([\w.-]+)':/gm)].map(match => match[1] ?? ''));
        expect(keys.length).toBeGreaterThan(1000);
        expect(keys.filter(key => !used(key))).toEqual([]);
    });

    it('the tool version in reports and fingerprints is the one in package.json, which every package shares', () => {
        const versions = ['language', 'cli', 'reports', 'language-server', 'extension'].map(
            name => (JSON.parse(text(`packages/${name}/package.json`)) as { version: string }).version
        );
        expect(new Set([TOOL_VERSION, ...versions])).toEqual(new Set([TOOL_VERSION]));
        expect(sources.filter(file => file.startsWith('packages/') && /['"]0\.\d+\.\d+['"]/.test(text(file)))).toEqual([]);
    });

    it('shipped code names message keys the compiler checks: no cast to MessageKey, no parameters cast away', () => {
        const casting = shipped.filter(file => /\bas MessageKey\b|\{\} as never/.test(text(file)));
        expect(casting).toEqual([]);
    });

    it('no sentence is glued from translated pieces: no placeholder of a message is filled by another message', () => {
        const glued = shipped.filter(file => !file.includes('/i18n/')).flatMap(file => gluedMessages(file, text(file)));
        expect(glued).toEqual([]);
    });

    it('the glue finder finds a message put into the placeholder of another, directly or through a constant', () => {
        const sample = [
            "const a = t('x.outer', { inner: t('x.inner', {}, lang) }, lang);",
            "const b = say('x.outer', { inner: flag ? say('x.one', {}) : 'value' });",
            'function f() {',
            "    const inner = word('x.inner', lang);",
            "    return t('x.outer', { inner, count: 2 }, lang);",
            '}',
            "const fine = t('x.outer', { inner: name, count: list.length }, lang);",
            "const frame = t('cli.error', { message: t('x.sentence', {}, lang) }, lang);"
        ].join('\n');
        expect(gluedMessages('sample.ts', sample)).toEqual(['sample.ts:1 x.outer {inner}', 'sample.ts:2 x.outer {inner}', 'sample.ts:5 x.outer {inner}']);
    });

    it('a test file that mocks a module runs with modules of its own, and one that fakes timers puts them back', () => {
        // The other files share their worker's modules (vitest.config.ts): a mock left behind would
        // answer for the real module in every file the worker runs after it.
        const tests = sources.filter(file => file.endsWith('.test.ts'));
        expect(tests.length).toBeGreaterThan(100);
        const mocking = tests.filter(file => /\bvi\.(mock|doMock|hoisted)\(/.test(text(file)));
        expect(mocking.filter(file => !ISOLATED.includes(file))).toEqual([]);
        expect(ISOLATED.filter(file => !mocking.includes(file))).toEqual([]);
        const faking = tests.filter(file => /\bvi\.useFakeTimers\(/.test(text(file)) && !ISOLATED.includes(file));
        expect(faking.length).toBeGreaterThan(0);
        expect(faking.filter(file => !/afterEach\(\(\) => \{\s*vi\.useRealTimers\(\)/.test(text(file)))).toEqual([]);
    });

    it('every check defined in packages/language/src/checks is listed in ALL_CHECKS, once', async () => {
        const files = sources.filter(file => /^packages\/language\/src\/checks\/[^/]+\.ts$/.test(file) && text(file).includes('defineCheck({'));
        const defined: CheckDefinition[] = [];
        for (const file of files) {
            const module = (await import(pathToFileURL(path.join(REPO, file)).href)) as Record<string, unknown>;
            defined.push(...Object.values(module).filter(isCheck));
        }
        expect(defined.length).toBeGreaterThan(40);
        expect(defined.filter(check => !ALL_CHECKS.includes(check)).map(check => check.code)).toEqual([]);
        expect(new Set(ALL_CHECKS.map(check => check.code)).size).toBe(ALL_CHECKS.length);
    });
});

/** A check definition, as `defineCheck` makes one. */
function isCheck(value: unknown): value is CheckDefinition {
    return typeof value === 'object' && value !== null && 'code' in value && 'severity' in value && 'tier' in value && 'fix' in value;
}

/** The functions that put a catalogue key into words: each package's `t`, the reports' `say`, `word` and `render`. */
const TRANSLATORS = new Set(['t', 'say', 'word', 'render']);

/**
 * Messages whose placeholder frames a whole sentence that stands alone and is translated whole
 * (`pool: {message}`, a finding in an imported file, `cannot read {file}: {reason}`): no word
 * order crosses the frame.
 */
const FRAMES = new Set(['cli.error', 'finding.in-import', 'cli.cannot-read']);

/**
 * `file:line key {placeholder}` for each call of a translator whose placeholder is given another
 * message: a translator's call in the value (in either branch of a condition, after `??`, inside a
 * template), or a constant of the same function whose value is one. Text put together by a helper
 * (a list in words) is not seen here; the catalogue test refuses the fragments such glue needs.
 */
function gluedMessages(file: string, source: string): string[] {
    const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const isTranslation = (node: ts.Node): node is ts.CallExpression =>
        ts.isCallExpression(node) && ts.isIdentifier(node.expression) && TRANSLATORS.has(node.expression.text);
    const translates = (node: ts.Expression, scope: ts.Node | undefined, depth: number): boolean => {
        if (isTranslation(node)) return true;
        if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return translates(node.expression, scope, depth);
        if (ts.isConditionalExpression(node)) return translates(node.whenTrue, scope, depth) || translates(node.whenFalse, scope, depth);
        if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind))
            return translates(node.left, scope, depth) || translates(node.right, scope, depth);
        if (ts.isTemplateExpression(node)) return node.templateSpans.some(span => translates(span.expression, scope, depth));
        if (ts.isIdentifier(node) && scope && depth === 0) {
            const value = constantIn(scope, node.text);
            return value !== undefined && translates(value, scope, depth + 1);
        }
        return false;
    };
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
        const [key, params] = isTranslation(node) ? node.arguments : [];
        if (key && params && ts.isObjectLiteralExpression(params) && !(ts.isStringLiteral(key) && FRAMES.has(key.text))) {
            const scope = enclosingFunction(node);
            for (const property of params.properties) {
                const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
                if (value && translates(value, scope, 0)) {
                    const line = tree.getLineAndCharacterOfPosition(property.getStart(tree)).line + 1;
                    found.push(`${file}:${line} ${ts.isStringLiteral(key) ? key.text : key.getText(tree)} {${property.name?.getText(tree) ?? ''}}`);
                }
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(tree);
    return found;
}

function enclosingFunction(node: ts.Node): ts.Node | undefined {
    for (let at = node.parent as ts.Node | undefined; at; at = at.parent) if (ts.isFunctionLike(at)) return at;
    return undefined;
}

/** The value of the `const` called `name` declared directly in the function `scope`, if there is one. */
function constantIn(scope: ts.Node, name: string): ts.Expression | undefined {
    let value: ts.Expression | undefined;
    const visit = (node: ts.Node): void => {
        if (value || (node !== scope && ts.isFunctionLike(node))) return;
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) value = node.initializer;
        else ts.forEachChild(node, visit);
    };
    ts.forEachChild(scope, visit);
    return value;
}
