/**
 * The messages of the reports, put into words: its own catalogue (`en.ts`, `cy.ts`) and the
 * language package's, which holds the words and sentences several packages share.
 */

import { createTranslator, joinCatalogues, LANGUAGE_CATALOGUES, type ParamsOf, type Translator, type WordKeyOf } from '@pool/language';
import { cy } from './cy.js';
import { en } from './en.js';

const CATALOGUES = joinCatalogues(LANGUAGE_CATALOGUES, { en, cy });

type Messages = typeof CATALOGUES.en;
export type MessageKey = keyof Messages;
export type MessageParams<K extends MessageKey> = ParamsOf<Messages[K]>;
export type WordKey = WordKeyOf<Messages>;

const translator: Translator<Messages> = createTranslator(CATALOGUES);
export const { t, word, isWordKey, render } = translator;
