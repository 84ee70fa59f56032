import { type Lang, t } from '../i18n/index.js';
import type { AgreementModel } from '../model/types.js';
import { code, escapeMarkdown } from './markdown.js';

/**
 * The hover of the agreement header, when it names a version: that version, and the first twelve
 * hex digits of the fingerprint, which identifies the text exactly (a version is only a name).
 * With no version written the header has no hover.
 */
export function describeHeaderVersion(model: AgreementModel, lang: Lang): string | undefined {
    const version = model.agreement?.version;
    if (version === undefined) return undefined;
    const fingerprint = model.fingerprint.replace(/^sha256:/, '').slice(0, 12);
    return t('hover.agreement.version', { version: escapeMarkdown(version), fingerprint: code(fingerprint) }, lang);
}
