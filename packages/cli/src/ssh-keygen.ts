import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { decodeBase64, POOL_SIGNATURE_NAMESPACE, readPublicKeyBlob, type SshPublicKey, signatureFromArmour } from '@pool/language';
import { message, t } from './i18n/index.js';
import { describeFsError, UsageError } from './files.js';
import type { Lang } from '@pool/language';

/** The OpenSSH program Pool signs with, found on the PATH as a user's shell would find it. */
const SSH_KEYGEN = 'ssh-keygen';

interface Ran {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/**
 * Runs ssh-keygen with these arguments and this standard input, never through a shell, and never
 * with a terminal to ask on: it runs in a session of its own (no controlling terminal), so it can
 * never stop to ask for a passphrase. ssh-keygen missing is one line, exit 2.
 */
function run(args: readonly string[], input: string | undefined): Promise<Ran> {
    return new Promise((resolve, reject) => {
        const child = spawn(SSH_KEYGEN, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true, shell: false });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', error => {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new UsageError(message('cli.approve.no-ssh-keygen', {})));
            else reject(error);
        });
        child.on('close', status => {
            resolve({ status, stdout, stderr });
        });
        // ssh-keygen may stop reading early (a key it cannot use): a closed pipe is not a failure of its own.
        child.stdin.on('error', () => {
            // Nothing to do: its exit status and standard error say what went wrong.
        });
        child.stdin.end(input ?? '');
    });
}

/** ssh-keygen's own last line about a failure (it ends with the reason), for the one line Pool prints. */
function lastLine(text: string): string {
    const lines = text
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '');
    return lines.at(-1) ?? '';
}

/**
 * The public half of a private key, as ssh-keygen reads it with an empty passphrase: a key that
 * needs a passphrase, a file that is not a key or that others can read (ssh-keygen refuses those)
 * is refused here with ssh-keygen's reason, before anything is signed. Only ed25519 keys are
 * accepted, as only those verify in Pool.
 */
async function publicKeyOf(key: string, lang: Lang): Promise<SshPublicKey> {
    try {
        const info = await stat(key);
        if (!info.isFile()) throw new UsageError(message('cli.approve.key-unusable', { key, reason: t('cli.approve.not-a-file', {}, lang) }));
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(message('cli.approve.key-unreadable', { key, reason: describeFsError(error, lang) }));
    }
    const ran = await run(['-y', '-P', '', '-f', key], undefined);
    if (ran.status !== 0) {
        const reason = lastLine(ran.stderr);
        if (/incorrect passphrase/i.test(reason)) throw new UsageError(message('cli.approve.key-passphrase', { key }));
        throw new UsageError(message('cli.approve.key-unusable', { key, reason }));
    }
    const [type = '', encoded = ''] = ran.stdout.trim().split(/\s+/);
    const blob = decodeBase64(encoded);
    const publicKey = blob ? readPublicKeyBlob(blob) : undefined;
    if (type !== 'ssh-ed25519' || !publicKey) throw new UsageError(message('cli.approve.key-not-ed25519', { key, type }));
    return publicKey;
}

/**
 * Signs `text` with `ssh-keygen -Y sign -n pool -f KEY` (the text on standard input, the armoured
 * signature on standard output) and returns the signature as an approval records it: the base64
 * between the armour lines, on one line. Also returns the public key that signed, read from the key
 * file first, so the caller can confirm the signature is that key's.
 */
export async function signWithSshKeygen(text: string, key: string, lang: Lang): Promise<{ readonly signature: string; readonly key: SshPublicKey }> {
    const publicKey = await publicKeyOf(key, lang);
    const ran = await run(['-Y', 'sign', '-n', POOL_SIGNATURE_NAMESPACE, '-f', key], text);
    const signature = ran.status === 0 ? signatureFromArmour(ran.stdout) : undefined;
    if (signature === undefined) throw new UsageError(message('cli.approve.sign-failed', { key, reason: lastLine(ran.stderr) }));
    return { signature, key: publicKey };
}
