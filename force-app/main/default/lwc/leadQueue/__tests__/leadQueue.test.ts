import { createElement } from 'lwc';
import LeadQueue from 'c/leadQueue';
import LeadRejectModal from 'c/leadRejectModal';
import LightningConfirm from 'lightning/confirm';
import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import { refreshApex } from '@salesforce/apex';
import getQueuePage from '@salesforce/apex/LeadQueueController.getQueuePage';
import acceptLeads from '@salesforce/apex/LeadQueueController.acceptLeads';
import rejectLeads from '@salesforce/apex/LeadQueueController.rejectLeads';
import qualifyLeads from '@salesforce/apex/LeadQueueController.qualifyLeads';
import mqlPageJson from './data/mqlPage.json';
import salPageJson from './data/salPage.json';
import emptyPageJson from './data/emptyPage.json';
import acceptPartialFailureJson from './data/acceptPartialFailure.json';
import acceptNeedsConfirmationJson from './data/acceptNeedsConfirmation.json';
import qualifyMissingRulesJson from './data/qualifyMissingRules.json';
import queueLoadError from './data/queueLoadError.json';

type LeadQueuePage = LeadQueueController.LeadQueuePage;
type LeadActionResult = LeadQueueController.LeadActionResult;

jest.mock(
    '@salesforce/apex/LeadQueueController.getQueuePage',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
            '@salesforce/wire-service-jest-util'
        );
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/LeadQueueController.acceptLeads', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadQueueController.rejectLeads', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadQueueController.qualifyLeads', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface WireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown> | null;
}

const queueAdapter = getQueuePage as unknown as WireAdapterMock;
const acceptMock = jest.mocked(acceptLeads);
const rejectMock = jest.mocked(rejectLeads);
const qualifyMock = jest.mocked(qualifyLeads);
const publishMock = jest.mocked(publish);
const subscribeMock = subscribe as unknown as jest.Mock;
/** This queue instance's message source: the component name and an instance id. */
const OWN_SOURCE = expect.stringMatching(/^leadQueue:[a-z0-9]+$/);
const refreshMock = jest.mocked(refreshApex);

const mqlPage = mqlPageJson as LeadQueuePage;
const salPage = salPageJson as LeadQueuePage;
const emptyPage = emptyPageJson as LeadQueuePage;
const acceptPartialFailure = acceptPartialFailureJson as LeadActionResult[];
const acceptNeedsConfirmation = acceptNeedsConfirmationJson as LeadActionResult[];
const qualifyMissingRules = qualifyMissingRulesJson as LeadActionResult[];

/** Opaque page links as the controller hands them out; the component only stores and returns them. */
const AFTER_PAGE_1 = 'opaque-cursor-after-page-1';
const AFTER_PAGE_2 = 'opaque-cursor-after-page-2';
const CURSOR_REFUSED = 'The queue changed or the page link is invalid: reload the first page.';
/** A queue of 120 in pages of 50 (the fixture's four leads stand in for each page's fifty). */
const firstOfThree: LeadQueuePage = { ...mqlPage, totalCount: 120, hasMore: true, nextCursor: AFTER_PAGE_1 };
const secondOfThree: LeadQueuePage = { ...mqlPage, totalCount: 120, hasMore: true, nextCursor: AFTER_PAGE_2 };
const lastOfThree: LeadQueuePage = { ...mqlPage, totalCount: 120, hasMore: false, nextCursor: null };

const ADA = '00Q000000000001AAA';
const GRACE = '00Q000000000002AAA';
const ALAN = '00Q000000000003AAA';
const KATHERINE = '00Q000000000004AAA';

interface LeadQueueElement extends HTMLElement {
    defaultScope: string;
    pageSize: number;
}

interface ToastDetail {
    title: string;
    message: string;
    variant: string;
}

function render(props: Partial<LeadQueueElement> = {}): { element: LeadQueueElement; toasts: ToastDetail[] } {
    const element = createElement('c-lead-queue', { is: LeadQueue }) as unknown as LeadQueueElement;
    Object.assign(element, props);
    const toasts: ToastDetail[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
        toasts.push((event as CustomEvent<ToastDetail>).detail)
    );
    document.body.appendChild(element);
    return { element, toasts };
}

/** Lets wires, imperative Apex promises and re-renders settle: a macrotask runs after every pending microtask. */
function settle(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function root(element: Element): ShadowRoot {
    return element.shadowRoot!;
}

/** The queue's table, where the leads are (c-lead-queue-table has its own tests). */
function table(element: Element): ShadowRoot {
    return root(root(element).querySelector('c-lead-queue-table')!);
}

function rows(element: Element): HTMLElement[] {
    const tableElement = root(element).querySelector('c-lead-queue-table');
    return tableElement ? Array.from(root(tableElement).querySelectorAll<HTMLElement>('tr.lead-row')) : [];
}

function names(element: Element): string[] {
    return rows(element).map((candidate) => text(candidate.querySelector('.lead-name')));
}

function row(element: Element, leadId: string): HTMLElement {
    const found = rows(element).find((candidate) => candidate.querySelector(`[data-lead-id="${leadId}"]`));
    if (!found) {
        throw new Error(`No row for ${leadId}`);
    }
    return found;
}

function rowButton(element: Element, leadId: string, selector: string): HTMLButtonElement {
    return table(element).querySelector<HTMLButtonElement>(`${selector}[data-lead-id="${leadId}"]`)!;
}

function selectRow(element: Element, leadId: string): void {
    table(element).querySelector<HTMLInputElement>(`input.select-lead[data-lead-id="${leadId}"]`)!.click();
}

function button(element: Element, selector: string): HTMLButtonElement {
    return root(element).querySelector<HTMLButtonElement>(selector)!;
}

/** A control of the selection bar (select all, the count, the bulk actions). */
function bulk<T extends HTMLElement = HTMLButtonElement>(element: Element, selector: string): T {
    return root(root(element).querySelector('c-lead-queue-bulk-bar')!).querySelector<T>(selector)!;
}

function press(target: Element, key: string): void {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function changeRadio(element: Element, selector: string, value: string): void {
    root(element)
        .querySelector(selector)!
        .dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function loadedQueue(page: LeadQueuePage = mqlPage, props: Partial<LeadQueueElement> = {}) {
    const rendered = render(props);
    queueAdapter.emit(page);
    await settle();
    return rendered;
}

/** The wire asks for the first page of this view, most urgent SLA first unless another sort is given. */
function expectFirstPageRequest(
    scope: string,
    stage: string,
    pageSize: number,
    sort = { sortBy: 'slaDueAt', sortDirection: 'asc' }
): void {
    expect(queueAdapter.getLastConfig()).toEqual({ scope, stage, pageSize, cursor: null, ...sort });
}

/** Next page from the first of three: the wire asks with the first page's cursor and gets the second page. */
async function nextToSecondPage(element: Element): Promise<void> {
    button(element, '.next-page').click();
    await settle();
    expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: AFTER_PAGE_1 }));
    queueAdapter.emit(secondOfThree);
    await settle();
}

describe('c-lead-queue', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
        jest.useRealTimers();
    });

    describe('states', () => {
        it('shows a spinner until the first page arrives', async () => {
            const { element } = render();
            await settle();
            const spinner = root(element).querySelector('lightning-spinner') as unknown as { alternativeText: string };
            expect(spinner.alternativeText).toBe('Loading leads');
            expect(rows(element)).toHaveLength(0);
            await expect(element).toBeAccessible();
        });

        it('lists the waiting MQLs in the order the controller ranked them', async () => {
            const { element } = await loadedQueue();
            expect(names(element)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson']);
            expect(text(root(element).querySelector('.range-label'))).toBe('1–4 of 4 waiting');
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 1 of 1');
            expect(table(element).querySelector('table')!.getAttribute('aria-label')).toBe(
                'Leads waiting to be accepted or rejected'
            );
            // Accept is a stage change, not only taking ownership as on a standard queue: the queue says so.
            expect(text(root(element).querySelector('.action-help'))).toBe(
                'Accept moves a lead from MQL to SAL (sales accepted) and makes you its owner. Reject sends it back to marketing with a reason.'
            );
            await expect(element).toBeAccessible();
        });

        it('says so when nothing is waiting', async () => {
            const { element } = await loadedQueue(emptyPage);
            expect(text(root(element).querySelector('.empty-message'))).toBe('Nothing waiting — nice.');
            expect(rows(element)).toHaveLength(0);
            await expect(element).toBeAccessible();
        });

        it('says so when no accepted lead is left to qualify', async () => {
            const { element } = await loadedQueue();
            changeRadio(element, '.stage-toggle', 'SAL');
            queueAdapter.emit(emptyPage);
            await settle();
            expect(text(root(element).querySelector('.empty-message'))).toBe('Nothing to qualify — nice.');
        });

        it('shows the shared error panel when the queue cannot load, and retries', async () => {
            const { element } = render();
            queueAdapter.error(queueLoadError.body, queueLoadError.status);
            await settle();
            const panel = root(element).querySelector('.queue-error c-error-panel') as unknown as {
                friendlyMessage: string;
                errors: unknown;
            };
            expect(panel.friendlyMessage).toBe('The lead queue could not be loaded.');
            expect(panel.errors).toEqual(expect.objectContaining({ body: queueLoadError.body }));
            // On the first page there is no first page to go back to: only Try again.
            expect(button(element, '.first-page')).toBeNull();
            await expect(element).toBeAccessible();

            button(element, '.retry-button').click();
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });
    });

    describe('configuration and navigation', () => {
        it('asks for the App Builder scope and page size, from the first page', async () => {
            render({ defaultScope: 'MyQueues', pageSize: 25 });
            await settle();
            expectFirstPageRequest('MyQueues', 'MQL', 25);
        });

        it.each([
            [500, 200],
            [0, 50],
            [Number.NaN, 50],
            [12.7, 12]
        ])('keeps a page size of %p within 1..200 (%p)', async (configured, requested) => {
            render({ pageSize: configured });
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ pageSize: requested }));
        });

        it('falls back to Mine for an unknown scope', async () => {
            render({ defaultScope: 'Everyone' });
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ scope: 'Mine' }));
        });

        it('switches scope and view, starting again from the first page', async () => {
            const { element } = await loadedQueue(firstOfThree);
            await nextToSecondPage(element);

            changeRadio(element, '.scope-toggle', 'All');
            await settle();
            expectFirstPageRequest('All', 'MQL', 50);
            queueAdapter.emit(firstOfThree);
            await settle();
            // The pages before belonged to the other view: there is nothing to go back to.
            expect(button(element, '.previous-page').disabled).toBe(true);
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 1 of 3');

            changeRadio(element, '.stage-toggle', 'SAL');
            await settle();
            expectFirstPageRequest('All', 'SAL', 50);
            queueAdapter.emit(salPage);
            await settle();
            expect(rowButton(element, '00Q000000000011AAA', '.qualify-button')).not.toBeNull();
            expect(bulk(element, '.bulk-qualify')).not.toBeNull();
            expect(bulk(element, '.bulk-accept')).toBeNull();
            expect(text(root(element).querySelector('.action-help'))).toContain(
                'Qualify moves an accepted lead from SAL to SQL'
            );
            await expect(element).toBeAccessible();
        });

        it('starts again from the first page when App Builder changes the page size or the scope', async () => {
            const { element } = await loadedQueue(firstOfThree);
            await nextToSecondPage(element);

            element.pageSize = 25;
            await settle();
            expectFirstPageRequest('Mine', 'MQL', 25);
            queueAdapter.emit({ ...firstOfThree, pageSize: 25 });
            await settle();
            expect(button(element, '.previous-page').disabled).toBe(true);

            button(element, '.next-page').click();
            await settle();
            element.defaultScope = 'MyQueues';
            await settle();
            expectFirstPageRequest('MyQueues', 'MQL', 25);
        });

        it("pages forward with each page's cursor and back through the cursors it kept", async () => {
            const { element } = await loadedQueue(firstOfThree);
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 1 of 3');
            expect(button(element, '.previous-page').disabled).toBe(true);
            expect(button(element, '.next-page').disabled).toBe(false);

            await nextToSecondPage(element);
            expect(queueAdapter.getLastConfig()).toEqual({
                scope: 'Mine',
                stage: 'MQL',
                pageSize: 50,
                cursor: AFTER_PAGE_1,
                sortBy: 'slaDueAt',
                sortDirection: 'asc'
            });
            expect(text(root(element).querySelector('.range-label'))).toBe('51–54 of 120 waiting');
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 2 of 3');
            expect(button(element, '.previous-page').disabled).toBe(false);

            button(element, '.next-page').click();
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: AFTER_PAGE_2 }));
            queueAdapter.emit(lastOfThree);
            await settle();
            expect(text(root(element).querySelector('.range-label'))).toBe('101–104 of 120 waiting');
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 3 of 3');
            expect(button(element, '.next-page').disabled).toBe(true);
            await expect(element).toBeAccessible();

            button(element, '.previous-page').click();
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: AFTER_PAGE_1 }));
            queueAdapter.emit(secondOfThree);
            await settle();
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 2 of 3');

            button(element, '.previous-page').click();
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: null }));
            queueAdapter.emit(firstOfThree);
            await settle();
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 1 of 3');
            expect(button(element, '.previous-page').disabled).toBe(true);
        });

        it('counts one more page while the controller says more follow, whatever the total', async () => {
            // Leads added since the count: the cursor, not the total, decides whether a next page exists.
            const { element } = await loadedQueue({
                ...mqlPage,
                totalCount: 4,
                hasMore: true,
                nextCursor: AFTER_PAGE_1
            });
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 1 of 2');
            expect(button(element, '.next-page').disabled).toBe(false);
        });

        it('reloads the page it is on after an action, with the same cursor', async () => {
            acceptMock.mockResolvedValue([acceptPartialFailure[0]]);
            const { element } = await loadedQueue(firstOfThree);
            await nextToSecondPage(element);

            rowButton(element, ADA, '.accept-button').click();
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: AFTER_PAGE_1 }));
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 2 of 3');
        });

        it('offers the first page again when the controller refuses a later page', async () => {
            const { element } = await loadedQueue(firstOfThree);
            button(element, '.next-page').click();
            await settle();
            queueAdapter.error({ message: CURSOR_REFUSED }, 500);
            await settle();
            const panel = root(element).querySelector('.queue-error c-error-panel') as unknown as { errors: unknown };
            expect(panel.errors).toEqual(expect.objectContaining({ body: { message: CURSOR_REFUSED } }));
            await expect(element).toBeAccessible();

            button(element, '.first-page').click();
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: null }));
            queueAdapter.emit(firstOfThree);
            await settle();
            expect(button(element, '.previous-page').disabled).toBe(true);
        });

        it('goes back a page when every lead from this page on was handled', async () => {
            const { element } = await loadedQueue(firstOfThree);
            await nextToSecondPage(element);
            button(element, '.next-page').click();
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: AFTER_PAGE_2 }));

            queueAdapter.emit({ ...emptyPage, totalCount: 100 });
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(expect.objectContaining({ cursor: AFTER_PAGE_1 }));
            queueAdapter.emit({ ...secondOfThree, totalCount: 100, nextCursor: null, hasMore: false });
            await settle();
            expect(text(root(element).querySelector('.page-label'))).toBe('Page 2 of 2');
            expect(button(element, '.next-page').disabled).toBe(true);
        });
    });

    describe('triage', () => {
        it('sorts the whole queue on the server, from the first page, when a column is chosen', async () => {
            const { element } = await loadedQueue(firstOfThree);
            await nextToSecondPage(element);

            table(element).querySelector<HTMLButtonElement>('.sort-button[data-field="fitScore"]')!.click();
            await settle();
            expectFirstPageRequest('Mine', 'MQL', 50, { sortBy: 'fitScore', sortDirection: 'desc' });
            queueAdapter.emit(firstOfThree);
            await settle();
            expect(button(element, '.previous-page').disabled).toBe(true);
            expect(table(element).querySelector('th.col-fitScore')!.getAttribute('aria-sort')).toBe('descending');

            // Paging goes on in that order: the next page asks with the same sort.
            button(element, '.next-page').click();
            await settle();
            expect(queueAdapter.getLastConfig()).toEqual(
                expect.objectContaining({ cursor: AFTER_PAGE_1, sortBy: 'fitScore', sortDirection: 'desc' })
            );
        });

        it('works from the keyboard: move between leads, open details, accept and reject the focused one', async () => {
            acceptMock.mockResolvedValue([acceptPartialFailure[0]]);
            const open = jest.spyOn(LeadRejectModal, 'open').mockResolvedValue(undefined);
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            const { element } = await loadedQueue();
            const tableElement = table(element).querySelector('table')!;

            rows(element)[0].focus();
            press(rows(element)[0], 'ArrowDown');
            await settle();
            expect(focus.mock.contexts).toContain(rows(element)[1]);
            press(rows(element)[1], 'e');
            await settle();
            expect(text(table(element).querySelector('.detail-row .suggested-reason'))).toBe(
                'Suggested rejection reason: Invalid Contact Data'
            );
            press(rows(element)[1], 'r');
            await settle();
            expect(open).toHaveBeenCalledWith(expect.objectContaining({ label: 'Reject Grace Hopper' }));

            press(rows(element)[1], 'k');
            await settle();
            press(rows(element)[0], 'a');
            await settle();
            expect(acceptMock).toHaveBeenCalledWith({ leadIds: [ADA], overrideAcceptanceRules: false });
            // The next lead moves up into the row: focus stays there for the next decision.
            expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(rows(element)[0]);
            expect(tableElement.getAttribute('aria-describedby')).toBeTruthy();
            await expect(element).toBeAccessible();
        });
    });

    describe('accept', () => {
        it('accepts a lead whose checks pass, then reports, publishes and refreshes', async () => {
            acceptMock.mockResolvedValue([acceptPartialFailure[0]]);
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            const { element, toasts } = await loadedQueue();
            rowButton(element, ADA, '.accept-button').click();
            await settle();

            // The row may leave the page: focus goes to the row now in its place, not to the page body.
            expect(focus.mock.contexts).toContain(rows(element)[0]);

            expect(acceptMock).toHaveBeenCalledWith({ leadIds: [ADA], overrideAcceptanceRules: false });
            expect(toasts).toEqual([{ title: 'Ada Lovelace accepted', message: '', variant: 'success' }]);
            expect(publishMock).toHaveBeenCalledWith(
                undefined,
                expect.objectContaining({ channelName: 'Baton_Lead_Change__c' }),
                {
                    leadIds: [ADA],
                    action: 'accept',
                    source: OWN_SOURCE
                }
            );
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect(root(element).querySelector('c-lead-action-results')).not.toBeNull();
            expect(
                (root(element).querySelector('c-lead-action-results') as unknown as { outcome: unknown }).outcome
            ).toBeNull();
        });

        it('shows failing acceptance checks and asks before accepting over them', async () => {
            const confirm = jest.spyOn(LightningConfirm, 'open').mockResolvedValue(false);
            const { element } = await loadedQueue();
            expect(text(row(element, GRACE).querySelector('.checks-flag'))).toBe('1 check fails');

            rowButton(element, GRACE, '.accept-button').click();
            await settle();
            expect(confirm).toHaveBeenCalledWith(
                expect.objectContaining({
                    label: 'Accept despite failing checks?',
                    theme: 'warning',
                    message: expect.stringContaining('Grace Hopper: Phone number on file')
                })
            );
            expect(acceptMock).not.toHaveBeenCalled();
            expect(publishMock).not.toHaveBeenCalled();

            confirm.mockResolvedValue(true);
            acceptMock.mockResolvedValue([{ leadId: GRACE, success: true, lifecycleStage: 'SAL' }]);
            rowButton(element, GRACE, '.accept-button').click();
            await settle();
            expect(acceptMock).toHaveBeenCalledWith({ leadIds: [GRACE], overrideAcceptanceRules: true });
        });

        it('asks again when the controller finds checks failing that the page did not show', async () => {
            const confirm = jest.spyOn(LightningConfirm, 'open').mockResolvedValue(true);
            acceptMock
                .mockResolvedValueOnce(acceptNeedsConfirmation)
                .mockResolvedValueOnce([{ leadId: ADA, success: true, lifecycleStage: 'SAL' }]);
            const { element, toasts } = await loadedQueue();
            rowButton(element, ADA, '.accept-button').click();
            await settle();

            expect(confirm).toHaveBeenCalledWith(
                expect.objectContaining({
                    message: expect.stringContaining('Ada Lovelace: Not a student email address')
                })
            );
            expect(acceptMock).toHaveBeenNthCalledWith(1, { leadIds: [ADA], overrideAcceptanceRules: false });
            expect(acceptMock).toHaveBeenNthCalledWith(2, { leadIds: [ADA], overrideAcceptanceRules: true });
            expect(toasts).toEqual([expect.objectContaining({ title: 'Ada Lovelace accepted', variant: 'success' })]);
        });

        it('keeps the refusal in the list when the rep declines the second confirmation', async () => {
            jest.spyOn(LightningConfirm, 'open').mockResolvedValue(false);
            acceptMock.mockResolvedValueOnce(acceptNeedsConfirmation);
            const { element, toasts } = await loadedQueue();
            rowButton(element, ADA, '.accept-button').click();
            await settle();

            expect(acceptMock).toHaveBeenCalledTimes(1);
            expect(toasts[0]).toEqual(
                expect.objectContaining({ title: 'Ada Lovelace was not accepted', variant: 'error' })
            );
            expect(publishMock).not.toHaveBeenCalled();
        });

        it('reports a bulk accept per lead when some fail', async () => {
            acceptMock.mockResolvedValue(acceptPartialFailure);
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            const { element, toasts } = await loadedQueue();
            selectRow(element, ADA);
            selectRow(element, ALAN);
            selectRow(element, KATHERINE);
            await settle();
            expect(text(bulk(element, '.selection-count'))).toBe('3 selected');

            bulk(element, '.bulk-accept').click();
            await settle();

            expect(acceptMock).toHaveBeenCalledWith({
                leadIds: [ADA, ALAN, KATHERINE],
                overrideAcceptanceRules: false
            });
            expect(toasts).toEqual([
                {
                    title: '1 of 3 leads accepted',
                    message: '2 leads could not be accepted: see the list above the queue for why.',
                    variant: 'warning'
                }
            ]);
            expect(publishMock).toHaveBeenCalledTimes(1);
            expect(publishMock.mock.calls[0][2]).toEqual({ leadIds: [ADA], action: 'accept', source: OWN_SOURCE });

            const results = root(element).querySelector('c-lead-action-results')!;
            expect(text(root(results).querySelector('.results-heading'))).toBe(
                '2 leads could not be accepted; 1 accepted'
            );
            expect(focus.mock.contexts).toContain(root(results).querySelector('.results-heading'));
            expect(Array.from(root(results).querySelectorAll('.failed-lead')).map(text)).toEqual([
                'Alan Turing: Already accepted by Jane Rep at 23/11/2026 11:58.',
                'Katherine Johnson: This lead no longer exists or you do not have access to it.'
            ]);
            // The failed leads stay selected so the rep can act on them again.
            expect(text(bulk(element, '.selection-count'))).toBe('2 selected');
            await expect(element).toBeAccessible();

            (root(results).querySelector('button.dismiss-results') as HTMLButtonElement).click();
            await settle();
            expect(root(results).querySelector('.action-results')).toBeNull();
        });

        it('confirms once for a selection that mixes clean and failing leads, and overrides only those', async () => {
            const confirm = jest.spyOn(LightningConfirm, 'open').mockResolvedValue(true);
            acceptMock
                .mockResolvedValueOnce([{ leadId: ADA, success: true }])
                .mockResolvedValueOnce([{ leadId: GRACE, success: true }]);
            const { element, toasts } = await loadedQueue();
            bulk<HTMLInputElement>(element, 'input.select-all').click();
            await settle();
            expect(text(bulk(element, '.selection-count'))).toBe('4 selected');
            selectRow(element, ALAN);
            selectRow(element, KATHERINE);
            await settle();

            bulk(element, '.bulk-accept').click();
            await settle();
            expect(confirm).toHaveBeenCalledTimes(1);
            expect(acceptMock).toHaveBeenNthCalledWith(1, { leadIds: [ADA], overrideAcceptanceRules: false });
            expect(acceptMock).toHaveBeenNthCalledWith(2, { leadIds: [GRACE], overrideAcceptanceRules: true });
            expect(toasts).toEqual([expect.objectContaining({ title: '2 leads accepted', variant: 'success' })]);
        });

        it('keeps what the first call accepted when the override call fails', async () => {
            jest.spyOn(LightningConfirm, 'open').mockResolvedValue(true);
            acceptMock
                .mockResolvedValueOnce([{ leadId: ADA, success: true }])
                .mockRejectedValueOnce({ status: 500, body: { message: 'Unable to lock row' } });
            const { element, toasts } = await loadedQueue();
            selectRow(element, ADA);
            selectRow(element, GRACE);
            await settle();
            bulk(element, '.bulk-accept').click();
            await settle();

            expect(toasts).toEqual([expect.objectContaining({ title: '1 of 2 leads accepted', variant: 'warning' })]);
            expect(publishMock.mock.calls[0][2]).toEqual({ leadIds: [ADA], action: 'accept', source: OWN_SOURCE });
            const results = root(element).querySelector('c-lead-action-results')!;
            expect(Array.from(root(results).querySelectorAll('.failed-lead')).map(text)).toEqual([
                'Grace Hopper: Unable to lock row'
            ]);
        });

        it('shows a controller error in the error panel and a toast, and loses nothing', async () => {
            acceptMock.mockRejectedValue({ status: 500, body: { message: 'Unable to lock row' } });
            const { element, toasts } = await loadedQueue();
            rowButton(element, ADA, '.accept-button').click();
            await settle();

            expect(toasts).toEqual([
                { title: 'The leads could not be accepted.', message: 'Unable to lock row', variant: 'error' }
            ]);
            const panel = root(element).querySelector('.action-error c-error-panel') as unknown as {
                friendlyMessage: string;
            };
            expect(panel.friendlyMessage).toBe('The leads could not be accepted.');
            expect(rows(element)).toHaveLength(4);
            expect(publishMock).not.toHaveBeenCalled();
            expect(refreshMock).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });
    });

    describe('reject', () => {
        it('rejects through the modal, pre-filled with the suggested reason', async () => {
            const open = jest.spyOn(LeadRejectModal, 'open').mockResolvedValue({
                reason: 'Invalid Contact Data',
                notes: 'Number bounced twice',
                disposition: 'Recycle'
            });
            rejectMock.mockResolvedValue([{ leadId: GRACE, success: true, lifecycleStage: 'Recycled' }]);
            const { element, toasts } = await loadedQueue();
            rowButton(element, GRACE, '.reject-button').click();
            await settle();

            expect(open).toHaveBeenCalledWith(
                expect.objectContaining({
                    label: 'Reject Grace Hopper',
                    size: 'small',
                    leads: [{ leadId: GRACE, name: 'Grace Hopper' }],
                    suggestedReason: 'Invalid Contact Data'
                })
            );
            expect(rejectMock).toHaveBeenCalledWith({
                leadIds: [GRACE],
                reason: 'Invalid Contact Data',
                notes: 'Number bounced twice',
                disposition: 'Recycle'
            });
            expect(toasts).toEqual([expect.objectContaining({ title: 'Grace Hopper rejected', variant: 'success' })]);
            expect(publishMock.mock.calls[0][2]).toEqual({ leadIds: [GRACE], action: 'reject', source: OWN_SOURCE });
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('does nothing when the rep cancels the modal', async () => {
            jest.spyOn(LeadRejectModal, 'open').mockResolvedValue(undefined);
            const { element, toasts } = await loadedQueue();
            rowButton(element, ADA, '.reject-button').click();
            await settle();
            expect(rejectMock).not.toHaveBeenCalled();
            expect(toasts).toEqual([]);
            expect(publishMock).not.toHaveBeenCalled();
        });

        it('rejects a selection, suggesting a reason only when every lead shares it', async () => {
            const open = jest.spyOn(LeadRejectModal, 'open').mockResolvedValue({
                reason: 'Not Sales Ready',
                notes: null,
                disposition: 'Disqualify'
            });
            rejectMock.mockResolvedValue([
                { leadId: ADA, success: true },
                { leadId: GRACE, success: true }
            ]);
            const { element } = await loadedQueue();
            selectRow(element, ADA);
            selectRow(element, GRACE);
            await settle();
            bulk(element, '.bulk-reject').click();
            await settle();

            expect(open).toHaveBeenCalledWith(
                expect.objectContaining({ label: 'Reject 2 leads', suggestedReason: null })
            );
            expect(rejectMock).toHaveBeenCalledWith({
                leadIds: [ADA, GRACE],
                reason: 'Not Sales Ready',
                notes: null,
                disposition: 'Disqualify'
            });
        });
    });

    describe('qualify', () => {
        it('qualifies accepted leads and lists the readiness rules still missing', async () => {
            qualifyMock.mockResolvedValue(qualifyMissingRules);
            const { element, toasts } = await loadedQueue();
            changeRadio(element, '.stage-toggle', 'SAL');
            queueAdapter.emit(salPage);
            await settle();

            bulk<HTMLInputElement>(element, 'input.select-all').click();
            await settle();
            bulk(element, '.bulk-qualify').click();
            await settle();

            expect(qualifyMock).toHaveBeenCalledWith({ leadIds: ['00Q000000000011AAA', '00Q000000000012AAA'] });
            expect(toasts).toEqual([expect.objectContaining({ title: '1 of 2 leads qualified', variant: 'warning' })]);
            const results = root(element).querySelector('c-lead-action-results')!;
            expect(text(root(results).querySelector('.failed-lead'))).toContain(
                'Edsger Dijkstra: Not sales qualified yet. Missing: Budget confirmed; Timeline known.'
            );
            expect(text(root(results).querySelector('.missing-rules-label'))).toBe('Still missing:');
            const missing = root(results).querySelector('c-lead-rule-list')!;
            expect(Array.from(root(missing).querySelectorAll('.rule-description')).map(text)).toEqual([
                'Budget confirmed',
                'Timeline known'
            ]);
            expect(publishMock.mock.calls[0][2]).toEqual({
                leadIds: ['00Q000000000011AAA'],
                action: 'qualify',
                source: OWN_SOURCE
            });
            await expect(element).toBeAccessible();
        });

        it('qualifies one lead from its row', async () => {
            qualifyMock.mockResolvedValue([qualifyMissingRules[0]]);
            const { element, toasts } = await loadedQueue();
            changeRadio(element, '.stage-toggle', 'SAL');
            queueAdapter.emit(salPage);
            await settle();
            rowButton(element, '00Q000000000011AAA', '.qualify-button').click();
            await settle();
            expect(qualifyMock).toHaveBeenCalledWith({ leadIds: ['00Q000000000011AAA'] });
            expect(toasts).toEqual([
                expect.objectContaining({ title: 'Margaret Hamilton qualified', variant: 'success' })
            ]);
        });
    });

    describe('message channel', () => {
        function listener(): (message: unknown) => void {
            expect(subscribeMock).toHaveBeenCalledTimes(1);
            expect(subscribeMock.mock.calls[0][3]).toEqual({ scope: expect.anything() });
            return subscribeMock.mock.calls[0][2] as (message: unknown) => void;
        }

        it('reloads when another component or another queue reports changed leads', async () => {
            await loadedQueue();
            listener()({ leadIds: [ADA], action: 'accept', source: 'leadQueue:otherqueue' });
            listener()({ leadIds: [], action: 'refresh', source: 'funnelPanel' });
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(2);
        });

        it('ignores the messages it published itself', async () => {
            acceptMock.mockResolvedValue([acceptPartialFailure[0]]);
            const { element } = await loadedQueue();
            rowButton(element, ADA, '.accept-button').click();
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(1);

            listener()(publishMock.mock.calls[0][2]);
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('unsubscribes when it leaves the page', async () => {
            const subscription = { id: 'queue-subscription' };
            subscribeMock.mockReturnValue(subscription);
            const { element } = await loadedQueue();
            document.body.removeChild(element);
            expect(unsubscribe).toHaveBeenCalledWith(subscription);
        });
    });

    describe('SLA clocks', () => {
        it('ticks every clock from one timer, on the server clock, and stops when removed', async () => {
            jest.useFakeTimers({ now: Date.parse('2026-11-23T12:00:00.000Z') });
            const { element } = render();
            queueAdapter.emit(mqlPage);
            await Promise.resolve();
            await Promise.resolve();

            const badgeText = (leadId: string) =>
                text(root(row(element, leadId).querySelector('c-sla-clock-badge')!).querySelector('.sla-label'));
            expect(badgeText(ADA)).toBe('On track · 21 h left');
            expect(badgeText(GRACE)).toBe('At risk · 2 h left');
            expect(badgeText(ALAN)).toBe('Breached · 1 d 2 h ago');
            expect(jest.getTimerCount()).toBe(1);

            jest.advanceTimersByTime(2 * 60 * 60 * 1000 + 30_000);
            await Promise.resolve();
            expect(badgeText(ADA)).toBe('On track · 18 h 59 m left');
            expect(badgeText(GRACE)).toBe('Breached · just now');

            document.body.removeChild(element);
            expect(jest.getTimerCount()).toBe(0);

            // @sa11y needs real timers: check the ticked clocks once the component is back on the page.
            jest.useRealTimers();
            document.body.appendChild(element);
            await expect(element).toBeAccessible();
        });
    });
});
