import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalMessage, parseAllowedSigners, verifySshSignature } from '../packages/language/src/index.js';
import { runPoolInProcess } from './support/cli.js';
import { makeEd25519Key, SIGNING_AGREEMENT } from './support/signing.js';

/**
 * Signed approvals, end to end with the real OpenSSH: keys made by `ssh-keygen -t ed25519`,
 * signatures made by `ssh-keygen -Y sign`, checked by `pool check` and by `ssh-keygen -Y verify`
 * against the same allowed-signers file.
 */

const AGREEMENT = SIGNING_AGREEMENT;

let folder: string;
const file = (name: string) => path.join(folder, name);

const makeKey = (name: string) => makeEd25519Key(folder, name);

/** Signs `text` with `ssh-keygen -Y sign`, returning the armoured signature. */
function sshSign(key: string, namespace: string, text: string): string {
    writeFileSync(file('message'), text);
    rmSync(file('message.sig'), { force: true });
    execFileSync('ssh-keygen', ['-Y', 'sign', '-f', file(key), '-n', namespace, file('message')], { stdio: 'pipe' });
    return readFileSync(file('message.sig'), 'utf8');
}

const oneLine = (armoured: string) =>
    armoured
        .split('\n')
        .filter(line => line && !line.startsWith('-----'))
        .join('');

async function fingerprintOf(name: string): Promise<string> {
    return (await runPoolInProcess(['fingerprint', file(name)])).stdout.trim();
}

/** Writes an agreement with the council's approval of `fingerprint`, signed as given. */
function writeAgreement(name: string, body: string, approval: { fingerprint: string; signature?: string; role?: string }): void {
    const signature = approval.signature === undefined ? '' : ` signature "${approval.signature}"`;
    writeFileSync(
        file(name),
        `${body}\napprovals {\n    council "${approval.role ?? 'Chief Executive'}" 2026-12-03 fingerprint "${approval.fingerprint}"${signature}\n}\n`
    );
}

const council = (fingerprint: string) => ({ fingerprint, partnerId: 'council', approver: 'Chief Executive', date: '2026-12-03' });

async function check(name: string, signers = 'allowed_signers'): Promise<{ status: number | null; codes: string[]; messages: string[] }> {
    const result = await runPoolInProcess(['check', '--strict', '--format', 'json', '--allowed-signers', file(signers), file(name)]);
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics;
    return { status: result.status, codes: diagnostics.map(d => d.code), messages: diagnostics.map(d => d.message) };
}

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'pool-signing-'));
    const councilKey = makeKey('council_key');
    makeKey('stranger_key');
    writeFileSync(file('allowed_signers'), `council ${councilKey}\n`);
    writeFileSync(file('unsigned.pool'), AGREEMENT);
});

afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
});

describe('signed approvals', () => {
    it('a signature made by ssh-keygen -Y sign verifies in Pool and with ssh-keygen -Y verify', async () => {
        const fingerprint = await fingerprintOf('unsigned.pool');
        const armoured = sshSign('council_key', 'pool', approvalMessage(council(fingerprint)));
        writeAgreement('signed.pool', AGREEMENT, { fingerprint, signature: oneLine(armoured) });
        expect(await check('signed.pool')).toEqual({ status: 0, codes: [], messages: [] });
        const verify = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', file('allowed_signers'), '-I', 'council', '-n', 'pool', '-s', file('message.sig')], {
            input: approvalMessage(council(fingerprint)),
            encoding: 'utf8'
        });
        expect(verify.status).toBe(0);
        expect(verify.stdout).toContain('Good "pool" signature for council');
    });

    it('a signed agreement with one amount changed is stale: the signature covers the earlier text', async () => {
        const fingerprint = await fingerprintOf('unsigned.pool');
        const signature = oneLine(sshSign('council_key', 'pool', approvalMessage(council(fingerprint))));
        writeAgreement('tampered.pool', AGREEMENT.replace('£50,000', '£50,001'), { fingerprint, signature });
        const result = await check('tampered.pool');
        expect(result.codes).toEqual(['approval-stale']);
        expect(result.messages[0]).toContain('signed it on 2026-12-03: the signature is over an earlier text');
        // Recording the new fingerprint beside the old signature does not help: it no longer verifies.
        writeAgreement('tampered.pool', AGREEMENT.replace('£50,000', '£50,001'), { fingerprint: await fingerprintOf('tampered.pool'), signature });
        const moved = await check('tampered.pool');
        expect(moved.codes).toEqual(['approval-signature']);
        expect(moved.messages[0]).toContain('does not verify');
    });

    it('a signature made for another namespace is refused, naming it', async () => {
        const fingerprint = await fingerprintOf('unsigned.pool');
        const signature = oneLine(sshSign('council_key', 'git', approvalMessage(council(fingerprint))));
        writeAgreement('namespace.pool', AGREEMENT, { fingerprint, signature });
        const result = await check('namespace.pool');
        expect(result.status).toBe(1);
        expect(result.codes).toEqual(['approval-signature']);
        expect(result.messages[0]).toContain('was made for `git`, not for `pool`');
    });

    it('a key the allowed-signers file does not allow for that partner is refused', async () => {
        const fingerprint = await fingerprintOf('unsigned.pool');
        const signature = oneLine(sshSign('stranger_key', 'pool', approvalMessage(council(fingerprint))));
        writeAgreement('stranger.pool', AGREEMENT, { fingerprint, signature });
        const result = await check('stranger.pool');
        expect(result.codes).toEqual(['approval-signature']);
        expect(result.messages[0]).toMatch(
            /the key that signed for council \(Anytown Council\), Chief Executive \(ssh-ed25519 .*\), is not allowed to sign for `council`/
        );
        // The council's own key, listed for another partner only, is refused too.
        writeFileSync(file('nhs_signers'), `nhs ${readFileSync(file('council_key.pub'), 'utf8')}`);
        writeAgreement('for-nhs.pool', AGREEMENT, { fingerprint, signature: oneLine(sshSign('council_key', 'pool', approvalMessage(council(fingerprint)))) });
        expect((await check('for-nhs.pool', 'nhs_signers')).codes).toEqual(['approval-signature']);
    });

    it('a signature moved to another role does not verify', async () => {
        const fingerprint = await fingerprintOf('unsigned.pool');
        const signature = oneLine(sshSign('council_key', 'pool', approvalMessage(council(fingerprint))));
        writeAgreement('moved.pool', AGREEMENT, { fingerprint, signature, role: 'Leader' });
        const result = await check('moved.pool');
        expect(result.codes).toEqual(['approval-signature']);
        expect(result.messages[0]).toContain('does not verify: it was not made over this approval');
    });

    it('an unsigned approval is allowed; a signed one with no allowed-signers file found is an error; a missing --allowed-signers file is exit 2', async () => {
        const fingerprint = await fingerprintOf('unsigned.pool');
        writeAgreement('plain.pool', AGREEMENT, { fingerprint });
        expect((await check('plain.pool')).codes).toEqual([]);
        writeAgreement('lonely.pool', AGREEMENT, { fingerprint, signature: oneLine(sshSign('council_key', 'pool', approvalMessage(council(fingerprint)))) });
        const lonely = await runPoolInProcess(['check', '--format', 'json', file('lonely.pool')]);
        expect(lonely.stdout).toContain('there is no allowed-signers file to check it against');
        // Found upward from the agreement, as .git is.
        writeFileSync(file('.poolsigners'), readFileSync(file('allowed_signers')));
        expect((await runPoolInProcess(['check', file('lonely.pool')])).status).toBe(0);
        const missing = await runPoolInProcess(['check', '--allowed-signers', file('nowhere'), file('lonely.pool')]);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('cannot read');
    });

    it('any text at all as a signature is refused without a crash', () => {
        const message = new TextEncoder().encode('Pool approval v1\n');
        fc.assert(
            fc.property(fc.oneof(fc.string(), fc.base64String()), text => {
                expect(verifySshSignature(text, message).ok).toBe(false);
            })
        );
        fc.assert(
            fc.property(fc.string(), text => {
                expect(() => parseAllowedSigners(text, 'x')).not.toThrow();
            })
        );
    });
});
