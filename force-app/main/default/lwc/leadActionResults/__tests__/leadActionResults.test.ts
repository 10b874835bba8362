import { createElement } from 'lwc';
import LeadActionResults from 'c/leadActionResults';
import { toOutcome } from 'c/leadActionOutcome';
import type { ActionOutcome } from 'c/leadActionOutcome';

interface ResultsElement extends HTMLElement {
    outcome: ActionOutcome | null;
}

const SENT = [
    { leadId: 'A', name: 'Ada Lovelace' },
    { leadId: 'B', name: 'Grace Hopper' }
];

function render(outcome: ActionOutcome | null): ResultsElement {
    const element = createElement('c-lead-action-results', { is: LeadActionResults }) as unknown as ResultsElement;
    element.outcome = outcome;
    document.body.appendChild(element);
    return element;
}

function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('c-lead-action-results', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows nothing when every lead succeeded or there was no action', () => {
        expect(render(null).shadowRoot!.querySelector('.action-results')).toBeNull();
        const allGood = toOutcome('accept', SENT, [
            { leadId: 'A', success: true },
            { leadId: 'B', success: true }
        ]);
        expect(render(allGood).shadowRoot!.querySelector('.action-results')).toBeNull();
    });

    it('lists every failed lead with its reason when none succeeded', async () => {
        const element = render(
            toOutcome('reject', SENT, [
                { leadId: 'A', success: false, message: "You don't have access to this lead." },
                { leadId: 'B', success: false, message: 'This lead is no longer an MQL.' }
            ])
        );
        expect(text(element.shadowRoot!.querySelector('.results-heading'))).toBe('2 leads could not be rejected');
        expect(Array.from(element.shadowRoot!.querySelectorAll('.failed-lead')).map(text)).toEqual([
            "Ada Lovelace: You don't have access to this lead.",
            'Grace Hopper: This lead is no longer an MQL.'
        ]);
        await expect(element).toBeAccessible();
    });

    it('asks to be dismissed', () => {
        const element = render(toOutcome('accept', SENT.slice(0, 1), [{ leadId: 'A', success: false, message: 'x' }]));
        const dismiss = jest.fn();
        element.addEventListener('dismiss', dismiss);
        element.shadowRoot!.querySelector<HTMLButtonElement>('.dismiss-results')!.click();
        expect(dismiss).toHaveBeenCalledTimes(1);
    });
});
