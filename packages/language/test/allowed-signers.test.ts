import { describe, expect, it } from 'vitest';
import { isAllowedSigner, parseAllowedSigners } from '../src/model/allowed-signers.js';
import { decodeBase64, readPublicKeyBlob } from '../src/model/sshsig.js';

/** A public key made for this test with `ssh-keygen -t ed25519` (its private half was thrown away). */
const KEY_TEXT = 'AAAAC3NzaC1lZDI1NTE5AAAAIEkDf80Hb+uluh4p1vg/UntlYxnYTcjTImsETOEq1jDO';
const KEY = readPublicKeyBlob(decodeBase64(KEY_TEXT) ?? new Uint8Array());

function allows(line: string, principal: string, namespace = 'pool'): boolean {
    if (!KEY) throw new Error('the test key does not read');
    return isAllowedSigner(parseAllowedSigners(`${line}\n`, 'allowed_signers'), principal, KEY, namespace);
}

describe('an allowed-signers file, read as git and OpenSSH read it', () => {
    it('matches principals by OpenSSH patterns: * any run of characters, ? one, a list by commas', () => {
        expect(allows(`council ssh-ed25519 ${KEY_TEXT}`, 'council')).toBe(true);
        expect(allows(`council ssh-ed25519 ${KEY_TEXT}`, 'police')).toBe(false);
        expect(allows(`coun* ssh-ed25519 ${KEY_TEXT}`, 'council')).toBe(true);
        expect(allows(`?ouncil ssh-ed25519 ${KEY_TEXT}`, 'council')).toBe(true);
        expect(allows(`?ouncil ssh-ed25519 ${KEY_TEXT}`, 'ouncil')).toBe(false);
        expect(allows(`c*l ssh-ed25519 ${KEY_TEXT}`, 'council')).toBe(true);
        expect(allows(`c*l ssh-ed25519 ${KEY_TEXT}`, 'councils')).toBe(false);
        expect(allows(`*a*b*c ssh-ed25519 ${KEY_TEXT}`, 'xaxbxbc')).toBe(true);
        expect(allows(`* ssh-ed25519 ${KEY_TEXT}`, 'anyone')).toBe(true);
        expect(allows(`police,"health" ssh-ed25519 ${KEY_TEXT}`, 'health')).toBe(true);
        // Negation is not accepted: it allows nobody, rather than everybody but one.
        expect(allows(`!council ssh-ed25519 ${KEY_TEXT}`, 'police')).toBe(false);
    });

    it('honours namespaces, with commas inside the quotes', () => {
        expect(allows(`council namespaces="git,pool" ssh-ed25519 ${KEY_TEXT}`, 'council')).toBe(true);
        expect(allows(`council namespaces="git,file" ssh-ed25519 ${KEY_TEXT}`, 'council')).toBe(false);
        // An option Pool does not understand allows nothing.
        expect(allows(`council namespaces="pool",valid-after="20260101" ssh-ed25519 ${KEY_TEXT}`, 'council')).toBe(false);
    });

    it('matches a long pattern against a long principal without backtracking for ever', () => {
        const principal = 'a'.repeat(20_000);
        expect(allows(`${'*a'.repeat(2_000)}b ssh-ed25519 ${KEY_TEXT}`, principal)).toBe(false);
        expect(allows(`${'*a'.repeat(2_000)} ssh-ed25519 ${KEY_TEXT}`, principal)).toBe(true);
    });
});
