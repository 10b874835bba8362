/** WeeklyReviewController (Apex) as the weekly review sees it (Dates as `YYYY-MM-DD`, Datetimes as ISO-8601). */
declare module '@salesforce/apex/WeeklyReviewController.getReview' {
    export interface ReviewFigure {
        key: string;
        label: string;
        unit: 'count' | 'percent' | 'minutes';
        value?: number | null;
        previous?: number | null;
        target?: number | null;
        higherIsBetter: boolean;
    }

    export interface ReviewSource {
        leadSource?: string | null;
        label: string;
        mqls: number;
        accepted: number;
        won: number;
        acceptedRate?: number | null;
        previousMqls: number;
        previousAcceptedRate?: number | null;
    }

    export interface ReviewRejection {
        leadId?: string | null;
        leadName?: string | null;
        company?: string | null;
        leadSource?: string | null;
        stage: string;
        reason: string;
        notes?: string | null;
        rep?: string | null;
        rejectedAt: string;
        hoursToFeedback: number;
        within48Hours: boolean;
    }

    export interface WeeklyReviewResult {
        weekStart: string;
        weekEnd: string;
        previousStart: string;
        previousEnd: string;
        dataSource: 'Live' | 'Rollup';
        figures: ReviewFigure[];
        sources: ReviewSource[];
        topSources: ReviewSource[];
        bottomSources: ReviewSource[];
        rejections: ReviewRejection[];
        rejectionCount: number;
        rejectionsWithNotes: number;
        rejectionsWithin48Hours: number;
    }

    export interface GetReviewParams {
        /** Any day of the week. */
        weekStart: string;
    }

    const getReview: LightningApex.Method<GetReviewParams, WeeklyReviewResult>;
    export default getReview;
}
