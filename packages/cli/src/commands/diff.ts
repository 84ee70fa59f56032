import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
    type AgreementDiff,
    type AgreementModel,
    diffAgreements,
    escapeTerminalLines,
    formatMoney,
    type Lang,
    message,
    penceToDecimalString,
    t,
    yearLabel
} from '@pool/language';
import { type Block, escapeMarkdown, markdownCode, renderHtmlDocument } from '@pool/reports';
import { URI } from 'langium';
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
    const [, revision, revisionPath] = match;
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

async function modelOf(version: Side): Promise<AgreementModel> {
    const workspace = await loadWorkspace([version.file], version.load);
    if (workspace.unreadable.length > 0) throw new UsageError(message('cli.cannot-read', { file: version.label, reason: workspace.unreadable[0].reason }));
    const document = workspace.pool.shared.workspace.LangiumDocuments.getDocument(URI.file(version.file))!;
    return workspace.pool.pool.ModelProvider.getModel(document as never);
}

/**
 * The last approved version of an agreement: the newest commit in the git history of the file (and
 * of the files it imports) whose text has the fingerprint one of its approvals records.
 */
async function lastApprovedVersion(
    spec: string,
    current: AgreementModel,
    cwd: string,
    lang: Lang
): Promise<{ side: Side; approvedBy: string } | { asApproved: string }> {
    const approvals = [...current.approvals].sort((a, b) => b.date.localeCompare(a.date));
    if (approvals.length === 0) throw new UsageError(message('cli.diff.no-approvals', { spec }));
    const describe = (fingerprint: string) =>
        approvals
            .filter(approval => approval.fingerprint === fingerprint)
            .map(approval => t('cli.diff.approved-by', { partner: approval.partnerId, approver: approval.approver, date: approval.date }, lang))
            .join(', ');
    const standing = approvals.find(approval => !approval.stale);
    if (standing) return { asApproved: describe(standing.fingerprint) };
    let root: string;
    try {
        root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
    } catch {
        throw new UsageError(message('cli.diff.not-in-git', { spec }));
    }
    const files = current.documents.map(document => document.uri.fsPath);
    const log = await run('git', ['log', '--format=%H', '--max-count=1000', 'HEAD', '--', ...files], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).catch(() => ({
        stdout: ''
    }));
    const fingerprints = new Set(approvals.map(approval => approval.fingerprint));
    const relative = path.relative(root, current.document.uri.fsPath).split(path.sep).join('/');
    for (const commit of log.stdout.split('\n').filter(Boolean)) {
        const candidate = await side(`${commit}:${relative}`, root).catch(() => undefined);
        if (!candidate) continue;
        const model = await modelOf(candidate);
        if (fingerprints.has(model.fingerprint)) {
            return {
                side: { ...candidate, label: t('cli.diff.as-approved-label', { file: relative, commit: commit.slice(0, 12) }, lang) },
                approvedBy: describe(model.fingerprint)
            };
        }
    }
    throw new UsageError(message('cli.diff.no-approved-commit', { spec, fingerprints: [...fingerprints].map(f => `${f.slice(0, 19)}…`).join(', ') }));
}

/**
 * `pool diff OLD NEW`: what changed between two versions of an agreement, for an approval board.
 * `pool diff --approved FILE`: what changed since the last version its partners approved.
 */
export async function runDiff(oldSpec: string, newSpec: string | undefined, options: DiffOptions, io: CommandIo): Promise<number> {
    const { output, changed } = await diffVersions(oldSpec, newSpec, options);
    // Text goes to a terminal: its control characters are shown, never acted on.
    io.out(options.format === 'text' ? escapeTerminalLines(output) : output);
    return options.exitCode && changed ? 1 : 0;
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
        const current = await modelOf(after);
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
        models.push(await modelOf(before), current);
    } else {
        if (newSpec === undefined) throw new UsageError(message('cli.diff.needs-two', {}));
        [before, after] = [await side(oldSpec, cwd), await side(newSpec, cwd)];
        for (const version of [before, after]) models.push(await modelOf(version));
    }
    const diff = diffAgreements(models[0], models[1], lang);
    const title = models[1].agreement?.title ?? models[0].agreement?.title ?? displayPath(after.file, cwd);
    const money = (pence: bigint) => formatMoney(pence, { currency: models[1].currency });
    const output =
        options.format === 'json'
            ? diffJson(diff, before.label, after.label)
            : options.format === 'md'
              ? diffMarkdown(diff, title, before.label, after.label, money, lang)
              : options.format === 'html'
                ? diffHtml(diff, title, before.label, after.label, money, lang)
                : diffText(diff, before.label, after.label, lang);
    return { output, changed: diff.sentences.length > 0 };
}

function diffText(diff: AgreementDiff, from: string, to: string, lang: Lang): string {
    if (diff.sentences.length === 0) return `${t('cli.diff.no-changes', { from, to }, lang)}\n`;
    return [t('cli.diff.changes-from', { from, to }, lang), '', ...diff.sentences.map(sentence => `- ${sentence}`), ''].join('\n');
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

/** Markdown for a board paper: the sentences by topic, and the contribution changes as a table. */
function diffMarkdown(diff: AgreementDiff, title: string, from: string, to: string, money: (pence: bigint) => string, lang: Lang): string {
    // Agreement text is data: no emphasis, links, tables or HTML may come out of it.
    const escape = escapeMarkdown;
    const code = markdownCode;
    const out = [`# ${t('cli.diff.title', { title: escape(title) }, lang)}`, '', t('cli.diff.from-to', { from: code(from), to: code(to) }, lang), ''];
    if (diff.sentences.length === 0) {
        out.push(t('cli.diff.nothing-changed', {}, lang), '');
        return out.join('\n');
    }
    if (diff.contributions.length > 0) {
        out.push(
            `## ${t('cli.diff.heading.contributions', {}, lang)}`,
            '',
            `| ${contributionColumns(lang).join(' | ')} |`,
            '| --- | --- | --- | ---: | ---: | ---: |'
        );
        for (const change of diff.contributions) {
            const difference = signed(change.difference, money);
            out.push(
                `| ${escape(change.partnerName)} | ${escape(change.poolTitle)} | ${yearLabel(change.year)} | ${money(change.before)} | ${money(change.after)} | ${difference} |`
            );
        }
        out.push('');
    }
    out.push(`## ${t('cli.diff.heading.all-changes', {}, lang)}`, '');
    for (const sentence of diff.sentences) out.push(`- ${escape(sentence)}`);
    out.push('');
    return out.join('\n');
}

function signed(difference: bigint, money: (pence: bigint) => string): string {
    return difference > 0n ? `+${money(difference)}` : `−${money(-difference)}`;
}

/**
 * HTML for a board paper: the same self-contained GOV.UK-styled page as the reports (no script,
 * nothing fetched, every piece of agreement text escaped by the one report renderer).
 */
function diffHtml(diff: AgreementDiff, title: string, from: string, to: string, money: (pence: bigint) => string, lang: Lang): string {
    const blocks: Block[] = [{ kind: 'paragraph', text: t('cli.diff.from-to', { from, to }, lang) }];
    if (diff.sentences.length === 0) {
        blocks.push({ kind: 'verdict', passed: true, text: t('cli.diff.nothing-changed', {}, lang) });
    } else {
        if (diff.contributions.length > 0) {
            blocks.push(
                { kind: 'heading', level: 2, text: t('cli.diff.heading.contributions', {}, lang), id: 'contributions' },
                {
                    kind: 'table',
                    caption: t('cli.diff.caption', {}, lang),
                    head: contributionColumns(lang),
                    numeric: [false, false, false, true, true, true],
                    rows: diff.contributions.map(change => [
                        change.partnerName,
                        change.poolTitle,
                        yearLabel(change.year),
                        money(change.before),
                        money(change.after),
                        signed(change.difference, money)
                    ])
                }
            );
        }
        blocks.push(
            { kind: 'heading', level: 2, text: t('cli.diff.heading.all-changes', {}, lang), id: 'all-changes' },
            { kind: 'list', items: diff.sentences }
        );
    }
    return renderHtmlDocument({ lang, title: t('cli.diff.title', { title }, lang), blocks });
}

function diffJson(diff: AgreementDiff, from: string, to: string): string {
    const amounts = <T extends object>(items: readonly T[]) =>
        items.map(item =>
            Object.fromEntries(Object.entries(item).map(([key, value]) => [key, typeof value === 'bigint' ? penceToDecimalString(value) : value]))
        );
    return (
        JSON.stringify(
            {
                version: 1,
                from,
                to,
                header: diff.header,
                partners: diff.partners,
                pools: diff.pools,
                contributions: amounts(diff.contributions),
                spend: amounts(diff.spend),
                shares: diff.shares,
                outcomes: diff.outcomes,
                staleApprovals: diff.staleApprovals,
                sentences: diff.sentences
            },
            null,
            2
        ) + '\n'
    );
}
