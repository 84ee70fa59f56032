import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOOL_VERSION } from '@pool/language';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { runPool, runPoolInProcess, runPoolInProcessIn } from '../../../test/support/cli.js';
import { REPO } from '../../../test/support/paths.js';
import { CLEAN_AGREEMENT, scratchFolder } from '../../../test/support/scratch.js';

const INVALID = 'examples/invalid';

describe('pool check --format sarif', () => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'test/data/sarif-2.1.0.schema.json'), 'utf8')));

    // The one test here that starts the built command: the formats' output as CI reads it from a real process.
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

    it('points each result at the file, line and column, relative to the root of the repository', async () => {
        const log = JSON.parse((await runPoolInProcess(['check', '--format', 'sarif', `${INVALID}/total-mismatch.pool`])).stdout);
        expect(log.runs[0].results[0]).toMatchObject({
            ruleId: 'total-mismatch',
            level: 'error',
            message: {
                text: 'contributions to care for 2013/14 sum to £150,000 but the total says £160,000: £10,000 short; see [council (Anytown Council) puts in £100,000](1) and [nhs (NHS Anytown Clinical Commissioning Group) puts in £50,000](2)'
            },
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

    it('links each rule to its documentation when told where it is published', async () => {
        const log = JSON.parse(
            (await runPoolInProcess(['check', '--format', 'sarif', '--help-base-uri', 'https://docs.test/pool/checks.md', `${INVALID}/total-mismatch.pool`]))
                .stdout
        );
        const rule = log.runs[0].tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'total-mismatch');
        expect(rule.helpUri).toBe('https://docs.test/pool/checks.md#total-mismatch');
        expect(validate(log)).toBe(true);
        expect((await runPoolInProcess(['check', '--format', 'sarif', '--help-base-uri', 'docs/checks.md', 'examples'])).status).toBe(2);
    });

    it('measures paths from the repository root wherever in it pool runs, and from the working folder outside a repository', async () => {
        const fromSubfolder = JSON.parse(
            (await runPoolInProcess(['check', '--format', 'sarif', 'invalid/total-mismatch.pool'], { cwd: path.join(REPO, 'examples') })).stdout
        );
        expect(fromSubfolder.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
            uri: 'examples/invalid/total-mismatch.pool',
            uriBaseId: '%SRCROOT%'
        });
        const outside = scratchFolder({ 'agreements/a.pool': readFileSync(path.join(REPO, INVALID, 'total-mismatch.pool'), 'utf8') });
        const log = JSON.parse((await runPoolInProcess(['check', '--format', 'sarif', 'agreements'], { cwd: outside })).stdout);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'agreements/a.pool', uriBaseId: '%SRCROOT%' });
        expect(log.runs[0].tool.driver.version).toBe(TOOL_VERSION);
    });

    it("links a result's message to its related locations, escaping brackets in agreement text", async () => {
        const log = JSON.parse((await runPoolInProcess(['check', '--format', 'sarif', `${INVALID}/total-mismatch.pool`])).stdout);
        const result = log.runs[0].results[0];
        expect(result.message.text).toBe(
            'contributions to care for 2013/14 sum to £150,000 but the total says £160,000: £10,000 short; see [council (Anytown Council) puts in £100,000](1) and [nhs (NHS Anytown Clinical Commissioning Group) puts in £50,000](2)'
        );
        expect(result.relatedLocations.map((related: { id: number }) => related.id)).toEqual([1, 2]);
        const welsh = JSON.parse((await runPoolInProcess(['check', '--lang', 'cy', '--format', 'sarif', `${INVALID}/total-mismatch.pool`])).stdout);
        expect(welsh.runs[0].results[0].message.text).toContain('; gweler [');
        const hostile = scratchFolder({
            'a.pool': CLEAN_AGREEMENT.replace('"Anytown Council"', '"Council [see](javascript:x) ]"').replace('£100 }', '£100  total £90 }')
        });
        const escaped = JSON.parse((await runPoolInProcess(['check', '--format', 'sarif', 'a.pool'], { cwd: hostile })).stdout);
        expect(validate(escaped)).toBe(true);
        expect(escaped.runs[0].results[0].message.text).toContain('see [council (Council \\[see\\](javascript:x) \\]) puts in £100](1)');
    });
});

describe('finding fingerprints (SARIF, GitLab Code Quality, JUnit names)', () => {
    /** Each finding's identity as the three formats give it, in output order. */
    async function identities(folder: string, file: string) {
        const run = async (format: string) => (await runPoolInProcessIn(folder, ['check', '--format', format, file])).stdout;
        const sarif = JSON.parse(await run('sarif'));
        const quality = JSON.parse(await run('codequality'));
        const junit = await run('junit');
        return {
            sarif: sarif.runs[0].results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints['poolFinding/v1']),
            lines: sarif.runs[0].results.map(
                (result: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => result.locations[0].physicalLocation.region.startLine
            ),
            quality: quality.map((issue: { fingerprint: string }) => issue.fingerprint),
            junit: [...junit.matchAll(/<testcase classname="[^"]*" name="([^"]*)"/g)].map(match => match[1])
        };
    }

    // Not those about approvals: any edit to an approved text is a finding of its own (approval-stale).
    const examples = readdirSync(path.join(REPO, INVALID)).filter(name => name.endsWith('.pool') && !name.startsWith('import-') && !/approv/.test(name));

    it('stay the same when lines are inserted anywhere above a finding, while the line numbers move', async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...examples), fc.nat(), fc.integer({ min: 1, max: 3 }), async (example, at, count) => {
                const text = readFileSync(path.join(REPO, INVALID, example), 'utf8');
                const before = await identities(scratchFolder({ [example]: text }), example);
                expect(before.sarif.length).toBeGreaterThan(0);
                // Lines are inserted above the first finding, where a line of its own is allowed.
                const lines = text.split('\n');
                const position = at % Math.max(1, Math.min(...before.lines));
                lines.splice(position, 0, ...Array.from({ length: count }, (_, index) => (index % 2 ? '' : '// a note added later')));
                const after = await identities(scratchFolder({ [example]: lines.join('\n') }), example);
                expect(after.sarif).toEqual(before.sarif);
                expect(after.quality).toEqual(before.quality);
                expect(after.junit).toEqual(before.junit);
                expect(after.lines).toEqual(before.lines.map((line: number) => line + count));
            }),
            { numRuns: 25, seed: 21 }
        );
    });

    it('tell apart findings of the same check on identical lines, and are the same in every language', async () => {
        const twice = CLEAN_AGREEMENT.replace('£100 }', '£100  total £90 }').replace(
            'pool p "P" aligned { 2013/14 { council £100  total £90 } }',
            'pool p "P" aligned { 2013/14 { council £100  total £90 } }\npool q "Q" aligned { 2013/14 { council £100  total £90 } }'
        );
        const folder = scratchFolder({ 'a.pool': twice });
        const english = await identities(folder, 'a.pool');
        expect(new Set(english.sarif).size).toBe(english.sarif.length);
        expect(english.junit.every(name => /^[a-z-]+ [0-9a-f]{12}$/.test(name ?? ''))).toBe(true);
        const welsh = JSON.parse((await runPoolInProcessIn(folder, ['check', '--lang', 'cy', '--format', 'codequality', 'a.pool'])).stdout);
        expect(welsh.map((issue: { fingerprint: string }) => issue.fingerprint)).toEqual(english.quality);
    });
});

describe('pool check --format codequality', () => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'test/data/gitlab-codequality.schema.json'), 'utf8')));

    it.each([[[INVALID]], [['--strict', INVALID]], [['examples']], [['test/fixtures/hostile/xml-names.pool']]])(
        'is valid against GitLab Code Quality report format for %j',
        async args => {
            const result = await runPoolInProcess(['check', '--format', 'codequality', ...args]);
            expect(result.stdout.charCodeAt(0)).not.toBe(0xfeff);
            const report = JSON.parse(result.stdout);
            expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        }
    );

    it('gives each finding its check, severity, path from the repository root and lines', async () => {
        const report = JSON.parse(
            (await runPoolInProcess(['check', '--format', 'codequality', `${INVALID}/total-mismatch.pool`, `${INVALID}/unused-partner.pool`], { cwd: REPO }))
                .stdout
        );
        expect(report).toMatchObject([
            { check_name: 'total-mismatch', severity: 'major', location: { path: `${INVALID}/total-mismatch.pool`, lines: { begin: 16, end: 16 } } },
            { check_name: 'unused-partner', severity: 'minor', location: { path: `${INVALID}/unused-partner.pool`, lines: { begin: 19, end: 19 } } }
        ]);
        const strict = JSON.parse((await runPoolInProcess(['check', '--strict', '--format', 'codequality', `${INVALID}/unused-partner.pool`])).stdout);
        expect(strict[0].severity).toBe('major');
        expect(JSON.parse((await runPoolInProcess(['check', '--format', 'codequality', 'examples'])).stdout)).toEqual([]);
    });
});

describe('pool check --format json', () => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'packages/cli/schema/check-json-1.schema.json'), 'utf8')));

    it.each([[[INVALID]], [['examples']], [['--quiet', INVALID]], [['test/fixtures/hostile/xml-names.pool']]])(
        'validates against its published schema for %j',
        async args => {
            const output = JSON.parse((await runPoolInProcess(['check', '--format', 'json', ...args])).stdout);
            expect(output.$schema).toBe('urn:pool:schema:check-json:1');
            expect(validate(output), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        }
    );
});

describe('pool check --format junit', () => {
    const schema = readFileSync(path.join(REPO, 'test/data/jenkins-junit.xsd'), 'utf8');

    it.each([[['check', '--format', 'junit', INVALID]], [['check', '--format', 'junit', '--strict', INVALID]], [['check', '--format', 'junit', 'examples']]])(
        '%j is valid against the JUnit XML schema',
        async args => {
            const xml = (await runPoolInProcess(args)).stdout;
            const result = await validateXML({ xml: [{ fileName: 'pool.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
            expect(result.errors).toEqual([]);
            expect(result.valid).toBe(true);
        }
    );

    it('fails an error, and a warning only under --strict', async () => {
        const plain = (await runPoolInProcess(['check', '--format', 'junit', `${INVALID}/unused-partner.pool`])).stdout;
        expect(plain).toContain('<testsuites name="pool check" tests="1" failures="0" errors="0">');
        expect(plain).not.toContain('<failure');
        const strict = (await runPoolInProcess(['check', '--format', 'junit', '--strict', `${INVALID}/unused-partner.pool`])).stdout;
        expect(strict).toContain('<failure type="unused-partner"');
        const clean = (await runPoolInProcess(['check', '--format', 'junit', 'examples/registers/essex.pool'])).stdout;
        expect(clean).toContain('<testcase classname="examples/registers/essex.pool" name="all checks passed"/>');
    });

    it('escapes agreement text in XML', async () => {
        const xml = (await runPoolInProcess(['check', '--format', 'junit', '--strict', 'test/fixtures/hostile/xml-names.pool'])).stdout;
        expect(xml).toContain('&lt;/failure&gt;&amp;');
        const result = await validateXML({ xml: [{ fileName: 'pool.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
        expect(result.valid).toBe(true);
    });
});

describe('pool check --format github', () => {
    it('prints one workflow command per diagnostic, then the summary', async () => {
        const result = await runPoolInProcess(['check', '--format', 'github', `${INVALID}/total-mismatch.pool`, `${INVALID}/unused-partner.pool`]);
        expect(result.stdout.split('\n')).toEqual([
            '::error file=examples/invalid/total-mismatch.pool,line=16,endLine=16,col=18,endColumn=26,title=pool total-mismatch::contributions to care for 2013/14 sum to £150,000 but the total says £160,000: £10,000 short',
            '::warning file=examples/invalid/unused-partner.pool,line=19,endLine=19,col=9,endColumn=13,title=pool unused-partner::partner fire (Anytown Fire and Rescue Service) is declared but takes no part in the agreement: it contributes, spends, measures and shares nothing',
            '2 files checked: 1 error and 1 warning in 2 files',
            ''
        ]);
        expect(result.status).toBe(1);
    });

    it('encodes characters that would end a command or turn into a new line', async () => {
        const lines = (await runPoolInProcess(['check', '--format', 'github', 'test/fixtures/hostile/xml-names.pool'])).stdout.split('\n');
        const warning = lines.find(line => line.startsWith('::warning'))!;
        expect(warning).toMatch(
            /^::warning file=test\/fixtures\/hostile\/xml-names\.pool,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=pool unused-partner::partner fire/
        );
        // A `%0A` written in the agreement must reach the log as text, not as a line break.
        expect(warning).toContain('::error:: %250A "100%25"');
        expect(lines).toHaveLength(4);
    });
});
