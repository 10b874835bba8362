import { addDays, addMonths, customRangeError, isDay, mondayOf, monthOf, presetRange, todayIn } from '../dateRanges';

describe('date ranges', () => {
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

    it('computes the revenue presets: quarters, the year, the last twelve months', () => {
        const thursday = '2026-11-26';
        expect(presetRange('lastQuarter', thursday)).toEqual({ startDate: '2026-07-01', endDate: '2026-09-30' });
        expect(presetRange('lastQuarter', '2026-02-10')).toEqual({ startDate: '2025-10-01', endDate: '2025-12-31' });
        expect(presetRange('thisYear', thursday)).toEqual({ startDate: '2026-01-01', endDate: thursday });
        expect(presetRange('last12Months', thursday)).toEqual({ startDate: '2025-12-01', endDate: thursday });
        expect(presetRange('last12Months', '2026-01-15')).toEqual({ startDate: '2025-02-01', endDate: '2026-01-15' });
    });

    it('finds the Monday of a week and the first day of a month, and moves months', () => {
        expect(mondayOf('2026-11-26')).toBe('2026-11-23');
        expect(mondayOf('2026-11-29')).toBe('2026-11-23');
        expect(mondayOf('2026-11-23')).toBe('2026-11-23');
        expect(mondayOf('2027-01-01')).toBe('2026-12-28');
        expect(monthOf('2026-11-26')).toBe('2026-11-01');
        expect(addMonths('2026-11-01', 1)).toBe('2026-12-01');
        expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
        expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
        expect(addMonths('2026-03-01', -12)).toBe('2025-03-01');
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
