/** The funnel's sentences about dates and where its figures come from, in the user's locale and time zone. */
import TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import type { LeadFunnelResult } from '@salesforce/apex/LeadFunnelController.getFunnel';
import type { DateRange } from './dateRanges';
import { NO_VALUE } from './funnelView';

/** A `YYYY-MM-DD` day as the user reads dates (the day itself, whatever the time zone). */
export function formatDay(day: string): string {
    const [year, month, date] = day.split('-').map(Number);
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, date))
    );
}

export function formatInstant(iso: string | null | undefined): string {
    if (!iso) {
        return NO_VALUE;
    }
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(
        new Date(iso)
    );
}

/** "Oct 25, 2026 – Nov 23, 2026". */
export function rangeText(range: DateRange): string {
    return `${formatDay(range.startDate)} – ${formatDay(range.endDate)}`;
}

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
