import { defineCheck } from './check.js';

/** Produced by the parser (see services/pool-syntax-messages.ts), not by a model check. */
export const syntaxError = defineCheck({
    code: 'syntax-error',
    severity: 'error',
    tier: 'language',
    summary: 'Text that does not follow the syntax of the language; the message says what was expected.'
});

/** A fault in the tool itself while running a check: reported instead of crashing, never expected. */
export const internalError = defineCheck({
    code: 'internal-error',
    severity: 'error',
    tier: 'language',
    summary: 'A check failed to run because of a fault in Pool itself; please report it with the file that caused it.'
});

/** Produced when a file is larger than Pool reads (see services/pool-document-factory.ts). */
export const fileTooLarge = defineCheck({
    code: 'file-too-large',
    severity: 'error',
    tier: 'language',
    summary: 'A file larger than Pool reads (10 MiB); it is not checked, so that the editor and CI stay responsive.'
});
