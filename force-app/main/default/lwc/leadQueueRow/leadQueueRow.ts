import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { formatDuration, formatDurationInWords, parseTimestamp } from 'c/slaClock';

type LeadQueueItem = LeadQueueController.LeadQueueItem;

export interface LeadRowEventDetail {
    leadId: string;
}

export interface LeadSelectEventDetail extends LeadRowEventDetail {
    selected: boolean;
}

/**
 * One lead in the queue: who it is, its scores, time in queue and SLA clock, the acceptance checks
 * it fails, why it is an MQL (expandable) and the actions for its stage. Actions are announced to the
 * parent as events (`accept`, `reject`, `qualify`, `select`); opening the record is handled here.
 */
export default class LeadQueueRow extends NavigationMixin(LightningElement) {
    @api item!: LeadQueueItem;
    /** The queue view the row is shown in: MQL rows are accepted or rejected, SAL rows qualified or rejected. */
    @api stage: LeadQueueController.Stage = 'MQL';
    /** Current time in epoch milliseconds, from the queue's single timer. */
    @api now = Date.now();
    @api selected = false;
    /** True while an action on the queue is running. */
    @api disabled = false;

    rulesExpanded = false;

    get isMql(): boolean {
        return this.stage === 'MQL';
    }

    get subtitle(): string {
        return [this.item.title, this.item.company].filter(Boolean).join(', ');
    }

    get leadSource(): string {
        return this.item.leadSource || 'Unknown';
    }

    get fitScore(): string {
        return this.item.fitScore == null ? '–' : String(this.item.fitScore);
    }

    get interestScore(): string {
        return this.item.interestScore == null ? '–' : String(this.item.interestScore);
    }

    get ownerName(): string {
        return this.item.ownerName || '';
    }

    private get timeInQueueMs(): number | null {
        if (!this.item.stageEnteredAt) {
            return null;
        }
        try {
            return Math.max(0, this.now - parseTimestamp(this.item.stageEnteredAt));
        } catch {
            return null;
        }
    }

    get timeInQueue(): string {
        const ms = this.timeInQueueMs;
        return ms === null ? 'unknown' : formatDuration(ms);
    }

    get timeInQueueWords(): string {
        const ms = this.timeInQueueMs;
        return ms === null ? 'In queue for an unknown time' : `In queue for ${formatDurationInWords(ms)}`;
    }

    get failingRules(): LeadQueueController.LeadRuleResult[] {
        return this.isMql ? (this.item.failingAcceptanceRules ?? []) : [];
    }

    get hasFailingRules(): boolean {
        return this.failingRules.length > 0;
    }

    get failingRulesHeading(): string {
        const count = this.failingRules.length;
        return `Fails ${count} acceptance ${count === 1 ? 'check' : 'checks'}`;
    }

    get suggestedReason(): string {
        return this.item.suggestedRejectionReason || '';
    }

    get rulesToggleLabel(): string {
        const verb = this.rulesExpanded ? 'Hide' : 'Show';
        return this.isMql ? `${verb} why this is an MQL` : `${verb} why this was an MQL`;
    }

    get rulesExpandedText(): string {
        return String(this.rulesExpanded);
    }

    get rulesPanelId(): string {
        return `rules-${this.item.leadId}`;
    }

    get rulesEmptyMessage(): string {
        return this.item.qualificationSummary || 'No rule results were recorded for this lead.';
    }

    get selectLabel(): string {
        return `Select ${this.item.name}`;
    }

    get openLabel(): string {
        return `Open ${this.item.name}`;
    }

    get acceptLabel(): string {
        return `Accept ${this.item.name}`;
    }

    get rejectLabel(): string {
        return `Reject ${this.item.name}`;
    }

    get qualifyLabel(): string {
        return `Qualify ${this.item.name}`;
    }

    get rowClass(): string {
        return `slds-box slds-box_x-small lead-row${this.selected ? ' slds-theme_shade' : ''}`;
    }

    handleToggleRules(): void {
        this.rulesExpanded = !this.rulesExpanded;
    }

    handleSelect(event: Event): void {
        const selected = (event.target as HTMLInputElement).checked;
        this.notify<LeadSelectEventDetail>('select', { leadId: this.item.leadId, selected });
    }

    handleAccept(): void {
        this.notify<LeadRowEventDetail>('accept', { leadId: this.item.leadId });
    }

    handleReject(): void {
        this.notify<LeadRowEventDetail>('reject', { leadId: this.item.leadId });
    }

    handleQualify(): void {
        this.notify<LeadRowEventDetail>('qualify', { leadId: this.item.leadId });
    }

    handleOpen(): void {
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: this.item.leadId, objectApiName: 'Lead', actionName: 'view' }
        });
    }

    private notify<Detail>(name: string, detail: Detail): void {
        this.dispatchEvent(new CustomEvent<Detail>(name, { detail }));
    }
}
