import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO } from './paths.js';

/**
 * Runs a composite GitHub Action (action.yml) the way the runner does, step by step: `${{ }}`
 * expressions in `if`, `env` and `with`, `bash` steps with their own GITHUB_OUTPUT file, a
 * shared GITHUB_STEP_SUMMARY, and a failed step ending the action. Steps that `uses:` another
 * action are recorded, not run (the tests say what each would have been given).
 */

type Context = Record<string, unknown>;

interface ActionStep {
    readonly id?: string;
    readonly name: string;
    readonly if?: string;
    readonly uses?: string;
    readonly run?: string;
    readonly shell?: string;
    /** YAML scalars: a value may be read as a number or a boolean, and is given to the step as text. */
    readonly env?: Record<string, string | number | boolean>;
    readonly with?: Record<string, string | number | boolean>;
}

interface ActionFile {
    readonly inputs: Record<string, { readonly default?: string }>;
    readonly outputs: Record<string, { readonly value: string }>;
    readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

interface StepRun {
    readonly name: string;
    /** For a `uses:` step: the action and what it was given. */
    readonly uses?: string;
    readonly with?: Record<string, string>;
    readonly status?: number;
    readonly stdout?: string;
    readonly stderr?: string;
}

export interface ActionRun {
    /** 0 when every step succeeded, otherwise the exit status of the step that failed. */
    readonly status: number;
    readonly steps: readonly StepRun[];
    readonly outputs: Record<string, string>;
    readonly summary: string;
    /** Everything the steps printed to standard output: workflow commands (annotations, notices) and logs. */
    readonly log: string;
}

export interface ActionContext {
    readonly workspace: string;
    readonly inputs?: Record<string, string>;
    /** The `github` context, as the event would set it (`event_name`, `repository`, `event.pull_request…`). */
    readonly github?: Context;
    /** The runner's environment (PATH, npm settings, GITHUB_API_URL…). */
    readonly env?: NodeJS.ProcessEnv;
}

export const ACTION: ActionFile = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as ActionFile;

function run(
    file: string,
    args: readonly string[],
    options: { cwd: string; env: NodeJS.ProcessEnv }
): Promise<{ status: number; stdout: string; stderr: string }> {
    return new Promise(resolve => {
        execFile(file, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
            resolve({ status, stdout, stderr });
        });
    });
}

function outputsOf(file: string): Record<string, string> {
    const outputs: Record<string, string> = {};
    for (const line of readFileSync(file, 'utf8').split('\n')) {
        const at = line.indexOf('=');
        if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
    }
    return outputs;
}

export async function runAction(context: ActionContext): Promise<ActionRun> {
    const scratch = mkdtempSync(path.join(tmpdir(), 'pool-runner-'));
    const summaryFile = path.join(scratch, 'step-summary.md');
    writeFileSync(summaryFile, '');
    const steps: Record<string, { outputs: Record<string, string> }> = {};
    const inputs: Record<string, string> = {};
    const expressions: Context = {
        inputs,
        steps,
        runner: { temp: path.join(scratch, 'runner-temp'), os: 'Linux' },
        github: {
            token: 'test-token',
            repository: 'councils/agreements',
            event_name: 'push',
            action_repository: 'councils/pool',
            action_ref: 'v0',
            ...context.github
        }
    };
    for (const [name, input] of Object.entries(ACTION.inputs)) {
        inputs[name] = context.inputs?.[name] ?? interpolate(input.default ?? '', expressions);
    }
    const ran: StepRun[] = [];
    let log = '';
    let status = 0;
    for (const step of ACTION.runs.steps) {
        if (step.if !== undefined && !truthy(evaluate(step.if, expressions))) continue;
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, interpolate(String(value), expressions)]));
        if (step.uses !== undefined) {
            const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), expressions)]));
            ran.push({ name: step.name, uses: step.uses, with: given });
            continue;
        }
        if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step "${step.name}": only bash steps are run here`);
        const output = path.join(scratch, `output-${ran.length}.txt`);
        const script = path.join(scratch, `step-${ran.length}.sh`);
        writeFileSync(output, '');
        writeFileSync(script, interpolate(step.run, expressions));
        // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
        const result = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
            cwd: context.workspace,
            env: {
                ...process.env,
                NO_COLOR: '1',
                ...context.env,
                GITHUB_ACTION_PATH: REPO,
                GITHUB_WORKSPACE: context.workspace,
                GITHUB_SERVER_URL: 'https://github.test',
                GITHUB_REPOSITORY: scalar((expressions.github as Context).repository),
                GITHUB_EVENT_NAME: scalar((expressions.github as Context).event_name),
                GITHUB_ACTOR: scalar((expressions.github as Context).actor ?? 'a-council-officer'),
                GITHUB_OUTPUT: output,
                GITHUB_STEP_SUMMARY: summaryFile,
                ...env
            }
        });
        log += result.stdout;
        ran.push({ name: step.name, status: result.status, stdout: result.stdout, stderr: result.stderr });
        if (step.id !== undefined) steps[step.id] = { outputs: outputsOf(output) };
        if (result.status !== 0) {
            status = result.status;
            break;
        }
    }
    const outputs = Object.fromEntries(Object.entries(ACTION.outputs).map(([name, output]) => [name, interpolate(output.value, expressions)]));
    return { status, steps: ran, outputs, summary: readFileSync(summaryFile, 'utf8'), log };
}

/** `text` with each `${{ expression }}` replaced by its value. */
function interpolate(text: string, context: Context): string {
    return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => {
        return scalar(evaluate(expression, context));
    });
}

/** A value as the runner turns it into text: null and missing values are empty, objects are JSON. */
function scalar(value: unknown): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
}

function truthy(value: unknown): boolean {
    return value !== undefined && value !== null && value !== '' && value !== false && value !== 0;
}

/**
 * The part of GitHub's expression language action.yml uses: property paths, string literals,
 * `==`, `!=`, `&&`, `||` and parentheses. `if:` may be written with or without `${{ }}`.
 */
function evaluate(source: string, context: Context): unknown {
    const tokens = source
        .trim()
        .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
        .match(/'(?:[^']|'')*'|==|!=|&&|\|\||[()!]|[A-Za-z_][\w.-]*|\S/g);
    if (tokens === null) throw new Error(`empty expression: ${source}`);
    let at = 0;
    const peek = () => tokens[at];
    const next = () => tokens[at++];
    const primary = (): unknown => {
        const token = next();
        if (token === undefined) throw new Error(`unfinished expression: ${source}`);
        if (token === '(') {
            const value = or();
            if (next() !== ')') throw new Error(`missing ) in ${source}`);
            return value;
        }
        if (token === '!') return !truthy(primary());
        if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
        if (token === 'true' || token === 'false') return token === 'true';
        if (!/^[A-Za-z_]/.test(token)) throw new Error(`unsupported token ${token} in ${source}`);
        let value: unknown = context;
        for (const key of token.split('.')) value = value !== null && typeof value === 'object' ? (value as Context)[key] : undefined;
        return value;
    };
    const comparison = (): unknown => {
        const left = primary();
        const operator = peek();
        if (operator !== '==' && operator !== '!=') return left;
        next();
        const right = primary();
        const equal = scalar(left).toLowerCase() === scalar(right).toLowerCase();
        return operator === '==' ? equal : !equal;
    };
    /** One level of `&&` or `||` over the level below it: `&&` keeps the first falsy operand, `||` the first truthy one. */
    const binary = (operator: '&&' | '||', operand: () => unknown) => (): unknown => {
        let value = operand();
        while (peek() === operator) {
            next();
            const right = operand();
            value = truthy(value) === (operator === '&&') ? right : value;
        }
        return value;
    };
    const and = binary('&&', comparison);
    const or: () => unknown = binary('||', and);
    const value = or();
    if (at !== tokens.length) throw new Error(`unexpected ${tokens[at]} in ${source}`);
    return value;
}

interface GitLabJob {
    readonly image: string;
    readonly variables: Record<string, string>;
    readonly cache: { readonly key: string; readonly paths: readonly string[] };
    readonly script: readonly string[];
    readonly artifacts: { readonly when: string; readonly reports: Record<string, string> };
}

const GITLAB_TEMPLATE_FILE = 'ci/gitlab/pool-check.gitlab-ci.yml';
export const GITLAB_JOB: GitLabJob = (parse(readFileSync(path.join(REPO, GITLAB_TEMPLATE_FILE), 'utf8')) as Record<string, GitLabJob>)['pool-check'];

/**
 * Runs the GitLab template's job as a runner would in the project folder: its variables (with
 * `$CI_PROJECT_DIR` expanded by the shell) and then its script lines in one `bash -e` shell.
 */
export async function runGitLabJob(
    workspace: string,
    options: { variables?: Record<string, string>; env?: NodeJS.ProcessEnv } = {}
): Promise<{ status: number; stdout: string; stderr: string }> {
    const variables = { ...GITLAB_JOB.variables, ...options.variables };
    const exports = Object.entries(variables).map(([name, value]) => `export ${name}="${value.replace(/(["\\`])/g, '\\$1')}"`);
    return run('bash', ['-e', '-c', [...exports, ...GITLAB_JOB.script].join('\n')], {
        cwd: workspace,
        env: { ...process.env, NO_COLOR: '1', ...options.env, CI: 'true', GITLAB_CI: 'true', CI_PROJECT_DIR: workspace }
    });
}
