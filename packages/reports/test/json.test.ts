import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runPool } from '../../../test/support/cli.js';
import { REPO } from '../../../test/support/paths.js';
import { scratchFolder } from '../../../test/support/scratch.js';
import { pence } from '../src/format.js';
import type { ReportData } from '../src/index.js';

const SCHEMA_FILE = path.join(REPO, 'packages/reports/schema/agreement-json-4.schema.json');

function validator() {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    return ajv.compile<ReportData>(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

const sum = (amounts: readonly (string | null)[]) => amounts.reduce((total, amount) => total + pence(amount!), 0n);

describe('pool generate json', () => {
    const validate = validator();

    it('gives JSON that the published schema accepts for every example, valid and invalid', () => {
        const out = scratchFolder({});
        const result = runPool(['generate', 'json', 'examples', '-o', out]);
        expect(result.stderr).toMatch(/wrote \d+ JSON files/);
        // examples/ holds examples/invalid too (pool check skips it through .poolignore; so does this).
        const invalid = scratchFolder({});
        expect(runPool(['generate', 'json', 'examples/invalid', '-o', invalid]).status).toBe(1);
        const files = [
            'better-care-fund',
            'essex-whole-place',
            'neighbourhood-budget',
            'troubled-families',
            'registers/essex',
            'registers/greater-manchester'
        ].map(name => path.join(out, `${name}.json`));
        const invalidFiles = readdirSync(invalid, { recursive: true, encoding: 'utf8' })
            .filter(name => name.endsWith('.json'))
            .map(name => path.join(invalid, name));
        expect(invalidFiles.length).toBe(
            readdirSync(path.join(REPO, 'examples/invalid'), { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.pool')).length
        );
        for (const file of [...files, ...invalidFiles]) {
            const data = JSON.parse(readFileSync(file, 'utf8'));
            expect(validate(data), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
            expect(data.$schema).toBe('urn:pool:schema:agreement-json:4');
        }
    });

    it('gives valid JSON for declarations a syntax error cut short: a partner without its kind has kind null', () => {
        const result = runPool(['generate', 'json', 'test/fixtures/hostile/cut-short.pool']);
        expect(result.status, result.stderr).toBe(1);
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
        const data = JSON.parse(result.stdout);
        expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        expect(data.partners.find((partner: { id: string }) => partner.id === 'police')).toMatchObject({ name: 'Anytown Police', kind: null });
        expect(data.diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).not.toContain('internal-error');
    });

    it('publishes a schema whose $id is the one every output names', () => {
        const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
        expect(schema.$id).toBe('urn:pool:schema:agreement-json:4');
        expect(schema.properties.$schema.const).toBe(schema.$id);
    });

    it('rejects what is not the agreement JSON: an amount as a number, a missing total', () => {
        const data = JSON.parse(runPool(['generate', 'json', 'examples/troubled-families.pool']).stdout);
        expect(validate(data)).toBe(true);
        expect(validate({ ...data, totals: { ...data.totals, income: 6150000 } })).toBe(false);
        const { totals: _totals, ...withoutTotals } = data;
        expect(validate(withoutTotals)).toBe(false);
    });

    it('carries every computed figure of the Troubled Families agreement, exactly', () => {
        const result = runPool(['generate', 'json', 'examples/troubled-families.pool']);
        expect(result.status).toBe(0);
        const data = JSON.parse(result.stdout) as ReportData;
        expect(data.totals.income).toBe('6150000.00');
        expect(data.totals.byYear).toEqual([
            { year: '2013/14', amount: '2200000.00' },
            { year: '2014/15', amount: '2100000.00' },
            { year: '2015/16', amount: '1850000.00' }
        ]);
        expect(data.totals.byPartner.find(entry => entry.partner === 'manchester')?.amount).toBe('3250000.00');
        const families = data.pools.find(pool => pool.id === 'families')!;
        expect(families.years[0].spend).toBe('2200000.00');
        expect(families.years[0].balance).toBe('0.00');
        const savings = data.savings.find(entry => entry.pool === 'families')!;
        expect(savings).toMatchObject({
            total: '8900000.00',
            investment: '6150000.00',
            netBenefit: '2750000.00',
            paybackYear: '2016/17',
            returnPerPound: '1.45'
        });
        const shares = data.shares.find(share => share.kind === 'savings')!;
        expect(shares.lines.map(line => [line.partner, line.percent, line.amount])).toEqual([
            ['manchester', '40', '3560000.00'],
            ['gmp', '20', '1780000.00'],
            ['ccg', '15', '1335000.00'],
            ['dwp', '15', '1335000.00']
        ]);
        expect(shares.reinvest).toEqual({ percent: '10', amount: '890000.00' });
        const partner = data.partners.find(entry => entry.id === 'manchester')!;
        expect(partner.source).toEqual({ file: 'troubled-families.pool', start: { line: 17, column: 1 }, end: { line: 17, column: 66 } });
        expect(data.partners.find(entry => entry.id === 'gmp')!.source!.file).toBe('registers/greater-manchester.pool');
        expect(data.fingerprint.files.map(file => file.file)).toEqual(['troubled-families.pool', 'registers/greater-manchester.pool']);
        expect(data.verdict).toEqual({ errors: 0, warnings: 0, passed: true });
    });

    it('gives statements that add up across partners to the agreement totals, for every example', () => {
        for (const name of ['better-care-fund', 'essex-whole-place', 'neighbourhood-budget', 'troubled-families']) {
            const data = JSON.parse(runPool(['generate', 'json', `examples/${name}.pool`]).stdout) as ReportData;
            expect(sum(data.statements.map(statement => statement.totalContributed)), name).toBe(pence(data.totals.income!));
            for (const year of data.totals.byYear) {
                expect(
                    sum(data.statements.flatMap(statement => statement.contributions.filter(entry => entry.year === year.year).map(entry => entry.amount))),
                    `${name} ${year.year}`
                ).toBe(pence(year.amount!));
            }
            for (const share of data.shares.filter(entry => entry.base !== null && entry.lines.every(line => line.amount !== null))) {
                const partnersPart = sum(
                    data.statements.flatMap(statement =>
                        statement.shares.filter(entry => entry.kind === share.kind && entry.subject === share.subject!.id).map(entry => entry.amount)
                    )
                );
                expect(partnersPart + (share.reinvest?.amount ? pence(share.reinvest.amount) : 0n), `${name} ${share.kind}`).toBe(pence(share.base!.amount!));
            }
        }
    });

    it('lists each diagnostic with its code and place, and exits 1 when there are errors', () => {
        const result = runPool(['generate', 'json', 'examples/invalid/total-mismatch.pool']);
        expect(result.status).toBe(1);
        const data = JSON.parse(result.stdout) as ReportData;
        expect(data.verdict.passed).toBe(false);
        expect(data.diagnostics).toContainEqual(
            expect.objectContaining({
                file: 'total-mismatch.pool',
                severity: 'error',
                code: 'total-mismatch',
                range: { start: { line: 16, column: 18 }, end: { line: 16, column: 26 } }
            })
        );
    });
});
