/**
 * Date range presets of the funnel panel. Days are `YYYY-MM-DD` strings in the user's Salesforce
 * time zone (what the Apex controller expects); arithmetic runs on UTC midnights so daylight-saving
 * changes never shift a day.
 */
export type RangePreset = 'thisWeek' | 'last30' | 'last90' | 'thisQuarter' | 'custom';

export interface DateRange {
    startDate: string;
    endDate: string;
}

export const PRESET_OPTIONS: ReadonlyArray<{ label: string; value: RangePreset }> = [
    { label: 'This week', value: 'thisWeek' },
    { label: 'Last 30 days', value: 'last30' },
    { label: 'Last 90 days', value: 'last90' },
    { label: 'This quarter', value: 'thisQuarter' },
    { label: 'Custom range', value: 'custom' }
];

/** Same limit as LeadFunnelController.MAX_RANGE_DAYS. */
export const MAX_RANGE_DAYS = 731;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Today's date in the given IANA time zone. */
export function todayIn(timeZone: string, now: Date): string {
    // en-CA formats dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        now
    );
}

export function isDay(value: unknown): value is string {
    const match = typeof value === 'string' ? DAY_PATTERN.exec(value) : null;
    if (!match) {
        return false;
    }
    const date = toUtc(value as string);
    return date.getUTCMonth() + 1 === Number(match[2]) && date.getUTCDate() === Number(match[3]);
}

export function addDays(day: string, days: number): string {
    return fromUtc(new Date(toUtc(day).getTime() + days * MS_PER_DAY));
}

/** The range of a preset ending today; undefined for 'custom', whose dates the user picks. */
export function presetRange(preset: RangePreset, today: string): DateRange | undefined {
    const date = toUtc(today);
    switch (preset) {
        case 'thisWeek': {
            // Weeks start on Monday (ISO 8601).
            const daysSinceMonday = (date.getUTCDay() + 6) % 7;
            return { startDate: addDays(today, -daysSinceMonday), endDate: today };
        }
        case 'last30':
            return { startDate: addDays(today, -29), endDate: today };
        case 'last90':
            return { startDate: addDays(today, -89), endDate: today };
        case 'thisQuarter': {
            const quarterStart = new Date(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1));
            return { startDate: fromUtc(quarterStart), endDate: today };
        }
        default:
            return undefined;
    }
}

/** Why a custom range cannot be queried, or undefined when it can. */
export function customRangeError(startDate: string | undefined, endDate: string | undefined): string | undefined {
    if (!isDay(startDate) || !isDay(endDate)) {
        return 'Choose a start date and an end date.';
    }
    if (startDate > endDate) {
        return 'The start date must be on or before the end date.';
    }
    if (daysBetween(startDate, endDate) >= MAX_RANGE_DAYS) {
        return `Choose a range of at most ${MAX_RANGE_DAYS} days.`;
    }
    return undefined;
}

function daysBetween(startDate: string, endDate: string): number {
    return Math.round((toUtc(endDate).getTime() - toUtc(startDate).getTime()) / MS_PER_DAY);
}

function toUtc(day: string): Date {
    const [year, month, date] = day.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, date));
}

function fromUtc(date: Date): string {
    return date.toISOString().slice(0, 10);
}

/** The range of the same length that ends the day before `range` starts: what the funnel compares with. */
export function previousRange(range: DateRange): DateRange {
    const length = daysBetween(range.startDate, range.endDate) + 1;
    return { startDate: addDays(range.startDate, -length), endDate: addDays(range.startDate, -1) };
}
