import type { Diagnostic } from 'vscode-languageserver-types';
import { type Lang, t } from '../i18n/index.js';
import type { AgreementModel, ApprovalInfo } from '../model/types.js';
import { type Change, ChangeList, fileName, type SourcePlace } from './changes.js';
import { diffApprovals, diffHeader, diffImports, diffPartners, staleApprovals } from './diff-agreement.js';
import { diffOutcomes } from './diff-outcomes.js';
import { diffPools } from './diff-pools.js';
import { diffAppraisals, diffUnitCosts } from './diff-appraisals.js';
import { diffShares } from './diff-shares.js';

export type { Change, ChangeTopic, SourcePlace } from './changes.js';

/**
 * What changed between two versions of an agreement: a diff of the two models, so it misses
 * nothing the model holds (and the model holds everything the language accepts). Each change is
 * stably identified, carries its values before and after (and the difference in pounds or points),
 * one plain sentence in the language asked for, and where it is written in each version. Changes
 * Pool derives from others (what a share change is worth to each partner, a payment schedule in
 * pounds) are marked `derived`. Approvals that the change leaves behind, and the problems it
 * introduces or resolves, are listed apart: they follow from the changes, they are not changes.
 */
export interface AgreementDiff {
    readonly changes: readonly Change[];
    /** Approvals that covered the earlier text and no longer cover the later one. */
    readonly staleApprovals: readonly {
        readonly partner: string;
        readonly approver: string;
        readonly date: string;
        readonly sentence: string;
        readonly where: SourcePlace | null;
    }[];
    /** Problems `pool check` finds in the later version and not the earlier, and the other way round. */
    readonly findings: { readonly introduced: readonly DiffFinding[]; readonly resolved: readonly DiffFinding[] };
    /** Every change's sentence, in order. */
    readonly sentences: readonly string[];
    /** The full names of the partners and the titles of the pools the changes name by id (the later version's where both have one). */
    readonly names: { readonly partners: Readonly<Record<string, string>>; readonly pools: Readonly<Record<string, string>> };
}

export interface DiffFinding {
    readonly file: string;
    readonly line: number;
    readonly severity: 'error' | 'warning';
    readonly code: string;
    readonly message: string;
}

export function diffAgreements(before: AgreementModel, after: AgreementModel, lang: Lang = 'en'): AgreementDiff {
    const list = new ChangeList(before, after, lang);
    diffHeader(list);
    diffImports(list);
    diffPartners(list);
    diffPools(list);
    diffOutcomes(list);
    diffShares(list);
    diffUnitCosts(list);
    diffAppraisals(list);
    diffApprovals(list);
    const stale = staleApprovals(before, after).map(approval => staleEntry(after, approval, lang));
    const names = {
        partners: Object.fromEntries([...before.partners.values(), ...after.partners.values()].map(partner => [partner.id, partner.name])),
        pools: Object.fromEntries([...before.pools, ...after.pools].map(pool => [pool.id, pool.title]))
    };
    return {
        changes: list.changes,
        staleApprovals: stale,
        findings: diffFindings(before, after),
        sentences: list.changes.map(change => change.sentence),
        names
    };
}

function staleEntry(model: AgreementModel, approval: ApprovalInfo, lang: Lang): AgreementDiff['staleApprovals'][number] {
    const partner = model.partners.get(approval.partnerId)?.name ?? approval.partnerId;
    const range = approval.node.$cstNode?.range;
    return {
        partner: approval.partnerId,
        approver: approval.approver,
        date: approval.date,
        sentence: t('diff.approval.stale', { partner, approver: approval.approver, date: approval.date }, lang),
        where: range ? { file: fileName(model, model.document), line: range.start.line + 1 } : null
    };
}

/**
 * The validator's findings on each version (the diagnostics left on its documents), matched by
 * file, code and message: a finding whose message names other figures counts as resolved and a
 * new one introduced, which is what a reader needs to see.
 */
function diffFindings(before: AgreementModel, after: AgreementModel): AgreementDiff['findings'] {
    const findings = (model: AgreementModel): DiffFinding[] =>
        model.documents.flatMap(document =>
            (document.diagnostics ?? [])
                // Approvals that go stale are listed as approvals to be given again, not as problems.
                .filter((diagnostic: Diagnostic) => (diagnostic.severity === 1 || diagnostic.severity === 2) && diagnostic.code !== 'approval-stale')
                .map((diagnostic: Diagnostic) => ({
                    file: fileName(model, document),
                    line: diagnostic.range.start.line + 1,
                    severity: diagnostic.severity === 1 ? ('error' as const) : ('warning' as const),
                    code: String(diagnostic.code ?? ''),
                    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
                }))
        );
    const identity = (finding: DiffFinding) => [finding.file, finding.code, finding.message].join('\u0000');
    const a = findings(before);
    const b = findings(after);
    const inBefore = new Set(a.map(identity));
    const inAfter = new Set(b.map(identity));
    return { introduced: b.filter(finding => !inBefore.has(identity(finding))), resolved: a.filter(finding => !inAfter.has(identity(finding))) };
}
