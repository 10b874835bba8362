/** The funnel's sentences about dates and where its figures come from, in the user's locale and time zone. */
import type { LeadFunnelResult } from '@salesforce/apex/LeadFunnelController.getFunnel';
import { formatDay, formatInstant } from 'c/batonFormat';

export function emptyText(result: LeadFunnelResult): string {
    return `No lead became MQL, entered a stage or started a handoff between ${formatDay(result.startDate)} and ${formatDay(result.endDate)}.`;
}

export function dataSourceText(result: LeadFunnelResult): string {
    if (result.dataSource === 'Live') {
        return `Live figures, computed ${formatInstant(result.computedAt)}.`;
    }
    if (!result.computedAt) {
        return 'This range holds more leads than can be counted live, and no daily rollup covers it yet. Ask your Salesforce admin to schedule the funnel rollup job.';
    }
    return `This range holds more leads than can be counted live: figures come from daily rollups, last computed ${formatInstant(result.computedAt)}.`;
}
