// Written by scripts/move-messages.mjs from the catalogue of old, and edited by hand since: add a
// message here (English) and in the other language's file, with the same key.
/**
 * The sentences of the language server in Welsh: exactly the keys of `en.ts` (a key missing or extra
 * does not compile). Welsh follows the terms of the Welsh Government's public-sector usage:
 * cyllideb gyfun (pooled budget), cronfa gyfun (pooled fund), partner, arbedion (savings),
 * blwyddyn ariannol (financial year), corff lletyol (host), clustnodi (ring-fence). Amounts keep
 * the £ and comma format.
 */

import type { Translation } from '@pool/language';
import type { en } from './en.js';

export const cy: Translation<typeof en> = {
    'server.command.needs-document': 'mae {command} angen URI cytundeb Pool sydd gan y gweinydd iaith ar agor neu yn ei weithle',
    'server.report.written': "Mae'r adroddiad yn {path}; agorwch ef mewn porwr gwe.",
    'server.progress.title': "Wrthi'n gwirio cytundebau Pool",
    'server.progress.checked': "{checked} o {total, plural, one {# ffeil} other {# ffeil}} wedi'u gwirio",
    'server.report.unknown-document': 'nid yw {uri} yn gytundeb Pool sydd gan y gweinydd iaith ar agor nac yn ei weithle',
    'server.report.unknown-format': 'ni ellir allforio adroddiad fel {format}: y fformatau yw md, html a json'
};
