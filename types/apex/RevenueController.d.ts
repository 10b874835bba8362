/**
 * RevenueController (Apex) as the revenue panel sees it. Apex `Date` values arrive as `YYYY-MM-DD` strings,
 * `Datetime` values as ISO-8601 strings, Decimals as numbers; null properties may be left out of the JSON.
 */
declare module '@salesforce/apex/RevenueController.getRevenue' {
    export interface RevenueOption {
        value: string;
        label: string;
    }

    export interface RevenueTotals {
        wonAmount: number;
        openAmount: number;
        wonDeals: number;
        lostDeals: number;
        openDeals: number;
        averageDealSize?: number | null;
        winRatePercent?: number | null;
    }

    /** One campaign, or one channel (Campaign Type) when campaignId is absent and campaignCount counts its campaigns. */
    export interface CampaignRow {
        /** Absent for a channel and for the share no campaign was credited with. */
        campaignId?: string | null;
        label: string;
        type?: string | null;
        campaignCount: number;
        /** Actual Cost; absent when no campaign of the row has one. */
        cost?: number | null;
        mqls: number;
        wonAmount: number;
        openAmount: number;
        wonDeals: number;
        openDeals: number;
        costPerMql?: number | null;
        costPerWonDeal?: number | null;
        roiPercent?: number | null;
        /** Won revenue under each of the result's models, in the same order. */
        wonByModel: number[];
    }

    /** The same figures as the totals, for the opportunities of one Lead Source. */
    export interface SourceRow extends RevenueTotals {
        leadSource?: string | null;
        label: string;
    }

    export interface RevenueResult {
        startDate: string;
        endDate: string;
        model: string;
        models: RevenueOption[];
        source: 'Baton' | 'Salesforce';
        /** The Campaign Influence model read, when source is Salesforce. */
        influenceModel?: string | null;
        /** Absent when no rollup covers the range. */
        computedAt?: string | null;
        hasData: boolean;
        totals: RevenueTotals;
        campaigns: CampaignRow[];
        channels: CampaignRow[];
        sources: SourceRow[];
    }

    export interface GetRevenueParams {
        startDate: string;
        endDate: string;
        /** A model value; empty for the source's default. */
        model?: string | null;
    }

    const getRevenue: LightningApex.Method<GetRevenueParams, RevenueResult>;
    export default getRevenue;
}
