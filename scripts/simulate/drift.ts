/**
 * Drift: a lead whose stored Lifecycle_Stage__c, Fit_Score__c or Interest_Score__c is not what Baton's Apex
 * would have stored under the org's current criteria, and why that is likely. The rules follow
 * LeadLifecycleService.applyBeforeSave, which runs on every save unless automation is off
 * (Lead_Handoff_Setting.Default.Automation_Enabled__c) or the saving user holds Baton_Bypass_Automation:
 *
 * - Inquiry (or blank), MQL and Recycled leads get both scores stamped from the MQL gate on every save;
 *   a blank stage becomes Inquiry; an Inquiry lead that passes the gate becomes MQL.
 * - An MQL lead is never demoted, whatever the gate says now.
 * - A Recycled lead returns to MQL only on a save whose scores are higher than its stored ones (new
 *   evidence), so a Recycled lead that passes the gate with unchanged scores stays Recycled.
 * - A SAL lead becomes SQL on a save after its acceptance when the SQL gate passes (the acceptance itself
 *   does not evaluate the SQL gate). Scores are not stamped after MQL.
 * - SQL, Disqualified and converted leads are not evaluated.
 *
 * A lead that disagrees with these rules is drift, with the first likely cause that has evidence:
 * automation bypassed (automation off, a blank stage, a blank score where Baton always stamps one), the
 * criteria version differs (the lead was last saved before the current criteria were in use), or
 * unexplained. A lead that agrees with the rules but whose stored stage differs from what today's gate
 * says is held there by Baton's own rules: recycled, MQL kept, or SAL waiting for a save.
 */
import type { StageEvaluation } from '../lib/criteria/engine.ts';
import { ExactDecimal } from '../lib/criteria/values.ts';

const ZERO = new ExactDecimal(0);

export type DriftCause =
    'automation-bypassed' | 'criteria-version' | 'unexplained' | 'recycled' | 'mql-kept' | 'awaiting-save';

/** The causes, in report order, with what each says; `drift` is false for Baton's own rules. */
export const DRIFT_CAUSES: Readonly<Record<DriftCause, { label: string; drift: boolean; meaning: string }>> = {
    'criteria-version': {
        label: 'criteria version differs',
        drift: true,
        meaning: 'last saved before the current criteria were in use: the next save restamps it'
    },
    'automation-bypassed': {
        label: 'automation bypassed',
        drift: true,
        meaning: 'saved while Baton did not run (automation off, Baton_Bypass_Automation, or data loaded before Baton)'
    },
    unexplained: {
        label: 'unexplained',
        drift: true,
        meaning: 'no evidence of either: a defect in one engine, or data changed in a way Baton cannot see'
    },
    recycled: {
        label: 'recycled',
        drift: false,
        meaning: 'Recycled and passing the MQL gate: Baton returns it to MQL only on a save that raises a score'
    },
    'mql-kept': {
        label: 'MQL kept',
        drift: false,
        meaning: 'MQL and failing the MQL gate now: Baton never demotes an MQL'
    },
    'awaiting-save': {
        label: 'SAL waiting for a save',
        drift: false,
        meaning: 'SAL, passing the SQL gate, not saved since accepted: Baton promotes it on its next save'
    }
};

/** What the org stores for a lead. */
export interface StoredLead {
    stage: string | null;
    fit: ExactDecimal | null;
    interest: ExactDecimal | null;
    converted: boolean;
    /** SAL_Date__c and LastModifiedDate, epoch milliseconds (null when blank or unreadable). */
    acceptedAt: number | null;
    lastModifiedAt: number | null;
}

/** What the org says about its criteria beyond the records. */
export interface DriftContext {
    automationEnabled: boolean;
    /**
     * Leads last saved before this instant (epoch ms) were evaluated under earlier criteria: the first SLA
     * clock stamped with the current Criteria_Version__c started then or, when none is, the last clock of
     * another version did. Null when the org's clocks tell nothing.
     */
    criteriaInUseSince: number | null;
}

export interface DriftFinding {
    cause: DriftCause;
    /** What Baton would store: the stage, and the scores when it stamps them. */
    expectedStage: string;
    expectedScores: boolean;
}

/** A save within this long of the acceptance is the acceptance itself (one transaction, two timestamps). */
const ACCEPTANCE_SAVE_MS = 60_000;

const STAMPED_STAGES = new Set(['Inquiry', 'MQL', 'Recycled']);

function same(stored: ExactDecimal | null, evaluated: ExactDecimal): boolean {
    return stored !== null && stored.eq(evaluated);
}

function evidence(stored: StoredLead, context: DriftContext, blankValue: boolean): DriftCause {
    if (!context.automationEnabled || blankValue) {
        return 'automation-bypassed';
    }
    if (
        context.criteriaInUseSince !== null &&
        stored.lastModifiedAt !== null &&
        stored.lastModifiedAt < context.criteriaInUseSince
    ) {
        return 'criteria-version';
    }
    return 'unexplained';
}

/** The drift of one lead under the org's current MQL and SQL gates, or null when it agrees. */
export function driftOf(
    stored: StoredLead,
    mql: StageEvaluation,
    sql: StageEvaluation,
    context: DriftContext
): DriftFinding | null {
    if (stored.converted || stored.stage === 'Converted') {
        return null;
    }
    const passes = mql.verdict === 'Pass';
    if (stored.stage === null || STAMPED_STAGES.has(stored.stage)) {
        const stage = stored.stage ?? 'Inquiry';
        const scoresAgree = same(stored.fit, mql.fitScore) && same(stored.interest, mql.interestScore);
        // isRequalifiedRecycle compares with the stored scores, a blank one as 0.
        const raised = mql.fitScore.gt(stored.fit ?? ZERO) || mql.interestScore.gt(stored.interest ?? ZERO);
        const expectedStage =
            passes && (stage === 'Inquiry' || (stage === 'Recycled' && !scoresAgree && raised)) ? 'MQL' : stage;
        if (!scoresAgree || expectedStage !== stage || stored.stage === null) {
            const blank = stored.stage === null || stored.fit === null || stored.interest === null;
            return { cause: evidence(stored, context, blank), expectedStage, expectedScores: true };
        }
        if (stage === 'Recycled' && passes) {
            return { cause: 'recycled', expectedStage: stage, expectedScores: true };
        }
        return stage === 'MQL' && !passes ? { cause: 'mql-kept', expectedStage: stage, expectedScores: true } : null;
    }
    if (stored.stage === 'SAL' && sql.verdict === 'Pass') {
        const savedSinceAccepted =
            stored.acceptedAt !== null &&
            stored.lastModifiedAt !== null &&
            stored.lastModifiedAt - stored.acceptedAt > ACCEPTANCE_SAVE_MS;
        return savedSinceAccepted
            ? { cause: evidence(stored, context, false), expectedStage: 'SQL', expectedScores: false }
            : { cause: 'awaiting-save', expectedStage: 'SAL', expectedScores: false };
    }
    return null;
}
