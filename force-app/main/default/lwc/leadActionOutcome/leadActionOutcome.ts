/**
 * What happened to each lead of an accept, reject or qualify action, and how to say it. Shared by
 * the queue (toasts, message channel) and the results panel (the list of leads that failed).
 */

export type LeadAction = 'accept' | 'reject' | 'qualify';

export interface LeadOutcome {
    leadId: string;
    name: string;
    success: boolean;
    message: string;
    missingRules: LeadQueueController.LeadRuleResult[];
    /** Accept refused because acceptance rules fail and nobody confirmed the override. */
    needsConfirmation: boolean;
}

export interface ActionOutcome {
    action: LeadAction;
    leads: LeadOutcome[];
}

export interface OutcomeSummary {
    succeeded: number;
    failed: number;
    title: string;
    message: string;
    variant: 'success' | 'warning' | 'error';
}

const PAST_TENSE: Record<LeadAction, string> = {
    accept: 'accepted',
    reject: 'rejected',
    qualify: 'qualified'
};

export function pastTense(action: LeadAction): string {
    return PAST_TENSE[action];
}

function leads(count: number): string {
    return count === 1 ? '1 lead' : `${count} leads`;
}

/**
 * Pairs the controller's results with the leads that were sent, in the order they were sent. A lead
 * the controller did not answer for counts as failed rather than silently disappearing.
 */
export function toOutcome(
    action: LeadAction,
    sent: Array<{ leadId: string; name: string }>,
    results: LeadQueueController.LeadActionResult[]
): ActionOutcome {
    const byId = new Map(results.map((result) => [result.leadId, result]));
    return {
        action,
        leads: sent.map(({ leadId, name }) => {
            const result = byId.get(leadId);
            if (!result) {
                return {
                    leadId,
                    name,
                    success: false,
                    message: 'The server returned no result for this lead. Refresh and try again.',
                    missingRules: [],
                    needsConfirmation: false
                };
            }
            return {
                leadId,
                name,
                success: result.success === true,
                message: result.message || (result.success ? '' : `Could not be ${pastTense(action)}.`),
                missingRules: result.missingRules ?? [],
                needsConfirmation: result.needsConfirmation === true
            };
        })
    };
}

/** Replaces the outcome of the leads present in `retry` (an override after confirmation). */
export function mergeOutcome(first: ActionOutcome, retry: ActionOutcome): ActionOutcome {
    const retried = new Map(retry.leads.map((lead) => [lead.leadId, lead]));
    return { action: first.action, leads: first.leads.map((lead) => retried.get(lead.leadId) ?? lead) };
}

export function succeededIds(outcome: ActionOutcome): string[] {
    return outcome.leads.filter((lead) => lead.success).map((lead) => lead.leadId);
}

export function failedLeads(outcome: ActionOutcome): LeadOutcome[] {
    return outcome.leads.filter((lead) => !lead.success);
}

/** Toast wording: "3 leads accepted", "7 of 10 leads accepted", "Jane Doe was not qualified". */
export function summarize(outcome: ActionOutcome): OutcomeSummary {
    const verb = pastTense(outcome.action);
    const total = outcome.leads.length;
    const failures = failedLeads(outcome);
    const succeeded = total - failures.length;
    const failed = failures.length;

    if (failed === 0) {
        const title = total === 1 ? `${outcome.leads[0].name} ${verb}` : `${leads(total)} ${verb}`;
        return { succeeded, failed, title, message: '', variant: 'success' };
    }
    if (succeeded > 0) {
        return {
            succeeded,
            failed,
            title: `${succeeded} of ${leads(total)} ${verb}`,
            message: `${leads(failed)} could not be ${verb}: see the list above the queue for why.`,
            variant: 'warning'
        };
    }
    const notReady = outcome.action === 'qualify';
    if (total === 1) {
        return {
            succeeded,
            failed,
            title: `${failures[0].name} was not ${verb}`,
            message: failures[0].message,
            variant: notReady ? 'warning' : 'error'
        };
    }
    return {
        succeeded,
        failed,
        title: `None of the ${total} leads were ${verb}`,
        message: 'See the list above the queue for why.',
        variant: notReady ? 'warning' : 'error'
    };
}
