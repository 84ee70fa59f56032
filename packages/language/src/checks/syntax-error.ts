import { defineCheck } from './check.js';

/** Produced by the parser (see services/pool-syntax-messages.ts), not by a model check. */
export const syntaxError = defineCheck({
    code: 'syntax-error',
    severity: 'error',
    tier: 'language',
    fix: 'no-unambiguous-fix'
});

/** A fault in the tool itself while running a check: reported instead of crashing, never expected. */
export const internalError = defineCheck({
    code: 'internal-error',
    severity: 'error',
    tier: 'language',
    fix: 'no-unambiguous-fix',
    withoutExample:
        'No agreement should ever cause this: it means a check failed inside Pool. The other checks still run; please report the file that caused it.'
});

/** Produced when a file is larger than Pool reads (see services/pool-document-factory.ts). */
export const fileTooLarge = defineCheck({
    code: 'file-too-large',
    severity: 'error',
    tier: 'language',
    fix: 'no-unambiguous-fix',
    withoutExample:
        'A file of more than 10 MiB is not parsed at all; `pool check` reports this one error at its first line, and so does the editor. Split the agreement into files that import a shared register or pools file.'
});
