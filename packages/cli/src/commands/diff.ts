import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type AgreementDiff, type AgreementModel, diffAgreements, formatMoney, message, penceToDecimalString, yearLabel } from '@pool/language';
import { URI } from 'langium';
import { displayPath, UsageError } from '../files.js';
import type { CommandIo } from './check.js';
import { loadWorkspace, type LoadOptions } from '../workspace.js';

const run = promisify(execFile);

export type DiffFormat = 'text' | 'md' | 'json';

export interface DiffOptions {
    readonly format: DiffFormat;
    /** Exit 1 when there are changes, like `git diff --exit-code`. */
    readonly exitCode: boolean;
}

/** One side of a diff: a file on disk, or `REV:PATH` in the git repository around the working directory. */
interface Side {
    readonly label: string;
    readonly file: string;
    readonly load: LoadOptions;
}

async function side(spec: string, cwd: string): Promise<Side> {
    const onDisk = path.resolve(cwd, spec);
    if (await stat(onDisk).then(info => info.isFile(), () => false)) {
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
    const show = async (absolute: string) => (await run('git', ['show', `${revision}:${inRepository(absolute)}`], { cwd: root, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout as unknown as Uint8Array;
    const exists = async (absolute: string) => run('git', ['cat-file', '-e', `${revision}:${inRepository(absolute)}`], { cwd: root }).then(() => true, () => false);
    if (!(await exists(file))) throw new UsageError(message('cli.diff.not-in-revision', { spec, file: inRepository(file), revision }));
    return { label: spec, file, load: { read: show, canRead: exists } };
}

/** `pool diff OLD NEW`: what changed between two versions of an agreement, for an approval board. */
export async function runDiff(oldSpec: string, newSpec: string, options: DiffOptions, io: CommandIo): Promise<number> {
    const cwd = process.cwd();
    const [before, after] = [await side(oldSpec, cwd), await side(newSpec, cwd)];
    const models: AgreementModel[] = [];
    for (const version of [before, after]) {
        const workspace = await loadWorkspace([version.file], { ...version.load, language: io.lang });
        if (workspace.unreadable.length > 0) throw new UsageError(message('cli.cannot-read', { file: version.label, reason: workspace.unreadable[0].reason }));
        const document = workspace.pool.shared.workspace.LangiumDocuments.getDocument(URI.file(version.file))!;
        models.push(workspace.pool.pool.ModelProvider.getModel(document as never));
    }
    const diff = diffAgreements(models[0], models[1]);
    const title = models[1].agreement?.title ?? models[0].agreement?.title ?? displayPath(after.file);
    const money = (pence: bigint) => formatMoney(pence, { currency: models[1].currency });
    io.out(options.format === 'json' ? diffJson(diff, before.label, after.label)
        : options.format === 'md' ? diffMarkdown(diff, title, before.label, after.label, money)
            : diffText(diff, before.label, after.label));
    return options.exitCode && diff.sentences.length > 0 ? 1 : 0;
}

function diffText(diff: AgreementDiff, from: string, to: string): string {
    if (diff.sentences.length === 0) return `No changes between ${from} and ${to}.\n`;
    return [`Changes from ${from} to ${to}:`, '', ...diff.sentences.map(sentence => `- ${sentence}`), ''].join('\n');
}

/** Markdown for a board paper: the sentences by topic, and the contribution changes as a table. */
function diffMarkdown(diff: AgreementDiff, title: string, from: string, to: string, money: (pence: bigint) => string): string {
    // Agreement text is data: no emphasis, links, tables or HTML may come out of it.
    const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/[`*_[\]|]/g, character => `\\${character}`)
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const out = [`# Changes to ${escape(title)}`, '', `From \`${from.replace(/`/g, "'")}\` to \`${to.replace(/`/g, "'")}\`.`, ''];
    if (diff.sentences.length === 0) {
        out.push('No changes to the partners, contributions, spending, shares or outcomes.', '');
        return out.join('\n');
    }
    if (diff.contributions.length > 0) {
        out.push('## Contributions', '', '| Partner | Pool | Year | Before | After | Difference |', '| --- | --- | --- | ---: | ---: | ---: |');
        for (const change of diff.contributions) {
            const difference = change.difference > 0n ? `+${money(change.difference)}` : `−${money(-change.difference)}`;
            out.push(`| ${escape(change.partnerName)} | ${escape(change.poolTitle)} | ${yearLabel(change.year)} | ${money(change.before)} | ${money(change.after)} | ${difference} |`);
        }
        out.push('');
    }
    out.push('## All changes', '', ...diff.sentences.map(sentence => `- ${escape(sentence)}`), '');
    return out.join('\n');
}

function diffJson(diff: AgreementDiff, from: string, to: string): string {
    const amounts = <T extends object>(items: readonly T[]) => items.map(item => Object.fromEntries(Object.entries(item).map(([key, value]) =>
        [key, typeof value === 'bigint' ? penceToDecimalString(value) : value])));
    return JSON.stringify({
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
    }, null, 2) + '\n';
}
