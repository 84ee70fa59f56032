/**
 * Random edits for fuzzing, reproducible from a seed: what a hurried or unlucky user, a bad paste
 * or a broken file system can do to an agreement.
 */

/** A small, fast, seedable generator (mulberry32). */
export function randomGenerator(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export interface Edit {
    readonly kind: string;
    readonly apply: (text: string) => string;
}

const VOCABULARY = [
    'agreement',
    'partner',
    'pool',
    'spend',
    'outcome',
    'share',
    'savings',
    'import',
    'total',
    'minimum',
    'ringfence',
    'reinvest',
    'pooled',
    'aligned',
    'in-kind',
    'under',
    'section',
    '75',
    'council',
    'health',
    'police',
    'by',
    'in',
    'to',
    'of',
    'pro',
    'rata',
    'contributions',
    'covering',
    'up',
    'pays',
    'per',
    'baseline',
    'target',
    'reduce',
    'increase',
    'measured',
    'commissioned',
    'provided',
    'for',
    'and',
    '{',
    '}',
    '"',
    '"Name"',
    '£1,200,000',
    '£1.2m',
    '£350k',
    '-£5',
    '£0.001',
    '1200000 GBP',
    '12,00,000',
    '2013/14',
    '2013/15',
    '2013/2014',
    '25%',
    '-10%',
    '133.33%',
    '2014-03-31',
    'manchester',
    'gmp',
    'families',
    'dfg',
    '//',
    '/*',
    '*/',
    '\n',
    '    '
];

/** Characters that are hard on text handling: accents, astral, zero-width, bidi, line separators, a lone CR, terminal escapes. */
const UNICODE = [
    'é',
    'ß',
    '€',
    '£',
    '𝄞',
    '😀',
    '\u0301',
    '\u200b',
    '\u202e',
    '\u2066',
    'مرحبا',
    '中文',
    '\u0000',
    '\u0007',
    '\uFFFD',
    '\uFEFF',
    '\u2028',
    '\u2029',
    '\r',
    '\u001b[8m',
    '\u0085'
];

function pick<T>(random: () => number, items: readonly T[]): T {
    return items[Math.floor(random() * items.length)];
}

function position(random: () => number, text: string): number {
    return Math.floor(random() * (text.length + 1));
}

/** One random edit. */
export function randomEdit(random: () => number): Edit {
    const choice = Math.floor(random() * 11);
    switch (choice) {
        case 0:
        case 1:
        case 2: {
            const word = pick(random, VOCABULARY);
            return {
                kind: 'insert-token',
                apply: text => {
                    const at = position(random, text);
                    return text.slice(0, at) + (random() < 0.5 ? ' ' : '') + word + text.slice(at);
                }
            };
        }
        case 3:
        case 4:
            return {
                kind: 'delete',
                apply: text => {
                    const at = position(random, text);
                    const length = Math.floor(random() * 40);
                    return text.slice(0, at) + text.slice(at + length);
                }
            };
        case 5:
            return {
                kind: 'duplicate',
                apply: text => {
                    const at = position(random, text);
                    const length = Math.floor(random() * 200);
                    return text.slice(0, at + length) + text.slice(at, at + length) + text.slice(at + length);
                }
            };
        case 6:
            return { kind: 'cut', apply: text => text.slice(0, position(random, text)) };
        case 7:
            return {
                kind: 'random-bytes',
                apply: text => {
                    const at = position(random, text);
                    const junk = Array.from({ length: 1 + Math.floor(random() * 8) }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
                    return text.slice(0, at) + junk + text.slice(at);
                }
            };
        case 8:
            return {
                kind: 'unicode',
                apply: text => {
                    const at = position(random, text);
                    return text.slice(0, at) + pick(random, UNICODE) + text.slice(at);
                }
            };
        case 9:
            return random() < 0.5
                ? { kind: 'crlf', apply: text => text.replace(/\r?\n/g, '\r\n') }
                : { kind: 'bom', apply: text => (text.startsWith('\uFEFF') ? text : '\uFEFF' + text) };
        default:
            return {
                kind: 'long-line',
                apply: text => {
                    const at = position(random, text);
                    return text.slice(0, at) + pick(random, ['x', '£1,000 ', '{', '"']).repeat(2_000 + Math.floor(random() * 8_000)) + text.slice(at);
                }
            };
    }
}

/** A position (line, character) inside or just past the text, in LSP terms. */
export function randomPosition(random: () => number, text: string): { line: number; character: number } {
    const lines = text.split(/\r?\n/);
    const line = Math.floor(random() * (lines.length + 1));
    const length = lines[line]?.length ?? 0;
    return { line, character: Math.floor(random() * (length + 2)) };
}
