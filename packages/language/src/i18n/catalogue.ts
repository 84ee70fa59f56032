/**
 * The machinery of Pool's message catalogues: ICU MessageFormat messages, one catalogue per
 * package and per language, put into words by intl-messageformat (FormatJS).
 *
 * A catalogue is an `en` record of whole sentences, keyed by a stable name, and a `cy` record of
 * exactly the same keys (`Translation<typeof en>`: a key missing from `cy`, or one `en` does not
 * have, is a compile error). A message is ICU MessageFormat: `{pool}` is a placeholder,
 * `{count, plural, one {# file} other {# files}}` chooses by the number's plural category in the
 * message's language (Welsh has zero, one, two, few, many and other), `{kind, select, …}` by a
 * word. Placeholder types follow from the English text (`ParamsOf`), so a call that leaves a
 * figure out, or passes text where a count goes, does not compile.
 *
 * ICU quotes with the apostrophe: `'{`, `'}`, `'<`, `'>` (and `'#` in a plural) start quoted
 * text, so an apostrophe before a brace is written twice (`got ''{lang}''`); any other apostrophe
 * (`partner's`, `wedi'i`) is printed as written. Tags are not read (`ignoreTag`), so `<` is text.
 * Literal braces are never written in a message: an example with braces is passed in as a parameter.
 */

import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { formatToParts, type Formatters, IntlMessageFormat } from 'intl-messageformat';
import { isolateBidi } from '../text/escape.js';

export type Lang = 'en' | 'cy';

export const LANGS: readonly Lang[] = ['en', 'cy'];

/** A catalogue in English: ICU messages by key. */
export type Catalogue = Readonly<Record<string, string>>;

/** A catalogue in another language: exactly the keys of the English one. */
export type Translation<E extends Catalogue> = { readonly [K in keyof E]: string };

/** A package's catalogues, one per language. */
export interface Catalogues<E extends Catalogue> {
    readonly en: E;
    readonly cy: Translation<E>;
}

/**
 * Whether `N` can be the name of a placeholder (not the text of a plural's or a select's case): a
 * name has no space and none of the marks a case's text may have (`**green**`, `ring-fence`).
 */
type IsName<N extends string> = N extends '' ? false : N extends `${string}${' ' | '#' | '{' | '}' | "'" | '\n' | '*' | '-' | '`'}${string}` ? false : true;

/** The placeholder that `T`, the text just after a `{`, opens, as `[name, type]`; `never` for a case's text. */
type ArgumentAt<T extends string> = T extends `${infer Name},${infer Kind}`
    ? IsName<Name> extends true
        ? [Name, Kind extends ` ${'plural' | 'selectordinal' | 'number'}${string}` ? number : Kind extends ` select${string}` ? string : string | number]
        : ArgumentAt1<T>
    : ArgumentAt1<T>;
type ArgumentAt1<T extends string> = T extends `${infer Name}}${string}` ? (IsName<Name> extends true ? [Name, string | number] : never) : never;

/** Every placeholder of the ICU message `S`, at any depth, as `[name, type]`. */
type ArgumentsOf<S extends string> = S extends `${string}{${infer Tail}` ? ArgumentAt<Tail> | ArgumentsOf<Tail> : never;

/**
 * The parameters the ICU message `S` takes: a count for a plural, a word for a select, text or a
 * figure otherwise. A cheap reading of ICU's syntax at the type level (a case whose whole text is
 * one plain word, `one {file}`, would read as a placeholder: write such a case with `#` or more words;
 * a word with `*`, `-` or a backtick, `{**green**}`, is a case's text, as no name has them);
 * test/i18n checks the real parser finds the same names.
 */
export type ParamsOf<S extends string> = { readonly [A in ArgumentsOf<S> as A[0]]: A[1] };

/** The keys of `E` whose message takes no parameter: words and phrases that stand alone. */
export type WordKeyOf<E extends Catalogue> = { [K in keyof E & string]: keyof ParamsOf<E[K]> extends never ? K : never }[keyof E & string];

/** A message to be put into words later, in whichever language the reader uses. */
export interface CatalogueMessageOf<E extends Catalogue, K extends keyof E & string> {
    readonly key: K;
    readonly params: ParamsOf<E[K]>;
}

/** Any message of the catalogue `E`, with its parameters. */
export type AnyMessageOf<E extends Catalogue> = { [K in keyof E & string]: CatalogueMessageOf<E, K> }[keyof E & string];

/**
 * The longest piece of agreement text a message quotes, in characters; longer text (a 9 MB name,
 * a million-digit amount) is shortened with an ellipsis, so a message stays one readable line.
 */
const MAX_QUOTED_CHARS = 200;

/**
 * Messages that show agreement text whole: the reports' and the diff's sentences (what partners
 * sign), and the pieces other messages are built from.
 */
const WHOLE_TEXT_KEYS = /^(?:(?:report|diff|word|snippet)\.|share-base$)/;

/** Parameters that hold a message already worded (shortened and isolated) rather than agreement text. */
const WORDED_PARAMS = new Set(['message', 'reason', 'problems', 'expected', 'found', 'place', 'hint', 'capped']);

/** `text`, or its first `limit` characters and an ellipsis; never splits a character in two. */
export function shortenText(text: string, limit = MAX_QUOTED_CHARS): string {
    if (text.length <= limit) return text;
    // A character outside the Basic Multilingual Plane is two UTF-16 code units: keep both or neither.
    const code = text.charCodeAt(limit - 1);
    const cut = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
    return `${text.slice(0, cut)}…`;
}

/** A message compiled for one language, with the names of the parameters it chooses by (plural, select). */
interface Compiled {
    readonly message: CompiledMessage;
    readonly choosers: ReadonlySet<string>;
}

/** An ICU message parsed for one language, ready to be put into words. */
export interface CompiledMessage {
    /** The parsed message, as intl-messageformat reads it. */
    getAst(): MessageFormatElement[];
    /** The message with `values` put in, as `IntlMessageFormat.format` gives it. */
    format(values: Record<string, string | number>): string;
}

/**
 * Text that ICU MessageFormat reads as itself: no brace (so no placeholder, plural or select) and
 * no apostrophe that quotes (one before another apostrophe, a brace or an angle bracket; `#` is
 * quoted only inside a plural). Most messages are such text (every line of the help), and they
 * need no parser: test/i18n checks this gives what the parser gives for every message.
 */
const QUOTING_OR_BRACE = /[{}]|'['<>]/;

/**
 * Formatters shared by every message: intl-messageformat's default makes a set for each message.
 * Numbers are put into words as `Intl.NumberFormat` in the message's language does, and a count
 * from 0 to 999 as its digits (which is what it does for them): `Intl.NumberFormat` wakes the
 * ICU library's locale data, which costs a small `pool check` more than its whole check, and
 * the commonest count is 1 file. test/i18n compares the two for every count up to 100,000.
 */
const FORMATTERS: Formatters = {
    getNumberFormat: (locales, options) =>
        options === undefined && typeof locales === 'string'
            ? countFormat(locales)
            : memoised(numberFormats, [locales, options], () => new Intl.NumberFormat(locales, options)),
    getDateTimeFormat: (locales, options) => memoised(dateTimeFormats, [locales, options], () => new Intl.DateTimeFormat(locales, options)),
    getPluralRules: (locales, options) => memoised(pluralRules, [locales, options], () => new Intl.PluralRules(locales, options))
};
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const countFormats = new Map<string, Intl.NumberFormat>();

function memoised<T>(cache: Map<string, T>, key: unknown, make: () => T): T {
    const name = JSON.stringify(key);
    let made = cache.get(name);
    if (made === undefined) {
        made = make();
        cache.set(name, made);
    }
    return made;
}

/** `Intl.NumberFormat(locale)`, made only when a number other than a count up to 999 is formatted. */
export function countFormat(locale: string): Intl.NumberFormat {
    let made = countFormats.get(locale);
    if (made === undefined) {
        let full: Intl.NumberFormat | undefined;
        const format = (value: number | bigint | string): string => {
            if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0)) return String(value);
            full ??= new Intl.NumberFormat(locale);
            return full.format(value as number | bigint);
        };
        // intl-messageformat calls only `format`; the rest is the real formatter's.
        made = new Proxy({} as Intl.NumberFormat, {
            get: (_, property) => {
                if (property === 'format') return format;
                full ??= new Intl.NumberFormat(locale);
                const real = full;
                const value: unknown = Reflect.get(real, property);
                if (typeof value !== 'function') return value;
                const method = value as (...args: unknown[]) => unknown;
                return (...args: unknown[]) => method.apply(real, args);
            }
        });
        countFormats.set(locale, made);
    }
    return made;
}

/**
 * Parses `text` as an ICU message in `lang`, as `new IntlMessageFormat(text, lang, undefined,
 * { ignoreTag: true })` does, and formats it the same way, without the locale look-up its
 * constructor makes for every message (`Intl.NumberFormat.supportedLocalesOf`, which wakes the
 * ICU library's data): for `en` and `cy` that look-up gives back the language itself. A message
 * that does not parse is a fault in Pool.
 */
export function compileMessage(text: string, lang: Lang): CompiledMessage {
    const ast: MessageFormatElement[] = QUOTING_OR_BRACE.test(text)
        ? parse(text, { ignoreTag: true, locale: new Intl.Locale(lang) })
        : text === ''
          ? []
          : [{ type: TYPE.literal, value: text }];
    return {
        getAst: () => ast,
        format: values => {
            const parts = formatToParts(ast, lang, FORMATTERS, IntlMessageFormat.formats, values, undefined, text);
            let worded = '';
            for (const part of parts) {
                if (typeof part.value !== 'string') throw new Error(`the message '${text}' did not format as text`);
                worded += part.value;
            }
            return worded;
        }
    };
}

/** The names of the parameters a parsed message chooses by (plural, select), at any depth. */
function choosersOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
    for (const element of elements) {
        if ('options' in element && typeof element.options === 'object') {
            into.add(element.value);
            for (const option of Object.values(element.options)) choosersOf(option.value, into);
        }
    }
    return into;
}

/** What a package's messages are put into words with. */
export interface Translator<E extends Catalogue> {
    /**
     * The message `key` in `lang`, with its parameters put in. Keys and parameters are checked by
     * the compiler (no casts: a key made at run time goes through `isWordKey` or a typed list); a
     * key the catalogue lacks all the same is a fault in Pool, thrown as one, never printed as if
     * it were a sentence; a Welsh message missing at run time falls back to the English. Agreement
     * text in a parameter is shortened (bar in the reports and the diff) and isolated from the
     * sentence around it.
     */
    readonly t: <K extends keyof E & string>(key: K, params: ParamsOf<E[K]>, lang: Lang) => string;
    /** The word or phrase `key` in `lang`. */
    readonly word: (key: WordKeyOf<E>, lang: Lang) => string;
    /** Whether `key`, made at run time, is a word or phrase of the catalogue (`report.heading.${name}`). */
    readonly isWordKey: (key: string) => key is WordKeyOf<E>;
    /** A message to be worded later. */
    readonly message: <K extends keyof E & string>(key: K, params: ParamsOf<E[K]>) => CatalogueMessageOf<E, K>;
    /** A message made earlier, in `lang`. */
    readonly render: (message: AnyMessageOf<E>, lang: Lang) => string;
}

/** The catalogues `a` and `b` as one; a key in both is a fault (each sentence lives in one package). */
export function joinCatalogues<A extends Catalogue, B extends Catalogue>(a: Catalogues<A>, b: Catalogues<B>): Catalogues<A & B> {
    const twice = Object.keys(b.en).filter(key => Object.hasOwn(a.en, key));
    if (twice.length > 0) throw new Error(`message keys in two catalogues: ${twice.join(', ')}`);
    // Into objects without a prototype, which V8 keeps as hash tables from the start: a spread
    // into a plain object adds the thousand keys one hidden class at a time, 20 ms or more.
    return { en: Object.assign(Object.create(null) as A & B, a.en, b.en), cy: Object.assign(Object.create(null) as Translation<A & B>, a.cy, b.cy) };
}

/** The translator of `catalogues`. */
export function createTranslator<E extends Catalogue>(catalogues: Catalogues<E>): Translator<E> {
    const compiled: Record<Lang, Map<string, Compiled>> = { en: new Map(), cy: new Map() };
    const textOf = (key: string, lang: Lang): string => {
        if (!Object.hasOwn(catalogues.en, key)) throw new Error(`the message catalogue has no entry '${key}'`);
        const translated: unknown = Object.hasOwn(catalogues[lang], key) ? (catalogues[lang] as Catalogue)[key] : undefined;
        if (typeof translated === 'string' && translated.trim() !== '') return translated;
        return catalogues.en[key] ?? '';
    };
    const compile = (key: string, lang: Lang): Compiled => {
        const known = compiled[lang].get(key);
        if (known) return known;
        const message = compileMessage(textOf(key, lang), lang);
        const made = { message, choosers: choosersOf(message.getAst()) };
        compiled[lang].set(key, made);
        return made;
    };
    const t = <K extends keyof E & string>(key: K, params: ParamsOf<E[K]>, lang: Lang): string => {
        const { message, choosers } = compile(key, lang);
        const whole = WHOLE_TEXT_KEYS.test(key);
        const values: Record<string, string | number> = {};
        for (const [name, value] of Object.entries<string | number>(params)) {
            // Text that could reorder the sentence around it (Trojan Source) is isolated in it;
            // the words a message chooses by are compared, not shown.
            values[name] = typeof value !== 'string' || WORDED_PARAMS.has(name) || choosers.has(name) ? value : isolateBidi(whole ? value : shortenText(value));
        }
        return message.format(values);
    };
    const isWordKey = (key: string): key is WordKeyOf<E> => {
        if (!Object.hasOwn(catalogues.en, key)) return false;
        return compile(key, 'en')
            .message.getAst()
            .every(element => element.type === TYPE.literal);
    };
    return {
        t,
        word: (key, lang) => t(key, {} as ParamsOf<E[typeof key]>, lang),
        isWordKey,
        message: (key, params) => ({ key, params }),
        render: (message, lang) => t(message.key, message.params, lang)
    };
}
