import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, word } from '../../language/src/i18n/index.js';
import { formatMoney } from '../../language/src/money/amount.js';
import { yearLabel } from '../../language/src/money/financial-year.js';
import { Rational } from '../../language/src/money/rational.js';
import type { AgreementModel } from '../../language/src/model/types.js';
import { buildReportData, renderHtml, renderMarkdown } from '../src/index.js';
import { formatCount, formatPercentText } from '../src/format.js';
import { reportText } from '../src/strings.js';
import { renderPdf } from '../src/pdf/index.js';
import { ORIGINAL, model } from './corpus.js';
import { structureOf } from './pdf-structure.js';

/**
 * Every field of the semantic model must reach every report. The test walks the model of each
 * agreement of the examples and the check fixtures, field by field, formats each value as the
 * report formats it (money as `£1,200,000`, a year as `2013/14`, a partner by its name, a
 * percentage as `40%`) and requires it in the Markdown, the HTML and the text of the PDF.
 *
 * A field is found by its path (`pools[].years{}.spend`: `[]` an element of a list, `{}` a value
 * of a map). A path with no rule below fails the test, so a field added to the model without a
 * line in the report, or without a reason here why it is left out, is caught.
 */

type Value = unknown;
interface Context {
    readonly model: AgreementModel;
    /** The object that holds the value. */
    readonly parent: Record<string, unknown>;
}
/** How a value reads in the report: one text to find, or several (any one will do), or none (nothing to print, as for a value not there). */
type Printed = string | readonly string[] | undefined;
type Rule = { readonly printed: (value: Value, context: Context) => Printed } | { readonly notPrinted: string };

const money = (value: Value, { model: subject }: Context): Printed =>
    typeof value === 'bigint' ? formatMoney(value, { currency: subject.currency }) : undefined;
const amount = (value: Value, context: Context): Printed => money((value as { pence?: bigint }).pence, context);
const year = (value: Value): Printed => (typeof value === 'number' ? yearLabel(value) : undefined);
const yearValue = (value: Value): Printed => {
    const { start, parsed } = value as { start?: number; parsed: { text: string } };
    return start === undefined ? parsed.text : yearLabel(start);
};
const text = (value: Value): Printed => (typeof value === 'string' ? value : undefined);
const partner = (value: Value, { model: subject }: Context): Printed => (typeof value === 'string' ? (subject.partners.get(value)?.name ?? value) : undefined);
const pool = (value: Value, { model: subject }: Context): Printed => (typeof value === 'string' ? (subject.poolsById.get(value)?.title ?? value) : undefined);
const percent = (value: Value): Printed => (value instanceof Rational ? formatPercentText(value.toDecimal(4)) : undefined);
const count = (value: Value): Printed => (value instanceof Rational ? formatCount(value.toDecimal(4), '') : undefined);
const quantity = (value: Value): Printed => (value instanceof Rational ? [formatCount(value.toDecimal(4), ''), value.toDecimal(4)] : undefined);
const TEXT = reportText('en');
/** A word of the language's catalogue for a keyword (`word.kind.health`), as the report prints it. */
const keyword = (prefix: 'kind' | 'status' | 'arrangement') => (value: Value) =>
    typeof value === 'string' ? word(`word.${prefix}.${value}` as Parameters<typeof word>[0], 'en') : undefined;
const printed = (print: (value: Value, context: Context) => Printed): Rule => ({ printed: print });
const notPrinted = (reason: string): Rule => ({ notPrinted: reason });

/** The rules, by path. A value of a type with a default rule (money, amounts, years, messages) needs a line here only to be left out. */
const RULES: Record<string, Rule> = {
    // What identifies the model, not the agreement: the syntax, the files, and indexes of what is printed elsewhere.
    document: notPrinted('the syntax tree: the report prints what the model reads from it'),
    documents: notPrinted('the files read: printed with their fingerprints (the fingerprint section), from the report record'),
    agreementNodes: notPrinted('the syntax of each header: a second header is an error, printed in the checks section'),
    'imports[].uri': notPrinted('the import as a URI: the report prints its file name relative to the agreement'),
    'imports[].status': notPrinted('an import that could not be read is an error, printed in the checks section'),
    'imports[].cycle': notPrinted('an import cycle is an error, printed in the checks section'),
    importsUnread: notPrinted('an unread import is an error, printed in the checks section'),
    declarations: notPrinted('an index of declarations for duplicate-declaration and the editor; each declaration is printed in its own section'),
    poolsById: notPrinted('an index of pools, each printed from pools[]'),
    outcomesById: notPrinted('an index of outcomes, each printed from outcomes[]'),
    unitCostsById: notPrinted('an index of unit costs, each printed from unitCosts[]'),
    partnerUses: notPrinted('an index of the places a partner is named, for the editor (find references, rename)'),
    amounts: notPrinted('every amount as read, for the bad-amount check: each is printed where it is written'),
    years: notPrinted('every year as read, for the bad-financial-year check: each is printed where it is written'),
    allowedSigners: notPrinted('the keys trusted to sign: the report prints whether each signature verifies, not the keys'),
    'agreement.fieldsByKeyword': notPrinted('header fields by keyword, to find one written twice (a check)'),
    'outcomes[].fieldsByKeyword': notPrinted('outcome fields by keyword, to find one written twice or missing (a check)'),
    currency: printed(text),
    fingerprint: printed(text),

    'agreement.title': printed(text),
    'agreement.reference': printed(text),
    'agreement.status': printed(keyword('status')),
    'agreement.version': printed(text),
    'agreement.period.first': printed(year),
    'agreement.period.last': printed(year),
    'agreement.period.years[]': notPrinted('every year of the period: the period is printed as its first and last year, which fix the rest'),
    'agreement.currency': printed(text),
    'agreement.host.id': printed(partner),
    'agreement.host.partner.id': printed(partner),
    'agreement.host.partner.name': printed(text),
    'agreement.host.partner.kind': printed(keyword('kind')),
    'agreement.board': printed(text),
    'agreement.reviews[].date': printed(text),
    'agreement.reviews[].note': printed(text),

    'partners{}.id': printed(text),
    'partners{}.name': printed(text),
    'partners{}.kind': printed(keyword('kind')),

    'pools[].id': printed(text),
    'pools[].title': printed(text),
    'pools[].arrangement': printed(keyword('arrangement')),
    'pools[].section': printed(value => (typeof value === 'number' ? TEXT.sentences.basis(value, null) : undefined)),
    'pools[].basisText': printed(text),
    'pools[].blocks[].contributions[].partnerId': printed(partner),
    'pools[].blocks[].contributions[].year': printed(year),
    'pools[].blocks[].contributions[].note': printed(text),
    'pools[].blocks[].contributions[].streamId': printed(text),
    'pools[].blocks[].contributions[].money': printed(value => ({ new: 'New money', existing: 'Existing budgets' })[value as string] ?? undefined),
    'pools[].blocks[].contributions[].occurrence': notPrinted('which of a partner’s lines this is, to match versions line by line (pool diff)'),
    'pools[].contents[].topic': printed(value => TEXT.sentences.topic(value as string)),
    'pools[].contents[].text': printed(text),
    'pools[].minimums[].partnerId': printed(partner),
    'pools[].purposes[].id': printed(text),
    'pools[].purposes[].title': printed(text),
    'pools[].spendBlocks[].poolId': printed(pool),
    'pools[].spendMinimums[].streamId': printed(text),
    'pools[].spendMinimums[].purposeId': printed(text),
    'pools[].streams[].id': printed(text),
    'pools[].streams[].title': printed(text),
    'pools[].streams[].poolId': printed(pool),
    'pools[].streams[].minimums{}.year': printed(year),
    'pools[].streams[].minimums{}.source': notPrinted('whether a minimum is written or computed: printed in words with the uplift (“Minimum set”)'),
    'pools[].streams[].uplifts[].points': printed(percent),
    'pools[].streams[].uplifts[].rounding': printed(value => (value === 'pound' ? 'pound' : 'penny')),
    'pools[].streams[].uplifts[].exact': notPrinted('the exact uplifted figure before rounding: the report prints the minimum rounded by the stated rule'),
    'pools[].streams[].years{}.year': printed(year),
    'pools[].years{}.year': printed(year),
    'pools[].years{}.ringfences[].id': printed(text),
    'pools[].years{}.ringfences[].purpose': printed(text),
    'pools[].years{}.spendLines[].poolId': printed(pool),
    'pools[].years{}.spendLines[].name': printed(text),
    'pools[].years{}.spendLines[].year': printed(year),
    'pools[].years{}.spendLines[].commissioners[]': printed(partner),
    'pools[].years{}.spendLines[].providers[]': printed(partner),
    'pools[].years{}.spendLines[].ringfenceTags[]': printed(text),
    'pools[].years{}.spendLines[].ringfence': printed(text),
    'pools[].years{}.spendLines[].purposeTags[]': printed(text),
    'pools[].years{}.spendLines[].funding[].streamId': printed(text),
    'pools[].years{}.spendLines[].funding[].points': printed(percent),
    'pools[].years{}.spendLines[].occurrence': notPrinted('which line of that name this is, to match versions line by line (pool diff)'),

    'outcomes[].id': printed(text),
    'outcomes[].description': printed(text),
    'outcomes[].unit': printed(text),
    'outcomes[].direction': printed(value => TEXT.labels[value as 'reduce' | 'increase']),
    'outcomes[].measuredBy': printed(partner),
    'outcomes[].baseline.text': printed(text),
    'outcomes[].baseline.value': notPrinted('the baseline as a number: printed as written (baseline.text)'),
    'outcomes[].baseline.isPercent': notPrinted('whether the baseline is a percentage: printed as written, with its % sign'),
    'outcomes[].target.text': printed(text),
    'outcomes[].target.value': notPrinted('the target as a number: printed as written (target.text)'),
    'outcomes[].target.isPercent': notPrinted('whether the target is a percentage: printed as written, with its % sign'),
    'outcomes[].actuals[].text': printed(text),
    'outcomes[].actuals[].value': notPrinted('the actual as a number: printed as written (actuals[].text)'),
    'outcomes[].actuals[].isPercent': notPrinted('whether the actual is a percentage: printed as written, with its % sign'),
    'outcomes[].actuals[].quarter': printed(value => (typeof value === 'number' ? `Q${value}` : undefined)),
    'outcomes[].actuals[].quarterProblem': notPrinted('a quarter that is not one is an error, printed in the checks section'),
    'outcomes[].actuals[].end': notPrinted('the end of the period counted in quarters, to draw the trajectory: the period is printed as written'),
    'outcomes[].actuals[].expected': printed(quantity),
    'outcomes[].actuals[].progress': printed(value => (value instanceof Rational ? `${value.mul(Rational.of(100)).toDecimal(1)}%` : undefined)),
    'outcomes[].actuals[].rag': printed(value => TEXT.labels[value as 'green' | 'amber' | 'red']),
    'outcomes[].actuals[].unitsAchieved': printed(quantity),
    'outcomes[].payment.unitName': printed(text),
    'outcomes[].payment.unitsAtTarget': printed(quantity),
    'outcomes[].payment.schedule[].year': printed(year),
    'outcomes[].payment.schedule[].units': printed(quantity),
    'outcomes[].payment.splits[].upfront': printed(percent),
    'outcomes[].payment.splits[].results': printed(percent),
    'outcomes[].cohort.unitName': printed(text),
    'outcomes[].cohort.attached': printed(count),
    'outcomes[].cohort.claimed': printed(count),
    'outcomes[].cohort.years[].attached': printed(count),
    'outcomes[].cohort.years[].upfrontPoints': printed(percent),
    'outcomes[].cohort.years[].resultsPoints': printed(percent),
    'outcomes[].cohort.years[].turnedAround': printed(count),

    'shares[].kind': printed(value => TEXT.sentences.shareKind(value as string)),
    'shares[].family': notPrinted('benefit or risk follows from the kind, which is printed'),
    'shares[].subjectId': notPrinted('the pool or outcome shared: printed by its title (shares[].subject)'),
    'shares[].subject.kind': notPrinted('whether the subject is a pool or an outcome: it is printed by its title'),
    'shares[].base.basis': notPrinted('what the shared amount is: it chooses the words of shares[].base.description, which is printed'),
    'shares[].proRata': printed(value => (value === true ? TEXT.sentences.proRata : undefined)),
    'shares[].lines[].partnerId': printed(partner),
    'shares[].lines[].occurrence': notPrinted('which line for the partner this is, to match versions line by line (pool diff)'),
    'shares[].lines[].written': printed(percent),
    'shares[].lines[].points': printed(percent),
    'shares[].reinvestments[].points': printed(percent),
    'shares[].reinvest': printed(percent),
    'shares[].totalPoints': printed(percent),
    'shares[].liabilities.capped[]': notPrinted('whether the cap bit: printed as the amount borne, which then equals the cap'),
    'shares[].example.liabilities.capped[]': notPrinted('whether the cap bit in the worked example: printed as the amount borne, which then equals the cap'),
    'pools[].spendByCommissioner[].partnerId': printed(partner),
    'pools[].spendByProvider[].partnerId': printed(partner),

    'savings[].poolId': printed(pool),
    'savings[].lines[].partnerId': printed(partner),
    'savings[].lines[].year': printed(year),
    'savings[].lines[].note': printed(text),
    'savings[].lines[].occurrence': notPrinted('which of a partner’s lines for the year this is, to match versions line by line (pool diff)'),
    'savings[].paybackYear': printed(year),
    'savings[].returnPerPound': printed(value => (value instanceof Rational ? formatMoney(value.mul(Rational.of(100)).roundHalfAwayFromZero()) : undefined)),

    'unitCosts[].id': printed(text),
    'unitCosts[].description': printed(text),
    'unitCosts[].agency': printed(text),
    'unitCosts[].unitName': printed(text),
    'unitCosts[].source': printed(text),
    'unitCosts[].illustrative': printed(value => (value === true ? TEXT.labels.yes : undefined)),
    'unitCosts[].cashableNode': notPrinted('the syntax of the cashable line: its amount is printed (cashable)'),

    'appraisals[].poolId': printed(pool),
    'appraisals[].cohorts[].size': printed(count),
    'appraisals[].rates{}.points': printed(percent),
    'appraisals[].duration': printed(count),
    'appraisals[].durationNode': notPrinted('the syntax of the duration: its value is printed (duration)'),
    'appraisals[].discount.points': printed(percent),
    'appraisals[].savings[].unitCostId': printed(value => value as string),
    'appraisals[].savings[].partnerId': printed(partner),
    'appraisals[].savings[].count': printed(count),
    'appraisals[].returns[].partnerId': printed(partner),
    'appraisals[].returns[].recipientId': printed(partner),
    'appraisals[].returns[].points': printed(percent),
    'appraisals[].returns[].cashableOnly': printed(value => (value === true ? 'cashable' : undefined)),
    'appraisals[].returns[].proRata': printed(value => (value === true ? 'pro rata' : undefined)),
    'appraisals[].missing[]': notPrinted('the inputs not written: each is an error, printed in the checks section'),
    'appraisals[].figures.baseYear': printed(year),
    'appraisals[].figures.paybackYear': printed(year),
    'appraisals[].figures.benefitCostRatio': printed(value => (value instanceof Rational ? value.toDecimal(2, 2) : undefined)),
    'appraisals[].figures.returnOnInvestment': printed(percent),
    'appraisals[].figures.years[].year': printed(year),
    'appraisals[].figures.years[].discountFactor': printed(value => (value instanceof Rational ? value.toDecimal(6, 6) : undefined)),
    'appraisals[].figures.years[].successes': printed(count),
    'appraisals[].figures.years[].netSuccesses': printed(count),
    'appraisals[].figures.lines[].partnerId': printed(partner),
    'appraisals[].figures.lines[].unitCostId': printed(value => value as string),
    'appraisals[].figures.lines[].byYear[].year': printed(year),
    'appraisals[].figures.partners[].partnerId': printed(partner),
    'appraisals[].figures.partners[].costByYear{}': printed(money),
    'appraisals[].figures.partners[].costShare': printed(percent),
    'appraisals[].figures.partners[].benefitShareBefore': printed(percent),
    'appraisals[].figures.partners[].benefitShareAfter': printed(percent),

    'approvals[].partnerId': printed(partner),
    'approvals[].approver': printed(text),
    'approvals[].date': printed(text),
    'approvals[].fingerprint': printed(value => (typeof value === 'string' ? value.replace(/^sha256:/, '').slice(0, 12) : undefined)),
    'approvals[].signature': notPrinted('the signature itself (base64): the report prints whether it verifies'),
    'approvals[].signatureStanding.status': printed(value =>
        value === 'verified' ? TEXT.labels.signatureVerified : value === 'refused' ? TEXT.labels.signatureRefused : TEXT.labels.unsigned
    ),
    'approvals[].signatureStanding.key': notPrinted('the public key that made the signature: the report says whether it is an allowed signer’s'),
    'approvals[].signatureStanding.fault': notPrinted('why a signature is refused: an error, printed in the checks section'),
    'approvals[].signatureStanding.namespace': notPrinted('the namespace of a refused signature: named in the error in the checks section'),
    'approvals[].signatureStanding.source': notPrinted('the allowed-signers file a key was looked up in: named in the error in the checks section'),
    'approvals[].stale': printed(value => (value === true ? TEXT.labels.stale : TEXT.labels.current)),
    'signOff.required[]': printed(partner),
    'signOff.approved[]': printed(partner),
    'signOff.missing[]': printed(partner)
};

const isAmountValue = (value: object): boolean => 'parsed' in value && 'problems' in value;
const isYearValue = (value: object): boolean => 'parsed' in value && 'property' in value && 'start' in value;
const isMessage = (value: object): value is { key: string; params: Record<string, unknown> } =>
    Object.keys(value).length === 2 && 'key' in value && 'params' in value;
const isSyntax = (value: object): boolean => '$type' in value || 'parseResult' in value;

interface Expectation {
    readonly path: string;
    readonly printed: readonly string[];
}

/**
 * Every value of the model with the texts it reads as, and the paths with no rule. Each object is
 * walked once, at the first path that reaches it (a pool is walked at `pools[]`, not again at
 * `shares[].subject.pool`).
 */
function expectations(subject: AgreementModel): { expected: Expectation[]; unruled: Set<string> } {
    const expected: Expectation[] = [];
    const unruled = new Set<string>();
    const seen = new Set<object>();
    const visit = (value: Value, path: string, parent: Record<string, unknown>): void => {
        const rule = RULES[path];
        if (rule && 'notPrinted' in rule) return;
        const context = { model: subject, parent };
        const expect = (print: (value: Value, context: Context) => Printed) => {
            const result = print(value, context);
            if (result !== undefined) expected.push({ path, printed: typeof result === 'string' ? [result] : result });
        };
        if (value === undefined || value === null) return;
        if (typeof value === 'object' && !(value instanceof Rational)) {
            if (isSyntax(value) || seen.has(value)) return;
            seen.add(value);
            if (rule) {
                expect(rule.printed);
                return;
            }
            if (isAmountValue(value)) {
                expect(amount);
                return;
            }
            if (isYearValue(value)) {
                expect(yearValue);
                return;
            }
            if (isMessage(value)) {
                expect(message => render(message as never, 'en'));
                return;
            }
            if (value instanceof Map) {
                for (const entry of value.values()) visit(entry, `${path}{}`, parent);
                return;
            }
            if (Array.isArray(value)) {
                for (const entry of value) visit(entry, `${path}[]`, parent);
                return;
            }
            for (const [key, entry] of Object.entries(value)) visit(entry, path === '' ? key : `${path}.${key}`, value as Record<string, unknown>);
            return;
        }
        if (rule) {
            expect(rule.printed);
            return;
        }
        if (typeof value === 'bigint') {
            expect(money);
            return;
        }
        unruled.add(`${path} (${value instanceof Rational ? 'Rational' : typeof value})`);
    };
    visit(subject, '', {});
    return { expected, unruled };
}

/** Text as a reader sees it: no markup, entities decoded, isolating marks dropped, runs of space as one. */
function decodeEntities(html: string): string {
    return html
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}
const plain = (value: string) =>
    value
        .replace(/[\u2066-\u2069]/g, '')
        .replace(/\s+/g, ' ')
        .toLowerCase();
const markdownText = (markdown: string) => plain(decodeEntities(markdown.replace(/\\(.)/g, '$1')));
const htmlText = (html: string) => plain(decodeEntities(html.replace(/<style[^]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ')));
/**
 * Text compared with the PDF's: no spaces at all (a line may break anywhere), and no right-to-left
 * letters (poppler gives a right-to-left run in the order it is drawn, not the order written).
 */
const squeezed = (value: string) => value.replace(/[\s\u2066-\u2069\p{Script=Hebrew}\p{Script=Arabic}]/gu, '').toLowerCase();
/** The PDF's text from its structure tree: a cell's text whole, however it wraps. */
const pdfText = (file: string) => squeezed(structureOf(file)[0].text);

const AGREEMENTS = [...ORIGINAL].filter(([, document]) => (document.parseResult.value.agreements ?? []).length > 0);

describe('every field of the model reaches every report', () => {
    it('has a rule for every field of every model of the examples and fixtures', () => {
        const unruled = new Set<string>();
        for (const [, document] of AGREEMENTS) for (const path of expectations(model(document)).unruled) unruled.add(path);
        expect([...unruled].sort()).toEqual([]);
    });

    it.each(AGREEMENTS.map(([file]) => [file]))('%s: Markdown, HTML (and for an example, PDF) print every field', async file => {
        const subject = model(ORIGINAL.get(file)!);
        const data = buildReportData(subject, [], { toolVersion: 'test' });
        const outputs = {
            markdown: markdownText(renderMarkdown(data)),
            html: htmlText(renderHtml(data))
        };
        // The PDF is drawn from the same blocks as the Markdown and HTML: the examples' PDFs, which
        // hold every kind of block, are read too; a check fixture's is not laid out (several
        // seconds each), its Markdown and HTML are.
        const withPdf = file.startsWith('examples/');
        const folder = mkdtempSync(path.join(tmpdir(), 'pool-coverage-'));
        try {
            const pdf = path.join(folder, 'report.pdf');
            if (withPdf) writeFileSync(pdf, await renderPdf(data));
            const pdfPlain = withPdf ? pdfText(pdf) : undefined;
            const missing: string[] = [];
            for (const { path: field, printed: texts } of expectations(subject).expected) {
                for (const [format, output] of Object.entries(outputs)) {
                    if (!texts.some(candidate => output.includes(plain(candidate)))) missing.push(`${format} lacks ${field}: ${texts.join(' | ')}`);
                }
                if (pdfPlain !== undefined && !texts.some(candidate => pdfPlain.includes(squeezed(candidate))))
                    missing.push(`pdf lacks ${field}: ${texts.join(' | ')}`);
            }
            expect([...new Set(missing)]).toEqual([]);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
