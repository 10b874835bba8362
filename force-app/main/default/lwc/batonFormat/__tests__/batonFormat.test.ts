import {
    formatCount,
    formatDay,
    formatInstant,
    formatMoney,
    formatMonth,
    formatPercent,
    plural,
    rangeText
} from '../batonFormat';

// sfdx-lwc-jest answers @salesforce/i18n with en-US, America/Los_Angeles and USD.
describe('batonFormat', () => {
    it('writes a day as itself, whatever the time zone', () => {
        expect(formatDay('2026-11-01')).toBe('Nov 1, 2026');
        expect(rangeText({ startDate: '2026-10-01', endDate: '2026-11-26' })).toBe('Oct 1, 2026 – Nov 26, 2026');
        expect(formatMonth('2026-11-01')).toBe('November 2026');
    });

    it('writes an instant in the user time zone, a dash without one', () => {
        expect(formatInstant('2026-11-27T05:30:00.000Z')).toBe('Nov 26, 2026, 9:30 PM');
        expect(formatInstant(null)).toBe('—');
    });

    it('writes counts, percentages and amounts, a dash when missing', () => {
        expect(formatCount(12500)).toBe('12,500');
        expect(formatPercent(57.14)).toBe('57.1%');
        expect(formatPercent(-100)).toBe('-100.0%');
        expect(formatPercent(undefined)).toBe('—');
        expect(formatMoney(12500.4)).toBe('$12,500');
        expect(formatMoney(333.333, true)).toBe('$333.33');
        expect(formatMoney(-200)).toBe('-$200');
        expect(formatMoney(null)).toBe('—');
        expect(plural(1, 'deal', 'deals')).toBe('1 deal');
        expect(plural(1200, 'deal', 'deals')).toBe('1,200 deals');
    });
});
