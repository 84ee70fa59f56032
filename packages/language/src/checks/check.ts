import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { LANGUAGE_CATALOGUES, type Lang, type MessageKey, t } from '../i18n/index.js';
import type { AgreementModel } from '../model/types.js';

export type CheckSeverity = 'error' | 'warning';

/**
 * `core` checks belong to the first version of the language, `domain` checks encode the rules of
 * pooled budgets (Section 75, the Better Care Fund, payment by results); `language` codes are
 * about the text itself (syntax, missing or repeated fields, internal faults).
 */
export type CheckTier = 'core' | 'domain' | 'language';

/** Something a check found, pointing at the exact place in the source. */
export interface Finding {
    readonly code: string;
    readonly severity: CheckSeverity;
    /** In the reader's language (English or Welsh), with the numbers involved and, where there is one, the fix. */
    readonly message: string;
    readonly node: AstNode;
    /** Narrows the range to one property of `node`. */
    readonly property?: string;
    readonly index?: number;
    /** An explicit range inside `node`'s document, overriding node and property. */
    readonly range?: Range;
    /** Other places that explain the finding (the lines that sum to something else). */
    readonly related?: readonly RelatedPlace[];
    /** Facts a quick fix needs (the computed total, the suggested year). */
    readonly data?: Readonly<Record<string, unknown>>;
}

export interface RelatedPlace {
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    readonly message: string;
}

/** What a check reports; `severity` only where one finding is graver than the check's usual (bidi-control inside an id). */
export type FindingInput = Omit<Finding, 'code' | 'severity'> & { readonly severity?: CheckSeverity };

export type Report = (finding: FindingInput) => void;

/**
 * The code of every check: the catalogue's `summary.<code>` entries, so a check whose one-sentence
 * summary is missing (in English, and so in Welsh: `cy` has every key of `en`) does not compile.
 */
export type CheckCode = { [K in MessageKey]: K extends `summary.${infer Code}` ? Code : never }[MessageKey];

/**
 * The codes with a `fix-note.<code>` entry: what the check's quick fix does, or why it has none,
 * printed in the check reference. A check without one does not compile (`defineCheck`).
 */
type FixNoteCode = { [K in MessageKey]: K extends `fix-note.${infer Code}` ? Code : never }[MessageKey];

/**
 * Whether a check's findings can be repaired by a quick fix (`lsp/pool-code-actions.ts`, which must
 * then have one for its code) or have no repair that is sure to be the one meant.
 */
export type CheckFix = 'quick-fix' | 'no-unambiguous-fix';

/** What a check's file says about it: everything else (its summary, its reference entry) follows from this. */
export interface CheckSpec<C extends CheckCode = CheckCode> {
    /** Stable: shown in every diagnostic, in JSON and in CI output; never renamed. */
    readonly code: C;
    readonly severity: CheckSeverity;
    readonly tier: CheckTier;
    readonly fix: CheckFix;
    /**
     * For a code no small file can show (a fault inside Pool, a file too large to read): why
     * `examples/invalid` and `test/fixtures/checks` have no file for it, in English, printed in the
     * check reference (docs/checks.md) in place of the example. Every other check has both files.
     */
    readonly withoutExample?: string;
    /**
     * Reads the computed model and reports findings, worded in `lang` (messages come from
     * i18n/en.ts). Absent for codes produced by the parser.
     */
    readonly run?: (model: AgreementModel, report: Report, lang: Lang) => void;
}

/** One check: a stable code, a severity and the function that finds what it is about. */
export interface CheckDefinition extends CheckSpec {
    /** One sentence in English: what the check finds (`summary.<code>`). Used in documentation, SARIF rules and hovers. */
    readonly summary: string;
}

/** A check, from its file's one definition. It is run once it is listed in `ALL_CHECKS` (index.ts), which test/tidy.test.ts makes sure of. */
export function defineCheck<C extends CheckCode & FixNoteCode>(spec: CheckSpec<C>): CheckDefinition {
    return { ...spec, summary: LANGUAGE_CATALOGUES.en[`summary.${spec.code}`] };
}

/** What the check's quick fix does or, for a check without one, why there is none, in `lang`. */
export function checkFixNote(check: CheckDefinition, lang: Lang): string {
    return t(`fix-note.${check.code}`, {}, lang);
}

/** What a check finds, in one sentence, in `lang`. */
export function checkSummary(check: CheckDefinition, lang: Lang): string {
    return t(`summary.${check.code}`, {}, lang);
}
