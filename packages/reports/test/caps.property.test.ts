import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../language/src/money/allocate.js';
import { formatMoney, penceToDecimalString } from '../../language/src/money/amount.js';
import { Rational } from '../../language/src/money/rational.js';
import { workspace } from '../../language/test/helpers.js';
import { buildReportData, documentDiagnostics } from '../src/report-data.js';
import { renderMarkdown } from '../src/markdown.js';

/**
 * Under an overspend share with caps, for any partners, contributions, percentages, caps and
 * overspend: each partner bears its share but no more than its cap, what the caps cut off is
 * uncovered, the parts and the uncovered part make the overspend to the penny, and every figure a
 * check's message names is the figure the report (and a partner's statement) prints.
 */

const pounds = (pence: bigint) => formatMoney(pence);

const scenario = fc.record({
    contributions: fc.array(fc.bigInt({ min: 1n, max: 500_000_000n }), { minLength: 2, maxLength: 5 }),
    weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 5, maxLength: 5 }),
    caps: fc.array(fc.option(fc.bigInt({ min: 0n, max: 300_000_000n }), { nil: undefined }), { minLength: 5, maxLength: 5 }),
    overspend: fc.bigInt({ min: 1n, max: 900_000_000n }),
    proRata: fc.boolean()
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function agreement(s: Scenario): { text: string; ids: string[]; hundredths: bigint[] } {
    const ids = s.contributions.map((_, index) => `p${index}`);
    // Percentages with two decimals that make exactly 100%.
    const hundredths = allocate(
        10_000n,
        ids.map((_, index) => Rational.of(s.weights[index]))
    );
    const lines = ids
        .map((id, index) => {
            const cap = s.caps[index];
            const percent = s.proRata ? '' : `${penceToDecimalString(hundredths[index])}%`;
            return cap === undefined && s.proRata ? undefined : `    ${id} ${percent}${cap === undefined ? '' : ` up to ${pounds(cap)}`}`;
        })
        .filter(line => line !== undefined);
    const text = `agreement "Capped" {
    period 2013/14 to 2013/14
    host p0
}
${ids.map(id => `partner ${id} "Partner ${id}" council`).join('\n')}
pool fund "Fund" aligned {
    2013/14 {
${ids.map((id, index) => `        ${id} ${pounds(s.contributions[index])}`).join('\n')}
    }
}
share overspend of fund covering ${pounds(s.overspend)}${s.proRata ? ' pro rata to contributions' : ''} {
${lines.join('\n')}
}
`;
    return { text, ids, hundredths };
}

const MONEY = /£[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]{2})?/g;

describe('caps hold for every overspend', () => {
    it('parts and the uncovered part make the overspend, no partner bears more than its cap, and checks and report agree to the penny', async () => {
        await fc.assert(
            fc.asyncProperty(scenario, async s => {
                const { text } = agreement(s);
                const ws = await workspace({ 'capped.pool': text });
                const model = ws.model('capped.pool');
                const share = model.shares[0];
                expect(share.liabilities, text).toBeDefined();
                const { byLine, capped, uncovered } = share.liabilities!;
                expect(byLine.reduce((a, b) => a + b, 0n) + uncovered).toBe(s.overspend);
                expect(uncovered >= 0n).toBe(true);
                share.lines.forEach((line, index) => {
                    const cap = line.cap?.pence;
                    const part = share.pounds!.byLine[index];
                    if (cap !== undefined) expect(byLine[index] <= cap).toBe(true);
                    expect(byLine[index]).toBe(cap !== undefined && part > cap ? cap : part);
                    expect(capped[index]).toBe(cap !== undefined && part > cap);
                });

                const data = buildReportData(model, documentDiagnostics(model), { toolVersion: 'test' });
                const reported = data.shares[0];
                expect(reported.uncovered).toBe(penceToDecimalString(uncovered));
                // Each partner's statement bears what the share table says it bears.
                for (const [index, line] of reported.lines.entries()) {
                    const statement = data.statements.find(entry => entry.partner === line.partner)!;
                    expect(statement.totalBorne).toBe(line.borne);
                    expect(line.borne).toBe(penceToDecimalString(byLine[index]));
                }
                // Every amount a check names is one the report prints.
                const printed = new Set(
                    [
                        reported.uncovered,
                        reported.covering,
                        ...reported.lines.flatMap(line => [line.amount, line.cap, line.borne]),
                        ...data.pools[0].byPartner.map(entry => entry.amount)
                    ]
                        .filter(value => value !== null)
                        .map(value => pounds(BigInt(value.replace('.', ''))))
                );
                for (const diagnostic of data.diagnostics.filter(entry => entry.code === 'risk-cap-exceeded' || entry.code === 'liability-over-contribution')) {
                    for (const figure of diagnostic.message.match(MONEY) ?? []) {
                        expect(printed, `${diagnostic.code}: ${diagnostic.message}`).toContain(figure);
                    }
                }
                expect(data.diagnostics.some(entry => entry.code === 'risk-cap-exceeded')).toBe(uncovered > 0n);
            }),
            {
                numRuns: 150,
                // Five partners all over their caps: the list of them in the message once went past the
                // 200 characters a quoted name is cut at, and was cut inside a figure ("cap £1,…").
                examples: [
                    [
                        {
                            contributions: [253294622n, 69249321n, 371928100n, 185764899n, 356087392n],
                            weights: [999, 811, 3, 339, 497],
                            caps: [152046321n, 7n, 146252187n, 37121893n, 145923140n],
                            overspend: 755808385n,
                            proRata: true
                        }
                    ]
                ],
                // Each run builds a workspace: a failure's shrinking stops here rather than running on for an hour.
                plugins: [fc.interruptAfterTimeLimit(100_000)]
            }
        );
    }, 120_000);

    it('the worked example splits £1,000,000 as the overspend is split: parts, caps and the uncovered part add up to it, and the report prints each', async () => {
        await fc.assert(
            fc.asyncProperty(scenario, async s => {
                const { text } = agreement({ ...s, overspend: 100_000_000n });
                const ws = await workspace({ 'capped.pool': text });
                const share = ws.model('capped.pool').shares[0];
                const example = share.example!;
                expect(example.pence).toBe(100_000_000n);
                // The same splitting code as the amount shared: with an overspend of £1,000,000 the two are the same figures.
                expect(example.byLine).toEqual(share.pounds!.byLine);
                expect(example.liabilities).toEqual(share.liabilities);
                expect(example.byLine.reduce((a, b) => a + b, 0n) + example.reinvested).toBe(example.pence);
                const { byLine, uncovered } = example.liabilities!;
                expect(byLine.reduce((a, b) => a + b, 0n) + uncovered).toBe(example.pence);
                share.lines.forEach((line, index) => {
                    if (line.cap?.pence !== undefined) expect(byLine[index] <= line.cap.pence).toBe(true);
                });
                const data = buildReportData(ws.model('capped.pool'), [], { toolVersion: 'test' });
                const markdown = renderMarkdown(data);
                for (const part of [...byLine, uncovered]) expect(markdown).toContain(pounds(part));
            }),
            { numRuns: 60 }
        );
    }, 120_000);
});
