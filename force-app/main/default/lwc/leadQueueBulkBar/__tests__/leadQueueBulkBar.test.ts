import { createElement } from 'lwc';
import LeadQueueBulkBar from 'c/leadQueueBulkBar';

interface BulkBarElement extends HTMLElement {
    stage: string;
    selectedCount: number;
    leadCount: number;
    disabled: boolean;
}

function render(props: Partial<BulkBarElement>): BulkBarElement {
    const element = createElement('c-lead-queue-bulk-bar', { is: LeadQueueBulkBar }) as unknown as BulkBarElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function query<T extends HTMLElement = HTMLButtonElement>(element: Element, selector: string): T {
    return element.shadowRoot!.querySelector<T>(selector)!;
}

function text(node: Element | null): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('c-lead-queue-bulk-bar', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('offers nothing to do until leads are selected', async () => {
        const element = render({ stage: 'MQL', selectedCount: 0, leadCount: 25 });
        expect(text(query(element, '.select-all-label'))).toBe('Select all 25 on this page');
        expect(text(query(element, '.selection-count'))).toBe('0 selected');
        expect(query(element, '.bulk-accept').disabled).toBe(true);
        expect(query(element, '.bulk-reject').disabled).toBe(true);
        expect(query<HTMLInputElement>(element, 'input.select-all').checked).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('announces select all and the bulk action asked for', () => {
        const element = render({ stage: 'MQL', selectedCount: 25, leadCount: 25 });
        const seen: Array<[string, unknown]> = [];
        for (const name of ['selectall', 'action']) {
            element.addEventListener(name, (event) => seen.push([name, (event as CustomEvent).detail]));
        }
        const selectAll = query<HTMLInputElement>(element, 'input.select-all');
        expect(selectAll.checked).toBe(true);
        selectAll.click();
        query(element, '.bulk-accept').click();
        query(element, '.bulk-reject').click();
        expect(seen).toEqual([
            ['selectall', { selected: false }],
            ['action', { action: 'accept' }],
            ['action', { action: 'reject' }]
        ]);
    });

    it('offers Qualify for accepted leads, and nothing while the queue is busy', async () => {
        const element = render({ stage: 'SAL', selectedCount: 2, leadCount: 2, disabled: true });
        expect(query(element, '.bulk-accept')).toBeNull();
        expect(query(element, '.bulk-qualify').disabled).toBe(true);
        expect(query<HTMLInputElement>(element, 'input.select-all').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });
});
