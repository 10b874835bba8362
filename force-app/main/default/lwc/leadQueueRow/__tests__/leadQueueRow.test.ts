import { createElement } from 'lwc';
import * as navigation from 'lightning/navigation';
import LeadQueueRow from 'c/leadQueueRow';
import mqlLeadJson from './data/mqlLead.json';
import leadFailingAcceptanceJson from './data/leadFailingAcceptance.json';

type LeadQueueItem = LeadQueueController.LeadQueueItem;

const mqlLead = mqlLeadJson as LeadQueueItem;
const leadFailingAcceptance = leadFailingAcceptanceJson as LeadQueueItem;
// The Jest stand-in of lightning/navigation records every Navigate call here.
const { navigate } = navigation as unknown as { navigate: jest.Mock };

const NOON = Date.parse('2026-11-23T12:00:00.000Z');

interface RowElement extends HTMLElement {
    item: LeadQueueItem;
    stage: string;
    now: number;
    selected: boolean;
    disabled: boolean;
}

function render(props: Partial<RowElement>): RowElement {
    const element = createElement('c-lead-queue-row', { is: LeadQueueRow }) as unknown as RowElement;
    Object.assign(element, { now: NOON, ...props });
    document.body.appendChild(element);
    return element;
}

function query<T extends Element = HTMLElement>(element: Element, selector: string): T {
    return element.shadowRoot!.querySelector(selector) as T;
}

function text(node: Element | null): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('c-lead-queue-row', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows who the lead is, its scores, time in queue and SLA clock', async () => {
        const element = render({ item: mqlLead });
        expect(text(query(element, '.lead-name'))).toBe('Ada Lovelace');
        expect(text(query(element, '.lead-subtitle'))).toBe('VP Engineering, Analytical Engines Ltd');
        expect(text(query(element, '.lead-source'))).toBe('Web');
        expect(text(query(element, '.fit-score'))).toBe('80');
        expect(text(query(element, '.interest-score'))).toBe('90');
        expect(text(query(element, '.time-in-queue [aria-hidden="true"]'))).toBe('3 h');
        expect(text(query(element, '.time-in-queue .slds-assistive-text'))).toBe('In queue for 3 hours');
        expect(text(query(element, '.owner-name'))).toBe('Sam Rivera');
        const badge = query(element, 'c-sla-clock-badge') as unknown as {
            dueAt: string;
            warningAt: string;
            now: number;
        };
        expect(badge).toEqual(
            expect.objectContaining({ dueAt: mqlLead.slaDueAt, warningAt: mqlLead.slaWarningAt, now: NOON })
        );
        expect(query(element, '.failing-rules')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('labels its controls with the lead name', () => {
        const element = render({ item: mqlLead });
        expect(text(query(element, 'label[for] .slds-assistive-text'))).toBe('Select Ada Lovelace');
        expect(query(element, '.lead-name').getAttribute('aria-label')).toBe('Open Ada Lovelace');
        expect(query(element, '.accept-button').getAttribute('aria-label')).toBe('Accept Ada Lovelace');
        expect(query(element, '.reject-button').getAttribute('aria-label')).toBe('Reject Ada Lovelace');
    });

    it('expands and collapses why the lead is an MQL', async () => {
        const element = render({ item: mqlLead });
        const toggle = query<HTMLButtonElement>(element, '.rules-toggle');
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(text(toggle)).toBe('Show why this is an MQL');
        expect(query(element, '.rules-panel')).toBeNull();

        toggle.click();
        await Promise.resolve();
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        expect(text(toggle)).toBe('Hide why this is an MQL');
        const list = query(element, '.rules-panel c-lead-rule-list');
        const outcomes = Array.from(list.shadowRoot!.querySelectorAll('.rule')).map((rule) =>
            Array.from(rule.querySelectorAll('p')).map(text).join(' | ')
        );
        expect(outcomes).toEqual([
            'Passed: Based in a target market (Fit · 25 pts)',
            'Passed: Phone number given (Fit · 10 pts · required)',
            'Failed: Company has 50+ employees (Fit · 25 pts) | NumberOfEmployees is 12',
            'Skipped: Engagement score 50 or more (Interest · 30 pts) | Field Engagement_Score__c does not exist on Lead'
        ]);
        await expect(element).toBeAccessible();

        toggle.click();
        await Promise.resolve();
        expect(query(element, '.rules-panel')).toBeNull();
    });

    it('falls back to the qualification summary when no rule results were recorded', async () => {
        const element = render({ item: { ...mqlLead, rules: [] } });
        query<HTMLButtonElement>(element, '.rules-toggle').click();
        await Promise.resolve();
        const list = query(element, '.rules-panel c-lead-rule-list') as unknown as { emptyMessage: string };
        expect(list.emptyMessage).toBe('MQL: Fit 80/50, Interest 90/40');
    });

    it('shows failing acceptance checks and the suggested reason before accepting', async () => {
        const element = render({ item: leadFailingAcceptance });
        expect(text(query(element, '.failing-rules-heading'))).toBe('Fails 1 acceptance check');
        expect(text(query(element, '.suggested-reason'))).toBe('Suggested rejection reason: Invalid Contact Data');
        await expect(element).toBeAccessible();
    });

    it('announces select, accept and reject with the lead id', () => {
        const element = render({ item: mqlLead });
        const events: Array<[string, unknown]> = [];
        for (const name of ['select', 'accept', 'reject', 'qualify']) {
            element.addEventListener(name, (event) => events.push([name, (event as CustomEvent).detail]));
        }
        query<HTMLInputElement>(element, 'input.select-lead').click();
        query<HTMLButtonElement>(element, '.accept-button').click();
        query<HTMLButtonElement>(element, '.reject-button').click();
        expect(events).toEqual([
            ['select', { leadId: mqlLead.leadId, selected: true }],
            ['accept', { leadId: mqlLead.leadId }],
            ['reject', { leadId: mqlLead.leadId }]
        ]);
    });

    it('offers Qualify instead of Accept on an accepted lead, without acceptance checks', async () => {
        const element = render({ item: { ...leadFailingAcceptance, lifecycleStage: 'SAL' }, stage: 'SAL' });
        expect(query(element, '.accept-button')).toBeNull();
        expect(query(element, '.failing-rules')).toBeNull();
        expect(text(query(element, '.rules-toggle'))).toBe('Show why this was an MQL');
        const events: unknown[] = [];
        element.addEventListener('qualify', (event) => events.push((event as CustomEvent).detail));
        query<HTMLButtonElement>(element, '.qualify-button').click();
        expect(events).toEqual([{ leadId: leadFailingAcceptance.leadId }]);
        await expect(element).toBeAccessible();
    });

    it('opens the lead record', () => {
        const element = render({ item: mqlLead });
        query<HTMLButtonElement>(element, '.lead-name').click();
        expect(navigate).toHaveBeenCalledWith(
            {
                type: 'standard__recordPage',
                attributes: { recordId: mqlLead.leadId, objectApiName: 'Lead', actionName: 'view' }
            },
            undefined
        );
    });

    it('disables its actions while the queue is busy', () => {
        const element = render({ item: mqlLead, disabled: true, selected: true });
        expect(query<HTMLButtonElement>(element, '.accept-button').disabled).toBe(true);
        expect(query<HTMLButtonElement>(element, '.reject-button').disabled).toBe(true);
        expect(query<HTMLInputElement>(element, 'input.select-lead').disabled).toBe(true);
        expect(query<HTMLInputElement>(element, 'input.select-lead').checked).toBe(true);
    });

    it('says so when a score, source or entry time is missing', () => {
        const element = render({
            item: {
                ...mqlLead,
                fitScore: null,
                interestScore: undefined,
                leadSource: null,
                stageEnteredAt: null,
                title: null
            }
        });
        expect(text(query(element, '.fit-score'))).toBe('–');
        expect(text(query(element, '.interest-score'))).toBe('–');
        expect(text(query(element, '.lead-source'))).toBe('Unknown');
        expect(text(query(element, '.time-in-queue [aria-hidden="true"]'))).toBe('unknown');
        expect(text(query(element, '.lead-subtitle'))).toBe('Analytical Engines Ltd');
    });
});
