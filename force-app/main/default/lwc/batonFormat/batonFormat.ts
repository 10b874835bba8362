/**
 * How Baton's panels write days, instants, counts, percentages and amounts, in the user's locale, time zone and
 * currency. A missing value is written as a dash.
 */
import TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';

export const NO_VALUE = '—';

/** A `YYYY-MM-DD` day as the user reads dates (the day itself, whatever the time zone). */
export function formatDay(day: string): string {
    const [year, month, date] = day.split('-').map(Number);
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, date))
    );
}

/** The month of a `YYYY-MM-DD` day: "November 2026". */
export function formatMonth(day: string): string {
    const [year, month] = day.split('-').map(Number);
    return new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, 1))
    );
}

/** An instant in the user's time zone; a dash when there is none. */
export function formatInstant(iso: string | null | undefined): string {
    if (!iso) {
        return NO_VALUE;
    }
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(
        new Date(iso)
    );
}

/** "Oct 1, 2026 – Nov 26, 2026". */
export function rangeText(range: { startDate: string; endDate: string }): string {
    return `${formatDay(range.startDate)} – ${formatDay(range.endDate)}`;
}

export function formatCount(value: number | null | undefined): string {
    return value === null || value === undefined ? NO_VALUE : new Intl.NumberFormat(LOCALE).format(value);
}

/** One decimal and a percent sign: "57.1%". */
export function formatPercent(value: number | null | undefined): string {
    return value === null || value === undefined ? NO_VALUE : `${value.toFixed(1)}%`;
}

/**
 * An amount in the user's currency: whole units for totals ("$12,500"), with cents for amounts per unit
 * (cost per MQL, average deal size).
 */
export function formatMoney(value: number | null | undefined, cents = false): string {
    if (value === null || value === undefined) {
        return NO_VALUE;
    }
    return new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency: CURRENCY,
        minimumFractionDigits: cents ? 2 : 0,
        maximumFractionDigits: cents ? 2 : 0
    }).format(value);
}

/** "1 lead", "3 leads". */
export function plural(count: number, one: string, many: string): string {
    return `${formatCount(count)} ${count === 1 ? one : many}`;
}
