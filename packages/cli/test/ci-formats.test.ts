import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { runPool } from '../../../test/support/cli.js';
import { REPO } from '../../../test/support/paths.js';

const INVALID = 'examples/invalid';

describe('pool check --format sarif', () => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'test/data/sarif-2.1.0.schema.json'), 'utf8')));

    it('is valid SARIF 2.1.0 for every invalid example, with rules named after the check codes', () => {
        const result = runPool(['check', '--format', 'sarif', INVALID]);
        expect(result.status).toBe(1);
        const log = JSON.parse(result.stdout);
        const valid = validate(log);
        expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
        expect(valid).toBe(true);
        const run = log.runs[0];
        const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
        for (const result of run.results) {
            expect(ruleIds).toContain(result.ruleId);
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
        }
        expect(run.results.map((result: { ruleId: string }) => result.ruleId)).toEqual(
            expect.arrayContaining(['total-mismatch', 'unused-partner', 'import-cycle'])
        );
    });

    it('points each result at the file, line and column, relative to where pool ran', () => {
        const log = JSON.parse(runPool(['check', '--format', 'sarif', `${INVALID}/total-mismatch.pool`]).stdout);
        expect(log.runs[0].results[0]).toMatchObject({
            ruleId: 'total-mismatch',
            level: 'error',
            message: { text: 'contributions to care for 2013/14 sum to £150,000 but the total says £160,000: £10,000 short' },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: `${INVALID}/total-mismatch.pool`, uriBaseId: '%SRCROOT%' },
                        region: { startLine: 16, startColumn: 18, endLine: 16, endColumn: 26 }
                    }
                }
            ]
        });
    });

    it('links each rule to its documentation when told where it is published', () => {
        const log = JSON.parse(
            runPool(['check', '--format', 'sarif', '--help-base-uri', 'https://docs.test/pool/checks.md', `${INVALID}/total-mismatch.pool`]).stdout
        );
        const rule = log.runs[0].tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'total-mismatch');
        expect(rule.helpUri).toBe('https://docs.test/pool/checks.md#total-mismatch');
        expect(validate(log)).toBe(true);
        expect(runPool(['check', '--format', 'sarif', '--help-base-uri', 'docs/checks.md', 'examples']).status).toBe(2);
    });
});

describe('pool check --format junit', () => {
    const schema = readFileSync(path.join(REPO, 'test/data/jenkins-junit.xsd'), 'utf8');

    it.each([[['check', '--format', 'junit', INVALID]], [['check', '--format', 'junit', '--strict', INVALID]], [['check', '--format', 'junit', 'examples']]])(
        '%j is valid against the JUnit XML schema',
        async args => {
            const xml = runPool(args).stdout;
            const result = await validateXML({ xml: [{ fileName: 'pool.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
            expect(result.errors).toEqual([]);
            expect(result.valid).toBe(true);
        }
    );

    it('fails an error, and a warning only under --strict', () => {
        const plain = runPool(['check', '--format', 'junit', `${INVALID}/unused-partner.pool`]).stdout;
        expect(plain).toContain('<testsuites name="pool check" tests="1" failures="0" errors="0">');
        expect(plain).not.toContain('<failure');
        const strict = runPool(['check', '--format', 'junit', '--strict', `${INVALID}/unused-partner.pool`]).stdout;
        expect(strict).toContain('<failure type="unused-partner"');
        const clean = runPool(['check', '--format', 'junit', 'examples/registers/essex.pool']).stdout;
        expect(clean).toContain('<testcase classname="examples/registers/essex.pool" name="all checks passed"/>');
    });

    it('escapes agreement text in XML', async () => {
        const xml = runPool(['check', '--format', 'junit', '--strict', 'test/fixtures/hostile/xml-names.pool']).stdout;
        expect(xml).toContain('&lt;/failure&gt;&amp;');
        const result = await validateXML({ xml: [{ fileName: 'pool.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
        expect(result.valid).toBe(true);
    });
});

describe('pool check --format github', () => {
    it('prints one workflow command per diagnostic, then the summary', () => {
        const result = runPool(['check', '--format', 'github', `${INVALID}/total-mismatch.pool`, `${INVALID}/unused-partner.pool`]);
        expect(result.stdout.split('\n')).toEqual([
            '::error file=examples/invalid/total-mismatch.pool,line=16,endLine=16,col=18,endColumn=26,title=pool total-mismatch::contributions to care for 2013/14 sum to £150,000 but the total says £160,000: £10,000 short',
            '::warning file=examples/invalid/unused-partner.pool,line=19,endLine=19,col=9,endColumn=13,title=pool unused-partner::partner fire (Anytown Fire and Rescue Service) is declared but takes no part in the agreement: it contributes, spends, measures and shares nothing',
            '2 files checked: 1 error and 1 warning in 2 files',
            ''
        ]);
        expect(result.status).toBe(1);
    });

    it('encodes characters that would end a command or turn into a new line', () => {
        const lines = runPool(['check', '--format', 'github', 'test/fixtures/hostile/xml-names.pool']).stdout.split('\n');
        const warning = lines.find(line => line.startsWith('::warning'))!;
        expect(warning).toMatch(
            /^::warning file=test\/fixtures\/hostile\/xml-names\.pool,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=pool unused-partner::partner fire/
        );
        // A `%0A` written in the agreement must reach the log as text, not as a line break.
        expect(warning).toContain('::error:: %250A "100%25"');
        expect(lines).toHaveLength(4);
    });
});
