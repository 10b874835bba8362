import PeriodStepper from '../periodStepper';
import { mount } from '../../../../../test/jest-helpers/component';
import { $, cleanUp, flush, texts } from '../../../../../test/jest-helpers/dom';

interface ButtonIcon extends HTMLElement {
    alternativeText: string;
}

function render(props: Record<string, unknown>): HTMLElement {
    return mount('c-period-stepper', PeriodStepper, props);
}

describe('c-period-stepper', () => {
    afterEach(cleanUp);

    it('names its buttons after the unit and shows the period between them', async () => {
        const element = render({ unit: 'month', label: 'November 2026' });
        await flush();
        expect(($(element, '.previous') as ButtonIcon).alternativeText).toBe('Previous month');
        expect(($(element, '.next') as ButtonIcon).alternativeText).toBe('Next month');
        expect($(element, '.stepper')!.getAttribute('aria-label')).toBe('Month');
        expect(texts(element, '.label')).toEqual(['November 2026']);
        await expect(element).toBeAccessible();
    });

    it('leaves the period out when the panel shows it elsewhere', async () => {
        const element = render({ unit: 'week' });
        await flush();
        expect($(element, '.label')).toBeNull();
        expect(($(element, '.previous') as ButtonIcon).alternativeText).toBe('Previous week');
        await expect(element).toBeAccessible();
    });

    it('fires previous and next; the panel decides the period', async () => {
        const element = render({ unit: 'week' });
        const steps: string[] = [];
        element.addEventListener('previous', () => steps.push('previous'));
        element.addEventListener('next', () => steps.push('next'));
        $(element, '.previous')!.click();
        $(element, '.next')!.click();
        $(element, '.next')!.click();
        await flush();
        expect(steps).toEqual(['previous', 'next', 'next']);
    });
});
