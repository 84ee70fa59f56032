import { type Lang, t } from '../i18n/index.js';
import type { AgreementModel } from '../model/types.js';
import type { CheckDefinition, Finding, FindingInput } from './check.js';

/**
 * Runs checks over a model and returns everything they find, in check order. A check that throws
 * is a bug in Pool: it becomes an `internal-error` finding on the document instead of hiding every
 * other check's findings.
 */
export function runChecks(model: AgreementModel, checks: readonly CheckDefinition[], lang: Lang = 'en'): Finding[] {
    const findings: Finding[] = [];
    for (const check of checks) {
        if (!check.run) continue;
        const report = (input: FindingInput) => findings.push({ ...input, code: check.code, severity: input.severity ?? check.severity });
        try {
            check.run(model, report, lang);
        } catch (error) {
            findings.push({
                code: 'internal-error',
                severity: 'error',
                node: model.document.parseResult.value,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                message: t('internal-error.check', { code: check.code, error: error instanceof Error ? error.message : String(error) }, lang)
            });
        }
    }
    return findings;
}
