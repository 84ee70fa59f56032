import type * as ast from '../generated/ast.js';
import { type Lang, t } from '../i18n/index.js';
import { formatPublicKey, type SshPublicKey } from '../model/sshsig.js';
import type { AgreementModel } from '../model/types.js';
import { code, escapeMarkdown } from './markdown.js';

/**
 * An approval's hover: who approved, when, whether it covers the text as it stands, and what its
 * signature proves, read from the verdict the model keeps for the approval-signature check
 * (`ApprovalInfo.signatureStanding`): signed and verified, signed but not verifiable (no
 * allowed-signers file, or a key it does not allow for the partner), a bad signature, or unsigned.
 */
export function describeApproval(model: AgreementModel, node: ast.Approval, lang: Lang): string | undefined {
    const approval = model.approvals.find(candidate => candidate.node === node);
    if (!approval) return undefined;
    const facts = {
        partner: code(approval.partnerId),
        approver: escapeMarkdown(approval.approver),
        date: approval.date,
        covers: approval.stale ? 'no' : 'yes',
        current: code(`${model.fingerprint.slice(0, 19)}…`)
    };
    // The verdict of the approval-signature check, as the model worked it out once.
    const standing = approval.signatureStanding;
    const keyOf = (key: SshPublicKey) => code(`${formatPublicKey(key).slice(0, 30)}…`);
    if (standing.status === 'unsigned') return t('hover.approval.unsigned', facts, lang);
    if (standing.status === 'verified') {
        return t('hover.approval.verified', { ...facts, key: keyOf(standing.key), file: code(model.allowedSigners?.source ?? '') }, lang);
    }
    if (standing.fault === 'not-allowed') return t('hover.approval.not-allowed', { ...facts, key: keyOf(standing.key), file: code(standing.source) }, lang);
    if (standing.fault === 'no-signers') return t('hover.approval.no-signers', facts, lang);
    const fault = { malformed: 'malformed', 'unsupported-key': 'key', 'wrong-namespace': 'namespace', 'unsupported-hash': 'hash', 'does-not-verify': 'other' }[
        standing.fault
    ];
    return t('hover.approval.bad-signature', { ...facts, fault }, lang);
}
