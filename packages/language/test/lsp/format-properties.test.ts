import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { formatPoolDocument } from '../../src/lsp/pool-formatter.js';
import { Rational } from '../../src/money/rational.js';
import type { AgreementModel } from '../../src/model/types.js';
import { REPO, workspace } from '../helpers.js';

/**
 * What must hold for every file, not just the formatting fixtures: every example and every check
 * fixture of the repository is formatted, and
 * - what it means is unchanged: the computed model (every pool, year, partner, amount in pence,
 *   share, outcome and saving) and the checks' findings are the same before and after;
 * - formatting the result again changes nothing;
 * - a file with syntax errors is left exactly as it was.
 */

/** The model as plain data, without syntax nodes, positions, amounts' spelling or the text's fingerprint. */
function canonical(value: unknown): unknown {
    if (typeof value === 'bigint') return `${value}p`;
    if (value instanceof Rational) return value.toString();
    if (value instanceof Map) return [...value.entries()].map(([key, item]) => [canonical(key), canonical(item)]);
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
        if ('$type' in value || 'parseResult' in value) return undefined;
        return Object.fromEntries(
            Object.entries(value)
                .filter(
                    ([key]) =>
                        ![
                            'node',
                            'document',
                            'documents',
                            'cycle',
                            'uri',
                            'text',
                            'fingerprint',
                            'periodNode',
                            'directionNode',
                            'agreementNodes',
                            'fieldsByKeyword'
                        ].includes(key)
                )
                .map(([key, item]) => [key, canonical(item)])
        );
    }
    return value;
}

function dump(model: AgreementModel): string {
    return JSON.stringify(canonical(model), undefined, 1);
}

const files = (await glob(['examples/**/*.pool', 'test/fixtures/**/*.pool'], { cwd: REPO, absolute: true })).sort();
const original = Object.fromEntries(files.map(file => [file, readFileSync(file, 'utf8')]));

describe('formatting every example and fixture', async () => {
    const before = await workspace(original, 'disk');
    const formatted = Object.fromEntries(files.map(file => [file, formatPoolDocument(before.services, before.document(file))]));
    const after = await workspace(Object.fromEntries(files.map(file => [file, formatted[file].text])), 'disk');
    const twice = Object.fromEntries(files.map(file => [file, formatPoolDocument(after.services, after.document(file))]));

    it('found the files, and formatting changes some of them', () => {
        expect(files.length).toBeGreaterThan(60);
        expect(files.filter(file => formatted[file].text !== original[file]).length).toBeGreaterThan(5);
    });

    it.each(files.map(file => path.relative(REPO, file)))('%s keeps its meaning, and formatting it again changes nothing', relative => {
        const file = path.join(REPO, relative);
        const hasSyntaxErrors = before.codes(file).some(code => code.startsWith('syntax-error@'));
        if (hasSyntaxErrors) {
            expect(formatted[file].skipped).toMatch(/syntax errors/);
            expect(formatted[file].text).toBe(original[file]);
            expect(formatted[file].edits).toEqual([]);
            return;
        }
        if (before.model(file).approvals.some(approval => !approval.stale)) {
            // Partners approved this exact text: formatting it would make their approvals stale, so
            // it is left alone (unless it is laid out as the formatter would already).
            if (formatted[file].edits.length > 0 || formatted[file].skipped !== undefined)
                expect(formatted[file].skipped).toMatch(/approved its text as it stands/);
            expect(formatted[file].text).toBe(original[file]);
            return;
        }
        expect(formatted[file].skipped).toBeUndefined();
        expect(dump(after.model(file))).toBe(dump(before.model(file)));
        const codes = (ws: typeof before) =>
            ws
                .codes(file)
                .map(code => code.replace(/@.*$/, ''))
                .sort();
        expect(codes(after)).toEqual(codes(before));
        expect(twice[file].text).toBe(formatted[file].text);
        expect(twice[file].edits).toEqual([]);
    });
});

describe('line endings', () => {
    it('keeps Windows line endings and gives the same layout', async () => {
        const file = path.join(REPO, 'examples/better-care-fund.pool');
        const lf = readFileSync(file, 'utf8');
        const crlf = lf.replace(/\n/g, '\r\n');
        const ws = await workspace({ 'lf.pool': lf, 'crlf.pool': crlf });
        const fromLf = formatPoolDocument(ws.services, ws.document('lf.pool')).text;
        const fromCrlf = formatPoolDocument(ws.services, ws.document('crlf.pool')).text;
        expect(fromCrlf).toBe(fromLf.replace(/\n/g, '\r\n'));
        expect(fromCrlf.replace(/\r\n/g, '')).not.toContain('\n');
    });
});

describe('approved text', () => {
    // Laid out untidily on purpose: formatting would change it.
    const AGREEMENT = `agreement "Test" {
  period 2013/14 to 2013/14
  host council
}
import "register.pool"
partner council "Anytown Council" council
pool care "Care" aligned {
  2013/14 { council £1200  nhs £1 }
}
`;
    const REGISTER = 'partner   nhs "NHS Anytown CCG" health\n';
    const approvals = (fingerprint: string) => `approvals {\n    council    "Director of Finance"   2013-03-28   fingerprint "${fingerprint}"\n}\n`;

    /** The agreement with an approval of its text as it stands (approvals blocks are not part of the fingerprint). */
    async function approvedWorkspace(approvalsBlock = approvals) {
        const draft = await workspace({ 'agreement.pool': AGREEMENT + approvalsBlock('sha256:'), 'register.pool': REGISTER });
        const current = draft.model('agreement.pool').fingerprint;
        return workspace({ 'agreement.pool': AGREEMENT + approvalsBlock(current), 'register.pool': REGISTER });
    }

    it('leaves an agreement alone when partners approved its text as it stands', async () => {
        const ws = await approvedWorkspace();
        const result = formatPoolDocument(ws.services, ws.document('agreement.pool'));
        expect(result.skipped).toBe(
            'partners have approved its text as it stands (the approvals in this file), and formatting would change the text they approved'
        );
        expect(result.edits).toEqual([]);
    });

    it('leaves a register alone when an agreement importing it is approved as it stands', async () => {
        const ws = await approvedWorkspace();
        const result = formatPoolDocument(ws.services, ws.document('register.pool'));
        expect(result.skipped).toBe(
            'partners have approved its text as it stands (the approvals in agreement.pool), and formatting would change the text they approved'
        );
    });

    it('still lays out the approvals block itself, which the fingerprint leaves out, and the approvals stay current', async () => {
        // Only the approvals block is untidy here: the rest is as the formatter would leave it.
        const plain = await workspace({ 'a.pool': AGREEMENT, 'register.pool': REGISTER });
        const formattedAgreement = formatPoolDocument(plain.services, plain.document('a.pool')).text;
        const draft = await workspace({ 'agreement.pool': formattedAgreement + approvals('sha256:'), 'register.pool': REGISTER });
        const current = draft.model('agreement.pool').fingerprint;
        const approved = await workspace({
            'agreement.pool': `${formattedAgreement}approvals {\n  council "Director of Finance"    2013-03-28 fingerprint "${current}"\n}\n`,
            'register.pool': REGISTER
        });
        const result = formatPoolDocument(approved.services, approved.document('agreement.pool'));
        expect(result.skipped).toBeUndefined();
        expect(result.text).toBe(`${formattedAgreement}approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "${current}"\n}\n`);
        const after = await workspace({ 'agreement.pool': result.text, 'register.pool': REGISTER });
        expect(after.model('agreement.pool').approvals.map(approval => approval.stale)).toEqual([false]);
    });

    it('formats an agreement whose approvals are already stale', async () => {
        const ws = await workspace({ 'agreement.pool': AGREEMENT + approvals(`sha256:${'0'.repeat(64)}`), 'register.pool': REGISTER });
        const result = formatPoolDocument(ws.services, ws.document('agreement.pool'));
        expect(result.skipped).toBeUndefined();
        expect(result.text).toContain('    2013/14 { council £1,200  nhs £1 }\n');
    });
});
