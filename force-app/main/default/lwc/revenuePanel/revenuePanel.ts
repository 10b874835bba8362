import { LightningElement, wire } from 'lwc';
import getRevenue from '@salesforce/apex/RevenueController.getRevenue';
import type { RevenueResult } from '@salesforce/apex/RevenueController.getRevenue';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { REVENUE_PRESET_OPTIONS, customRangeError, presetRange, todayIn } from 'c/dateRanges';
import type { DateRange, RangePreset } from 'c/dateRanges';
import { rangeText } from 'c/batonFormat';
import {
    campaignRows,
    channelRows,
    emptyText,
    headlines,
    modelLabel,
    modelTable,
    sourceRows,
    sourceText
} from './revenueView';

/**
 * Revenue and campaign influence for leaders: won revenue, pipeline, average deal size and win rate; revenue,
 * cost, cost per MQL and per won deal and return per campaign and per channel under the chosen attribution model
 * (or Salesforce's Campaign Influence where the org has it); each campaign under every model side by side; and the
 * figures per Lead Source. Read from the nightly revenue rollups (RevenueController).
 */
export default class RevenuePanel extends LightningElement {
    preset: RangePreset = 'thisQuarter';
    customStartDate = '';
    customEndDate = '';
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

    override connectedCallback(): void {
        this.applyRange();
    }

    // ---- filters -------------------------------------------------------------------------------

    get isCustom(): boolean {
        return this.preset === 'custom';
    }

    get rangeError(): string | undefined {
        return this.isCustom ? customRangeError(this.customStartDate, this.customEndDate) : undefined;
    }

    get modelOptions() {
        return this.result?.models.map(({ label, value }) => ({ label, value })) ?? [];
    }

    get selectedModel(): string {
        return this.result?.model ?? this.model;
    }

    handlePresetChange(event: CustomEvent<{ value: RangePreset }>): void {
        this.preset = event.detail.value;
        if (this.isCustom && !this.customStartDate && this.startDate && this.endDate) {
            this.customStartDate = this.startDate;
            this.customEndDate = this.endDate;
        }
        this.applyRange();
    }

    handleCustomStartChange(event: CustomEvent<{ value: string }>): void {
        this.customStartDate = event.detail.value ?? '';
        this.applyRange();
    }

    handleCustomEndChange(event: CustomEvent<{ value: string }>): void {
        this.customEndDate = event.detail.value ?? '';
        this.applyRange();
    }

    handleModelChange(event: CustomEvent<{ value: string }>): void {
        this.model = event.detail.value ?? '';
        this.startLoading();
    }

    private applyRange(): void {
        let range: DateRange | undefined;
        if (this.isCustom) {
            range = this.rangeError ? undefined : { startDate: this.customStartDate, endDate: this.customEndDate };
        } else {
            range = presetRange(this.preset, todayIn(TIME_ZONE, new Date(Date.now())));
        }
        const changed = range?.startDate !== this.startDate || range?.endDate !== this.endDate;
        this.startDate = range?.startDate;
        this.endDate = range?.endDate;
        if (changed && range) {
            this.startLoading();
        }
    }

    private startLoading(): void {
        this.isLoading = true;
        this.error = undefined;
    }

    // ---- what the template shows ----------------------------------------------------------------

    get showSpinner(): boolean {
        return this.isLoading && !this.rangeError && !this.error;
    }

    get showError(): boolean {
        return Boolean(this.error) && !this.rangeError;
    }

    get hasResult(): boolean {
        return Boolean(this.result) && !this.showError && !this.rangeError && !this.isLoading;
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

    get campaignHeading(): string {
        return `By campaign: ${modelLabel(this.result!)}`;
    }

    get campaignRows() {
        return campaignRows(this.result!);
    }

    get channelRows() {
        return channelRows(this.result!);
    }

    get hasChannels(): boolean {
        return (this.result?.channels.length ?? 0) > 0;
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
