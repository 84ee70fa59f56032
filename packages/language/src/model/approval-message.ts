import { utf8ToBytes } from '@noble/hashes/utils.js';
import { type AllowedSigners, isAllowedSigner } from './allowed-signers.js';
import { POOL_SIGNATURE_NAMESPACE, type SignatureFault, type SshPublicKey, verifySshSignature } from './sshsig.js';

/**
 * What a signed approval signs: the fingerprint of the text approved, the partner, the person or
 * role, and the date, one a line after a heading naming the format, so a signature cannot be
 * moved to another partner, role, date or version of the text. Text values are written as JSON
 * strings, so no role can imitate a line of its own.
 */
export function approvalMessage(approval: {
    readonly fingerprint: string;
    readonly partnerId: string;
    readonly approver: string;
    readonly date: string;
}): string {
    return [
        'Pool approval v1',
        `fingerprint ${JSON.stringify(approval.fingerprint)}`,
        `partner ${JSON.stringify(approval.partnerId)}`,
        `role ${JSON.stringify(approval.approver)}`,
        `date ${JSON.stringify(approval.date)}`,
        ''
    ].join('\n');
}

/** The message's bytes, as signed (UTF-8). */
export function approvalMessageBytes(approval: Parameters<typeof approvalMessage>[0]): Uint8Array {
    return utf8ToBytes(approvalMessage(approval));
}

/** A signed approval's standing: unsigned, verified (a valid `pool` signature by a key allowed for its partner), or refused with the reason. */
export type SignatureStanding =
    | { readonly status: 'unsigned' }
    | { readonly status: 'verified'; readonly key: SshPublicKey }
    | { readonly status: 'refused'; readonly fault: SignatureFault | 'no-signers'; readonly namespace?: string }
    | { readonly status: 'refused'; readonly fault: 'not-allowed'; readonly key: SshPublicKey; readonly source: string };

/** Checks an approval's signature against the allowed signers, failing closed (see the approval-signature check). */
export function signatureStanding(
    approval: Parameters<typeof approvalMessage>[0] & { readonly signature: string | undefined },
    signers: AllowedSigners | undefined
): SignatureStanding {
    if (approval.signature === undefined) return { status: 'unsigned' };
    const result = verifySshSignature(approval.signature, approvalMessageBytes(approval));
    if (!result.ok) return { status: 'refused', fault: result.fault, ...(result.namespace === undefined ? {} : { namespace: result.namespace }) };
    if (!signers) return { status: 'refused', fault: 'no-signers' };
    if (!isAllowedSigner(signers, approval.partnerId, result.key, POOL_SIGNATURE_NAMESPACE)) {
        return { status: 'refused', fault: 'not-allowed', key: result.key, source: signers.source };
    }
    return { status: 'verified', key: result.key };
}
