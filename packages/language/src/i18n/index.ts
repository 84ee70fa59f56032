/**
 * The language package's messages (diagnostics, hovers, quick fixes, the diff, the words other
 * packages' sentences are built from), put into words: `t`, `word`, `message` and `render` over
 * `en.ts` and `cy.ts`, and what every package's translator shares (`catalogue.ts`).
 */

import { type AnyMessageOf, type CatalogueMessageOf, type Catalogues, createTranslator, type Lang, type ParamsOf, type WordKeyOf } from './catalogue.js';
import { cy } from './cy.js';
import { en } from './en.js';

export {
    type AnyMessageOf,
    type Catalogue,
    type CatalogueMessageOf,
    type Catalogues,
    compileMessage,
    createTranslator,
    joinCatalogues,
    type Lang,
    LANGS,
    type ParamsOf,
    shortenText,
    type Translation,
    type Translator,
    type WordKeyOf
} from './catalogue.js';

/** The language package's catalogues; every other package's translator reads them too. */
export const LANGUAGE_CATALOGUES: Catalogues<typeof en> = { en, cy };

export type MessageKey = keyof typeof en;
export type MessageParams<K extends MessageKey> = ParamsOf<(typeof en)[K]>;
export type WordKey = WordKeyOf<typeof en>;
export type MessageOf<K extends MessageKey> = CatalogueMessageOf<typeof en, K>;
/** A message of the language package, to be worded later in the reader's language (the model's amount and year problems). */
export type Message = AnyMessageOf<typeof en>;

export const { t, word, isWordKey, message, render } = createTranslator(LANGUAGE_CATALOGUES);

/** `en` or `cy` when `value` names one of them (`cy`, `cy-GB`, `CY`), otherwise undefined. */
export function parseLang(value: string | undefined): Lang | undefined {
    const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
    return primary === 'en' || primary === 'cy' ? primary : undefined;
}

/** `a`, `a and b`, `a, b and c` (or `a, b a c` in Welsh). */
export function listInWords(items: readonly string[], lang: Lang, conjunction: 'and' | 'or' = 'and'): string {
    const last = items.at(-1);
    if (last === undefined || items.length === 1) return last ?? '';
    const rest = items.slice(0, -1).join(', ');
    if (conjunction === 'or') return t('word.list-or', { rest, last }, lang);
    // Welsh writes `ac`, not `a`, before a vowel.
    return t(/^[`"(]?[aeiouwyâêîôûŵŷ]/i.test(last) ? 'word.list-and-vowel' : 'word.list-and', { rest, last }, lang);
}
