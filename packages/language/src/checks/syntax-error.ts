import { defineCheck } from './check.js';

/** Produced by the parser (see services/pool-syntax-messages.ts), not by a model check. */
export const syntaxError = defineCheck({
    code: 'syntax-error',
    severity: 'error',
    tier: 'language',
    fix: 'quick-fix'
});

/** A fault in the tool itself while running a check: reported instead of crashing, never expected. */
export const internalError = defineCheck({
    code: 'internal-error',
    severity: 'error',
    tier: 'language',
    fix: 'no-unambiguous-fix',
    withoutExample:
        'No agreement should ever cause this: it means a check failed inside Pool. A file that could not be checked never passes: `pool check` says `could not check FILE: reason` and exits with status 2, and the editor shows this error at the first line. Please report the file that caused it.'
});

/** Produced when a file is larger than Pool reads (see services/pool-document-factory.ts). */
export const fileTooLarge = defineCheck({
    code: 'file-too-large',
    severity: 'error',
    tier: 'language',
    fix: 'no-unambiguous-fix',
    withoutExample:
        'A file of more than 10 MiB (measured in bytes, before it is read) is not parsed at all; `pool check` reports this one error at its first line, and so does the editor. Split the agreement into files that import a shared register or pools file.'
});

/** Produced when a file is not UTF-8 text or not a regular file (see services/pool-document-factory.ts). */
export const unreadableFile = defineCheck({
    code: 'unreadable-file',
    severity: 'error',
    tier: 'language',
    fix: 'no-unambiguous-fix',
    withoutExample:
        'A file that is not UTF-8 text (saved in Latin-1 or Windows-1252, say), a binary file, or something that is not a regular file (a named pipe, a device) is not read at all. `pool check` stops with one line, such as `pool: cannot read old.pool: it is not UTF-8 text (the byte 0xA3 on line 1 is not valid UTF-8); save it as UTF-8`, and exits with status 2; the editor shows the same words as this error on the file, even when it is open and the editor has decoded it some other way. Save the file as UTF-8.'
});
