import { LightningElement, wire } from 'lwc';
import getRevenue from '@salesforce/apex/RevenueController.getRevenue';
import type { RevenueResult } from '@salesforce/apex/RevenueController.getRevenue';
import { REVENUE_PRESET_OPTIONS } from 'c/dateRanges';
import type { RangeChange } from 'c/dateRangeFilter';
import { rangeText } from 'c/batonFormat';
import { emptyText, headlines, revenueTables, sourceRows, sourceText } from './revenueView';

/**
 * Revenue and campaign influence for leaders: won revenue, pipeline, average deal size and win rate; revenue,
 * cost, cost per MQL and per won deal and return per campaign and per channel under the chosen attribution model
 * (or Salesforce's Campaign Influence where the org has it); each campaign under every model side by side; and the
 * figures per Lead Source. Read from the nightly revenue rollups (RevenueController).
 */
export default class RevenuePanel extends LightningElement {
    /** The model asked for; empty for the source's default. */
    model = '';

    /** Wire parameters; undefined (no query) until the date range filter gives a range. */
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

    get modelOptions() {
        return this.result?.models.map(({ label, value }) => ({ label, value })) ?? [];
    }

    get selectedModel(): string {
        return this.result?.model ?? this.model;
    }

    /** Each range the filter gives is new; no dates (the Apex wire does not call the server) while it is invalid. */
    handleRangeChange(event: CustomEvent<RangeChange>): void {
        this.startDate = event.detail.startDate;
        this.endDate = event.detail.endDate;
        if (this.startDate) {
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

    /** Only the filters while the custom range is incomplete or invalid (the filter says why): no query either. */
    get hasRange(): boolean {
        return Boolean(this.startDate);
    }

    /** The model cannot change while the figures load. */
    get modelDisabled(): boolean {
        return this.hasRange && this.isLoading;
    }

    /** The figures of another range or model are not shown while new ones load. */
    get hasResult(): boolean {
        return this.hasRange && Boolean(this.result) && !this.error && !this.isLoading;
    }

    get hasData(): boolean {
        return this.hasResult && this.result!.hasData;
    }

    get sourceNote(): string {
        return this.hasResult ? `${rangeText(this.result!)}. ${sourceText(this.result!)}` : '';
    }

    get emptyMessage(): string {
        return this.hasResult && !this.result!.hasData ? emptyText(this.result!) : '';
    }

    get headlineFigures() {
        return headlines(this.result!);
    }

    get tables() {
        return revenueTables(this.result!);
    }

    get hasSources(): boolean {
        return (this.result?.sources.length ?? 0) > 0;
    }

    get sourceRows() {
        return sourceRows(this.result!);
    }
}
