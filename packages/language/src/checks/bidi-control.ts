import { CstUtils } from 'langium';
import { listInWords, t } from '../i18n/index.js';
import { defineCheck } from './check.js';

/** Unicode's bidirectional controls, the characters of the Trojan Source attacks. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g;

/**
 * Characters that reorder how text is shown (right-to-left overrides, isolates, marks: Unicode's
 * Bidi_Control), anywhere in the file. What a reader sees is then not what Pool reads ("Trojan
 * Source"): a total can appear on a different line, a comment can appear to end early. A warning
 * in text and comments, where right-to-left writing may need them; an error inside an id, where
 * they make one id look like another. The quick fix removes them.
 */
export const bidiControl = defineCheck({
    code: 'bidi-control',
    severity: 'warning',
    tier: 'language',
    fix: 'quick-fix',
    run(model, report, lang) {
        const document = model.document;
        const text = document.textDocument.getText();
        const root = document.parseResult.value;
        for (const match of text.matchAll(BIDI_CONTROL)) {
            const start = match.index;
            const end = start + match[0].length;
            const characters = listInWords(
                [...new Set(match[0])].map(character => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`),
                lang
            );
            const leaf = root.$cstNode ? CstUtils.findLeafNodeAtOffset(root.$cstNode, start) : undefined;
            const within = leaf && leaf.offset <= start && end <= leaf.end ? leaf.tokenType.name : undefined;
            const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
            if (within === 'ID' && leaf) {
                report({ node: root, range, severity: 'error', message: t('bidi-control.in-id', { id: leaf.text, characters }, lang) });
            } else {
                const key =
                    within === 'STRING'
                        ? 'bidi-control.in-text'
                        : within === 'SL_COMMENT' || within === 'ML_COMMENT'
                          ? 'bidi-control.in-comment'
                          : 'bidi-control.between';
                report({ node: root, range, message: t(key, { characters }, lang) });
            }
        }
    }
});
