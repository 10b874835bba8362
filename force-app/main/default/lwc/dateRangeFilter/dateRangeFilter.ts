import { LightningElement, api } from 'lwc';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { PRESET_OPTIONS, customRangeError, presetRange, todayIn } from 'c/dateRanges';
import type { DateRange, RangePreset } from 'c/dateRanges';

/**
 * What `rangechange` carries: the range to read, or no dates while a custom range is incomplete or invalid. Each event
 * differs from the one before, so a panel can query every range it is given.
 */
export type RangeChange = Partial<DateRange>;

/**
 * The date range filter of Baton's panels: a preset (ending today, in the user's time zone) or a custom range of two
 * dates, which it checks and explains when it cannot be read. Fires `rangechange` when connected and whenever the
 * range changes (not again when connected again with the same range); a custom range starts from the range on screen.
 */
export default class DateRangeFilter extends LightningElement {
    /** The presets offered. */
    @api options: ReadonlyArray<{ label: string; value: RangePreset }> = PRESET_OPTIONS;
    /** The preset selected at first. */
    @api initialPreset: RangePreset = 'last30';

    preset: RangePreset = 'last30';
    customStartDate = '';
    customEndDate = '';
    /** The last range that could be read: a custom range starts from it. */
    private range: DateRange | undefined;
    /** What the last `rangechange` carried; undefined before the first. */
    private sent: RangeChange | undefined;

    override connectedCallback(): void {
        this.preset = this.initialPreset;
        this.apply();
    }

    get isCustom(): boolean {
        return this.preset === 'custom';
    }

    get rangeError(): string | undefined {
        return this.isCustom ? customRangeError(this.customStartDate, this.customEndDate) : undefined;
    }

    handlePresetChange(event: CustomEvent<{ value: RangePreset }>): void {
        this.preset = event.detail.value;
        if (this.isCustom && !this.customStartDate && this.range) {
            this.customStartDate = this.range.startDate;
            this.customEndDate = this.range.endDate;
        }
        this.apply();
    }

    handleCustomStartChange(event: CustomEvent<{ value: string }>): void {
        this.customStartDate = event.detail.value ?? '';
        this.apply();
    }

    handleCustomEndChange(event: CustomEvent<{ value: string }>): void {
        this.customEndDate = event.detail.value ?? '';
        this.apply();
    }

    private apply(): void {
        let range: DateRange | undefined;
        if (this.isCustom) {
            range = this.rangeError ? undefined : { startDate: this.customStartDate, endDate: this.customEndDate };
        } else {
            range = presetRange(this.preset, todayIn(TIME_ZONE, new Date(Date.now())));
        }
        if (range) {
            this.range = range;
        }
        const detail: RangeChange = range ? { ...range } : {};
        // Compared with what was sent, not with the last readable range: after an invalid custom range, the range
        // before it is a change again.
        if (!this.sent || detail.startDate !== this.sent.startDate || detail.endDate !== this.sent.endDate) {
            this.sent = detail;
            this.dispatchEvent(new CustomEvent('rangechange', { detail }));
        }
    }
}
