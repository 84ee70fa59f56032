import path from 'node:path';
import { writeFileSafely } from '@pool/files';
import {
    type AgreementModel,
    type ApprovalInfo,
    approvalMessage,
    approvalMessageBytes,
    type ast,
    closestNames,
    escapeTerminal,
    formatPublicKey,
    listInWords,
    quotePoolString,
    sameKey,
    verifySshSignature
} from '@pool/language';
import { formatPoolDocument } from '@pool/language/editor';
import { type LangiumDocument, URI } from 'langium';
import { message, t } from '../i18n/index.js';
import { collectDiagnostics } from '../diagnostics.js';
import { describeFsError, displayPath, UsageError } from '../files.js';
import { approvalDate } from '../report-date.js';
import { signWithSshKeygen } from '../ssh-keygen.js';
import { loadWorkspace, readFromDisk } from '../workspace.js';
import type { CommandIo } from './check.js';
import { encodeLike, sameBytes } from './fmt.js';

export interface ApproveOptions {
    /** The id of the partner approving. */
    readonly partner: string;
    /** The role of the person approving (`Chief Executive`). */
    readonly role: string;
    /** Their name, written before the role (`J Smith, Chief Executive`). */
    readonly name?: string;
    /** The private key ssh-keygen signs with. */
    readonly key: string;
    /** `YYYY-MM-DD`; by default SOURCE_DATE_EPOCH's day, else today. */
    readonly date?: string;
    /** Sign again over an approval of the current text by the same partner and approver. */
    readonly force?: boolean;
}

/** The approver an approval records: the role alone, or `NAME, ROLE` with a name (as the examples write it). */
function approverOf(options: Pick<ApproveOptions, 'name' | 'role'>): string {
    const role = options.role.trim();
    const name = options.name?.trim();
    return name ? `${name}, ${role}` : role;
}

/** A date as approvals write it, and a real one: 2026-02-30 is not. */
function checkedDate(value: string): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        throw new UsageError(message('cli.approve.bad-date', { value }));
    }
    return value;
}

type Loaded = Awaited<ReturnType<typeof loadWorkspace>>;

/** The model of `file` in a loaded workspace. */
function modelOf(workspace: Loaded, file: string): { document: LangiumDocument<ast.Document>; model: AgreementModel } {
    const document = workspace.shared.workspace.LangiumDocuments.getDocument(URI.file(file)) as LangiumDocument<ast.Document> | undefined;
    if (!document) throw new Error(`${file} was read but is not in the workspace`);
    return { document, model: workspace.pool.pool.ModelProvider.getModel(document) };
}

/** The text with `entry` put in: in place of `replacing`, else at the end of the file's last approvals block, else in a new block at the end. */
function withEntry(document: LangiumDocument<ast.Document>, entry: string, replacing: ApprovalInfo | undefined): string {
    const text = document.textDocument.getText();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const splice = (start: number, end: number, inserted: string) => `${text.slice(0, start)}${inserted}${text.slice(end)}`;
    const replaced = replacing?.node.$cstNode;
    if (replaced) return splice(replaced.offset, replaced.end, entry);
    const block = document.parseResult.value.approvals.at(-1)?.$cstNode;
    if (block) {
        // The block ends at its closing brace; the entry goes on a line of its own before it.
        const brace = block.end - 1;
        const lineStart = text.lastIndexOf('\n', brace - 1) + 1;
        const onItsOwnLine = text.slice(lineStart, brace).trim() === '';
        return onItsOwnLine ? splice(lineStart, lineStart, `    ${entry}${eol}`) : splice(brace, brace, `${eol}    ${entry}${eol}`);
    }
    const ending = text === '' || text.endsWith('\n') ? '' : eol;
    return `${text}${ending}${eol}approvals {${eol}    ${entry}${eol}}${eol}`;
}

/**
 * `pool approve FILE --partner ID --role ROLE --key KEY`: signs the agreement as it stands for a
 * partner, with `ssh-keygen -Y sign -n pool` (the one message the approval-signature check verifies,
 * `approvalMessage`), and records the signed approval in the file's `approvals` block, formatted
 * as `pool fmt` would. Nothing is written unless the new text, read again, has the same fingerprint
 * and an approval whose signature verifies over it.
 *
 * Exit status: 0 recorded; 1 not recorded because of the agreement (it has errors, or the partner
 * and approver have already approved it as it stands, without --force); 2 usage or I/O (an unknown
 * partner, a bad date, a key or an ssh-keygen that cannot sign, a file that cannot be read or written).
 */
export async function runApprove(file: string, options: ApproveOptions, io: CommandIo): Promise<number> {
    const lang = io.lang;
    const absolute = path.resolve(file);
    const shown = escapeTerminal(displayPath(absolute));
    const approver = approverOf(options);
    for (const [option, value] of [
        ['--role', options.role],
        ['--name', options.name]
    ] as const) {
        if (value?.trim() === '') throw new UsageError(message('cli.approve.empty-option', { option }));
    }
    const date = options.date === undefined ? approvalDate() : checkedDate(options.date);

    let before: Uint8Array | undefined;
    const read = async (name: string): Promise<Uint8Array> => {
        const bytes = await readFromDisk(name);
        if (name === absolute) before = bytes;
        return bytes;
    };
    if (!absolute.endsWith('.pool')) throw new UsageError(message('cli.cannot-read', { file, reason: t('cli.reason.not-pool-file', {}, lang) }));
    const workspace = await loadWorkspace([absolute], { read, language: lang });
    const [unreadable] = workspace.unreadable;
    if (unreadable || before === undefined) throw new UsageError(message('cli.cannot-read', { file, reason: unreadable?.reason ?? '' }));
    const { document, model } = modelOf(workspace, absolute);

    // A signature on another partner's approval says nothing about this text: only the approvals'
    // own check is left out (the agreement has no allowed-signers file to hand here, or needs none).
    const errors = collectDiagnostics(workspace.all).filter(diagnostic => diagnostic.severity === 'error' && diagnostic.code !== 'approval-signature');
    if (errors.length > 0) {
        io.err(`${t('cli.error', { message: t('cli.approve.has-errors', { file: shown, count: errors.length }, lang) }, lang)}\n`);
        return 1;
    }
    if (!model.partners.has(options.partner)) {
        const partners = [...model.partners.keys()];
        const near = closestNames(options.partner, partners);
        throw new UsageError(
            near.length > 0
                ? message('cli.approve.unknown-partner.suggest', { file: shown, partner: options.partner, suggestion: listInWords(near, lang, 'or') })
                : message('cli.approve.unknown-partner', { file: shown, partner: options.partner, partners: listInWords(partners, lang) })
        );
    }

    const fingerprint = model.fingerprint;
    const same = model.approvals.filter(approval => approval.partnerId === options.partner && approval.approver === approver);
    const current = same.find(approval => approval.fingerprint === fingerprint);
    if (current && !options.force) {
        const said = t('cli.approve.already-approved', { file: shown, partner: options.partner, approver, date: current.date }, lang);
        io.err(`${t('cli.error', { message: said }, lang)}\n`);
        return 1;
    }
    const replacing = current ?? same.find(approval => approval.stale);

    const approval = { fingerprint, partnerId: options.partner, approver, date };
    const signed = await signWithSshKeygen(approvalMessage(approval), options.key, lang);
    const entry = `${options.partner} ${quotePoolString(approver)} ${date} fingerprint ${quotePoolString(fingerprint)} signature ${quotePoolString(signed.signature)}`;
    const unformatted = withEntry(document, entry, replacing);

    // Formatted as pool fmt would: the formatter, over the text with the entry, with its imports.
    const textFor = (text: string) => (name: string) => (name === absolute ? Promise.resolve(encodeLike(new Uint8Array(), text)) : readFromDisk(name));
    const toFormat = await loadWorkspace([absolute], { read: textFor(unformatted), language: lang });
    const formatting = formatPoolDocument(toFormat.pool, modelOf(toFormat, absolute).document);
    // Left alone because the text is approved as it stands (it was not formatted before): as pool fmt leaves it.
    if (formatting.skipped !== undefined && formatting.approved !== true) throw new Error(`the approved text could not be formatted: ${formatting.skipped}`);
    const text = formatting.text;

    // Fail closed: the text written must have the fingerprint signed and an approval that verifies over it.
    const reread = modelOf(await loadWorkspace([absolute], { read: textFor(text), language: lang }), absolute).model;
    const recorded = reread.approvals.find(
        candidate =>
            candidate.partnerId === approval.partnerId &&
            candidate.approver === approver &&
            candidate.date === date &&
            candidate.fingerprint === fingerprint &&
            candidate.signature === signed.signature
    );
    const verified = recorded?.signature === undefined ? undefined : verifySshSignature(recorded.signature, approvalMessageBytes(recorded));
    if (reread.fingerprint !== fingerprint || !verified?.ok || !sameKey(verified.key, signed.key)) {
        throw new Error(`the approval written into ${displayPath(absolute)} would not verify over its text`);
    }

    try {
        const now = await readFromDisk(absolute);
        if (!sameBytes(now, before)) throw new UsageError(message('cli.approve.changed-on-disk', { file: shown }));
        await writeFileSafely(absolute, encodeLike(before, text));
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(message('cli.cannot-write', { file: shown, reason: describeFsError(error, lang) }));
    }
    const key = `${formatPublicKey(signed.key).slice(0, 30)}…`;
    // Standard output is not escaped on its way out: what the user typed is shown with its control characters visible.
    const what = {
        file: shown,
        partner: escapeTerminal(options.partner),
        approver: escapeTerminal(approver),
        date,
        key,
        fingerprint: `${fingerprint.slice(0, 19)}…`
    };
    const said = t(replacing ? 'cli.approve.replaced' : 'cli.approve.recorded', what, lang);
    io.out(`${said}\n`);
    return 0;
}
