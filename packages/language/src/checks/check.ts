import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Lang } from '../i18n/messages.js';
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

/** One check: a stable code, a severity and the function that finds what it is about. */
export interface CheckDefinition {
    /** Stable: shown in every diagnostic, in JSON and in CI output; never renamed. */
    readonly code: string;
    readonly severity: CheckSeverity;
    readonly tier: CheckTier;
    /** One sentence: what the check finds. Used in documentation, SARIF rules and hovers. */
    readonly summary: string;
    /**
     * Reads the computed model and reports findings, worded in `lang` (messages come from
     * i18n/messages.ts). Absent for codes produced by the parser.
     */
    readonly run?: (model: AgreementModel, report: Report, lang: Lang) => void;
}

export function defineCheck(definition: CheckDefinition): CheckDefinition {
    return definition;
}
