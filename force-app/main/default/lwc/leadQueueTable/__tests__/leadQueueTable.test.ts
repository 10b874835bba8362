import { createElement } from 'lwc';
import * as navigation from 'lightning/navigation';
import LeadQueueTable from 'c/leadQueueTable';
import type { QueueSort } from 'c/leadQueueTable';
import mqlLeadJson from './data/mqlLead.json';
import leadFailingAcceptanceJson from './data/leadFailingAcceptance.json';

type LeadQueueItem = LeadQueueController.LeadQueueItem;

const mqlLead = mqlLeadJson as LeadQueueItem;
const leadFailingAcceptance = leadFailingAcceptanceJson as LeadQueueItem;
// The Jest stand-in of lightning/navigation records every Navigate call here.
const { navigate } = navigation as unknown as { navigate: jest.Mock };

const NOON = Date.parse('2026-11-23T12:00:00.000Z');

interface TableElement extends HTMLElement {
    items: LeadQueueItem[];
    stage: string;
    now: number;
    selectedIds: string[];
    disabled: boolean;
    sort: QueueSort;
    label: string;
    focusRow(index: number): void;
}

function render(props: Partial<TableElement> = {}): TableElement {
    const element = createElement('c-lead-queue-table', { is: LeadQueueTable }) as unknown as TableElement;
    Object.assign(element, { items: [mqlLead, leadFailingAcceptance], now: NOON, label: 'Leads to triage', ...props });
    document.body.appendChild(element);
    return element;
}

function query<T extends Element = HTMLElement>(element: Element, selector: string): T {
    return element.shadowRoot!.querySelector(selector) as T;
}

function all(element: Element, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>(selector));
}

function text(node: Element | null): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function events(element: Element, names: string[]): Array<[string, unknown]> {
    const seen: Array<[string, unknown]> = [];
    for (const name of names) {
        element.addEventListener(name, (event) => seen.push([name, (event as CustomEvent).detail]));
    }
    return seen;
}

function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
}

describe('c-lead-queue-table', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows one line per lead: who, SLA clock, scores, source, company, owner and time in queue', async () => {
        const element = render();
        const [ada] = all(element, 'tr.lead-row');
        expect(text(ada.querySelector('.lead-name'))).toBe('Ada Lovelace');
        expect(text(ada.querySelector('.lead-title'))).toBe('VP Engineering');
        expect(text(ada.querySelector('.fit-score'))).toBe('80');
        expect(text(ada.querySelector('.interest-score'))).toBe('90');
        expect(text(ada.querySelector('.lead-source'))).toBe('Web');
        expect(text(ada.querySelector('.company'))).toBe('Analytical Engines Ltd');
        expect(text(ada.querySelector('.owner-name'))).toBe('Sam Rivera');
        expect(text(ada.querySelector('.time-in-queue [aria-hidden="true"]'))).toBe('3 h');
        expect(text(ada.querySelector('.time-in-queue .slds-assistive-text'))).toBe('In queue for 3 hours');
        const badge = ada.querySelector('c-sla-clock-badge') as unknown as {
            dueAt: string;
            warningAt: string;
            now: number;
        };
        expect(badge).toEqual(
            expect.objectContaining({ dueAt: mqlLead.slaDueAt, warningAt: mqlLead.slaWarningAt, now: NOON })
        );
        expect(ada.querySelector('.checks-flag')).toBeNull();
        expect(query(element, 'table').getAttribute('aria-label')).toBe('Leads to triage');
        await expect(element).toBeAccessible();
    });

    it('labels every control with the lead it acts on', () => {
        const element = render();
        const ada = all(element, 'tr.lead-row')[0];
        const checkbox = ada.querySelector('input.select-lead')!;
        const label = ada.querySelector(`label[for="${checkbox.id}"]`);
        expect(text(label!.querySelector('.slds-assistive-text'))).toBe('Select Ada Lovelace');
        expect(ada.querySelector('.lead-name')!.getAttribute('title')).toBe('Open Ada Lovelace');
        expect(ada.querySelector('.accept-button')!.getAttribute('aria-label')).toBe('Accept Ada Lovelace');
        expect(ada.querySelector('.reject-button')!.getAttribute('aria-label')).toBe('Reject Ada Lovelace');
        expect(text(ada.querySelector('.details-toggle'))).toBe('Show details of Ada Lovelace');
    });

    it('flags failing acceptance checks on the line and explains them in the details row', async () => {
        const element = render();
        const grace = all(element, 'tr.lead-row')[1];
        expect(text(grace.querySelector('.checks-flag'))).toBe('1 check fails');
        const toggle = grace.querySelector<HTMLButtonElement>('.details-toggle')!;
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(toggle.getAttribute('aria-controls')).toBeNull();

        toggle.click();
        await Promise.resolve();
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        const details = query(element, 'tr.detail-row td');
        expect(toggle.getAttribute('aria-controls')).toBe(details.id);
        expect(text(details.querySelector('.failing-checks .detail-heading'))).toBe('Acceptance checks that fail');
        expect(text(details.querySelector('.suggested-reason'))).toBe(
            'Suggested rejection reason: Invalid Contact Data'
        );
        expect(text(details.querySelector('.mql-rules .detail-heading'))).toBe('Why this is an MQL');
        await expect(element).toBeAccessible();

        toggle.click();
        await Promise.resolve();
        expect(query(element, 'tr.detail-row')).toBeNull();
    });

    it('lists why the lead is an MQL, or its qualification summary when no rule results were recorded', async () => {
        const element = render({ items: [mqlLead, { ...leadFailingAcceptance, rules: [] }] });
        for (const toggle of all(element, '.details-toggle')) {
            toggle.click();
        }
        await Promise.resolve();
        const [ada, grace] = all(element, '.mql-rules c-lead-rule-list');
        const outcomes = Array.from(ada.shadowRoot!.querySelectorAll('.rule')).map((rule) =>
            Array.from(rule.querySelectorAll('p')).map(text).join(' | ')
        );
        expect(outcomes).toEqual([
            'Passed: Based in a target market (Fit · 25 pts)',
            'Passed: Phone number given (Fit · 10 pts · required)',
            'Failed: Company has 50+ employees (Fit · 25 pts) | NumberOfEmployees is 12',
            'Skipped: Engagement score 50 or more (Interest · 30 pts) | Field Engagement_Score__c does not exist on Lead'
        ]);
        expect((grace as unknown as { emptyMessage: string }).emptyMessage).toBe(
            leadFailingAcceptance.qualificationSummary
        );
    });

    it('announces select, accept and reject with the lead and its row', () => {
        const element = render();
        const seen = events(element, ['select', 'accept', 'reject', 'qualify']);
        const grace = all(element, 'tr.lead-row')[1];
        grace.querySelector<HTMLInputElement>('input.select-lead')!.click();
        grace.querySelector<HTMLButtonElement>('.accept-button')!.click();
        grace.querySelector<HTMLButtonElement>('.reject-button')!.click();
        expect(seen).toEqual([
            ['select', { leadId: leadFailingAcceptance.leadId, selected: true }],
            ['accept', { leadId: leadFailingAcceptance.leadId, index: 1 }],
            ['reject', { leadId: leadFailingAcceptance.leadId, index: 1 }]
        ]);
    });

    it('offers Qualify instead of Accept on accepted leads, without acceptance checks', async () => {
        const element = render({ items: [{ ...leadFailingAcceptance, lifecycleStage: 'SAL' }], stage: 'SAL' });
        expect(query(element, '.accept-button')).toBeNull();
        expect(query(element, '.checks-flag')).toBeNull();
        const seen = events(element, ['qualify']);
        query<HTMLButtonElement>(element, '.qualify-button').click();
        expect(seen).toEqual([['qualify', { leadId: leadFailingAcceptance.leadId, index: 0 }]]);
        query<HTMLButtonElement>(element, '.details-toggle').click();
        await Promise.resolve();
        expect(text(query(element, '.mql-rules .detail-heading'))).toBe('Why this was an MQL');
        // On a SAL page the controller's summary is the SQL gate's: shown as readiness, not as why it is an MQL.
        expect(text(query(element, '.readiness-summary'))).toBe(leadFailingAcceptance.qualificationSummary);
        expect(text(query(element, '.shortcut-hint'))).toContain('Q qualify,');
        await expect(element).toBeAccessible();
    });

    it('sorts by a column: the other direction on the sort column, the column’s own first direction elsewhere', () => {
        const element = render({ sort: { sortBy: 'fitScore', sortDirection: 'desc' } });
        expect(query(element, 'th.col-fitScore').getAttribute('aria-sort')).toBe('descending');
        expect(query(element, 'th.col-slaDueAt').getAttribute('aria-sort')).toBe('none');
        expect(text(query(element, '.sort-status'))).toBe('Sorted by Fit, highest first');
        const seen = events(element, ['sort']);
        query<HTMLButtonElement>(element, '.sort-button[data-field="fitScore"]').click();
        query<HTMLButtonElement>(element, '.sort-button[data-field="company"]').click();
        query<HTMLButtonElement>(element, '.sort-button[data-field="stageEnteredAt"]').click();
        expect(seen).toEqual([
            ['sort', { sortBy: 'fitScore', sortDirection: 'asc' }],
            ['sort', { sortBy: 'company', sortDirection: 'asc' }],
            ['sort', { sortBy: 'stageEnteredAt', sortDirection: 'asc' }]
        ]);
        expect(query(element, '.sort-button[data-field="stageEnteredAt"]').getAttribute('title')).toBe(
            'Sort by In queue, longest first'
        );
    });

    it('says a time-in-queue sort the way the column reads: the oldest entry is the longest wait', () => {
        const element = render({ sort: { sortBy: 'stageEnteredAt', sortDirection: 'asc' } });
        expect(query(element, 'th.col-stageEnteredAt').getAttribute('aria-sort')).toBe('descending');
    });

    it('sorts from the menu the narrow layout shows instead of column headers', () => {
        const element = render();
        const menu = query<HTMLSelectElement>(element, 'select.sort-select');
        expect(
            Array.from(menu.options)
                .find((option) => option.selected)!
                .textContent!.trim()
        ).toBe('SLA, due soonest first');
        expect(menu.options).toHaveLength(14);
        const seen = events(element, ['sort']);
        menu.value = 'leadSource:desc';
        menu.dispatchEvent(new CustomEvent('change'));
        expect(seen).toEqual([['sort', { sortBy: 'leadSource', sortDirection: 'desc' }]]);
    });

    it('moves between leads and acts on the focused one from the keyboard, listing the keys', async () => {
        const element = render();
        expect(text(query(element, '.shortcut-hint'))).toBe(
            'Keys: ↓ J next lead, ↑ K previous, A accept, R reject, E details, X select'
        );
        const seen = events(element, ['accept', 'reject', 'select']);
        const [ada, grace] = all(element, 'tr.lead-row');
        expect([ada.tabIndex, grace.tabIndex]).toEqual([0, -1]);

        ada.focus();
        press(ada, 'j');
        await Promise.resolve();
        await Promise.resolve();
        expect(element.shadowRoot!.activeElement).toBe(grace);
        expect([ada.tabIndex, grace.tabIndex]).toEqual([-1, 0]);
        press(grace, 'x');
        press(grace, 'A');
        press(grace, 'r');
        // Modifier keys belong to the browser and screen readers.
        press(grace, 'a', { ctrlKey: true });
        press(grace, 'e');
        await Promise.resolve();
        expect(query(element, 'tr.detail-row')).not.toBeNull();
        expect(seen).toEqual([
            ['select', { leadId: leadFailingAcceptance.leadId, selected: true }],
            ['accept', { leadId: leadFailingAcceptance.leadId, index: 1 }],
            ['reject', { leadId: leadFailingAcceptance.leadId, index: 1 }]
        ]);

        press(grace, 'Home');
        await Promise.resolve();
        await Promise.resolve();
        expect(element.shadowRoot!.activeElement).toBe(ada);
    });

    it('puts the focus on the row now at a position, or the last one when fewer remain', async () => {
        const element = render();
        element.focusRow(5);
        await Promise.resolve();
        await Promise.resolve();
        expect(element.shadowRoot!.activeElement).toBe(all(element, 'tr.lead-row')[1]);
    });

    it('opens the lead record', () => {
        const element = render();
        query<HTMLButtonElement>(element, '.lead-name').click();
        expect(navigate).toHaveBeenCalledWith(
            {
                type: 'standard__recordPage',
                attributes: { recordId: mqlLead.leadId, objectApiName: 'Lead', actionName: 'view' }
            },
            undefined
        );
    });

    it('disables its actions and shortcuts while the queue is busy', () => {
        const element = render({ disabled: true, selectedIds: [mqlLead.leadId] });
        const ada = all(element, 'tr.lead-row')[0];
        expect(ada.querySelector<HTMLButtonElement>('.accept-button')!.disabled).toBe(true);
        expect(ada.querySelector<HTMLButtonElement>('.reject-button')!.disabled).toBe(true);
        expect(ada.querySelector<HTMLInputElement>('input.select-lead')!.disabled).toBe(true);
        expect(ada.querySelector<HTMLInputElement>('input.select-lead')!.checked).toBe(true);
        expect(ada.className).toContain('slds-is-selected');
        const seen = events(element, ['accept', 'select']);
        press(ada, 'a');
        press(ada, 'x');
        expect(seen).toEqual([]);
    });

    it('says so when a score, source, company or entry time is missing', () => {
        const element = render({
            items: [
                {
                    ...mqlLead,
                    fitScore: null,
                    interestScore: undefined,
                    leadSource: null,
                    stageEnteredAt: null,
                    title: null,
                    company: null,
                    ownerName: null
                }
            ]
        });
        const row = all(element, 'tr.lead-row')[0];
        expect(text(row.querySelector('.fit-score'))).toBe('–');
        expect(text(row.querySelector('.interest-score'))).toBe('–');
        expect(text(row.querySelector('.lead-source'))).toBe('Unknown');
        expect(text(row.querySelector('.company'))).toBe('–');
        expect(text(row.querySelector('.owner-name'))).toBe('–');
        expect(text(row.querySelector('.time-in-queue [aria-hidden="true"]'))).toBe('unknown');
        expect(text(row.querySelector('.lead-title'))).toBe('');
    });
});
