import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SSH signatures in the `sshsig` format that git uses for signed commits (OpenSSH's PROTOCOL.sshsig),
 * read and checked here because the checks also run in a browser, where Node's crypto is absent.
 * Only ed25519 keys are accepted. The input is hostile: every length is checked, nothing throws,
 * and anything not understood is a failure with its reason.
 */

/** The namespace Pool signs in (`ssh-keygen -Y sign -n pool`), so a git or file signature is never taken for an approval. */
export const POOL_SIGNATURE_NAMESPACE = 'pool';

/** Why a signature was not accepted. */
export type SignatureFault = 'malformed' | 'unsupported-key' | 'wrong-namespace' | 'unsupported-hash' | 'does-not-verify';

/** An ed25519 public key, as an allowed-signers file and a signature carry it. */
export interface SshPublicKey {
    readonly type: 'ssh-ed25519';
    /** The 32 bytes of the key. */
    readonly key: Uint8Array;
}

export type SignatureResult =
    { readonly ok: true; readonly key: SshPublicKey } | { readonly ok: false; readonly fault: SignatureFault; readonly namespace?: string };

const MAGIC = utf8ToBytes('SSHSIG');
const ARMOUR_BEGIN = '-----BEGIN SSH SIGNATURE-----';
const ARMOUR_END = '-----END SSH SIGNATURE-----';
/** Far above any ed25519 signature (about 300 characters): a longer one is refused before decoding. */
const MAX_SIGNATURE_CHARACTERS = 4096;

/** Reads SSH wire-format fields (uint32 lengths, big-endian) from bytes, failing with `undefined` past the end. */
class WireReader {
    private at = 0;
    constructor(private readonly bytes: Uint8Array) {}

    get done(): boolean {
        return this.at === this.bytes.length;
    }

    raw(length: number): Uint8Array | undefined {
        if (length < 0 || this.at + length > this.bytes.length) return undefined;
        const out = this.bytes.subarray(this.at, this.at + length);
        this.at += length;
        return out;
    }

    uint32(): number | undefined {
        const bytes = this.raw(4);
        return bytes ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) : undefined;
    }

    string(): Uint8Array | undefined {
        const length = this.uint32();
        return length === undefined ? undefined : this.raw(length);
    }

    text(): string | undefined {
        const bytes = this.string();
        if (!bytes) return undefined;
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
            return undefined;
        }
    }
}

function wireString(bytes: Uint8Array): Uint8Array {
    const out = new Uint8Array(4 + bytes.length);
    new DataView(out.buffer).setUint32(0, bytes.length);
    out.set(bytes, 4);
    return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
        out.set(part, at);
        at += part.length;
    }
    return out;
}

/** Strict base64 (padding required, no other characters); `undefined` when it is not. */
export function decodeBase64(text: string): Uint8Array | undefined {
    if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
}

function encodeBase64(bytes: Uint8Array): string {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
}

/** An SSH public key blob (`string "ssh-ed25519"`, `string key`), or `undefined` for any other kind. */
export function readPublicKeyBlob(blob: Uint8Array): SshPublicKey | undefined {
    const reader = new WireReader(blob);
    const type = reader.text();
    const key = reader.string();
    if (type !== 'ssh-ed25519' || !key || key.length !== 32 || !reader.done) return undefined;
    return { type, key };
}

/** Whether two keys are the same key. */
export function sameKey(a: SshPublicKey, b: SshPublicKey): boolean {
    return a.type === b.type && a.key.length === b.key.length && a.key.every((byte, i) => byte === b.key[i]);
}

/** The key as an allowed-signers file writes it: `ssh-ed25519 AAAA…`. */
export function formatPublicKey(key: SshPublicKey): string {
    return `${key.type} ${encodeBase64(concat([wireString(utf8ToBytes(key.type)), wireString(key.key)]))}`;
}

/**
 * The signature as an approval records it: the base64 between the armour lines of
 * `ssh-keygen -Y sign`'s output, joined onto one line. Armoured text is accepted too.
 */
export function signatureFromArmour(armoured: string): string | undefined {
    const lines = armoured
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '');
    if (lines[0] !== ARMOUR_BEGIN || lines.at(-1) !== ARMOUR_END) return undefined;
    const body = lines.slice(1, -1).join('');
    return decodeBase64(body) ? body : undefined;
}

/**
 * Whether `signature` (base64, as an approval records it) is a valid `sshsig` signature of
 * `message` in the `pool` namespace; on success, the key that made it.
 */
export function verifySshSignature(signature: string, message: Uint8Array, namespace: string = POOL_SIGNATURE_NAMESPACE): SignatureResult {
    if (signature.length > MAX_SIGNATURE_CHARACTERS) return { ok: false, fault: 'malformed' };
    const blob = decodeBase64(signature.replace(/^-----BEGIN SSH SIGNATURE-----|-----END SSH SIGNATURE-----$|\s/g, ''));
    if (!blob) return { ok: false, fault: 'malformed' };
    const reader = new WireReader(blob);
    const magic = reader.raw(MAGIC.length);
    const version = reader.uint32();
    const publicKey = reader.string();
    const signedNamespace = reader.text();
    const reserved = reader.string();
    const hashAlgorithm = reader.text();
    const signatureBlob = reader.string();
    if (
        !magic ||
        !MAGIC.every((byte, i) => byte === magic[i]) ||
        version !== 1 ||
        !publicKey ||
        signedNamespace === undefined ||
        !reserved ||
        !hashAlgorithm ||
        !signatureBlob ||
        !reader.done
    ) {
        return { ok: false, fault: 'malformed' };
    }
    const key = readPublicKeyBlob(publicKey);
    if (!key) return { ok: false, fault: 'unsupported-key' };
    if (signedNamespace !== namespace) return { ok: false, fault: 'wrong-namespace', namespace: signedNamespace };
    const hash = hashAlgorithm === 'sha512' ? sha512 : hashAlgorithm === 'sha256' ? sha256 : undefined;
    if (!hash) return { ok: false, fault: 'unsupported-hash' };
    const sigReader = new WireReader(signatureBlob);
    const sigType = sigReader.text();
    const sigBytes = sigReader.string();
    if (sigType !== 'ssh-ed25519' || !sigBytes || sigBytes.length !== 64 || !sigReader.done) return { ok: false, fault: 'malformed' };
    const signed = concat([
        MAGIC,
        wireString(utf8ToBytes(signedNamespace)),
        wireString(reserved),
        wireString(utf8ToBytes(hashAlgorithm)),
        wireString(hash(message))
    ]);
    return verifies(sigBytes, signed, key.key) ? { ok: true, key } : { ok: false, fault: 'does-not-verify' };
}

/** Strict RFC 8032 verification, as OpenSSH does; a point that does not decode is a signature that does not verify. */
function verifies(signature: Uint8Array, signed: Uint8Array, key: Uint8Array): boolean {
    try {
        return ed25519.verify(signature, signed, key, { zip215: false });
    } catch {
        return false;
    }
}
