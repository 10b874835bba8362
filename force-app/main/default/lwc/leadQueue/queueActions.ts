/**
 * How each queue action is carried out: what the rep is asked first (confirming an accept over failing
 * acceptance checks, the rejection reason), then the controller calls, paired with the leads sent into an
 * ActionOutcome. A plan resolves to null when the rep cancels.
 */
import LightningConfirm from 'lightning/confirm';
import acceptLeads from '@salesforce/apex/LeadQueueController.acceptLeads';
import rejectLeads from '@salesforce/apex/LeadQueueController.rejectLeads';
import qualifyLeads from '@salesforce/apex/LeadQueueController.qualifyLeads';
import LeadRejectModal from 'c/leadRejectModal';
import type { RejectDecision } from 'c/leadRejectModal';
import { failedLeads, mergeOutcome, succeededIds, summarize, toOutcome } from 'c/leadActionOutcome';
import type { ActionOutcome, LeadAction, OutcomeSummary } from 'c/leadActionOutcome';
import { reduceErrors } from 'c/ldsUtils';

type LeadQueueItem = LeadQueueController.LeadQueueItem;
type LeadRuleResult = LeadQueueController.LeadRuleResult;
type LeadActionResult = LeadQueueController.LeadActionResult;

/** Performs the action once the rep has answered every question; resolves with the per-lead outcome. */
export type Perform = () => Promise<ActionOutcome>;

const CONFIRM_LISTED_LEADS = 10;

const ACTION_FAILURE: Record<LeadAction, string> = {
    accept: 'The leads could not be accepted.',
    reject: 'The leads could not be rejected.',
    qualify: 'The leads could not be qualified.'
};

function failsAcceptance(item: LeadQueueItem): boolean {
    return (item.failingAcceptanceRules ?? []).length > 0;
}

export function idsOf(leads: Array<{ leadId: string }>): string[] {
    return leads.map((lead) => lead.leadId);
}

function namesOf(items: LeadQueueItem[]): Array<{ leadId: string; name: string }> {
    return items.map(({ leadId, name }) => ({ leadId, name }));
}

function confirmOverride(leads: Array<{ name: string; rules: LeadRuleResult[] }>): Promise<boolean> {
    const listed = leads.slice(0, CONFIRM_LISTED_LEADS).map(({ name, rules }) => {
        const checks = rules.map((rule) => rule.description || rule.ruleName).join('; ');
        return `${name}: ${checks || 'acceptance checks fail'}`;
    });
    if (leads.length > CONFIRM_LISTED_LEADS) {
        listed.push(`and ${leads.length - CONFIRM_LISTED_LEADS} more`);
    }
    const subject = leads.length === 1 ? 'This lead fails' : `${leads.length} leads fail`;
    return LightningConfirm.open({
        label: 'Accept despite failing checks?',
        theme: 'warning',
        message: `${subject} acceptance checks. Accept anyway? ${listed.join('. ')}.`
    });
}

/**
 * Accepts one batch. When an earlier batch of the same action already changed leads, a failing call
 * must not hide that: its own leads are reported as failed with the error instead of aborting.
 */
async function acceptBatch(
    leadIds: string[],
    overrideAcceptanceRules: boolean,
    earlierChanges: boolean
): Promise<LeadActionResult[]> {
    if (leadIds.length === 0) {
        return [];
    }
    try {
        return await acceptLeads({ leadIds, overrideAcceptanceRules });
    } catch (error) {
        if (!earlierChanges) {
            throw error;
        }
        const message = reduceErrors(error).join(' ') || 'The server did not answer. Refresh and try again.';
        return leadIds.map((leadId) => ({ leadId, success: false, message }));
    }
}

/**
 * Leads that fail acceptance checks are accepted only after the rep confirms, and then with the override;
 * the others without it. If the checks changed since the page loaded, the controller refuses
 * (needsConfirmation) and the rep is asked again for those leads.
 */
async function planAccept(items: LeadQueueItem[]): Promise<Perform | null> {
    const flagged = items.filter(failsAcceptance);
    const clean = items.filter((item) => !failsAcceptance(item));
    if (
        flagged.length > 0 &&
        !(await confirmOverride(flagged.map((item) => ({ name: item.name, rules: item.failingAcceptanceRules ?? [] }))))
    ) {
        return null;
    }
    return async () => {
        const results = await acceptBatch(idsOf(clean), false, false);
        results.push(
            ...(await acceptBatch(
                idsOf(flagged),
                true,
                results.some((result) => result.success)
            ))
        );
        const outcome = toOutcome('accept', namesOf(items), results);
        const refused = outcome.leads.filter((lead) => lead.needsConfirmation);
        if (
            refused.length === 0 ||
            !(await confirmOverride(refused.map(({ name, missingRules }) => ({ name, rules: missingRules }))))
        ) {
            return outcome;
        }
        const retry = await acceptBatch(idsOf(refused), true, succeededIds(outcome).length > 0);
        return mergeOutcome(outcome, toOutcome('accept', refused, retry));
    };
}

async function planReject(items: LeadQueueItem[]): Promise<Perform | null> {
    const suggestions = new Set(items.map((item) => item.suggestedRejectionReason || ''));
    const leads = namesOf(items);
    const decision = await LeadRejectModal.open<RejectDecision>({
        label: leads.length === 1 ? `Reject ${leads[0].name}` : `Reject ${leads.length} leads`,
        size: 'small',
        description: 'Choose a rejection reason, add notes for marketing, and recycle or disqualify.',
        leads,
        // Pre-fill only a reason every selected lead agrees on.
        suggestedReason: suggestions.size === 1 ? [...suggestions][0] || null : null
    });
    if (!decision) {
        return null;
    }
    return async () => toOutcome('reject', leads, await rejectLeads({ leadIds: idsOf(items), ...decision }));
}

function planQualify(items: LeadQueueItem[]): Promise<Perform> {
    return Promise.resolve(async () =>
        toOutcome('qualify', namesOf(items), await qualifyLeads({ leadIds: idsOf(items) }))
    );
}

export const PLANS: Record<LeadAction, (items: LeadQueueItem[]) => Promise<Perform | null>> = {
    accept: planAccept,
    reject: planReject,
    qualify: planQualify
};

/** What an action did, ready to show: the toast, the leads that failed (if any), or the error of the whole call. */
export interface ActionReport {
    toast: Pick<OutcomeSummary, 'title' | 'message' | 'variant'>;
    /** The outcome when some leads failed, for the per-lead list; null when every lead succeeded. */
    failures: ActionOutcome | null;
    /** Leads the action changed, for the message channel. */
    changed: string[];
    error?: unknown;
    errorMessage?: string;
}

export async function carryOut(action: LeadAction, perform: Perform): Promise<ActionReport> {
    try {
        const outcome = await perform();
        const { title, message, variant } = summarize(outcome);
        return {
            toast: { title, message, variant },
            failures: failedLeads(outcome).length > 0 ? outcome : null,
            changed: succeededIds(outcome)
        };
    } catch (error) {
        return {
            toast: { title: ACTION_FAILURE[action], message: reduceErrors(error).join(' '), variant: 'error' },
            failures: null,
            changed: [],
            error,
            errorMessage: ACTION_FAILURE[action]
        };
    }
}
