import { LightningElement, api } from 'lwc';
import { failedLeads, pastTense, summarize } from 'c/leadActionOutcome';
import type { ActionOutcome, LeadOutcome } from 'c/leadActionOutcome';

/**
 * The per-lead result of the last queue action that did not fully succeed: which leads failed and
 * why (already accepted by someone else, no access, readiness rules still missing), with a way to
 * dismiss the list. The leads that succeeded are counted, not listed.
 */
export default class LeadActionResults extends LightningElement {
    @api outcome: ActionOutcome | null | undefined;

    get failures(): Array<LeadOutcome & { hasMissingRules: boolean }> {
        return this.outcome
            ? failedLeads(this.outcome).map((lead) => ({ ...lead, hasMissingRules: lead.missingRules.length > 0 }))
            : [];
    }

    get hasFailures(): boolean {
        return this.failures.length > 0;
    }

    get heading(): string {
        if (!this.outcome) {
            return '';
        }
        const { succeeded, failed } = summarize(this.outcome);
        const verb = pastTense(this.outcome.action);
        const notDone = `${failed} ${failed === 1 ? 'lead' : 'leads'} could not be ${verb}`;
        return succeeded > 0 ? `${notDone}; ${succeeded} ${verb}` : notDone;
    }

    get missingRulesLabel(): string {
        return this.outcome?.action === 'qualify' ? 'Still missing:' : 'Failing checks:';
    }

    /** Moves focus to the list's heading, so keyboard and screen-reader users land on the results. */
    @api
    focus(): void {
        (this.refs?.heading as HTMLElement | undefined)?.focus();
    }

    handleDismiss(): void {
        this.dispatchEvent(new CustomEvent('dismiss'));
    }
}
