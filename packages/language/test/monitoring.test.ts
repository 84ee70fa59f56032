import { describe, expect, it } from 'vitest';
import { penceToDecimalString } from '../src/money/amount.js';
import { HEADER, workspace } from './helpers.js';

const outcome = (direction: 'increase' | 'reduce', baseline: string, target: string, actuals: string[], payment = '') =>
    `${HEADER}
pool p "P" aligned { 2013/14 { council £1  nhs £1 } }
outcome o "Outcome" {
    baseline ${baseline} in 2012/13
    target ${target} by 2016/17
    ${direction}
    ${payment}
${actuals.map(actual => `    actual ${actual}`).join('\n')}
}
`.replace('period 2013/14 to 2015/16', 'period 2013/14 to 2016/17');

async function rag(direction: 'increase' | 'reduce', baseline: string, target: string, actual: string) {
    const ws = await workspace({ 'main.pool': outcome(direction, baseline, target, [actual]) });
    expect(ws.codes('main.pool')).toEqual([]);
    return ws.model('main.pool').outcomesById.get('o')!.latest!;
}

describe('RAG status against the straight-line trajectory', () => {
    // Baseline at the end of 2012/13, target at the end of 2016/17: 16 quarters. At the end of
    // 2014/15, 8 quarters on, the line expects half the improvement.
    it.each([
        ['47.5 in 2014/15', 'green'],
        ['47.49 in 2014/15', 'amber'],
        ['37.5 in 2014/15', 'amber'],
        ['37.49 in 2014/15', 'red'],
        ['60 in 2014/15', 'green'],
        ['-1 in 2014/15', 'red']
    ])('increase 0 → 100: %s is %s (green from 95% of the expected improvement, amber from 75%)', async (actual, status) => {
        expect((await rag('increase', '0', '100', actual)).rag).toBe(status);
    });

    it.each([
        ['52.5 in 2014/15', 'green'],
        ['52.51 in 2014/15', 'amber'],
        ['62.5 in 2014/15', 'amber'],
        ['62.51 in 2014/15', 'red']
    ])('reduce 100 → 0: %s is %s', async (actual, status) => {
        expect((await rag('reduce', '100', '0', actual)).rag).toBe(status);
    });

    it('uses quarters: at the end of 2013/14 Q2, 2 of 16 quarters on, the line expects 12.5', async () => {
        const latest = await rag('increase', '0', '100', '12.5 in 2013/14 Q2');
        expect(latest.expected!.toDecimal()).toBe('12.5');
        expect(latest.progress!.toDecimal()).toBe('1');
        expect(latest.rag).toBe('green');
    });

    it('takes the latest period as the latest actual, whatever the order written', async () => {
        const ws = await workspace({ 'main.pool': outcome('increase', '0', '100', ['70 in 2015/16', '40 in 2014/15 Q3']) });
        expect(ws.model('main.pool').outcomesById.get('o')!.latest!.text).toBe('70');
    });
});

describe('payments earned under payment by results', () => {
    it('pays for the units achieved in the right direction, capped', async () => {
        const ws = await workspace({ 'main.pool': outcome('increase', '0', '100', ['60 in 2014/15'], 'pays £1,234.56 per family up to £200,000') });
        const latest = ws.model('main.pool').outcomesById.get('o')!.latest!;
        expect(penceToDecimalString(latest.earned!)).toBe('74073.60');
        const over = await workspace({ 'main.pool': outcome('increase', '0', '100', ['200 in 2016/17'], 'pays £1,234.56 per family up to £200,000') });
        const capped = over.model('main.pool').outcomesById.get('o')!.latest!;
        expect(penceToDecimalString(capped.earnedBeforeCap!)).toBe('246912.00');
        expect(penceToDecimalString(capped.earned!)).toBe('200000.00');
        expect(over.codes('main.pool')).toEqual(['earned-over-cap@14:12']);
    });

    it('pays nothing for a value that went the wrong way', async () => {
        const ws = await workspace({ 'main.pool': outcome('reduce', '100', '0', ['120 in 2014/15'], 'pays £500 per incident up to £50,000') });
        expect(ws.model('main.pool').outcomesById.get('o')!.latest!.earned).toBe(0n);
    });
});

describe('approvals and the fingerprint of the text', () => {
    const text = `${HEADER}pool p "P" aligned { 2013/14 { council £1  nhs £1 } }\n`;

    it('leaves approvals blocks out, so recording an approval does not change what was approved', async () => {
        const plain = await workspace({ 'main.pool': text });
        const approved = await workspace({ 'main.pool': `${text}approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "sha256:x"\n}` });
        expect(approved.model('main.pool').fingerprint).toBe(plain.model('main.pool').fingerprint);
        expect(plain.model('main.pool').fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    });

    it('changes with any change to the text or to an imported file, but not with line endings', async () => {
        const base = (await workspace({ 'main.pool': text })).model('main.pool').fingerprint;
        expect((await workspace({ 'main.pool': text.replace('£1', '£2') })).model('main.pool').fingerprint).not.toBe(base);
        expect((await workspace({ 'main.pool': `// a comment\n${text}` })).model('main.pool').fingerprint).not.toBe(base);
        expect((await workspace({ 'main.pool': text.replace(/\n/g, '\r\n') })).model('main.pool').fingerprint).toBe(base);
        const withImport = (register: string) => workspace({ 'r.pool': register, 'main.pool': `import "r.pool"\n${text}` });
        expect((await withImport('partner x "X" council\n')).model('main.pool').fingerprint).not.toBe(
            (await withImport('partner x "Y" council\n')).model('main.pool').fingerprint
        );
    });

    it('names each approval the change invalidates', async () => {
        const ws = await workspace({
            'main.pool': `${text}approvals {\n    council "Director of Finance" 2013-03-28 fingerprint "sha256:${'0'.repeat(64)}"\n    nhs "Chief Finance Officer" 2013-03-29 fingerprint "sha256:${'1'.repeat(64)}"\n}`
        });
        const messages = ws
            .diagnostics('main.pool')
            .map(d => `${d.code}: ${(typeof d.message === 'string' ? d.message : d.message.value).replace(/ \(approved .*\)$/, '')}`);
        expect(messages).toEqual([
            'approval-stale: the text has changed since council (Anytown Council), Director of Finance, approved it on 2013-03-28: this approval no longer covers it',
            'approval-stale: the text has changed since nhs (NHS Anytown CCG), Chief Finance Officer, approved it on 2013-03-29: this approval no longer covers it'
        ]);
    });
});
