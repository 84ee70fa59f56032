// Written by scripts/move-messages.mjs from the catalogue of old, and edited by hand since: add a
// message here (English) and in the other language's file, with the same key.
/**
 * The sentences of the language server in English: ICU MessageFormat, one whole sentence per key
 * (see packages/language/src/i18n/catalogue.ts for the rules).
 */

import type { Catalogue } from '@pool/language';

export const en = {
    'server.command.needs-document': '{command} needs the URI of a Pool agreement the language server has open or in its workspace',
    'server.report.written': 'The report is at {path}; open it in a web browser.',
    'server.progress.title': 'Checking Pool agreements',
    'server.progress.checked': '{checked} of {total, plural, one {# file} other {# files}} checked',
    'server.report.unknown-document': '{uri} is not a Pool agreement the language server has open or in its workspace',
    'server.report.unknown-format': 'cannot export a report as {format}: the formats are md, html and json'
} as const satisfies Catalogue;
