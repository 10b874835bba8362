import { createElement } from 'lwc';
import DateRangeFilter from '../dateRangeFilter';
import { REVENUE_PRESET_OPTIONS } from 'c/dateRanges';
import { atFixedNow } from '../../../../../test/jest-helpers/component';
import { $, change, flush, texts } from '../../../../../test/jest-helpers/dom';

/** The filter with its properties set before it is connected, listening to rangechange. */
function render(props: Record<string, unknown>, onRange: jest.Mock): HTMLElement {
    const element = createElement('c-date-range-filter', { is: DateRangeFilter });
    Object.assign(element, props);
    element.addEventListener('rangechange', (event) => onRange((event as CustomEvent).detail));
    document.body.appendChild(element);
    return element;
}

describe('c-date-range-filter', () => {
    atFixedNow();

    it('gives the range of its first preset as soon as it is connected', async () => {
        const onRange = jest.fn();
        render({ options: REVENUE_PRESET_OPTIONS, initialPreset: 'thisQuarter' }, onRange);
        await flush();
        expect(onRange).toHaveBeenCalledWith({ startDate: '2026-10-01', endDate: '2026-11-26' });
    });

    it('gives each new range once, and no dates while a custom range cannot be read', async () => {
        const onRange = jest.fn();
        const element = render({}, onRange);
        await flush();
        expect(onRange).toHaveBeenLastCalledWith({ startDate: '2026-10-28', endDate: '2026-11-26' });

        await change(element, '.preset-filter', 'custom');
        expect(onRange).toHaveBeenCalledTimes(1);
        await change(element, '.custom-start', '2026-12-01');
        expect(onRange).toHaveBeenLastCalledWith({});
        expect(texts(element, '.range-error')).toEqual(['The start date must be on or before the end date.']);
        await change(element, '.custom-start', '2026-11-01');
        expect(onRange).toHaveBeenLastCalledWith({ startDate: '2026-11-01', endDate: '2026-11-26' });
        expect($(element, '.range-error')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('gives the range again after an invalid custom range, even the one it had before', async () => {
        const onRange = jest.fn();
        const element = render({}, onRange);
        await flush();
        await change(element, '.preset-filter', 'custom');
        await change(element, '.custom-start', '2026-12-01');
        await change(element, '.custom-start', '2026-10-28');

        expect(onRange.mock.calls.map(([detail]) => detail)).toEqual([
            { startDate: '2026-10-28', endDate: '2026-11-26' },
            {},
            { startDate: '2026-10-28', endDate: '2026-11-26' }
        ]);
    });

    it('says nothing when connected again with the range it gave', async () => {
        const onRange = jest.fn();
        const element = render({}, onRange);
        await flush();
        document.body.removeChild(element);
        document.body.appendChild(element);
        await flush();

        expect(onRange).toHaveBeenCalledTimes(1);
    });
});
