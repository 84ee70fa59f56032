import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of ARCHITECTURE.md (`.dependency-cruiser.cjs`, run by `pnpm boundaries` in the
 * test command) catch a wrong-way import. Each case lays out a few files in a scratch tree shaped
 * like the repository and cruises it with the project's own rules.
 */

const root = path.resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as Required<Pick<IConfiguration, 'forbidden' | 'options'>>;

let scratch: string;
beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'pool-boundaries-'));
});
afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
});

/** The rules broken by the imports in `files` (paths relative to a fresh scratch tree). */
async function violations(files: Record<string, string>): Promise<string[]> {
    const tree = await mkdtemp(path.join(scratch, 'tree-'));
    for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(tree, file)), { recursive: true });
        await writeFile(path.join(tree, file), text);
    }
    // The scratch tree has no tsconfig of its own; `.js` specifiers still resolve to their `.ts` files.
    const { tsConfig: _projectTsConfig, ...options } = config.options;
    const result = await cruise(['packages'], { ...options, baseDir: tree, validate: true, ruleSet: { forbidden: config.forbidden } });
    if (typeof result.output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
    return result.output.summary.violations.map(violation => `${violation.from} → ${violation.to}: ${violation.rule.name}`);
}

describe('the layer rules', () => {
    it('fail when money/ imports from the model above it', async () => {
        const found = await violations({
            'packages/language/src/money/amount.ts': "import type { AgreementModel } from '../model/types.js';\nexport type Held = AgreementModel;\n",
            'packages/language/src/model/types.ts': 'export interface AgreementModel { readonly title: string }\n'
        });
        expect(found).toEqual(['packages/language/src/money/amount.ts → packages/language/src/model/types.ts: layer: language/money']);
    });

    it('fail when a check reaches into the editor features', async () => {
        const found = await violations({
            'packages/language/src/checks/empty-pool.ts': "import { markdown } from '../lsp/markdown.js';\nexport const check = markdown;\n",
            'packages/language/src/lsp/markdown.ts': 'export const markdown = 1;\n'
        });
        expect(found).toEqual(['packages/language/src/checks/empty-pool.ts → packages/language/src/lsp/markdown.ts: layer: language/checks']);
    });

    it('fail when the language package imports a package above it', async () => {
        const found = await violations({
            'packages/language/src/model/build-model.ts': "import { renderHtml } from '../../../reports/src/html.js';\nexport const build = renderHtml;\n",
            'packages/reports/src/html.ts': 'export const renderHtml = 1;\n'
        });
        expect(found).toEqual(['packages/language/src/model/build-model.ts → packages/reports/src/html.ts: layer: language/model']);
    });

    it('fail when code that also runs in a browser worker imports a Node module', async () => {
        const found = await violations({
            'packages/language/src/model/imports.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"
        });
        expect(found).toEqual(['packages/language/src/model/imports.ts → fs: no-node-in-platform-free-code']);
    });

    it('fail when shipped code imports a test helper', async () => {
        const found = await violations({
            'packages/cli/src/main.ts': "import { runCli } from '../test/support.js';\nexport const main = runCli;\n",
            'packages/cli/test/support.ts': 'export const runCli = 1;\n'
        });
        expect(found).toEqual(['packages/cli/src/main.ts → packages/cli/test/support.ts: no-test-code-in-sources']);
    });

    it('pass imports that go the right way', async () => {
        const found = await violations({
            'packages/language/src/model/build-model.ts': "import { Rational } from '../money/rational.js';\nexport const zero = Rational;\n",
            'packages/language/src/money/rational.ts': 'export const Rational = 0;\n',
            'packages/cli/src/main.ts': "import { renderHtml } from '../../reports/src/html.js';\nexport const main = renderHtml;\n",
            'packages/reports/src/html.ts': "import { zero } from '../../language/src/model/build-model.js';\nexport const renderHtml = zero;\n"
        });
        expect(found).toEqual([]);
    });
});
