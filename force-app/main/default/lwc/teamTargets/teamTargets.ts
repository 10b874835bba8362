import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getTargets from '@salesforce/apex/TeamTargetController.getTargets';
import type { TargetRow, TeamTargetResult } from '@salesforce/apex/TeamTargetController.getTargets';
import saveTarget from '@salesforce/apex/TeamTargetController.saveTarget';
import getHistory from '@salesforce/apex/TeamTargetController.getHistory';
import type { TargetVersion } from '@salesforce/apex/TeamTargetController.getHistory';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { addMonths, monthOf, todayIn } from 'c/dateRanges';
import { formatMonth } from 'c/batonFormat';
import { displayRows, formHeading, historyRows, monthRangeText, paceText } from './targetsView';

interface WiredTargets {
    data?: TeamTargetResult;
    error?: unknown;
}

/**
 * Team commitments: a team's monthly targets (leads, MQLs, share of MQLs touched within the SLA, meetings,
 * opportunities, revenue) against its actuals, with the pace to date. Leaders set a target (each change is a new
 * version, kept with who set it and why) and read a target's history.
 */
export default class TeamTargets extends LightningElement {
    /** The first day of the month shown. */
    month = monthOf(todayIn(TIME_ZONE, new Date(Date.now())));
    team = '';

    result: TeamTargetResult | undefined;
    error: unknown;
    isLoading = true;

    /** The metric whose new target is being entered. */
    editing: string | undefined;
    formTarget = '';
    formNote = '';
    saving = false;
    saveError: unknown;

    /** The metric whose history is open. */
    historyMetric: string | undefined;
    history: TargetVersion[] | undefined;
    historyError: unknown;

    private wiredTargets: WiredTargets | undefined;

    @wire(getTargets, { month: '$month', team: '$team' })
    handleTargets(value: WiredTargets): void {
        this.wiredTargets = value;
        const { data, error } = value;
        if (data) {
            this.result = data;
            this.error = undefined;
            this.isLoading = false;
        } else if (error) {
            this.error = error;
            this.result = undefined;
            this.isLoading = false;
        }
    }

    // ---- month and team ------------------------------------------------------------------------

    /** The month of the figures on screen (the one asked for while they load). */
    get monthLabel(): string {
        return formatMonth(this.hasResult ? this.result!.month : this.month);
    }

    get teamOptions() {
        return this.result?.teams.map(({ label, value }) => ({ label, value })) ?? [{ label: 'Everyone', value: '' }];
    }

    handlePreviousMonth(): void {
        this.showMonth(addMonths(this.month, -1));
    }

    handleNextMonth(): void {
        this.showMonth(addMonths(this.month, 1));
    }

    handleTeamChange(event: CustomEvent<{ value: string }>): void {
        this.team = event.detail.value ?? '';
        this.startLoading();
    }

    private showMonth(month: string): void {
        this.month = month;
        this.startLoading();
    }

    private startLoading(): void {
        this.isLoading = true;
        this.error = undefined;
        this.editing = undefined;
        this.historyMetric = undefined;
    }

    // ---- setting a target ------------------------------------------------------------------------

    private rowOf(metric: string | undefined): TargetRow | undefined {
        return this.result?.rows.find((row) => row.metric === metric);
    }

    handleSet(event: Event): void {
        const metric = (event.currentTarget as HTMLElement).dataset.metric;
        const row = this.rowOf(metric);
        this.editing = metric;
        this.formTarget = row?.target === null || row?.target === undefined ? '' : String(row.target);
        this.formNote = '';
        this.saveError = undefined;
    }

    handleTargetInput(event: CustomEvent<{ value: string }>): void {
        this.formTarget = event.detail.value ?? '';
    }

    handleNoteInput(event: CustomEvent<{ value: string }>): void {
        this.formNote = event.detail.value ?? '';
    }

    handleCancel(): void {
        this.editing = undefined;
    }

    async handleSave(): Promise<void> {
        const input = this.template?.querySelector<HTMLInputElement & { reportValidity(): boolean }>('.target-input');
        // reportValidity() shows the field's own messages (required, at least 0, at most 100 for a share).
        if (!this.editing || input?.reportValidity() === false || this.formTarget === '') {
            return;
        }
        const metric = this.editing;
        this.saving = true;
        this.saveError = undefined;
        try {
            await saveTarget({
                team: this.team,
                month: this.month,
                metric,
                target: Number(this.formTarget),
                note: this.formNote
            });
            this.editing = undefined;
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Target set',
                    message: `The new ${this.rowOf(metric)?.label ?? metric} target is in force; the one before stays in its history.`,
                    variant: 'success'
                })
            );
            await refreshApex(this.wiredTargets);
            if (this.historyMetric === metric) {
                await this.loadHistory(metric);
            }
        } catch (error) {
            this.saveError = error;
        } finally {
            this.saving = false;
        }
    }

    // ---- history ---------------------------------------------------------------------------------

    async handleHistory(event: Event): Promise<void> {
        const metric = (event.currentTarget as HTMLElement).dataset.metric;
        if (this.historyMetric === metric) {
            this.historyMetric = undefined;
            return;
        }
        await this.loadHistory(metric);
    }

    handleCloseHistory(): void {
        this.historyMetric = undefined;
    }

    private async loadHistory(metric: string | undefined): Promise<void> {
        this.historyMetric = metric;
        this.history = undefined;
        this.historyError = undefined;
        try {
            this.history = await getHistory({ team: this.team, month: this.month, metric: metric ?? '' });
        } catch (error) {
            this.historyError = error;
        }
    }

    // ---- what the template shows ----------------------------------------------------------------

    get hasResult(): boolean {
        return Boolean(this.result) && !this.isLoading && !this.error;
    }

    get rows() {
        return displayRows(this.result!);
    }

    get canEdit(): boolean {
        return this.result?.canEdit === true;
    }

    get paceText(): string {
        return paceText(this.result!);
    }

    get rangeText(): string {
        return `${this.result!.teamLabel}, ${monthRangeText(this.result!)}`;
    }

    get isEditing(): boolean {
        return this.hasResult && this.editing !== undefined;
    }

    get formHeading(): string {
        return formHeading(this.rowOf(this.editing)!, this.result!);
    }

    get targetStep(): string {
        return this.rowOf(this.editing)?.unit === 'count' ? '1' : '0.01';
    }

    get targetMax(): number | undefined {
        return this.rowOf(this.editing)?.unit === 'percent' ? 100 : undefined;
    }

    get showHistory(): boolean {
        return this.hasResult && this.historyMetric !== undefined;
    }

    get historyHeading(): string {
        const row = this.rowOf(this.historyMetric);
        return `History of the ${row?.label ?? ''} target, ${formatMonth(this.month)}`;
    }

    /** Until the history arrives; an error replaces the spinner (c-panel-status). */
    get historyLoading(): boolean {
        return !this.history;
    }

    get historyRows() {
        const row = this.rowOf(this.historyMetric);
        return row && this.history ? historyRows(row, this.history) : [];
    }
}
