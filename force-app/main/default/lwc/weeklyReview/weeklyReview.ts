import { LightningElement, wire } from 'lwc';
import getReview from '@salesforce/apex/WeeklyReviewController.getReview';
import type { WeeklyReviewResult } from '@salesforce/apex/WeeklyReviewController.getReview';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { addDays, mondayOf, todayIn } from 'c/dateRanges';
import { reviewCsv, csvHref } from './reviewCsv';
import { figureRows, rankings, rejectionRows, rejectionSummary, sourceRows, weekText } from './reviewView';

/**
 * The weekly marketing–sales review: last week against the week before and against the week's share of the monthly
 * targets, conversion by Lead Source with the best and worst sources, and the week's rejections with the reps' notes.
 * One click exports it all as CSV; Print prints it.
 */
export default class WeeklyReview extends LightningElement {
    /** The Monday of the week shown: last week at first. */
    weekStart = addDays(mondayOf(todayIn(TIME_ZONE, new Date(Date.now()))), -7);

    review: WeeklyReviewResult | undefined;
    error: unknown;
    isLoading = true;

    @wire(getReview, { weekStart: '$weekStart' })
    handleReview({ data, error }: { data?: WeeklyReviewResult; error?: unknown }): void {
        if (data) {
            this.review = data;
            this.error = undefined;
            this.isLoading = false;
        } else if (error) {
            this.error = error;
            this.review = undefined;
            this.isLoading = false;
        }
    }

    handlePreviousWeek(): void {
        this.showWeek(addDays(this.weekStart, -7));
    }

    handleNextWeek(): void {
        this.showWeek(addDays(this.weekStart, 7));
    }

    handlePrint(): void {
        window.print();
    }

    private showWeek(weekStart: string): void {
        this.weekStart = weekStart;
        this.isLoading = true;
        this.error = undefined;
    }

    get hasReview(): boolean {
        return Boolean(this.review) && !this.isLoading && !this.error;
    }

    get weekText(): string {
        return weekText(this.review!);
    }

    get dataSourceText(): string {
        return this.review!.dataSource === 'Rollup'
            ? 'Conversion figures come from the daily rollups (the week holds more than can be counted live).'
            : 'Counted live, with your access.';
    }

    get figureRows() {
        return figureRows(this.review!);
    }

    get hasSources(): boolean {
        return this.review!.sources.length > 0;
    }

    get sourceRows() {
        return sourceRows(this.review!);
    }

    get hasRanking(): boolean {
        return this.review!.topSources.length > 0;
    }

    get rankings() {
        return rankings(this.review!);
    }

    get rejectionSummary(): string {
        return rejectionSummary(this.review!);
    }

    get hasRejections(): boolean {
        return this.review!.rejections.length > 0;
    }

    get rejectionRows() {
        return rejectionRows(this.review!);
    }

    get csvHref(): string {
        return this.review ? csvHref(reviewCsv(this.review)) : '';
    }

    get csvFileName(): string {
        return `baton-weekly-review-${this.review?.weekStart ?? this.weekStart}.csv`;
    }
}
