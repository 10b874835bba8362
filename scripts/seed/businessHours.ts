/**
 * Business-hours arithmetic for backdated seed history: Monday to Friday, 09:00–17:00 UTC.
 * An approximation of an org's default business hours, good enough for demo clocks; Baton's
 * Apex uses the org's real BusinessHours record.
 */
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;
const HOUR = 3_600_000;

function isWorkday(date: Date): boolean {
    const day = date.getUTCDay();
    return day !== 0 && day !== 6;
}

/** The next instant at or after `date` that is inside business hours. */
function nextOpen(date: Date): Date {
    const next = new Date(date);
    for (;;) {
        const hour = next.getUTCHours() + next.getUTCMinutes() / 60;
        if (isWorkday(next) && hour >= OPEN_HOUR && hour < CLOSE_HOUR) {
            return next;
        }
        if (isWorkday(next) && hour < OPEN_HOUR) {
            next.setUTCHours(OPEN_HOUR, 0, 0, 0);
            return next;
        }
        next.setUTCDate(next.getUTCDate() + 1);
        next.setUTCHours(OPEN_HOUR, 0, 0, 0);
    }
}

export function addBusinessHours(start: Date, hours: number): Date {
    let current = nextOpen(start);
    let remaining = hours * HOUR;
    for (;;) {
        const close = new Date(current);
        close.setUTCHours(CLOSE_HOUR, 0, 0, 0);
        const available = close.getTime() - current.getTime();
        if (remaining <= available) {
            return new Date(current.getTime() + remaining);
        }
        remaining -= available;
        current = nextOpen(close);
    }
}

export function businessHoursBetween(start: Date, end: Date): number {
    let total = 0;
    let current = nextOpen(start);
    while (current < end) {
        const close = new Date(current);
        close.setUTCHours(CLOSE_HOUR, 0, 0, 0);
        total += Math.min(close.getTime(), end.getTime()) - current.getTime();
        current = nextOpen(close);
    }
    return Math.round((total / HOUR) * 100) / 100;
}
