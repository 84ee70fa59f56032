import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOOL_VERSION } from '../packages/language/src/build-info/version.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION, GITLAB_JOB, runAction, runGitLabJob } from './support/ci-runner.js';
import { node20, offlineNpmEnv, packCli } from './support/package.js';
import { REPO } from './support/paths.js';

/**
 * The ready-made CI integrations are run, not just read: the Action's and the GitLab template's
 * steps are followed as their CI system would, against a scratch repository of agreements, with
 * Pool installed from the packed package with the network off.
 */

function repositoryWith(...examples: string[]): string {
    const root = mkdtempSync(path.join(tmpdir(), 'pool-ci-'));
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, 'agreements'));
    for (const example of examples) copyFileSync(path.join(REPO, example), path.join(root, 'agreements', path.basename(example)));
    return root;
}

let tarball: string;
/** The runner: npm cannot reach a registry, and `node` on the PATH is Node.js 20, as on most runners. */
let runnerEnv: () => NodeJS.ProcessEnv;
beforeAll(() => {
    tarball = packCli();
    const node = node20();
    runnerEnv = () => offlineNpmEnv(mkdtempSync(path.join(tmpdir(), 'pool-npm-cache-')), node);
}, 180_000);

/** GitHub's REST API as far as the Action asks it: whether the repository has code scanning. */
let api: Server;
let apiUrl: string;
const apiAnswers = new Map<string, { status: number; body: unknown }>();
const apiRequests: { url: string; authorization: string | undefined }[] = [];
beforeAll(async () => {
    api = createServer((request, response) => {
        apiRequests.push({ url: request.url ?? '', authorization: request.headers.authorization });
        const repository = /^\/repos\/([^/]+\/[^/]+)\//.exec(request.url ?? '')?.[1] ?? '';
        const answer = apiAnswers.get(repository) ?? { status: 404, body: { message: 'Not Found' } };
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>(resolve => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    apiAnswers.set('councils/scanned', { status: 200, body: [] });
    apiAnswers.set('councils/new-to-scanning', { status: 404, body: { message: 'no analysis found' } });
    apiAnswers.set('councils/private', { status: 403, body: { message: 'Advanced Security must be enabled for this repository to use code scanning.' } });
    apiAnswers.set('councils/no-permission', { status: 403, body: { message: 'Resource not accessible by integration' } });
});
afterAll(
    () =>
        new Promise<void>(resolve =>
            api.close(() => {
                resolve();
            })
        )
);

describe('the GitHub Action (action.yml)', () => {
    const action = (workspace: string, repository: string, inputs: Record<string, string> = {}, github: Record<string, unknown> = {}) =>
        runAction({
            workspace,
            inputs: { package: tarball, paths: 'agreements', ...inputs },
            github: { repository, ...github },
            env: { ...runnerEnv(), GITHUB_API_URL: apiUrl }
        });

    it('installs the package, annotates, summarises every problem, uploads SARIF and then fails the job on errors', async () => {
        const workspace = repositoryWith('examples/invalid/total-mismatch.pool', 'examples/invalid/unused-partner.pool');
        const run = await action(workspace, 'councils/scanned');
        expect(run.status).toBe(1);
        expect(run.outputs.status).toBe('1');
        expect(run.outputs['code-scanning']).toBe('true');
        expect(run.log).toContain('::error file=agreements/total-mismatch.pool,line=16,');
        expect(run.log).toContain('::warning file=agreements/unused-partner.pool,');
        // Every problem and the totals in the job summary, not only the first ten of each as annotations.
        expect(run.summary).toContain('2 files checked: 1 error and 1 warning in 2 files');
        expect(run.summary).toContain(
            '| error | agreements/total-mismatch.pool | 16:18 | [total-mismatch](https://github.test/councils/pool/blob/v0/docs/checks.md#total-mismatch) |'
        );
        expect(run.summary).toContain('| warning | agreements/unused-partner.pool |');
        const sarif = JSON.parse(readFileSync(path.join(workspace, 'pool.sarif'), 'utf8'));
        expect(sarif.runs[0].tool.driver.version).toBe(TOOL_VERSION);
        expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
            uri: 'agreements/total-mismatch.pool',
            uriBaseId: '%SRCROOT%'
        });
        expect(sarif.runs[0].tool.driver.rules[0].helpUri).toMatch(/^https:\/\/github\.test\/councils\/pool\/blob\/v0\/docs\/checks\.md#/);
        // The upload comes before the step that fails the job, so the alerts are there to look at.
        const names = run.steps.map(step => step.name);
        expect(names.indexOf('Upload to code scanning')).toBeLessThan(names.indexOf('Fail when pool check found problems'));
        expect(run.steps.find(step => step.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with).toEqual({
            sarif_file: 'pool.sarif',
            category: 'pool'
        });
        expect(apiRequests.at(-1)).toEqual({ url: '/repos/councils/scanned/code-scanning/analyses?per_page=1', authorization: 'Bearer test-token' });
    }, 120_000);

    it('passes clean agreements, and warnings unless strict; a repository new to code scanning still gets the upload', async () => {
        const clean = await action(repositoryWith('examples/neighbourhood-budget.pool'), 'councils/new-to-scanning');
        expect([clean.status, clean.outputs.status, clean.outputs['code-scanning']]).toEqual([0, '0', 'true']);
        expect(clean.summary).toContain('1 file checked: all checks passed');
        const warnings = repositoryWith('examples/invalid/unused-partner.pool');
        expect((await action(warnings, 'councils/scanned')).status).toBe(0);
        const strict = await action(warnings, 'councils/scanned', { strict: 'true' });
        expect([strict.status, strict.outputs.status]).toEqual([1, '1']);
    }, 120_000);

    it.each([
        [
            'a private repository without code scanning',
            'councils/private',
            {},
            'this repository does not have code scanning (GitHub says: Advanced Security must be enabled'
        ],
        ['a token without security-events permission', 'councils/no-permission', {}, 'give the job `permissions: security-events: write`'],
        [
            'a pull request from a fork',
            'councils/agreements',
            { event_name: 'pull_request', event: { pull_request: { head: { repo: { full_name: 'someone/agreements' } } } } },
            'this is a pull request from the fork someone/agreements'
        ],
        ['a run started by Dependabot', 'councils/agreements', { actor: 'dependabot[bot]' }, 'this run was started by Dependabot']
    ])(
        'skips the upload, saying why, for %s; the check still decides the job',
        async (_, repository, github, why) => {
            const workspace = repositoryWith('examples/invalid/total-mismatch.pool');
            const run = await action(workspace, repository, {}, github);
            expect(run.steps.some(step => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(false);
            expect(run.outputs['code-scanning']).toBe('false');
            expect(run.log).toContain('::notice title=Pool: code scanning not available::The SARIF results were not uploaded to code scanning: ');
            expect(run.log).toContain(why);
            expect(run.summary).toContain('every problem is in the job summary');
            expect([run.status, run.outputs.status]).toEqual([1, '1']);
            expect(existsSync(path.join(workspace, 'pool.sarif'))).toBe(true);
        },
        120_000
    );

    it('never asks about code scanning when the upload is turned off', async () => {
        const before = apiRequests.length;
        const run = await action(repositoryWith('examples/neighbourhood-budget.pool'), 'councils/scanned', { 'upload-sarif': 'false' });
        expect(run.status).toBe(0);
        expect(apiRequests.length).toBe(before);
        expect(run.steps.some(step => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(false);
    }, 120_000);

    it('exits 2, not 1, when Pool cannot be set up or given nothing to check', async () => {
        const workspace = repositoryWith('examples/neighbourhood-budget.pool');
        const missing = await action(workspace, 'councils/scanned', { package: path.join(workspace, 'no-such-package.tgz') });
        expect([missing.status, missing.outputs.status]).toEqual([2, '2']);
        expect(missing.log).toContain('::error title=Pool could not be set up::npm could not install');

        // A runner whose Node.js is too old: the action says so and never installs another.
        const bin = mkdtempSync(path.join(tmpdir(), 'pool-old-node-'));
        writeFileSync(path.join(bin, 'node'), '#!/bin/sh\nif [ "$1" = "--version" ]; then echo v18.20.0; else echo 18; fi\n');
        chmodSync(path.join(bin, 'node'), 0o755);
        const old = await runAction({ workspace, inputs: { package: tarball }, env: { ...runnerEnv(), PATH: `${bin}:${process.env.PATH ?? ''}` } });
        expect([old.status, old.outputs.status]).toEqual([2, '2']);
        expect(old.log).toContain('Pool needs Node.js 20 or later on the runner, and found v18.20.0');

        const nothing = await action(repositoryWith(), 'councils/scanned', { paths: 'agreements/*.pool' });
        expect([nothing.status, nothing.outputs.status]).toEqual([2, '2']);
    }, 120_000);

    it('is pinned to this version of the package and never sets up another Node.js', () => {
        const setup = ACTION.runs.steps.find(step => step.id === 'setup')!;
        expect(setup.env?.POOL_PINNED).toBe(`@pool-lang/cli@${TOOL_VERSION}`);
        expect(ACTION.runs.steps.some(step => step.uses?.startsWith('actions/setup-node'))).toBe(false);
        expect(ACTION.runs.steps.find(step => step.uses?.startsWith('actions/cache@'))?.with?.path).toBe('${{ runner.temp }}/pool-npm-cache');
    });
});

describe('the GitLab CI template (ci/gitlab/pool-check.gitlab-ci.yml)', () => {
    it('fails the job on errors and leaves a Code Quality report and a JUnit report', async () => {
        const workspace = repositoryWith('examples/invalid/total-mismatch.pool', 'examples/neighbourhood-budget.pool');
        const result = await runGitLabJob(workspace, { variables: { POOL_PACKAGE: tarball }, env: runnerEnv() });
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('error[total-mismatch]');
        const quality = JSON.parse(readFileSync(path.join(workspace, GITLAB_JOB.artifacts.reports.codequality), 'utf8'));
        expect(quality).toEqual([
            expect.objectContaining({
                check_name: 'total-mismatch',
                severity: 'major',
                location: { path: 'agreements/total-mismatch.pool', lines: { begin: 16, end: 16 } }
            })
        ]);
        expect(readFileSync(path.join(workspace, GITLAB_JOB.artifacts.reports.junit), 'utf8')).toContain('<failure type="total-mismatch"');
        expect(GITLAB_JOB.artifacts.when).toBe('always');
    }, 120_000);

    it('runs again in the same project folder with the same result, from its cache with the network off', async () => {
        const workspace = repositoryWith('examples/neighbourhood-budget.pool');
        const env = runnerEnv();
        const first = await runGitLabJob(workspace, { variables: { POOL_PACKAGE: tarball }, env });
        expect(first.status).toBe(0);
        const second = await runGitLabJob(workspace, { variables: { POOL_PACKAGE: tarball }, env });
        expect(second.status).toBe(0);
        // npm's own line differs ("added 1 package", then "up to date"); Pool's output does not.
        const pool = (stdout: string) => stdout.replace(/^.*(added \d+ package|up to date).*\n/m, '');
        expect(pool(second.stdout)).toBe(pool(first.stdout));
        // What the job installs stays out of what it checks.
        expect(first.stdout).toContain('1 file checked');
        expect(JSON.parse(readFileSync(path.join(workspace, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
    }, 120_000);

    it('exits 2, not 1, when Pool cannot be installed', async () => {
        const workspace = repositoryWith('examples/neighbourhood-budget.pool');
        const result = await runGitLabJob(workspace, { variables: { POOL_PACKAGE: path.join(workspace, 'no-such-package.tgz') }, env: runnerEnv() });
        expect(result.status).toBe(2);
    }, 120_000);

    it('is pinned: the image by its full version, Pool by this version, the cache by both', () => {
        expect(GITLAB_JOB.image).toMatch(/^node:\d+\.\d+\.\d+-[a-z-]+$/);
        expect(GITLAB_JOB.variables.POOL_PACKAGE).toBe(`@pool-lang/cli@${TOOL_VERSION}`);
        expect(GITLAB_JOB.cache.key).toContain(TOOL_VERSION);
    });
});

describe('pre-commit', () => {
    /** The local hook the README shows: pre-commit installs `additional_dependencies` with npm when the hook is installed. */
    const config = parse(/```yaml\n(# \.pre-commit-config\.yaml[\s\S]*?)```/.exec(readFileSync(path.join(REPO, 'README.md'), 'utf8'))![1]) as {
        repos: { repo: string; hooks: { id: string; entry: string; language: string; files: string; additional_dependencies: string[] }[] }[];
    };
    const hooks = config.repos[0].hooks;

    let prefix: string;
    beforeAll(() => {
        // What pre-commit does at `pre-commit install-hooks`; afterwards nothing is fetched.
        prefix = mkdtempSync(path.join(tmpdir(), 'pool-pre-commit-'));
        const installed = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
            env: runnerEnv(),
            encoding: 'utf8'
        });
        expect(installed.status, installed.stderr).toBe(0);
    }, 120_000);

    function runHook(id: string, workspace: string, files: readonly string[]) {
        const hook = hooks.find(candidate => candidate.id === id)!;
        expect(hook.language).toBe('node');
        expect(hook.additional_dependencies).toEqual([`@pool-lang/cli@${TOOL_VERSION}`]);
        for (const file of files) expect(new RegExp(hook.files).test(file)).toBe(true);
        const [command, ...args] = hook.entry.split(' ');
        return spawnSync(command, [...args, ...files], {
            cwd: workspace,
            env: { ...runnerEnv(), NO_COLOR: '1', PATH: `${path.join(prefix, 'bin')}:${runnerEnv().PATH ?? ''}` },
            encoding: 'utf8'
        });
    }

    it.each([
        ['pool-check', 'examples/invalid/total-mismatch.pool', 1],
        ['pool-check', 'examples/invalid/unused-partner.pool', 0],
        ['pool-check', 'examples/neighbourhood-budget.pool', 0]
    ])('%s on %s exits %i, offline', (id, example, status) => {
        const workspace = repositoryWith(example);
        expect(runHook(id, workspace, [`agreements/${path.basename(example)}`]).status).toBe(status);
    });

    it('honours .poolignore for the staged files it is given', () => {
        const workspace = repositoryWith('examples/invalid/total-mismatch.pool', 'examples/neighbourhood-budget.pool');
        writeFileSync(path.join(workspace, '.poolignore'), 'agreements/total-mismatch.pool\n');
        const result = runHook('pool-check', workspace, ['agreements/total-mismatch.pool', 'agreements/neighbourhood-budget.pool']);
        expect(result.status, result.stdout + result.stderr).toBe(0);
        expect(result.stdout).toContain('1 file checked');
    });

    it('pool-fmt-check fails on an unformatted file without changing it; pool-fmt formats it', () => {
        const workspace = repositoryWith('examples/neighbourhood-budget.pool');
        const file = path.join(workspace, 'agreements/neighbourhood-budget.pool');
        const formatted = readFileSync(file, 'utf8');
        const unformatted = formatted.replace(/(\S) {2,}(?=\S)/g, '$1 ');
        expect(unformatted).not.toBe(formatted);
        writeFileSync(file, unformatted);
        const staged = ['agreements/neighbourhood-budget.pool'];
        expect(runHook('pool-fmt-check', workspace, staged).status).toBe(1);
        expect(readFileSync(file, 'utf8')).toBe(unformatted);
        expect(runHook('pool-fmt', workspace, staged).status).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(formatted);
        expect(runHook('pool-fmt-check', workspace, staged).status).toBe(0);
    });
});
