import type { CheckDefinition } from './check.js';
import { actualOutsidePeriod } from './actual-outside-period.js';
import { approvalSignature } from './approval-signature.js';
import { approvalStale } from './approval-stale.js';
import { earnedOverCap } from './earned-over-cap.js';
import { cohortOverAttached } from './cohort-over-attached.js';
import { unknownPeriod } from './unknown-period.js';
import { badAmount } from './bad-amount.js';
import { badFinancialYear } from './bad-financial-year.js';
import { belowMinimum } from './below-minimum.js';
import { bidiControl } from './bidi-control.js';
import { clauseNotApplicable } from './clause-not-applicable.js';
import { deadlineBeforeBaseline } from './deadline-before-baseline.js';
import { duplicateDeclaration } from './duplicate-declaration.js';
import { emptyPool } from './empty-pool.js';
import { hostNotContributing } from './host-not-contributing.js';
import { importCycle } from './import-cycle.js';
import { importNotFound } from './import-not-found.js';
import { jointSplitNot100 } from './joint-split-not-100.js';
import { rateOutOfRange } from './rate-out-of-range.js';
import { cashableOverFiscal } from './cashable-over-fiscal.js';
import { unitCostUnsourced } from './unit-cost-unsourced.js';
import { s75Contents } from './s75-contents.js';
import { spendMinimumUnmet } from './spend-minimum-unmet.js';
import { streamBelowMinimum } from './stream-below-minimum.js';
import { streamOverspent } from './stream-overspent.js';
import { streamUnderspent } from './stream-underspent.js';
import { upliftMismatch } from './uplift-mismatch.js';
import { liabilityOverContribution } from './liability-over-contribution.js';
import { missingField } from './missing-field.js';
import { missingHost } from './missing-host.js';
import { overspentPool } from './overspent-pool.js';
import { paymentCapExceeded } from './payment-cap-exceeded.js';
import { pbrSplit } from './pbr-split.js';
import { proposedWithoutApproval } from './proposed-without-approval.js';
import { ringfenceBreached } from './ringfence-breached.js';
import { riskCapExceeded } from './risk-cap-exceeded.js';
import { s75NeedsBoth } from './s75-needs-both.js';
import { s75Party } from './s75-party.js';
import { signedWithoutApproval } from './signed-without-approval.js';
import { shareOutOfRange } from './share-out-of-range.js';
import { shareWithoutContribution } from './share-without-contribution.js';
import { sharesNot100 } from './shares-not-100.js';
import { fileTooLarge, internalError, syntaxError, unreadableFile } from './syntax-error.js';
import { targetDirection } from './target-direction.js';
import { totalMismatch } from './total-mismatch.js';
import { unallocatedFunds } from './unallocated-funds.js';
import { unknownReference } from './unknown-reference.js';
import { unusedPartner } from './unused-partner.js';
import { wrongPocket } from './wrong-pocket.js';
import { yearOutsidePeriod } from './year-outside-period.js';

export * from './check.js';
export * from './run-checks.js';

/** Every check, in the order of the language reference. Adding a check is adding a file and a line here (test/tidy.test.ts fails on a check left out; see ARCHITECTURE.md, How to add a check). */
export const ALL_CHECKS: readonly CheckDefinition[] = [
    // core
    totalMismatch,
    overspentPool,
    unallocatedFunds,
    sharesNot100,
    shareOutOfRange,
    unknownReference,
    duplicateDeclaration,
    yearOutsidePeriod,
    badFinancialYear,
    badAmount,
    targetDirection,
    deadlineBeforeBaseline,
    missingHost,
    importNotFound,
    importCycle,
    unusedPartner,
    emptyPool,
    // domain
    hostNotContributing,
    s75Party,
    paymentCapExceeded,
    riskCapExceeded,
    shareWithoutContribution,
    belowMinimum,
    ringfenceBreached,
    s75NeedsBoth,
    pbrSplit,
    liabilityOverContribution,
    wrongPocket,
    // programme rules
    streamBelowMinimum,
    upliftMismatch,
    streamOverspent,
    streamUnderspent,
    jointSplitNot100,
    spendMinimumUnmet,
    s75Contents,
    rateOutOfRange,
    cashableOverFiscal,
    unitCostUnsourced,
    // sign-off and monitoring
    approvalStale,
    approvalSignature,
    signedWithoutApproval,
    proposedWithoutApproval,
    actualOutsidePeriod,
    unknownPeriod,
    earnedOverCap,
    cohortOverAttached,
    // language
    syntaxError,
    missingField,
    clauseNotApplicable,
    bidiControl,
    fileTooLarge,
    unreadableFile,
    internalError
];

export const CHECKS_BY_CODE: ReadonlyMap<string, CheckDefinition> = new Map(ALL_CHECKS.map(check => [check.code, check]));
