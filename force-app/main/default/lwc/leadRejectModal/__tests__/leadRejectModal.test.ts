import { createElement } from 'lwc';
import LeadRejectModal, { NOTES_MAX_LENGTH } from 'c/leadRejectModal';
import getRejectionReasons from '@salesforce/apex/LeadQueueController.getRejectionReasons';
import rejectionReasons from './data/rejectionReasons.json';

jest.mock(
    '@salesforce/apex/LeadQueueController.getRejectionReasons',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
            '@salesforce/wire-service-jest-util'
        );
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

interface WireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
}

const reasonsAdapter = getRejectionReasons as unknown as WireAdapterMock;

interface ModalElement extends HTMLElement {
    leads: Array<{ leadId: string; name: string }>;
    suggestedReason: string | null;
}

interface FieldStub extends HTMLElement {
    value: unknown;
    options: unknown;
    label: string;
    required: boolean;
    maxLength: number;
    reportValidity(): boolean;
}

const GRACE = { leadId: '00Q000000000002AAA', name: 'Grace Hopper' };

/** What the modal closed with, one entry per close() call (the Jest stand-in reports it as an event). */
let closedWith: unknown[] = [];

function render(props: Partial<ModalElement>): ModalElement {
    const element = createElement('c-lead-reject-modal', { is: LeadRejectModal }) as unknown as ModalElement;
    Object.assign(element, props);
    element.addEventListener('close', (event) =>
        closedWith.push((event as CustomEvent<{ result: unknown }>).detail.result)
    );
    document.body.appendChild(element);
    return element;
}

function flush(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function field(element: Element, selector: string): FieldStub {
    return element.shadowRoot!.querySelector(selector) as FieldStub;
}

function change(element: Element, selector: string, value: string): void {
    field(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function clickButton(element: Element, selector: string): void {
    element.shadowRoot!.querySelector<HTMLButtonElement>(selector)!.click();
}

describe('c-lead-reject-modal', () => {
    let focus: jest.SpyInstance;

    beforeEach(() => {
        closedWith = [];
        focus = jest.spyOn(HTMLElement.prototype, 'focus');
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.restoreAllMocks();
    });

    it('waits for the rejection reasons before anything can be submitted', async () => {
        const element = render({ leads: [GRACE] });
        await flush();
        const spinner = element.shadowRoot!.querySelector('lightning-spinner') as unknown as {
            alternativeText: string;
        };
        expect(spinner.alternativeText).toBe('Loading rejection reasons');
        expect(element.shadowRoot!.querySelector<HTMLButtonElement>('.submit-button')!.disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('pre-fills the suggested reason, focuses it, and offers recycle or disqualify', async () => {
        const element = render({ leads: [GRACE], suggestedReason: 'Invalid Contact Data' });
        reasonsAdapter.emit(rejectionReasons);
        await flush();

        const header = element.shadowRoot!.querySelector('lightning-modal-header') as unknown as { label: string };
        expect(header.label).toBe('Reject Grace Hopper');
        const reason = field(element, 'lightning-combobox.reason');
        expect(reason.label).toBe('Rejection reason');
        expect(reason.required).toBe(true);
        expect(reason.options).toEqual(rejectionReasons);
        expect(reason.value).toBe('Invalid Contact Data');
        expect(element.shadowRoot!.querySelector('.suggested-hint')!.textContent).toContain(
            'Suggested because an acceptance check fails.'
        );
        expect(focus.mock.contexts).toContain(reason);
        expect(field(element, 'lightning-radio-group.disposition').value).toBe('Recycle');
        expect(field(element, 'lightning-textarea.notes').maxLength).toBe(NOTES_MAX_LENGTH);
        await expect(element).toBeAccessible();
    });

    it('ignores a suggestion that is not a rejection reason', async () => {
        const element = render({ leads: [GRACE], suggestedReason: 'Too Busy' });
        reasonsAdapter.emit(rejectionReasons);
        await flush();
        expect(field(element, 'lightning-combobox.reason').value).toBe('');
        expect(element.shadowRoot!.querySelector('.suggested-hint')).toBeNull();
    });

    it('refuses to submit without a reason and sends focus back to it', async () => {
        const element = render({ leads: [GRACE] });
        reasonsAdapter.emit(rejectionReasons);
        await flush();
        const reason = field(element, 'lightning-combobox.reason');
        const reportValidity = jest.spyOn(reason, 'reportValidity');
        focus.mockClear();

        clickButton(element, '.submit-button');
        await flush();
        expect(reportValidity).toHaveBeenCalled();
        expect(focus.mock.contexts).toContain(reason);
        expect(closedWith).toEqual([]);
    });

    it('closes with the reason, trimmed notes and the disposition', async () => {
        const element = render({ leads: [GRACE] });
        reasonsAdapter.emit(rejectionReasons);
        await flush();

        change(element, 'lightning-combobox.reason', 'Competitor Or Student');
        change(element, 'lightning-radio-group.disposition', 'Disqualify');
        change(element, 'lightning-textarea.notes', '  Works for a competitor.  ');
        await flush();
        clickButton(element, '.submit-button');

        expect(closedWith).toEqual([
            {
                reason: 'Competitor Or Student',
                notes: 'Works for a competitor.',
                disposition: 'Disqualify'
            }
        ]);
    });

    it('sends no notes rather than blank ones', async () => {
        const element = render({ leads: [GRACE], suggestedReason: 'Invalid Contact Data' });
        reasonsAdapter.emit(rejectionReasons);
        await flush();
        change(element, 'lightning-textarea.notes', '   ');
        clickButton(element, '.submit-button');
        expect(closedWith).toEqual([{ reason: 'Invalid Contact Data', notes: null, disposition: 'Recycle' }]);
    });

    it('closes with nothing when cancelled', async () => {
        const element = render({ leads: [GRACE] });
        reasonsAdapter.emit(rejectionReasons);
        await flush();
        clickButton(element, '.cancel-button');
        expect(closedWith).toEqual([undefined]);
    });

    it('names a handful of leads and counts the rest', async () => {
        const leads = Array.from({ length: 8 }, (_, index) => ({
            leadId: `00Q00000000000${index}AAA`,
            name: `Lead ${index + 1}`
        }));
        const element = render({ leads });
        reasonsAdapter.emit(rejectionReasons);
        await flush();
        const header = element.shadowRoot!.querySelector('lightning-modal-header') as unknown as { label: string };
        expect(header.label).toBe('Reject 8 leads');
        expect(element.shadowRoot!.querySelector('.lead-summary')!.textContent).toBe(
            'Lead 1, Lead 2, Lead 3, Lead 4, Lead 5 and 3 more'
        );
    });

    it('explains that leads cannot be rejected when the reasons fail to load', async () => {
        const element = render({ leads: [GRACE] });
        reasonsAdapter.error({ message: 'No access to Lead.Rejection_Reason__c' }, 403);
        await flush();
        const panel = element.shadowRoot!.querySelector('c-error-panel') as unknown as { friendlyMessage: string };
        expect(panel.friendlyMessage).toContain('could not be loaded');
        expect(element.shadowRoot!.querySelector('lightning-combobox')).toBeNull();
        expect(element.shadowRoot!.querySelector<HTMLButtonElement>('.submit-button')!.disabled).toBe(true);
        await expect(element).toBeAccessible();
    });
});
