import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

interface ErrorPanelElement extends HTMLElement {
    friendlyMessage: string;
    errors: unknown;
}

const APEX_ERROR = { status: 500, body: { message: 'Already accepted by Jane Rep.' } };

function render(props: Partial<ErrorPanelElement>): ErrorPanelElement {
    const element = createElement('c-error-panel', { is: ErrorPanel }) as unknown as ErrorPanelElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function query<T extends Element>(element: ErrorPanelElement, selector: string): T | null {
    return element.shadowRoot!.querySelector<T>(selector);
}

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the friendly message as an alert, details hidden', async () => {
        const element = render({ friendlyMessage: 'The queue could not be loaded.', errors: APEX_ERROR });
        expect(query(element, '[role="alert"] .friendly-message')!.textContent).toBe('The queue could not be loaded.');
        const toggle = query<HTMLButtonElement>(element, 'button.details-toggle')!;
        expect(toggle.textContent!.trim()).toBe('Show details');
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(query(element, '.error-details')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('reveals and hides the reduced error messages with the toggle', async () => {
        const element = render({ errors: [APEX_ERROR, new Error('Network down')] });
        const toggle = query<HTMLButtonElement>(element, 'button.details-toggle')!;

        toggle.click();
        await Promise.resolve();
        const items = Array.from(element.shadowRoot!.querySelectorAll('.error-details li')).map((li) => li.textContent);
        expect(items).toEqual(['Already accepted by Jane Rep.', 'Network down']);
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        expect(toggle.textContent!.trim()).toBe('Hide details');
        await expect(element).toBeAccessible();

        toggle.click();
        await Promise.resolve();
        expect(query(element, '.error-details')).toBeNull();
    });

    it('uses a default message and offers no toggle when there is nothing to detail', () => {
        const element = render({ errors: undefined });
        expect(query(element, '.friendly-message')!.textContent).toBe('Something went wrong.');
        expect(query(element, 'button.details-toggle')).toBeNull();
    });
});
