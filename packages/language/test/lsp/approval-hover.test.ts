import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import type { Lang } from '../../src/i18n/index.js';
import { parseAllowedSigners } from '../../src/model/allowed-signers.js';
import { approvalMessage } from '../../src/model/approval-message.js';
import { createPoolServices } from '../../src/services/pool-module.js';
import { makeEd25519Key, SIGNING_AGREEMENT } from '../../../../test/support/signing.js';

/**
 * Hovering an approval says what the approval-signature check found about its signature (signed
 * and verified, signed but not verifiable, signed over an earlier text, a bad signature, or
 * unsigned), read from the model's one verdict; and the check, in the same services, agrees.
 * Keys and signatures are made by the real ssh-keygen.
 */

const AGREEMENT = SIGNING_AGREEMENT;

let folder: string;
let councilKey: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'pool-approval-hover-'));
    councilKey = makeEd25519Key(folder, 'council_key');
});

afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
});

interface Approval {
    readonly fingerprint: string;
    readonly approver?: string;
    readonly signature?: string;
}

const text = (body: string, approval: Approval) =>
    `${body}\napprovals {\n    council "${approval.approver ?? 'Chief Executive'}" 2026-12-03 fingerprint "${approval.fingerprint}"${
        approval.signature === undefined ? '' : ` signature "${approval.signature}"`
    }\n}\n`;

/** The text built and checked as the language server builds it, with these allowed signers (or none). */
async function open(content: string, signers: string | undefined, lang: Lang = 'en') {
    const { shared, Pool } = createPoolServices(EmptyFileSystem);
    Pool.pool.Settings.setLanguage(lang);
    const allowed = signers === undefined ? undefined : parseAllowedSigners(signers, 'allowed_signers');
    Pool.pool.AllowedSigners.set(() => allowed);
    const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(content, URI.parse('file:///work/gm.pool'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { Pool, document };
}

/** The hover over the approval's date, and the codes the checks found about the approval. */
async function hoverAndCodes(content: string, signers: string | undefined, lang: Lang = 'en'): Promise<{ hover: string; codes: string[] }> {
    const { Pool, document } = await open(content, signers, lang);
    const offset = content.indexOf('2026-12-03') + 2;
    const hover = await Pool.lsp.HoverProvider?.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset)
    });
    const value = hover && typeof hover.contents === 'object' && !Array.isArray(hover.contents) ? hover.contents.value : '';
    const codes = (document.diagnostics ?? []).map(diagnostic => String(diagnostic.code)).filter(code => code.startsWith('approval-'));
    return { hover: value, codes };
}

async function fingerprintOf(body: string): Promise<string> {
    const { Pool, document } = await open(body, undefined);
    return Pool.pool.ModelProvider.getModel(document).fingerprint;
}

/** A one-line signature of the council's approval of `fingerprint`, by ssh-keygen -Y sign. */
function sign(fingerprint: string, namespace = 'pool'): string {
    const message = approvalMessage({ fingerprint, partnerId: 'council', approver: 'Chief Executive', date: '2026-12-03' });
    const armoured = execFileSync('ssh-keygen', ['-Y', 'sign', '-n', namespace, '-f', path.join(folder, 'council_key')], {
        input: message,
        stdio: ['pipe', 'pipe', 'pipe']
    }).toString();
    return armoured
        .split('\n')
        .filter(line => line !== '' && !line.startsWith('-----'))
        .join('');
}

const key = () => `\`${councilKey.slice(0, 30)}…\``;

describe('hovering an approval says what its signature proves', () => {
    it('signed and verified: the key is allowed for the partner, and the approval covers the text', async () => {
        const fingerprint = await fingerprintOf(AGREEMENT);
        const result = await hoverAndCodes(text(AGREEMENT, { fingerprint, signature: sign(fingerprint) }), `council ${councilKey}\n`);
        expect(result).toEqual({
            hover: `Approved and signed by \`council\`, Chief Executive, on 2026-12-03: the signature verifies, made by a key \`allowed_signers\` allows to sign for \`council\` (${key()}), and the approval covers the text as it stands.`,
            codes: []
        });
    });

    it('signed over an earlier text: the signature verifies, but the approval is stale', async () => {
        const fingerprint = await fingerprintOf(AGREEMENT);
        const changed = AGREEMENT.replace('£50,000', '£50,001');
        const current = await fingerprintOf(changed);
        const result = await hoverAndCodes(text(changed, { fingerprint, signature: sign(fingerprint) }), `council ${councilKey}\n`);
        expect(result).toEqual({
            hover: `Approved and signed by \`council\`, Chief Executive, on 2026-12-03, with a key \`allowed_signers\` allows to sign for \`council\` (${key()}), but the signature is over an earlier version of the text: it does not cover the text as it stands (now \`${current.slice(0, 19)}…\`).`,
            codes: ['approval-stale']
        });
    });

    it('signed but not verifiable: no allowed-signers file, or a key it does not allow for the partner', async () => {
        const fingerprint = await fingerprintOf(AGREEMENT);
        const content = text(AGREEMENT, { fingerprint, signature: sign(fingerprint) });
        expect(await hoverAndCodes(content, undefined)).toEqual({
            hover: 'Approved and signed by `council`, Chief Executive, on 2026-12-03, but the signature cannot be verified: there is no allowed-signers file to check it against. The fingerprint it records is that of the text as it stands.',
            codes: ['approval-signature']
        });
        expect(await hoverAndCodes(content, `nhs ${councilKey}\n`)).toEqual({
            hover: `Approved and signed by \`council\`, Chief Executive, on 2026-12-03, but the signature cannot be verified: the key that made it (${key()}) is not one \`allowed_signers\` allows to sign for \`council\`. The fingerprint it records is that of the text as it stands.`,
            codes: ['approval-signature']
        });
    });

    it('a bad signature: moved to another role, or made for another namespace', async () => {
        const fingerprint = await fingerprintOf(AGREEMENT);
        const moved = await hoverAndCodes(text(AGREEMENT, { fingerprint, signature: sign(fingerprint), approver: 'Leader' }), `council ${councilKey}\n`);
        expect(moved).toEqual({
            hover: 'Approved by `council`, Leader, on 2026-12-03, with a bad signature: it was not made over this approval, so it proves nothing.',
            codes: ['approval-signature']
        });
        const git = await hoverAndCodes(text(AGREEMENT, { fingerprint, signature: sign(fingerprint, 'git') }), `council ${councilKey}\n`);
        expect(git).toEqual({
            hover: 'Approved by `council`, Chief Executive, on 2026-12-03, with a bad signature: it was made for another purpose than Pool approvals, so it proves nothing.',
            codes: ['approval-signature']
        });
    });

    it('unsigned, of the text as it stands or of an earlier one', async () => {
        const fingerprint = await fingerprintOf(AGREEMENT);
        expect(await hoverAndCodes(text(AGREEMENT, { fingerprint }), `council ${councilKey}\n`)).toEqual({
            hover: 'Approved by `council`, Chief Executive, on 2026-12-03: it covers the text as it stands. It is not signed, so nothing in the file proves who gave it.',
            codes: []
        });
        const changed = AGREEMENT.replace('£50,000', '£50,001');
        const current = await fingerprintOf(changed);
        expect(await hoverAndCodes(text(changed, { fingerprint }), undefined)).toEqual({
            hover: `Approved by \`council\`, Chief Executive, on 2026-12-03, for a version of the text that has since changed: it does not cover the text as it stands (now \`${current.slice(0, 19)}…\`). It is not signed.`,
            codes: ['approval-stale']
        });
    });

    it('says it in Welsh', async () => {
        const fingerprint = await fingerprintOf(AGREEMENT);
        const content = text(AGREEMENT, { fingerprint, signature: sign(fingerprint) });
        expect((await hoverAndCodes(content, `council ${councilKey}\n`, 'cy')).hover).toBe(
            `Cymeradwywyd a llofnodwyd gan \`council\`, Chief Executive, ar 2026-12-03: mae'r llofnod yn dilysu, wedi'i wneud gan allwedd y mae \`allowed_signers\` yn ei chaniatáu i lofnodi dros \`council\` (${key()}), ac mae'r gymeradwyaeth yn cwmpasu'r testun fel y mae.`
        );
        expect((await hoverAndCodes(content, undefined, 'cy')).hover).toMatch(
            /^Cymeradwywyd a llofnodwyd gan `council`, .* ni ellir dilysu'r llofnod: nid oes ffeil llofnodwyr/
        );
    });
});
