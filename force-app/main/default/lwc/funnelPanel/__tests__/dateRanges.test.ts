import { addDays, customRangeError, isDay, presetRange, todayIn } from '../dateRanges';

describe('funnelPanel date ranges', () => {
    it('reads today in the user time zone, not the browser one', () => {
        const instant = new Date('2026-11-27T05:00:00Z');
        expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-26');
        expect(todayIn('Europe/Paris', instant)).toBe('2026-11-27');
    });

    it('computes each preset ending today', () => {
        const thursday = '2026-11-26';
        expect(presetRange('thisWeek', thursday)).toEqual({ startDate: '2026-11-23', endDate: thursday });
        expect(presetRange('thisWeek', '2026-11-23')).toEqual({ startDate: '2026-11-23', endDate: '2026-11-23' });
        expect(presetRange('thisWeek', '2026-11-29')).toEqual({ startDate: '2026-11-23', endDate: '2026-11-29' });
        expect(presetRange('last30', thursday)).toEqual({ startDate: '2026-10-28', endDate: thursday });
        expect(presetRange('last90', thursday)).toEqual({ startDate: '2026-08-29', endDate: thursday });
        expect(presetRange('thisQuarter', thursday)).toEqual({ startDate: '2026-10-01', endDate: thursday });
        expect(presetRange('thisQuarter', '2026-03-31')).toEqual({ startDate: '2026-01-01', endDate: '2026-03-31' });
        expect(presetRange('custom', thursday)).toBeUndefined();
    });

    it('adds days across month, year and daylight-saving boundaries', () => {
        expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
        expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
        expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    });

    it('accepts only real YYYY-MM-DD days', () => {
        expect(isDay('2026-02-28')).toBe(true);
        expect(isDay('2026-02-30')).toBe(false);
        expect(isDay('26-2-1')).toBe(false);
        expect(isDay(undefined)).toBe(false);
    });

    it('explains why a custom range cannot be read', () => {
        expect(customRangeError('2026-11-01', '2026-11-26')).toBeUndefined();
        expect(customRangeError('2026-11-26', '2026-11-26')).toBeUndefined();
        expect(customRangeError('', '2026-11-26')).toBe('Choose a start date and an end date.');
        expect(customRangeError('2026-11-27', '2026-11-26')).toBe('The start date must be on or before the end date.');
        // 731 days inclusive is the longest range.
        expect(customRangeError('2024-11-25', '2026-11-26')).toBe('Choose a range of at most 731 days.');
        expect(customRangeError('2024-11-26', '2026-11-26')).toBeUndefined();
    });
});
