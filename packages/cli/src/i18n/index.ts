/**
 * The messages of the command line, put into words: its own catalogue (`en.ts`, `cy.ts`) and the
 * language package's, which holds the words and sentences several packages share.
 */

import { type AnyMessageOf, createTranslator, joinCatalogues, LANGUAGE_CATALOGUES, type Translator, type WordKeyOf } from '@pool/language';
import { cy } from './cy.js';
import { en } from './en.js';

const CATALOGUES = joinCatalogues(LANGUAGE_CATALOGUES, { en, cy });

type Messages = typeof CATALOGUES.en;
export type WordKey = WordKeyOf<Messages>;
/** A message of this package or the language package, to be worded later in the reader's language. */
export type Message = AnyMessageOf<Messages>;

const translator: Translator<Messages> = createTranslator(CATALOGUES);
export const { t, word, message, render } = translator;
