import { formatDuration, formatDurationInWords, parseTimestamp, readSlaClock } from 'c/slaClock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// A clock as Apex writes it: started 09:00 UTC, amber at 75% of an 8 h target, due 17:00 UTC.
const clock = {
    warningAt: '2026-11-23T15:00:00.000Z',
    dueAt: '2026-11-23T17:00:00.000Z'
};

describe('formatDuration', () => {
    it.each([
        [0, '< 1 m'],
        [59_999, '< 1 m'],
        [MINUTE, '1 m'],
        [45 * MINUTE + 59_999, '45 m'],
        [HOUR, '1 h'],
        [3 * HOUR + 20 * MINUTE, '3 h 20 m'],
        [23 * HOUR + 59 * MINUTE, '23 h 59 m'],
        [DAY, '1 d'],
        [2 * DAY + 4 * HOUR + 30 * MINUTE, '2 d 4 h'],
        [-(2 * HOUR), '2 h']
    ])('formats %d ms as "%s"', (ms, expected) => {
        expect(formatDuration(ms)).toBe(expected);
    });

    it.each([
        [30_000, 'less than a minute'],
        [MINUTE, '1 minute'],
        [3 * HOUR + 20 * MINUTE, '3 hours 20 minutes'],
        [DAY + HOUR, '1 day 1 hour'],
        [5 * DAY, '5 days']
    ])('says %d ms in words as "%s"', (ms, expected) => {
        expect(formatDurationInWords(ms)).toBe(expected);
    });
});

describe('parseTimestamp', () => {
    it('reads ISO strings with Z, +hh:mm and the +hhmm offset Salesforce REST returns as the same instant', () => {
        const expected = Date.UTC(2026, 10, 23, 10, 0, 0);
        expect(parseTimestamp('2026-11-23T10:00:00.000Z')).toBe(expected);
        expect(parseTimestamp('2026-11-23T10:00:00.000+0000')).toBe(expected);
        expect(parseTimestamp('2026-11-23T11:00:00+01:00')).toBe(expected);
        expect(parseTimestamp('2026-11-23T05:00-05:00')).toBe(expected);
    });

    it('accepts epoch milliseconds and Date objects', () => {
        expect(parseTimestamp(1_800_000_000_000)).toBe(1_800_000_000_000);
        expect(parseTimestamp(new Date(1_800_000_000_000))).toBe(1_800_000_000_000);
    });

    it.each([
        ['a time without a zone, which the browser would read in its own zone', '2026-11-23T10:00:00'],
        ['a date only', '2026-11-23'],
        ['text', 'tomorrow'],
        ['an impossible date', '2026-13-45T10:00:00Z']
    ])('rejects %s', (_description, value) => {
        expect(() => parseTimestamp(value)).toThrow(TypeError);
    });

    it('rejects NaN and invalid Date objects', () => {
        expect(() => parseTimestamp(Number.NaN)).toThrow('Not a valid date-time');
        expect(() => parseTimestamp(new Date('nope'))).toThrow('Not a valid date-time');
    });
});

describe('readSlaClock on an open clock', () => {
    it('is on track before the warning time', () => {
        const reading = readSlaClock(clock, '2026-11-23T13:40:00.000Z');
        expect(reading).toEqual({
            state: 'on-track',
            label: '3 h 20 m left',
            assistiveText: 'SLA on track, 3 hours 20 minutes left',
            remainingMs: 3 * HOUR + 20 * MINUTE,
            late: false
        });
    });

    it('is on track one millisecond before the warning time and at risk exactly at it', () => {
        expect(readSlaClock(clock, Date.parse(clock.warningAt) - 1).state).toBe('on-track');
        const atWarning = readSlaClock(clock, clock.warningAt);
        expect(atWarning.state).toBe('at-risk');
        expect(atWarning.label).toBe('2 h left');
        expect(atWarning.assistiveText).toBe('SLA at risk, 2 hours left');
    });

    it('is at risk, due now, exactly at the due time', () => {
        const reading = readSlaClock(clock, clock.dueAt);
        expect(reading.state).toBe('at-risk');
        expect(reading.label).toBe('due now');
        expect(reading.remainingMs).toBe(0);
    });

    it('rounds the time left down, showing "< 1 m left" in the last minute', () => {
        expect(readSlaClock(clock, Date.parse(clock.dueAt) - 59_999).label).toBe('< 1 m left');
        expect(readSlaClock(clock, Date.parse(clock.dueAt) - 61_000).label).toBe('1 m left');
    });

    it('is breached one millisecond after the due time, and says how long ago', () => {
        const justAfter = readSlaClock(clock, Date.parse(clock.dueAt) + 1);
        expect(justAfter.state).toBe('breached');
        expect(justAfter.label).toBe('just now');
        expect(justAfter.assistiveText).toBe('SLA breached just now');

        const later = readSlaClock(clock, '2026-11-23T19:05:00.000Z');
        expect(later.label).toBe('2 h 5 m ago');
        expect(later.assistiveText).toBe('SLA breached 2 hours 5 minutes ago');
        expect(later.remainingMs).toBe(-(2 * HOUR + 5 * MINUTE));
    });

    it('goes from on track straight to breached when the policy has no warning time', () => {
        const noWarning = { dueAt: clock.dueAt, warningAt: null };
        expect(readSlaClock(noWarning, '2026-11-23T16:59:00.000Z').state).toBe('on-track');
        expect(readSlaClock(noWarning, '2026-11-23T17:00:01.000Z').state).toBe('breached');
    });

    it('shows days for long clocks such as a 10 business day SQL clock', () => {
        const sql = { dueAt: '2026-12-07T17:00:00.000Z', warningAt: '2026-12-04T17:00:00.000Z' };
        expect(readSlaClock(sql, '2026-11-23T13:00:00.000Z').label).toBe('14 d 4 h left');
    });
});

describe('readSlaClock on a completed clock', () => {
    it('is completed on time when it finished before the due time, whatever the time now', () => {
        const reading = readSlaClock({ ...clock, completedAt: '2026-11-23T16:00:00.000Z' }, '2026-11-30T00:00:00Z');
        expect(reading).toEqual({
            state: 'completed',
            label: 'completed on time',
            assistiveText: 'SLA completed on time',
            remainingMs: HOUR,
            late: false
        });
    });

    it('is completed on time when it finished exactly at the due time', () => {
        const reading = readSlaClock({ ...clock, completedAt: clock.dueAt }, clock.dueAt);
        expect(reading.late).toBe(false);
        expect(reading.label).toBe('completed on time');
    });

    it('says how late a clock was completed', () => {
        const reading = readSlaClock({ ...clock, completedAt: '2026-11-24T18:30:00.000Z' }, '2026-11-25T00:00:00Z');
        expect(reading.state).toBe('completed');
        expect(reading.late).toBe(true);
        expect(reading.label).toBe('completed 1 d 1 h late');
        expect(reading.assistiveText).toBe('SLA completed 1 day 1 hour late');
    });
});

describe('readSlaClock and time zones', () => {
    const originalZone = process.env.TZ;
    afterEach(() => {
        process.env.TZ = originalZone;
    });

    it('gives the same reading whatever the browser time zone is', () => {
        const readings = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'].map((zone) => {
            process.env.TZ = zone;
            return readSlaClock(
                { dueAt: '2026-11-23T09:00:00.000-0800', warningAt: '2026-11-23T20:30:00.000+0530' },
                '2026-11-23T15:30:00.000Z'
            );
        });
        expect(new Set(readings.map((reading) => JSON.stringify(reading))).size).toBe(1);
        expect(readings[0]).toMatchObject({ state: 'at-risk', label: '1 h 30 m left' });
    });

    it('counts real elapsed time across a daylight-saving change (US clocks go back on 2026-11-01)', () => {
        process.env.TZ = 'America/New_York';
        // 00:30 EDT to 03:30 EST on the wall clock is four real hours.
        const reading = readSlaClock({ dueAt: '2026-11-01T03:30:00-05:00' }, '2026-11-01T00:30:00-04:00');
        expect(reading.label).toBe('4 h left');
    });
});
