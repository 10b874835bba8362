import { durationText } from '../speedView';

describe('durationText', () => {
    it('reads business minutes as minutes under an hour, hours and minutes above', () => {
        expect(durationText(0)).toBe('0 min');
        expect(durationText(4.4)).toBe('4 min');
        expect(durationText(59.6)).toBe('1 h');
        expect(durationText(81)).toBe('1 h 21 min');
        expect(durationText(301.5)).toBe('5 h 2 min');
        expect(durationText(null)).toBe('—');
        expect(durationText(undefined)).toBe('—');
    });
});
