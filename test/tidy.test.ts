import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../packages/language/src/build-info/version.js';
import { ALL_CHECKS, type CheckDefinition } from '../packages/language/src/checks/index.js';
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
