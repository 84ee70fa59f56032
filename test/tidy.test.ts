import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../packages/language/src/build-info/version.js';
import { en } from '../packages/language/src/i18n/messages.js';
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

    it('every message in the catalogue is used somewhere', () => {
        // The catalogue's own entries are not uses; the code around them (listInWords) is.
        const code = shipped
            .map(file => (file === 'packages/language/src/i18n/messages.ts' ? text(file).replace(/^\s+'[\w.-]+':.*$/gm, '') : text(file)))
            .join('\n');
        // Keys made at run time: `summary.${code}`, `declaration-kind.${kind}`, plural forms.
        const prefixes = [...code.matchAll(/`([a-z][\w.-]*\.)\$\{/g)].map(match => match[1] ?? '');
        const used = (key: string) =>
            code.includes(`'${key}'`) ||
            code.includes(`"${key}"`) ||
            prefixes.some(prefix => key.startsWith(prefix)) ||
            (/\.(one|other)$/.test(key) && code.includes(`'${key.replace(/\.(one|other)$/, '')}.`));
        expect(Object.keys(en).filter(key => !used(key))).toEqual([]);
    });

    it('the tool version in reports and fingerprints is the one in package.json, which every package shares', () => {
        const versions = ['language', 'cli', 'reports', 'language-server', 'extension'].map(
            name => (JSON.parse(text(`packages/${name}/package.json`)) as { version: string }).version
        );
        expect(new Set([TOOL_VERSION, ...versions])).toEqual(new Set([TOOL_VERSION]));
        expect(sources.filter(file => file.startsWith('packages/') && /['"]0\.\d+\.\d+['"]/.test(text(file)))).toEqual([]);
    });
});
