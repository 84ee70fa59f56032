/**
 * The messages of the language server, put into words: its own catalogue (`en.ts`, `cy.ts`) and the
 * language package's, which holds the words and sentences several packages share.
 */

import { createTranslator, joinCatalogues, LANGUAGE_CATALOGUES, type Translator } from '@pool/language';
import { cy } from './cy.js';
import { en } from './en.js';

const CATALOGUES = joinCatalogues(LANGUAGE_CATALOGUES, { en, cy });

type Messages = typeof CATALOGUES.en;

const translator: Translator<Messages> = createTranslator(CATALOGUES);
export const { t } = translator;
