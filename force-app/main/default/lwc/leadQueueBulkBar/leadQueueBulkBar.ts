import { LightningElement, api } from 'lwc';

export interface BulkActionEventDetail {
    action: 'accept' | 'reject' | 'qualify';
}

/**
 * The queue's selection bar: select every lead on the page, how many are selected, and the actions for a
 * selection (Accept or Qualify, and Reject). Announces `selectall` (`{ selected }`) and `action`
 * (`{ action }`); the queue holds the selection.
 */
export default class LeadQueueBulkBar extends LightningElement {
    @api stage: LeadQueueController.Stage = 'MQL';
    @api selectedCount = 0;
    /** Leads on the page. */
    @api leadCount = 0;
    @api disabled = false;

    get isMql(): boolean {
        return this.stage === 'MQL';
    }

    get allSelected(): boolean {
        return this.leadCount > 0 && this.selectedCount === this.leadCount;
    }

    get selectAllLabel(): string {
        return `Select all ${this.leadCount} on this page`;
    }

    get selectionLabel(): string {
        return `${this.selectedCount} selected`;
    }

    get actionsDisabled(): boolean {
        return this.disabled || this.selectedCount === 0;
    }

    handleSelectAll(event: Event): void {
        const selected = (event.target as HTMLInputElement).checked;
        this.dispatchEvent(new CustomEvent('selectall', { detail: { selected } }));
    }

    handleAction(event: Event): void {
        const action = (event.currentTarget as HTMLElement).dataset.action as BulkActionEventDetail['action'];
        this.dispatchEvent(new CustomEvent<BulkActionEventDetail>('action', { detail: { action } }));
    }
}
