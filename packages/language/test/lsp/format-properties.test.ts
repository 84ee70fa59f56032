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

/** The model as plain data, without syntax nodes, positions or amounts' spelling. */
function canonical(value: unknown): unknown {
    if (typeof value === 'bigint') return `${value}p`;
    if (value instanceof Rational) return value.toString();
    if (value instanceof Map) return [...value.entries()].map(([key, item]) => [canonical(key), canonical(item)]);
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
        if ('$type' in value || 'parseResult' in value) return undefined;
        return Object.fromEntries(Object.entries(value)
            .filter(([key]) => !['node', 'document', 'documents', 'cycle', 'uri', 'text', 'periodNode', 'directionNode', 'agreementNodes', 'fieldsByKeyword'].includes(key))
            .map(([key, item]) => [key, canonical(item)]));
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
        expect(formatted[file].skipped).toBeUndefined();
        expect(dump(after.model(file))).toBe(dump(before.model(file)));
        const codes = (ws: typeof before) => ws.codes(file).map(code => code.replace(/@.*$/, '')).sort();
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
