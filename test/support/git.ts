import { execFileSync } from 'node:child_process';

/** Runs git in `root` as a fixed test author (so commits need no user configuration), returning its output trimmed. */
export function gitIn(root: string): (...args: string[]) => string {
    return (...args: string[]) =>
        execFileSync('git', args, {
            cwd: root,
            encoding: 'utf8',
            env: {
                ...process.env,
                GIT_AUTHOR_NAME: 'Test',
                GIT_AUTHOR_EMAIL: 'test@example.invalid',
                GIT_COMMITTER_NAME: 'Test',
                GIT_COMMITTER_EMAIL: 'test@example.invalid'
            }
        }).trim();
}

/**
 * A small agreement importing `registers/anytown.pool` (which declares `nhs`), with council's
 * 2013/14 contribution and council's name as given: the text the history tests commit and change.
 */
export const anytownAgreement = (contribution: string, partnerName = 'Anytown Council'): string => `import "registers/anytown.pool"
agreement "Anytown care" {
    period 2013/14 to 2014/15
    host council
}
partner council "${partnerName}" council
pool care "Care pot" pooled under section 75 {
    2013/14 { council ${contribution}  nhs £50,000 }
}
share savings of care { council 50%  nhs 50% }
`;
