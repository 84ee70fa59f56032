import { describe, expect, it } from 'vitest';
import { HEADER, workspace } from './helpers.js';

const TEXT = `${HEADER}pool care "Care pot" pooled { 2013/14 { council £100  nhs £50 } }
`;

async function fingerprint(text: string): Promise<string> {
    return (await workspace({ 'main.pool': text })).model('main.pool').fingerprint;
}

describe('the fingerprint approvals record', () => {
    it('stays the same when an approvals block is added, with the blank line before it and the line break after it', async () => {
        const before = await fingerprint(TEXT);
        const block = `approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "${before}"\n}\n`;
        expect(await fingerprint(`${TEXT}\n${block}`)).toBe(before);
        expect(await fingerprint(`${TEXT}${block}`)).toBe(before);
        expect(await fingerprint(TEXT.replace('pool care', `${block}\npool care`))).toBe(before);
    });

    it('ignores blank lines, line endings and spaces at the ends of lines, but not a change inside a line', async () => {
        const before = await fingerprint(TEXT);
        expect(await fingerprint(`\n\n${TEXT.replace(/\n/g, '  \r\n')}\n\n\n`)).toBe(before);
        expect(await fingerprint(TEXT.replace('pool care', '\n\n\npool care'))).toBe(before);
        expect(await fingerprint(TEXT.replace('council £100', 'council  £100'))).not.toBe(before);
        expect(await fingerprint(TEXT.replace('Care pot', 'Care  pot'))).not.toBe(before);
        expect(await fingerprint(`// a note\n${TEXT}`)).not.toBe(before);
    });
});
