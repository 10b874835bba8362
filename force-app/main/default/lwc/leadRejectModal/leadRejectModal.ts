import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import getRejectionReasons from '@salesforce/apex/LeadQueueController.getRejectionReasons';

type Disposition = LeadQueueController.Disposition;

/** What the modal resolves with when the rep confirms; `undefined` when they cancel or close it. */
export interface RejectDecision {
    reason: string;
    notes: string | null;
    disposition: Disposition;
}

export interface LeadToReject {
    leadId: string;
    name: string;
}

interface FocusableField extends HTMLElement {
    reportValidity(): boolean;
}

const DISPOSITIONS: Array<{ label: string; value: Disposition }> = [
    { label: 'Recycle: back to marketing to nurture, may return as an MQL', value: 'Recycle' },
    { label: 'Disqualify: not a prospect, stop working it', value: 'Disqualify' }
];

/** The length of Lead.Rejection_Notes__c; the text area stops typing there, so nothing is cut later. */
export const NOTES_MAX_LENGTH = 2000;

const LISTED_NAMES = 5;

/**
 * Asks why leads are rejected: a reason from Lead.Rejection_Reason__c (required, pre-filled with the
 * suggestion of a failing acceptance rule), optional notes, and whether to recycle or disqualify.
 * Open it with `LeadRejectModal.open({ label, size: 'small', leads, suggestedReason })`.
 */
export default class LeadRejectModal extends LightningModal {
    @api leads: LeadToReject[] = [];
    @api suggestedReason: string | null | undefined;

    reason = '';
    notes = '';
    disposition: Disposition = 'Recycle';
    reasonOptions: LeadQueueController.PicklistOption[] = [];
    reasonsError: unknown;
    reasonsLoaded = false;
    private focusedOnOpen = false;

    readonly dispositionOptions = DISPOSITIONS;
    readonly notesMaxLength = NOTES_MAX_LENGTH;

    @wire(getRejectionReasons)
    wiredReasons({ data, error }: LightningApex.WiredResult<LeadQueueController.PicklistOption[]>): void {
        if (data) {
            this.reasonOptions = data;
            this.reasonsError = undefined;
            this.reasonsLoaded = true;
            const suggested = this.suggestedReason;
            if (!this.reason && suggested && data.some((option) => option.value === suggested)) {
                this.reason = suggested;
            }
        } else if (error) {
            this.reasonsError = error;
            this.reasonsLoaded = false;
        }
    }

    override renderedCallback(): void {
        // Focus the first decision the rep has to make, once, as soon as it is on screen.
        const field = this.reasonField;
        if (!this.focusedOnOpen && this.reasonsLoaded && field) {
            this.focusedOnOpen = true;
            field.focus();
        }
    }

    get heading(): string {
        return this.leads.length === 1 ? `Reject ${this.leads[0].name}` : `Reject ${this.leads.length} leads`;
    }

    get leadSummary(): string {
        const names = this.leads.map((lead) => lead.name);
        if (names.length <= LISTED_NAMES) {
            return names.join(', ');
        }
        return `${names.slice(0, LISTED_NAMES).join(', ')} and ${names.length - LISTED_NAMES} more`;
    }

    get isSuggested(): boolean {
        return Boolean(this.reason) && this.reason === this.suggestedReason;
    }

    get isLoading(): boolean {
        return !this.reasonsLoaded && !this.reasonsError;
    }

    get submitDisabled(): boolean {
        return !this.reasonsLoaded;
    }

    private get reasonField(): FocusableField | undefined {
        return this.refs?.reason as FocusableField | undefined;
    }

    handleReasonChange(event: CustomEvent<{ value: string }>): void {
        this.reason = event.detail.value;
    }

    handleDispositionChange(event: CustomEvent<{ value: Disposition }>): void {
        this.disposition = event.detail.value;
    }

    handleNotesChange(event: CustomEvent<{ value: string }>): void {
        this.notes = event.detail.value;
    }

    handleCancel(): void {
        this.close(undefined);
    }

    handleSubmit(): void {
        const field = this.reasonField;
        if (!this.reason) {
            field?.reportValidity();
            field?.focus();
            return;
        }
        const notes = this.notes.trim();
        const decision: RejectDecision = { reason: this.reason, notes: notes || null, disposition: this.disposition };
        this.close(decision);
    }
}
