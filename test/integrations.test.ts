import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './support/paths.js';

/**
 * The ready-made CI integrations are run, not just read: each one's shell is executed here the way
 * its CI system would, against a scratch repository of agreements.
 */

function repositoryWith(...examples: string[]): string {
    const root = mkdtempSync(path.join(tmpdir(), 'pool-ci-'));
    for (const example of examples) copyFileSync(path.join(REPO, example), path.join(root, path.basename(example)));
    return root;
}

function bash(script: string, cwd: string, env: Record<string, string>) {
    const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the GitHub Action (action.yml)', () => {
    const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8'));
    const check = action.runs.steps.find((step: { id?: string }) => step.id === 'check');

    function runCheckStep(workspace: string, inputs: Record<string, string> = {}) {
        const output = path.join(workspace, 'github-output.txt');
        writeFileSync(output, '');
        const result = bash(check.run, workspace, {
            GITHUB_ACTION_PATH: REPO,
            GITHUB_OUTPUT: output,
            GITHUB_SERVER_URL: 'https://git.test',
            POOL_PATHS: inputs.paths ?? action.inputs.paths.default,
            POOL_STRICT: inputs.strict ?? action.inputs.strict.default,
            POOL_SARIF: action.inputs['sarif-file'].default,
            POOL_ACTION_REPOSITORY: 'councils/pool',
            POOL_ACTION_REF: 'v1'
        });
        return { ...result, outputs: readFileSync(output, 'utf8') };
    }

    it('writes SARIF with help links, annotates, and records status 1 for an agreement with errors', () => {
        const workspace = repositoryWith('examples/invalid/total-mismatch.pool');
        const result = runCheckStep(workspace);
        expect(result.status).toBe(0);
        expect(result.outputs).toBe('status=1\n');
        expect(result.stdout).toContain('::error file=total-mismatch.pool,line=16,');
        const sarif = JSON.parse(readFileSync(path.join(workspace, 'pool.sarif'), 'utf8'));
        expect(sarif.runs[0].results[0].ruleId).toBe('total-mismatch');
        expect(sarif.runs[0].tool.driver.rules[0].helpUri).toBe('https://git.test/councils/pool/blob/v1/docs/checks.md#total-mismatch');
    });

    it('records status 0 for clean agreements, and 1 for warnings only when strict', () => {
        const clean = repositoryWith('examples/neighbourhood-budget.pool');
        expect(runCheckStep(clean).outputs).toBe('status=0\n');
        const warning = repositoryWith('examples/invalid/unused-partner.pool');
        expect(runCheckStep(warning).outputs).toBe('status=0\n');
        expect(runCheckStep(warning, { strict: 'true' }).outputs).toBe('status=1\n');
    });

    it('stops with status 2 when there is nothing to check', () => {
        const empty = repositoryWith();
        const result = runCheckStep(empty);
        expect(result.status).toBe(2);
        expect(result.outputs).toBe('status=2\n');
    });

    it('uploads SARIF and fails the job only after annotating', () => {
        const names = action.runs.steps.map((step: { name: string }) => step.name);
        expect(names).toEqual(['Set up Node.js', 'Check agreements', 'Upload to code scanning', 'Fail when pool check found problems']);
        expect(action.runs.steps[2].uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    });
});

describe('the pre-commit hooks (.pre-commit-hooks.yaml)', () => {
    const hooks = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

    it.each([
        ['pool-check', 'examples/invalid/total-mismatch.pool', 1],
        ['pool-check', 'examples/invalid/unused-partner.pool', 0],
        ['pool-check-strict', 'examples/invalid/unused-partner.pool', 1],
        ['pool-check', 'examples/neighbourhood-budget.pool', 0]
    ])('%s on %s exits %i', (id, example, status) => {
        const hook = hooks.find(candidate => candidate.id === id)!;
        expect(hook.language).toBe('script');
        expect(new RegExp(hook.files).test(example)).toBe(true);
        const workspace = repositoryWith(example);
        // pre-commit runs the entry from the hook repository with the staged files as arguments.
        const [script, ...args] = hook.entry.split(' ');
        const result = spawnSync(path.join(REPO, script), [...args, path.basename(example)], {
            cwd: workspace,
            env: { ...process.env, NO_COLOR: '1' },
            encoding: 'utf8'
        });
        expect(result.status).toBe(status);
    });

    it('pool-fmt-check fails on an unformatted file without changing it; pool-fmt formats it', () => {
        const workspace = repositoryWith('examples/neighbourhood-budget.pool');
        const file = path.join(workspace, 'neighbourhood-budget.pool');
        const formatted = readFileSync(file, 'utf8');
        const unformatted = formatted.replace(/(\S) {2,}(?=\S)/g, '$1 ');
        expect(unformatted).not.toBe(formatted);
        writeFileSync(file, unformatted);
        const run = (id: string) => {
            const [script, ...args] = hooks.find(candidate => candidate.id === id)!.entry.split(' ');
            return spawnSync(path.join(REPO, script), [...args, 'neighbourhood-budget.pool'], {
                cwd: workspace,
                env: { ...process.env, NO_COLOR: '1' },
                encoding: 'utf8'
            });
        };
        expect(run('pool-fmt-check').status).toBe(1);
        expect(readFileSync(file, 'utf8')).toBe(unformatted);
        expect(run('pool-fmt').status).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(formatted);
        expect(run('pool-fmt-check').status).toBe(0);
    });
});

describe('the GitLab CI example (ci/gitlab-ci.example.yml)', () => {
    const job = parse(readFileSync(path.join(REPO, 'ci/gitlab-ci.example.yml'), 'utf8'))['pool-check'];

    function runJob(workspace: string) {
        const builds = mkdtempSync(path.join(tmpdir(), 'pool-builds-'));
        // Instead of cloning Pool, use this checkout.
        symlinkSync(REPO, path.join(builds, 'pool-tool'));
        const script = (job.script as string[]).filter(line => !line.startsWith('git clone')).join('\n');
        return bash(script, workspace, { CI_BUILDS_DIR: builds, POOL_PATHS: job.variables.POOL_PATHS });
    }

    it('fails the job and leaves a JUnit report when an agreement has errors', () => {
        const workspace = repositoryWith('examples/invalid/total-mismatch.pool');
        const result = runJob(workspace);
        expect(result.status).toBe(1);
        expect(readFileSync(path.join(workspace, 'pool-junit.xml'), 'utf8')).toContain('<failure type="total-mismatch"');
        expect(result.stdout).toContain('error[total-mismatch]');
        expect(job.artifacts.reports.junit).toBe('pool-junit.xml');
    });

    it('passes for clean agreements', () => {
        const workspace = repositoryWith('examples/neighbourhood-budget.pool');
        expect(runJob(workspace).status).toBe(0);
        expect(existsSync(path.join(workspace, 'pool-junit.xml'))).toBe(true);
    });
});
