// Whether this workflow run can upload SARIF to GitHub code scanning, for action.yml: the upload
// fails, and fails the job with it, in a private repository without code scanning (GitHub
// Advanced Security), on a pull request from a fork or from Dependabot (their token is read-only),
// and when the workflow's token lacks `security-events` permission. Sets the step output
// `available` (true or false) and, when it is false, says why in the log and in the job summary.
// Runs on the job's own Node.js (20 or later, for fetch) and needs nothing installed.
import { appendFileSync } from 'node:fs';

const env = process.env;

/** Workflow command data: `%`, carriage returns and newlines are encoded, as the runner expects (as in Pool's github format). */
function escapeCommandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Text from GitHub's API in the job summary's Markdown: nothing in it becomes markup or a link. */
function escapeMarkdown(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]|~<>&#!()]/g, character => `\\${character}`);
}

function finish(available, reason) {
    appendFileSync(env.GITHUB_OUTPUT, `available=${available}\n`);
    if (available) return;
    const sentence = `The SARIF results were not uploaded to code scanning: ${reason} They are in ${env.POOL_SARIF || 'the SARIF file'}, and every problem is in the job summary.`;
    console.log(`::notice title=Pool: code scanning not available::${escapeCommandData(sentence)}`);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `\n${escapeMarkdown(sentence)}\n`);
}

const repository = env.GITHUB_REPOSITORY ?? '';
const head = env.POOL_HEAD_REPOSITORY ?? '';
if (env.GITHUB_EVENT_NAME?.startsWith('pull_request') && head !== '' && head !== repository) {
    finish(false, `this is a pull request from the fork ${head}, whose token cannot write to code scanning.`);
} else if (env.GITHUB_ACTOR === 'dependabot[bot]') {
    finish(false, 'this run was started by Dependabot, whose token cannot write to code scanning.');
} else {
    let response;
    try {
        response = await fetch(`${env.GITHUB_API_URL ?? 'https://api.github.com'}/repos/${repository}/code-scanning/analyses?per_page=1`, {
            headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${env.GITHUB_TOKEN ?? ''}`, 'x-github-api-version': '2022-11-28' },
            signal: AbortSignal.timeout(30_000)
        });
    } catch (error) {
        finish(false, `GitHub's API could not be asked whether this repository has code scanning (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (response) {
        const body = await response.json().catch(() => ({}));
        const said = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
        if (response.ok || (response.status === 404 && /no analysis found/i.test(said))) {
            // Code scanning is on; a repository that has never had an analysis answers 404 "no analysis found".
            finish(true);
        } else if (response.status === 403 && /resource not accessible/i.test(said)) {
            finish(
                false,
                'the workflow token cannot read code scanning: give the job `permissions: security-events: write` (and `actions: read` in a private repository).'
            );
        } else {
            finish(false, `this repository does not have code scanning (GitHub says: ${said}).`);
        }
    }
}
