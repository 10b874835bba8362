import PanelStatus from '../panelStatus';
import { mount } from '../../../../../test/jest-helpers/component';
import { $, cleanUp, flush, texts } from '../../../../../test/jest-helpers/dom';

interface SpinnerElement extends HTMLElement {
    alternativeText: string;
}

interface ErrorPanelElement extends HTMLElement {
    friendlyMessage: string;
    errors: unknown;
}

const APEX_ERROR = { status: 500, body: { message: 'No such column MQL_Date__c on entity Lead.' } };

function render(props: Record<string, unknown>): HTMLElement {
    return mount('c-panel-status', PanelStatus, props);
}

describe('c-panel-status', () => {
    afterEach(cleanUp);

    it('shows a spinner that says what is loading', async () => {
        const element = render({ loading: true, loadingText: 'Loading the funnel' });
        await flush();
        expect(($(element, '.loading lightning-spinner') as SpinnerElement).alternativeText).toBe('Loading the funnel');
        expect($(element, 'c-error-panel')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error panel with its sentence and the error instead of the spinner', async () => {
        const element = render({
            loading: true,
            errors: APEX_ERROR,
            friendlyMessage: 'The weekly review could not be loaded.'
        });
        await flush();
        const errorPanel = $(element, '.error c-error-panel') as ErrorPanelElement;
        expect(errorPanel.friendlyMessage).toBe('The weekly review could not be loaded.');
        expect(errorPanel.errors).toEqual(APEX_ERROR);
        expect($(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says where the figures come from, and that the range holds nothing', async () => {
        const element = render({
            note: 'Oct 28, 2026 – Nov 26, 2026. Counted live, with your access.',
            emptyMessage: 'No lead became MQL between Oct 28, 2026 and Nov 26, 2026.'
        });
        await flush();
        expect(texts(element, '.note')).toEqual(['Oct 28, 2026 – Nov 26, 2026. Counted live, with your access.']);
        expect(texts(element, '.empty')).toEqual(['No lead became MQL between Oct 28, 2026 and Nov 26, 2026.']);
        expect($(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows nothing when the panel has nothing to say, then the spinner once it loads', async () => {
        const element = render({ loadingText: 'Loading revenue', friendlyMessage: 'Revenue could not be loaded.' });
        await flush();
        expect(element.shadowRoot!.children).toHaveLength(0);

        (element as HTMLElement & { loading: boolean }).loading = true;
        await flush();
        expect($(element, 'lightning-spinner')).not.toBeNull();
    });
});
