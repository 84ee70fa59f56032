import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A small agreement for the signed-approval tests: two partners, one pool, formatted as `pool fmt` leaves it. */
export const SIGNING_AGREEMENT = `agreement "Anytown Better Care Fund" {
    period 2013/14 to 2015/16
    host council
}

partner council   "Anytown Council"                            council
partner nhs       "NHS Anytown Clinical Commissioning Group"   health

pool care "Care pot" pooled under section 75 {
    2013/14 {
        council   £100,000
        nhs        £50,000
    }
}
`;

/**
 * Makes an ed25519 key pair `folder/name` and `folder/name.pub` with the real `ssh-keygen`, and
 * returns the public key as an allowed-signers line takes it (`ssh-ed25519 AAAA…`, no comment).
 */
export function makeEd25519Key(folder: string, name: string, passphrase = ''): string {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', name, '-f', path.join(folder, name)]);
    return readFileSync(path.join(folder, `${name}.pub`), 'utf8')
        .split(' ')
        .slice(0, 2)
        .join(' ');
}
