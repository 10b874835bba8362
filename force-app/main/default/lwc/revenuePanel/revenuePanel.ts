import { LightningElement, wire } from 'lwc';
import getRevenue from '@salesforce/apex/RevenueController.getRevenue';
import type { RevenueResult } from '@salesforce/apex/RevenueController.getRevenue';
import { REVENUE_PRESET_OPTIONS } from 'c/dateRanges';
import type { RangeChange } from 'c/dateRangeFilter';
import { rangeText } from 'c/batonFormat';
import { emptyText, headlines, modelTable, returnTables, sourceRows, sourceText } from './revenueView';

/**
 * Revenue and campaign influence for leaders: won revenue, pipeline, average deal size and win rate; revenue,
 * cost, cost per MQL and per won deal and return per campaign and per channel under the chosen attribution model
 * (or Salesforce's Campaign Influence where the org has it); each campaign under every model side by side; and the
 * figures per Lead Source. Read from the nightly revenue rollups (RevenueController).
 */
export default class RevenuePanel extends LightningElement {
    /** The model asked for; empty for the source's default. */
    model = '';

    startDate: string | undefined;
    endDate: string | undefined;

    result: RevenueResult | undefined;
    error: unknown;
    isLoading = true;

    presetOptions = REVENUE_PRESET_OPTIONS;

    @wire(getRevenue, { startDate: '$startDate', endDate: '$endDate', model: '$model' })
    handleRevenue({ data, error }: { data?: RevenueResult; error?: unknown }): void {
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

    // ---- filters -------------------------------------------------------------------------------

    /** No query while the custom range is incomplete or invalid (the filter says why). */
    rangeInvalid = false;

    get modelOptions() {
        return this.result?.models.map(({ label, value }) => ({ label, value })) ?? [];
    }

    get selectedModel(): string {
        return this.result?.model ?? this.model;
    }

    /** An undefined date keeps the Apex wire from calling the server while the range cannot be read. */
    handleRangeChange(event: CustomEvent<RangeChange>): void {
        const { startDate, endDate } = event.detail;
        const changed = startDate !== this.startDate || endDate !== this.endDate;
        this.rangeInvalid = !startDate;
        this.startDate = startDate;
        this.endDate = endDate;
        if (changed && startDate) {
            this.startLoading();
        }
    }

    handleModelChange(event: CustomEvent<{ value: string }>): void {
        this.model = event.detail.value ?? '';
        this.startLoading();
    }

    private startLoading(): void {
        this.isLoading = true;
        this.error = undefined;
    }

    // ---- what the template shows ----------------------------------------------------------------

    get showSpinner(): boolean {
        return this.isLoading && !this.rangeInvalid && !this.error;
    }

    get showError(): boolean {
        return Boolean(this.error) && !this.rangeInvalid;
    }

    get hasResult(): boolean {
        return Boolean(this.result) && !this.showError && !this.rangeInvalid && !this.isLoading;
    }

    get isEmpty(): boolean {
        return this.hasResult && !this.result!.hasData;
    }

    get hasData(): boolean {
        return this.hasResult && this.result!.hasData;
    }

    get rangeText(): string {
        return this.result ? rangeText(this.result) : '';
    }

    get sourceText(): string {
        return this.result ? sourceText(this.result) : '';
    }

    get emptyMessage(): string {
        return emptyText(this.result!);
    }

    get headlineFigures() {
        return headlines(this.result!);
    }

    get returnTables() {
        return returnTables(this.result!);
    }

    get modelTable() {
        return modelTable(this.result!);
    }

    get hasSources(): boolean {
        return (this.result?.sources.length ?? 0) > 0;
    }

    get sourceRows() {
        return sourceRows(this.result!);
    }
}
