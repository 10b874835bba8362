/**
 * SLA clock arithmetic shared by Baton's components.
 *
 * A Lead_SLA__c record carries absolute instants (Started_At__c, Warning_At__c, Due_At__c,
 * Completed_At__c) computed in business hours by Apex. This module turns those instants and
 * "now" into what a person reads: a state and a label. It works on absolute milliseconds only,
 * so the result never depends on the browser's time zone or on daylight-saving changes.
 */

export type SlaTimestamp = string | number | Date;

export type SlaClockState = 'on-track' | 'at-risk' | 'breached' | 'completed';

export interface SlaClockInput {
    dueAt: SlaTimestamp;
    warningAt?: SlaTimestamp | null;
    completedAt?: SlaTimestamp | null;
}

export interface SlaClockReading {
    state: SlaClockState;
    /** Short label that follows the state word, e.g. "3 h 20 m left", "2 h ago" (breached). */
    label: string;
    /** The same reading in words, for screen readers and tooltips. */
    assistiveText: string;
    /** Due minus now (or minus completion): negative once overdue. */
    remainingMs: number;
    /** True when the clock was completed after it was due. */
    late: boolean;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// An ISO-8601 date-time must name its zone (Z, +hh:mm or +hhmm as Salesforce's REST API writes it);
// without one, JavaScript would read it in the browser's zone and the clock would drift by hours.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseTimestamp(value: SlaTimestamp): number {
    let ms: number;
    if (value instanceof Date) {
        ms = value.getTime();
    } else if (typeof value === 'number') {
        ms = value;
    } else if (typeof value === 'string' && ISO_WITH_ZONE.test(value.trim())) {
        ms = Date.parse(value.trim());
    } else {
        throw new TypeError(`Not a date-time with a time zone: ${JSON.stringify(value)}`);
    }
    if (!Number.isFinite(ms)) {
        throw new TypeError(`Not a valid date-time: ${JSON.stringify(value)}`);
    }
    return ms;
}

interface DurationParts {
    days: number;
    hours: number;
    minutes: number;
}

/** Whole days, hours and minutes in a duration, rounded down to the minute. */
function splitDuration(ms: number): DurationParts {
    const totalMinutes = Math.floor(Math.abs(ms) / MINUTE_MS);
    return {
        days: Math.floor(totalMinutes / (DAY_MS / MINUTE_MS)),
        hours: Math.floor((totalMinutes % (DAY_MS / MINUTE_MS)) / 60),
        minutes: totalMinutes % 60
    };
}

/**
 * Compact duration: "45 m", "3 h 20 m", "2 d 4 h" (two most significant units, zero
 * units dropped), "< 1 m" under a minute. The sign is ignored.
 */
export function formatDuration(ms: number): string {
    return describeDuration(ms, { day: 'd', hour: 'h', minute: 'm' });
}

/** The same duration in words: "3 hours 20 minutes", "1 day", "less than a minute". */
export function formatDurationInWords(ms: number): string {
    return describeDuration(ms, null);
}

interface UnitSymbols {
    day: string;
    hour: string;
    minute: string;
}

function describeDuration(ms: number, symbols: UnitSymbols | null): string {
    const { days, hours, minutes } = splitDuration(ms);
    const unit = (count: number, name: keyof UnitSymbols): string => {
        return symbols ? `${count} ${symbols[name]}` : `${count} ${name}${count === 1 ? '' : 's'}`;
    };
    const significant: Array<[number, keyof UnitSymbols]> =
        days > 0
            ? [
                  [days, 'day'],
                  [hours, 'hour']
              ]
            : [
                  [hours, 'hour'],
                  [minutes, 'minute']
              ];
    const text = significant
        .filter(([count]) => count > 0)
        .map(([count, name]) => unit(count, name))
        .join(' ');
    if (text) {
        return text;
    }
    return symbols ? `< 1 ${symbols.minute}` : 'less than a minute';
}

const STATE_WORDS: Record<SlaClockState, string> = {
    'on-track': 'SLA on track',
    'at-risk': 'SLA at risk',
    breached: 'SLA breached',
    completed: 'SLA completed'
};

/**
 * Reads a clock at a moment. Open clocks are on track until the warning time, at risk from the
 * warning time up to and including the due time, and breached after it. A clock without a
 * warning time goes straight from on track to breached. A completed clock stays completed and
 * says whether it finished on time.
 */
export function readSlaClock(input: SlaClockInput, now: SlaTimestamp): SlaClockReading {
    const dueMs = parseTimestamp(input.dueAt);
    const nowMs = parseTimestamp(now);
    const completedMs = input.completedAt == null ? null : parseTimestamp(input.completedAt);
    const warningMs = input.warningAt == null ? null : parseTimestamp(input.warningAt);

    if (completedMs !== null) {
        const remainingMs = dueMs - completedMs;
        const late = remainingMs < 0;
        return {
            state: 'completed',
            label: late ? `completed ${formatDuration(remainingMs)} late` : 'completed on time',
            assistiveText: late
                ? `${STATE_WORDS.completed} ${formatDurationInWords(remainingMs)} late`
                : `${STATE_WORDS.completed} on time`,
            remainingMs,
            late
        };
    }

    const remainingMs = dueMs - nowMs;
    let state: SlaClockState;
    if (remainingMs < 0) {
        state = 'breached';
    } else if (warningMs !== null && nowMs >= warningMs) {
        state = 'at-risk';
    } else {
        state = 'on-track';
    }
    const words = openLabel(remainingMs, formatDurationInWords);
    return {
        state,
        label: openLabel(remainingMs, formatDuration),
        assistiveText: state === 'breached' ? `${STATE_WORDS.breached} ${words}` : `${STATE_WORDS[state]}, ${words}`,
        remainingMs,
        late: false
    };
}

/** What follows the state word: "3 h left", "due now", "2 h ago" (breached), "just now" (breached). */
function openLabel(remainingMs: number, format: (ms: number) => string): string {
    if (remainingMs === 0) {
        return 'due now';
    }
    if (remainingMs > 0) {
        return `${format(remainingMs)} left`;
    }
    return remainingMs > -MINUTE_MS ? 'just now' : `${format(remainingMs)} ago`;
}
