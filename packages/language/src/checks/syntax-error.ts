import { en } from '../i18n/messages.js';
import { defineCheck } from './check.js';

/** Produced by the parser (see services/pool-syntax-messages.ts), not by a model check. */
export const syntaxError = defineCheck({
    code: 'syntax-error',
    severity: 'error',
    tier: 'language',
    summary: en['summary.syntax-error']
});

/** A fault in the tool itself while running a check: reported instead of crashing, never expected. */
export const internalError = defineCheck({
    code: 'internal-error',
    severity: 'error',
    tier: 'language',
    summary: en['summary.internal-error']
});

/** Produced when a file is larger than Pool reads (see services/pool-document-factory.ts). */
export const fileTooLarge = defineCheck({
    code: 'file-too-large',
    severity: 'error',
    tier: 'language',
    summary: en['summary.file-too-large']
});

/** Produced when a file is not UTF-8 text or not a regular file (see services/pool-document-factory.ts). */
export const unreadableFile = defineCheck({
    code: 'unreadable-file',
    severity: 'error',
    tier: 'language',
    summary: en['summary.unreadable-file']
});
