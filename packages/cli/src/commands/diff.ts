import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
    type AgreementDiff,
    type AgreementModel,
    type ast,
    type Change,
    type DiffFinding,
    diffAgreements,
    escapeMarkdown,
    escapeTerminalLines,
    formatMoney,
    markdownCode,
    type Lang
} from '@pool/language';
import { message, render, t } from '../i18n/index.js';
import type { ApprovalRefData, Block, SinceApprovedData } from '@pool/reports';
import { type LangiumDocument, URI } from 'langium';
import { displayPath, UsageError } from '../files.js';
import type { CommandIo } from './check.js';
import { loadWorkspace, type LoadOptions } from '../workspace.js';

const run = promisify(execFile);

export type DiffFormat = 'text' | 'md' | 'html' | 'json';

export interface DiffOptions {
    readonly format: DiffFormat;
    /** Exit 1 when there are changes, like `git diff --exit-code`. */
    readonly exitCode: boolean;
    /** Compare the file with the last version of it that partners approved, found in git history. */
    readonly approved?: boolean;
    /** The language of the sentences and headings (JSON keys stay as they are); English by default. */
    readonly lang?: Lang;
}

/** One side of a diff: a file on disk, or `REV:PATH` in the git repository around the working directory. */
interface Side {
    readonly label: string;
    readonly file: string;
    readonly load: LoadOptions;
}

async function side(spec: string, cwd: string): Promise<Side> {
    const onDisk = path.resolve(cwd, spec);
    if (
        await stat(onDisk).then(
            info => info.isFile(),
            () => false
        )
    ) {
        return { label: spec, file: onDisk, load: {} };
    }
    const match = /^([^:]+):(.+)$/.exec(spec);
    if (!match) throw new UsageError(message('cli.diff.bad-spec', { spec }));
    // Both groups take part in every match.
    const [, revision = '', revisionPath = ''] = match;
    let root: string;
    try {
        root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
        await run('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd });
    } catch {
        throw new UsageError(message('cli.diff.not-a-revision', { spec, revision }));
    }
    // As in git, a path after the colon is relative to the top of the repository (or to here with ./).
    const file = path.resolve(revisionPath.startsWith('./') || revisionPath.startsWith('../') ? cwd : root, revisionPath);
    const inRepository = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
    const show = async (absolute: string) =>
        (await run('git', ['show', `${revision}:${inRepository(absolute)}`], { cwd: root, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }))
            .stdout as unknown as Uint8Array;
    const exists = async (absolute: string) =>
        run('git', ['cat-file', '-e', `${revision}:${inRepository(absolute)}`], { cwd: root }).then(
            () => true,
            () => false
        );
    if (!(await exists(file))) throw new UsageError(message('cli.diff.not-in-revision', { spec, file: inRepository(file), revision }));
    return { label: spec, file, load: { read: show, canRead: exists } };
}

/**
 * A version that cannot be compared: unreadable, or with syntax errors. A diff against what the
 * parser managed to recover would present the missing parts as removed, so Pool refuses, listing
 * the syntax errors (exit 2).
 */
export class UnparseableVersion extends Error {
    constructor(
        readonly label: string,
        readonly errors: readonly string[]
    ) {
        super(`${label} has syntax errors`);
    }
}

async function modelOf(version: Side, lang: Lang): Promise<AgreementModel> {
    const workspace = await loadWorkspace([version.file], { ...version.load, language: lang });
    const [unreadable] = workspace.unreadable;
    if (unreadable) throw new UsageError(message('cli.cannot-read', { file: version.label, reason: unreadable.reason }));
    const document = workspace.pool.shared.workspace.LangiumDocuments.getDocument(URI.file(version.file));
    if (!document) throw new UsageError(message('cli.cannot-read', { file: version.label, reason: render(message('cli.diff.not-loaded', {}), lang) }));
    const model = workspace.pool.pool.ModelProvider.getModel(document as LangiumDocument<ast.Document>);
    const errors = model.documents.flatMap(doc =>
        (doc.diagnostics ?? [])
            .filter(diagnostic => diagnostic.code === 'syntax-error')
            .map(diagnostic => {
                const file = doc === model.document ? version.label : displayPath(doc.uri.fsPath);
                return `${file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}: ${typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value}`;
            })
    );
    if (errors.length > 0) throw new UnparseableVersion(version.label, errors);
    return model;
}

/** The reports, loaded when first needed: their chart code is not loaded at start-up. */
const reports = () => import('@pool/reports');

/** Where the last approved version of an agreement is in git history, or why it cannot be found. */
type ApprovedCommit =
    | { readonly status: 'no-repository' }
    | { readonly status: 'not-in-history'; readonly fingerprints: readonly string[] }
    | { readonly status: 'found'; readonly side: Side; readonly commit: string; readonly file: string; readonly model: AgreementModel };

/**
 * The newest commit in the git history of the agreement (and of the files it imports) whose text
 * has the fingerprint one of its approvals records, with that version's model. `cwd` is where git
 * looks for the repository.
 */
async function findApprovedCommit(current: AgreementModel, cwd: string, lang: Lang): Promise<ApprovedCommit> {
    let root: string;
    try {
        root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
    } catch {
        return { status: 'no-repository' };
    }
    const files = current.documents.map(document => document.uri.fsPath);
    const log = await run('git', ['log', '--format=%H', '--max-count=1000', 'HEAD', '--', ...files], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).catch(() => ({
        stdout: ''
    }));
    const fingerprints = new Set(current.approvals.map(approval => approval.fingerprint));
    const relative = path.relative(root, current.document.uri.fsPath).split(path.sep).join('/');
    for (const commit of log.stdout.split('\n').filter(Boolean)) {
        const candidate = await side(`${commit}:${relative}`, root).catch(() => undefined);
        if (!candidate) continue;
        const model = await modelOf(candidate, lang).catch(() => undefined);
        if (!model) continue;
        if (fingerprints.has(model.fingerprint)) return { status: 'found', side: candidate, commit, file: relative, model };
    }
    return { status: 'not-in-history', fingerprints: [...fingerprints] };
}

/** Whether `commit` is a commit of the git repository around `cwd`. */
export async function commitExists(commit: string, cwd: string): Promise<boolean> {
    return run('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd }).then(
        () => true,
        () => false
    );
}

/**
 * What changed since the last version of an agreement that its partners approved, for a report's
 * appendix: `pool diff --approved`'s own search of the history (from the agreement's folder) and
 * its own diff, or why there is no earlier approved version to compare with. Never a usage error:
 * a report says in a sentence what `pool diff --approved` would refuse with.
 */
export async function sinceApprovedVersion(current: AgreementModel, lang: Lang): Promise<SinceApprovedData> {
    const { approvalsOf, approvedVersionInText } = await reports();
    const inText = approvedVersionInText(current);
    if (inText) return inText;
    const found = await findApprovedCommit(current, path.dirname(current.document.uri.fsPath), lang);
    if (found.status !== 'found') return { status: found.status };
    return {
        status: 'compared',
        commit: found.commit,
        file: found.file,
        approvals: approvalsOf(current, found.model.fingerprint),
        changes: diffAgreements(found.model, current, lang).changes
    };
}

/**
 * The last approved version of an agreement, as `pool diff --approved` compares with it: this text
 * (an approval covers it), or the newest commit in git history whose text an approval records.
 */
async function lastApprovedVersion(
    spec: string,
    current: AgreementModel,
    cwd: string,
    lang: Lang
): Promise<{ side: Side; approvedBy: string; model: AgreementModel } | { asApproved: string }> {
    const describe = (approvals: readonly ApprovalRefData[]) =>
        approvals.map(approval => t('cli.diff.approved-by', { partner: approval.partner, approver: approval.approver, date: approval.date }, lang)).join(', ');
    const { approvalsOf, approvedVersionInText } = await reports();
    const inText = approvedVersionInText(current);
    if (inText?.status === 'no-approvals') throw new UsageError(message('cli.diff.no-approvals', { spec }));
    if (inText?.status === 'this-version') return { asApproved: describe(inText.approvals) };
    const found = await findApprovedCommit(current, cwd, lang);
    if (found.status === 'no-repository') throw new UsageError(message('cli.diff.not-in-git', { spec }));
    if (found.status === 'not-in-history') {
        throw new UsageError(message('cli.diff.no-approved-commit', { spec, fingerprints: found.fingerprints.map(f => `${f.slice(0, 19)}…`).join(', ') }));
    }
    return {
        side: { ...found.side, label: t('cli.diff.as-approved-label', { file: found.file, commit: found.commit.slice(0, 12) }, lang) },
        approvedBy: describe(approvalsOf(current, found.model.fingerprint)),
        model: found.model
    };
}

/**
 * `pool diff OLD NEW`: what changed between two versions of an agreement, for an approval board.
 * `pool diff --approved FILE`: what changed since the last version its partners approved.
 * Exit: 0 (or, with --exit-code, 0 for no change and 1 for changes); 2 when a version cannot be
 * read or has syntax errors, which are listed.
 */
export async function runDiff(oldSpec: string, newSpec: string | undefined, options: DiffOptions, io: CommandIo): Promise<number> {
    try {
        const { output, changed } = await diffVersions(oldSpec, newSpec, options);
        // Text goes to a terminal: its control characters are shown, never acted on.
        io.out(options.format === 'text' ? escapeTerminalLines(output) : output);
        return options.exitCode && changed ? 1 : 0;
    } catch (error) {
        if (!(error instanceof UnparseableVersion)) throw error;
        const lang = options.lang ?? 'en';
        io.err(`${t('cli.error', { message: t('cli.diff.unparseable', { label: error.label, count: error.errors.length }, lang) }, lang)}\n`);
        for (const line of error.errors) io.err(`  ${line}\n`);
        return 2;
    }
}

/**
 * The diff as `pool diff` prints it, and whether anything changed. Paths and revisions are read
 * from `cwd`. The editor's "Compare with last approved version" calls this with `approved`.
 */
export async function diffVersions(
    oldSpec: string,
    newSpec: string | undefined,
    options: Pick<DiffOptions, 'format' | 'approved' | 'lang'>,
    cwd = process.cwd()
): Promise<{ readonly output: string; readonly changed: boolean }> {
    const lang = options.lang ?? 'en';
    let before: Side;
    let after: Side;
    const models: AgreementModel[] = [];
    if (options.approved) {
        if (newSpec !== undefined) throw new UsageError(message('cli.diff.approved-one-file', {}));
        after = await side(oldSpec, cwd);
        if (after.load.read) throw new UsageError(message('cli.diff.approved-not-revision', { spec: oldSpec }));
        const current = await modelOf(after, lang);
        const approved = await lastApprovedVersion(oldSpec, current, cwd, lang);
        if ('asApproved' in approved) {
            return {
                changed: false,
                output:
                    options.format === 'json'
                        ? diffJson(diffAgreements(current, current, lang), oldSpec, oldSpec)
                        : `${t('cli.diff.as-approved', { spec: oldSpec, approvals: approved.asApproved }, lang)}\n`
            };
        }
        before = approved.side;
        models.push(approved.model, current);
    } else {
        if (newSpec === undefined) throw new UsageError(message('cli.diff.needs-two', {}));
        [before, after] = [await side(oldSpec, cwd), await side(newSpec, cwd)];
        for (const version of [before, after]) models.push(await modelOf(version, lang));
    }
    const [older, newer] = models as [AgreementModel, AgreementModel];
    const diff = diffAgreements(older, newer, lang);
    const title = newer.agreement?.title ?? older.agreement?.title ?? displayPath(after.file, cwd);
    const money = (pence: bigint) => formatMoney(pence, { currency: newer.currency });
    const output =
        options.format === 'json'
            ? diffJson(diff, before.label, after.label)
            : options.format === 'md'
              ? diffMarkdown(diff, title, before.label, after.label, money, lang)
              : options.format === 'html'
                ? await diffHtml(diff, title, before.label, after.label, money, lang)
                : diffText(diff, before.label, after.label, lang);
    return { output, changed: diff.changes.length > 0 };
}

/** Where a change is written: in the later version, or for something removed, in the earlier one. */
function place(change: Change, lang: Lang): string {
    const { before, after } = change.where;
    if (after) return `${after.file}:${after.line}`;
    return before ? t('cli.diff.place-before', { place: `${before.file}:${before.line}` }, lang) : '';
}

function findingLine(finding: DiffFinding, lang: Lang): string {
    return t(
        'cli.diff.finding',
        {
            place: `${finding.file}:${finding.line}`,
            severity: finding.severity,
            code: finding.code,
            message: finding.message
        },
        lang
    );
}

/** The diff's sections in reading order: the changes written, what they are worth, approvals to seek again, problems. */
function sections(diff: AgreementDiff, lang: Lang): { heading: string; id: string; items: { text: string; place?: string }[] }[] {
    const written = diff.changes.filter(change => !change.derived);
    const derived = diff.changes.filter(change => change.derived);
    return [
        {
            heading: t('cli.diff.heading.all-changes', {}, lang),
            id: 'all-changes',
            items: written.map(change => ({ text: change.sentence, place: place(change, lang) }))
        },
        { heading: t('cli.diff.heading.worth', {}, lang), id: 'worth', items: derived.map(change => ({ text: change.sentence, place: place(change, lang) })) },
        {
            heading: t('cli.diff.heading.approvals', {}, lang),
            id: 'approvals',
            items: diff.staleApprovals.map(stale => ({ text: stale.sentence, place: stale.where ? `${stale.where.file}:${stale.where.line}` : undefined }))
        },
        {
            heading: t('cli.diff.heading.introduced', {}, lang),
            id: 'introduced',
            items: diff.findings.introduced.map(finding => ({ text: findingLine(finding, lang) }))
        },
        {
            heading: t('cli.diff.heading.resolved', {}, lang),
            id: 'resolved',
            items: diff.findings.resolved.map(finding => ({ text: findingLine(finding, lang) }))
        }
    ].filter(section => section.items.length > 0);
}

function diffText(diff: AgreementDiff, from: string, to: string, lang: Lang): string {
    if (diff.changes.length === 0 && diff.staleApprovals.length === 0) return `${t('cli.diff.no-changes', { from, to }, lang)}\n`;
    const out = [diff.changes.length === 0 ? t('cli.diff.no-changes', { from, to }, lang) : t('cli.diff.changes-from', { from, to }, lang)];
    for (const section of sections(diff, lang)) {
        out.push('', `${section.heading}:`);
        for (const item of section.items) out.push(`- ${item.text}${item.place ? `  [${item.place}]` : ''}`);
    }
    return `${out.join('\n')}\n`;
}

/** The column headings of the table of contribution changes. */
function contributionColumns(lang: Lang): string[] {
    return (
        [
            'report.label.partner',
            'report.label.pool',
            'report.label.year',
            'cli.diff.column.before',
            'cli.diff.column.after',
            'cli.diff.column.difference'
        ] as const
    ).map(key => t(key, {}, lang));
}

/** The contribution changes as table rows: partner, pool, year, before, after, difference, each as a reader sees it. */
function contributionRows(diff: AgreementDiff, money: (pence: bigint) => string): string[][] {
    const pence = (decimal: string | null) => (decimal === null ? 0n : BigInt(decimal.replace('.', '')));
    return diff.changes
        .filter(change => change.topic === 'contribution' && change.field !== 'note')
        .map(change => {
            const [pool = '', year = '', partner = ''] = change.key;
            const difference = pence(change.after) - pence(change.before);
            return [
                diff.names.partners[partner] ?? partner,
                diff.names.pools[pool] ?? pool,
                year,
                money(pence(change.before)),
                money(pence(change.after)),
                signed(difference, money)
            ];
        });
}

/** Markdown for a board paper: the contribution changes as a table, then every section as a list. */
function diffMarkdown(diff: AgreementDiff, title: string, from: string, to: string, money: (pence: bigint) => string, lang: Lang): string {
    // Agreement text is data: no emphasis, links, tables or HTML may come out of it.
    const escape = escapeMarkdown;
    const code = markdownCode;
    const out = [`# ${t('cli.diff.title', { title: escape(title) }, lang)}`, '', t('cli.diff.from-to', { from: code(from), to: code(to) }, lang), ''];
    if (diff.changes.length === 0) out.push(t('cli.diff.nothing-changed', {}, lang), '');
    const rows = contributionRows(diff, money);
    if (rows.length > 0) {
        out.push(
            `## ${t('cli.diff.heading.contributions', {}, lang)}`,
            '',
            `| ${contributionColumns(lang).join(' | ')} |`,
            '| --- | --- | --- | ---: | ---: | ---: |'
        );
        // Names are agreement text; the figures are Pool's own.
        for (const [partner = '', pool = '', ...figures] of rows) out.push(`| ${[escape(partner), escape(pool), ...figures].join(' | ')} |`);
        out.push('');
    }
    for (const section of sections(diff, lang)) {
        // One push per item: a diff may list more changes than a call takes arguments.
        out.push(`## ${section.heading}`, '');
        for (const item of section.items) out.push(`- ${escape(item.text)}${item.place ? ` (${code(item.place)})` : ''}`);
        out.push('');
    }
    return out.join('\n');
}

function signed(difference: bigint, money: (pence: bigint) => string): string {
    return difference > 0n ? `+${money(difference)}` : difference < 0n ? `−${money(-difference)}` : money(0n);
}

/**
 * HTML for a board paper: the same self-contained GOV.UK-styled page as the reports (no script,
 * nothing fetched, every piece of agreement text escaped by the one report renderer).
 */
async function diffHtml(diff: AgreementDiff, title: string, from: string, to: string, money: (pence: bigint) => string, lang: Lang): Promise<string> {
    const { renderHtmlDocument } = await reports();
    const blocks: Block[] = [{ kind: 'paragraph', text: t('cli.diff.from-to', { from, to }, lang) }];
    if (diff.changes.length === 0) blocks.push({ kind: 'verdict', passed: true, text: t('cli.diff.nothing-changed', {}, lang) });
    const rows = contributionRows(diff, money);
    if (rows.length > 0) {
        blocks.push(
            { kind: 'heading', level: 2, text: t('cli.diff.heading.contributions', {}, lang), id: 'contributions' },
            {
                kind: 'table',
                caption: t('cli.diff.caption', {}, lang),
                head: contributionColumns(lang),
                numeric: [false, false, false, true, true, true],
                rows
            }
        );
    }
    for (const section of sections(diff, lang)) {
        blocks.push(
            { kind: 'heading', level: 2, text: section.heading, id: section.id },
            { kind: 'list', items: section.items.map(item => (item.place ? `${item.text} (${item.place})` : item.text)) }
        );
    }
    return renderHtmlDocument({ lang, title: t('cli.diff.title', { title }, lang), blocks });
}

/** The diff for programs: its schema is schema/diff-json-2.schema.json (`$id` urn:pool:schema:diff-json:2). */
function diffJson(diff: AgreementDiff, from: string, to: string): string {
    return `${JSON.stringify(
        {
            $schema: DIFF_JSON_SCHEMA_ID,
            version: 2,
            from,
            to,
            changed: diff.changes.length > 0,
            changes: diff.changes,
            staleApprovals: diff.staleApprovals,
            findings: diff.findings,
            names: diff.names
        },
        null,
        2
    )}\n`;
}

export const DIFF_JSON_SCHEMA_ID = 'urn:pool:schema:diff-json:2';
