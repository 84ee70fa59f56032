import { decodeBase64, readPublicKeyBlob, sameKey, type SshPublicKey } from './sshsig.js';

/**
 * An allowed-signers file, in the format of git's `gpg.ssh.allowedSignersFile` and
 * `ssh-keygen -Y verify -f` (OpenSSH's ALLOWED SIGNERS): one key a line,
 * `principals [options] keytype base64-key [comment]`. For Pool a principal is a partner's id,
 * so `council ssh-ed25519 AAAA…` lets that key sign approvals for the partner `council`.
 *
 * Read strictly, failing closed: a line Pool does not fully understand (a certificate authority,
 * a validity window, a key that is not ed25519) allows nothing, and a `namespaces` option
 * that does not list `pool` keeps that key from signing approvals.
 */
export interface AllowedSigner {
    /** The partner ids (principals) this key may sign for; `*` and `?` patterns as OpenSSH reads them. */
    readonly principals: readonly string[];
    readonly key: SshPublicKey;
    readonly namespaces?: readonly string[];
}

export interface AllowedSigners {
    /** Where the file was read from, as the user would write it (for messages). */
    readonly source: string;
    readonly signers: readonly AllowedSigner[];
}

/** Splits a line into fields at spaces, keeping double-quoted runs (`"a b"`) together. */
function fields(line: string): string[] {
    return line.match(/(?:"[^"]*"|[^\s"])+/g) ?? [];
}

function unquote(text: string): string {
    return text.replace(/"/g, '');
}

/** Reads the text of an allowed-signers file; lines it cannot use allow nothing. */
export function parseAllowedSigners(text: string, source: string): AllowedSigners {
    const signers: AllowedSigner[] = [];
    for (const rawLine of text.split(/\r?\n/)) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#')) continue;
        const [first, second, ...rest] = fields(line);
        if (first === undefined || second === undefined || rest.length === 0) continue;
        const principals = unquote(first)
            .split(',')
            .filter(principal => principal !== '');
        let keyFields = [second, ...rest];
        let namespaces: string[] | undefined;
        let understood = true;
        // Options come before the key type; the key type is a word without `=` or `"`.
        if (!/^ssh-|^ecdsa-|^sk-/.test(second)) {
            for (const option of commaSeparated(second)) {
                const match = /^([a-z-]+)(?:="([^"]*)")?$/i.exec(option);
                if (match?.[1]?.toLowerCase() === 'namespaces' && match[2] !== undefined) namespaces = match[2].split(',');
                else understood = false;
            }
            keyFields = rest;
        }
        const [type, encoded] = keyFields;
        const blob = encoded === undefined ? undefined : decodeBase64(encoded);
        const key = blob ? readPublicKeyBlob(blob) : undefined;
        if (!understood || type !== 'ssh-ed25519' || !key || principals.length === 0) continue;
        signers.push({ principals, key, ...(namespaces ? { namespaces } : {}) });
    }
    return { source, signers };
}

/** The comma-separated items of an options field, a comma inside double quotes being part of its item. */
function commaSeparated(text: string): string[] {
    const items: string[] = [];
    let quoted = false;
    let start = 0;
    for (let at = 0; at < text.length; at++) {
        if (text[at] === '"') quoted = !quoted;
        else if (text[at] === ',' && !quoted) {
            items.push(text.slice(start, at));
            start = at + 1;
        }
    }
    items.push(text.slice(start));
    return items;
}

/**
 * OpenSSH's principal patterns: `*` any run of characters, `?` one; `!` negation is not accepted.
 * Matched by the usual wildcard walk (back to the last `*` on a mismatch), in time at most the
 * product of the two lengths: no regular expression is built from the file's text.
 */
function principalMatches(pattern: string, principal: string): boolean {
    if (pattern.startsWith('!')) return false;
    let p = 0;
    let s = 0;
    let star = -1;
    let resume = 0;
    while (s < principal.length) {
        if (p < pattern.length && (pattern[p] === '?' || pattern[p] === principal[s])) {
            p++;
            s++;
        } else if (p < pattern.length && pattern[p] === '*') {
            star = p++;
            resume = s;
        } else if (star >= 0) {
            p = star + 1;
            s = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.length && pattern[p] === '*') p++;
    return p === pattern.length;
}

/** Whether the file lets `key` sign in `namespace` for the partner `principal`. */
export function isAllowedSigner(signers: AllowedSigners, principal: string, key: SshPublicKey, namespace: string): boolean {
    return signers.signers.some(
        signer =>
            sameKey(signer.key, key) &&
            signer.principals.some(pattern => principalMatches(pattern, principal)) &&
            (signer.namespaces === undefined || signer.namespaces.includes(namespace))
    );
}
