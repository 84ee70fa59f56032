import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalMessage } from '../../language/src/index.js';
import { type CliResult, runPool, runPoolInProcess } from '../../../test/support/cli.js';
import { scratchFolder } from '../../../test/support/scratch.js';
import { makeEd25519Key, SIGNING_AGREEMENT } from '../../../test/support/signing.js';

/**
 * `pool approve`, with keys made by the real `ssh-keygen -t ed25519` and signatures checked by
 * `pool check --allowed-signers` and by the real `ssh-keygen -Y verify`. The first test runs the
 * built command as a user runs it, as does the one that takes ssh-keygen off the PATH (the
 * environment the process starts with); the rest run the same command in this process.
 */

const AGREEMENT = SIGNING_AGREEMENT;

let keys: string;

const makeKey = (name: string, passphrase = '') => makeEd25519Key(keys, name, passphrase);

let councilPublic: string;

beforeAll(() => {
    keys = scratchFolder({}, 'pool-approve-keys-');
    councilPublic = makeKey('council_key');
    makeKey('locked_key', 'a passphrase');
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', path.join(keys, 'rsa_key')]);
});

/** A scratch folder with the agreement (as given) and an allowed-signers file letting the council's key sign for council and nhs. */
function workspace(text = AGREEMENT): string {
    return scratchFolder({ 'gm.pool': text, allowed_signers: `council,nhs ${councilPublic}\n` }, 'pool-approve-');
}

const key = (name: string) => path.join(keys, name);

function approve(folder: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
    return runPoolInProcess(['approve', 'gm.pool', ...args], { cwd: folder, env: { SOURCE_DATE_EPOCH: '1764720000', ...env } });
}

/** `approve` by the built command in a process of its own. */
function approveInAProcess(folder: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CliResult {
    return runPool(['approve', 'gm.pool', ...args], { cwd: folder, env: { SOURCE_DATE_EPOCH: '1764720000', ...env } });
}

async function check(folder: string): Promise<{ status: number | null; codes: string[]; messages: string[] }> {
    const result = await runPoolInProcess(['check', '--strict', '--format', 'json', '--allowed-signers', 'allowed_signers', 'gm.pool'], { cwd: folder });
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics;
    return { status: result.status, codes: diagnostics.map(d => d.code), messages: diagnostics.map(d => d.message) };
}

interface Recorded {
    readonly partnerId: string;
    readonly approver: string;
    readonly date: string;
    readonly fingerprint: string;
    readonly signature: string;
}

/** The signed approvals written in the file, read back from its text. */
function recorded(folder: string): Recorded[] {
    const text = readFileSync(path.join(folder, 'gm.pool'), 'utf8');
    const entries = text.matchAll(/^ {4}(\w+) +("(?:\\.|[^"\\])*") +(\d{4}-\d{2}-\d{2}) fingerprint "([^"]+)" signature "([^"]+)"$/gm);
    return [...entries].map(([, partnerId = '', approver = '""', date = '', fingerprint = '', signature = '']) => ({
        partnerId,
        approver: JSON.parse(approver) as string,
        date,
        fingerprint,
        signature
    }));
}

/** The recorded signature armoured again, as `ssh-keygen -Y sign` wrote it (70 characters a line). */
function armoured(signature: string): string {
    const lines = signature.match(/.{1,70}/g) ?? [];
    return ['-----BEGIN SSH SIGNATURE-----', ...lines, '-----END SSH SIGNATURE-----', ''].join('\n');
}

const edit = (folder: string, from: string, to: string) => {
    const file = path.join(folder, 'gm.pool');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
};

describe('pool approve', () => {
    it('records a signature that pool check verifies and ssh-keygen -Y verify accepts, formatted as pool fmt would', async () => {
        const folder = workspace();
        const result = approveInAProcess(folder, ['--partner', 'council', '--role', 'Chief Executive', '--key', key('council_key')]);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(
            /^gm\.pool: recorded the approval of council by Chief Executive on 2025-12-03, signed with ssh-ed25519 AAAA.*… \(fingerprint sha256:[0-9a-f]{12}…\)\n$/
        );
        const second = approveInAProcess(folder, [
            '--partner',
            'nhs',
            '--name',
            'J "Jo" Smith',
            '--role',
            'Chief Finance Officer',
            '--key',
            key('council_key')
        ]);
        expect(second.status, second.stderr).toBe(0);

        // (a) Pool verifies both: no approval-signature error, and nothing stale.
        expect(await check(folder)).toEqual({ status: 0, codes: [], messages: [] });
        const fingerprint = (await runPoolInProcess(['fingerprint', 'gm.pool'], { cwd: folder })).stdout.trim();
        const approvals = recorded(folder);
        expect(approvals.map(({ partnerId, approver, date, fingerprint: approved }) => ({ partnerId, approver, date, approved }))).toEqual([
            { partnerId: 'council', approver: 'Chief Executive', date: '2025-12-03', approved: fingerprint },
            { partnerId: 'nhs', approver: 'J "Jo" Smith, Chief Finance Officer', date: '2025-12-03', approved: fingerprint }
        ]);

        // (b) OpenSSH accepts each signature over the message the check verifies.
        for (const approval of approvals) {
            const signature = path.join(folder, `${approval.partnerId}.sig`);
            writeFileSync(signature, armoured(approval.signature));
            const verify = spawnSync(
                'ssh-keygen',
                ['-Y', 'verify', '-f', path.join(folder, 'allowed_signers'), '-I', approval.partnerId, '-n', 'pool', '-s', signature],
                { input: approvalMessage(approval), encoding: 'utf8' }
            );
            expect(verify.stdout, verify.stderr).toContain(`Good "pool" signature for ${approval.partnerId}`);
            expect(verify.status).toBe(0);
        }

        // Formatted: the approvals block aligned as pool fmt aligns it, so fmt has nothing to change.
        expect((await runPoolInProcess(['fmt', '--check', 'gm.pool'], { cwd: folder })).status).toBe(0);
        const text = readFileSync(path.join(folder, 'gm.pool'), 'utf8');
        expect(text.startsWith(`${AGREEMENT}\napprovals {\n    council   "Chief Executive"   `)).toBe(true);
        const entries = text.split('\n').filter(line => line.includes(' fingerprint '));
        expect(entries.map(line => line.indexOf('2025-12-03'))).toEqual([entries[1]?.indexOf('2025-12-03'), entries[0]?.indexOf('2025-12-03')]);
    });

    it('(c) an amount edited afterwards makes the approval stale; approving again replaces the stale entry', async () => {
        const folder = workspace();
        expect((await approve(folder, ['--partner', 'council', '--role', 'Chief Executive', '--key', key('council_key')])).status).toBe(0);
        edit(folder, '£50,000', '£50,001');
        const stale = await check(folder);
        expect(stale.codes).toEqual(['approval-stale']);
        expect(stale.messages[0]).toContain('signed it on 2025-12-03: the signature is over an earlier text');

        const again = await approve(folder, ['--partner', 'council', '--role', 'Chief Executive', '--key', key('council_key'), '--date', '2026-01-05']);
        expect(again.status, again.stderr).toBe(0);
        expect(again.stdout).toContain('in place of their earlier approval');
        expect(recorded(folder).map(approval => approval.date)).toEqual(['2026-01-05']);
        expect(await check(folder)).toEqual({ status: 0, codes: [], messages: [] });
    });

    it('puts the entry into an approvals block the file has, after the approvals already there', async () => {
        const folder = workspace(`${AGREEMENT}\napprovals {\n    nhs   "Chief Finance Officer"   2013-03-01 fingerprint "sha256:0"\n}\n`);
        const result = await approve(folder, ['--partner', 'council', '--role', 'Leader', '--key', key('council_key')]);
        expect(result.status, result.stderr).toBe(0);
        const text = readFileSync(path.join(folder, 'gm.pool'), 'utf8');
        expect(text.match(/approvals \{/g)).toHaveLength(1);
        expect(text).toMatch(
            /\n {4}nhs {7}"Chief Finance Officer" {3}2013-03-01 fingerprint "sha256:0"\n {4}council {3}"Leader" {18}2025-12-03 fingerprint "sha256:/
        );
    });

    it('approves an agreement that was not formatted as it stands, without reformatting what is approved', async () => {
        const unformatted = AGREEMENT.replace('partner council   "Anytown Council"', 'partner council "Anytown Council"');
        const folder = workspace(unformatted);
        const result = await approve(folder, ['--partner', 'council', '--role', 'Leader', '--key', key('council_key')]);
        expect(result.status, result.stderr).toBe(0);
        expect(readFileSync(path.join(folder, 'gm.pool'), 'utf8').startsWith(`${unformatted}\napprovals {\n`)).toBe(true);
        expect(await check(folder)).toEqual({ status: 0, codes: [], messages: [] });
    });

    it('dates the approval by --date, else SOURCE_DATE_EPOCH, else today, and speaks Welsh with --lang cy', async () => {
        const folder = workspace();
        const today = new Date();
        const two = (n: number) => String(n).padStart(2, '0');
        const expected = `${today.getFullYear()}-${two(today.getMonth() + 1)}-${two(today.getDate())}`;
        const result = await approve(folder, ['--partner', 'council', '--role', 'Arweinydd', '--key', key('council_key'), '--lang', 'cy'], {
            SOURCE_DATE_EPOCH: ''
        });
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toContain(`gm.pool: cofnodwyd cymeradwyaeth council gan Arweinydd ar ${expected}, wedi'i llofnodi gyda ssh-ed25519`);
        expect(recorded(folder).map(approval => approval.date)).toEqual([expected]);
    });

    describe('(d) refuses with one line and leaves the file byte-identical', () => {
        const cases: readonly { why: string; args: readonly string[]; status: number; line: RegExp; text?: string; env?: NodeJS.ProcessEnv }[] = [
            {
                why: 'the agreement has errors',
                text: AGREEMENT.replace('host council', 'host counsel'),
                args: ['--partner', 'council', '--role', 'Leader', '--key', 'KEY:council_key'],
                status: 1,
                line: /^pool: gm\.pool was not approved: it has 1 error, and an agreement is approved only without errors \(pool check gm\.pool shows it\)$/
            },
            {
                why: 'the partner is unknown',
                args: ['--partner', 'counsel', '--role', 'Leader', '--key', 'KEY:council_key'],
                status: 2,
                line: /^pool: gm\.pool has no partner counsel; did you mean council\?$/
            },
            {
                why: 'the partner is unknown and like none',
                args: ['--partner', 'police', '--role', 'Leader', '--key', 'KEY:council_key'],
                status: 2,
                line: /^pool: gm\.pool has no partner police: its partners are council and nhs$/
            },
            {
                why: 'ssh-keygen is missing',
                args: ['--partner', 'council', '--role', 'Leader', '--key', 'KEY:council_key'],
                env: { PATH: path.join(tmpdir(), 'pool-approve-no-such-folder') },
                status: 2,
                line: /^pool: cannot sign: ssh-keygen \(part of OpenSSH\) was not found on the PATH; install OpenSSH and try again$/
            },
            {
                why: 'the key needs a passphrase',
                args: ['--partner', 'council', '--role', 'Leader', '--key', 'KEY:locked_key'],
                status: 2,
                line: /^pool: cannot sign with .*locked_key: it is protected by a passphrase, which pool approve cannot ask for; sign with a key that has none$/
            },
            {
                why: 'the key is missing',
                args: ['--partner', 'council', '--role', 'Leader', '--key', 'KEY:no_such_key'],
                status: 2,
                line: /^pool: cannot sign with .*no_such_key: no such file or folder$/
            },
            {
                why: 'the key is not ed25519',
                args: ['--partner', 'council', '--role', 'Leader', '--key', 'KEY:rsa_key'],
                status: 2,
                line: /^pool: cannot sign with .*rsa_key: its type is ssh-rsa, and Pool verifies only ed25519 signatures/
            },
            {
                why: 'the key file is the public half',
                args: ['--partner', 'council', '--role', 'Leader', '--key', 'KEY:council_key.pub'],
                status: 2,
                line: /^pool: cannot sign with .*council_key\.pub: ssh-keygen cannot use it \(Load key ".*council_key\.pub": .*\)$/
            },
            {
                why: 'the date is not a day',
                args: ['--partner', 'council', '--role', 'Leader', '--key', 'KEY:council_key', '--date', '2026-02-30'],
                status: 2,
                line: /^pool: --date must be a day written YYYY-MM-DD, such as 2026-12-03; got 2026-02-30$/
            },
            {
                why: 'the role is empty',
                args: ['--partner', 'council', '--role', ' ', '--key', 'KEY:council_key'],
                status: 2,
                line: /^pool: --role must not be empty$/
            }
        ];
        it.each(cases)('$why', async ({ args, status, line, text, env }) => {
            const folder = workspace(text);
            const before = readFileSync(path.join(folder, 'gm.pool'));
            const keyed = args.map(arg => (arg.startsWith('KEY:') ? key(arg.slice(4)) : arg));
            // An environment of its own (no ssh-keygen on the PATH) is given to a process of its own.
            const result = env === undefined ? await approve(folder, keyed) : approveInAProcess(folder, keyed, env);
            expect(result.stdout).toBe('');
            expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
            expect(result.stderr.trimEnd()).toMatch(line);
            expect(result.status).toBe(status);
            expect(readFileSync(path.join(folder, 'gm.pool')).equals(before)).toBe(true);
        });

        it('the partner and approver have already approved the text as it stands (unless --force)', async () => {
            const folder = workspace();
            const args = ['--partner', 'council', '--role', 'Leader', '--key', key('council_key')];
            expect((await approve(folder, args)).status).toBe(0);
            const before = readFileSync(path.join(folder, 'gm.pool'));
            const result = await approve(folder, [...args, '--date', '2026-01-05']);
            expect(result).toMatchObject({ status: 1, stdout: '' });
            expect(result.stderr).toBe(
                'pool: council (Leader) approved gm.pool as it stands on 2025-12-03, so nothing was changed; give --force to sign it again\n'
            );
            expect(readFileSync(path.join(folder, 'gm.pool')).equals(before)).toBe(true);
            const forced = await approve(folder, [...args, '--date', '2026-01-05', '--force']);
            expect(forced.status, forced.stderr).toBe(0);
            expect(recorded(folder).map(approval => approval.date)).toEqual(['2026-01-05']);
            expect((await check(folder)).codes).toEqual([]);
        });

        it('a key file that others can read, which ssh-keygen refuses', async () => {
            const folder = workspace();
            const open = path.join(folder, 'open_key');
            writeFileSync(open, readFileSync(key('council_key')));
            chmodSync(open, 0o644);
            const before = readFileSync(path.join(folder, 'gm.pool'));
            const result = await approve(folder, ['--partner', 'council', '--role', 'Leader', '--key', 'open_key']);
            expect(result.stderr).toMatch(/^pool: cannot sign with open_key: ssh-keygen cannot use it \(Load key "open_key": bad permissions\)\n$/);
            expect(result.status).toBe(2);
            expect(readFileSync(path.join(folder, 'gm.pool')).equals(before)).toBe(true);
        });
    });
});
