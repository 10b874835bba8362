import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { MessageContext, unsubscribe } from 'lightning/messageService';
import type { MessageContextValue, Subscription } from 'lightning/messageService';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import getQueuePage from '@salesforce/apex/LeadQueueController.getQueuePage';
import type { ActionOutcome, LeadAction } from 'c/leadActionOutcome';
import type { BulkActionEventDetail } from 'c/leadQueueBulkBar';
import { DEFAULT_SORT } from 'c/leadQueueTable';
import type { LeadRowEventDetail, LeadSelectEventDetail, QueueSort } from 'c/leadQueueTable';
import { PLANS, carryOut, idsOf } from './queueActions';
import type { Perform } from './queueActions';
import { serverOffsetMs } from './queueClock';
import { listenForLeadChanges, newMessageSource, publishLeadChange } from './queueMessages';
import { FIRST_PAGE, pageAfter, pageBefore, pagerView } from './queuePaging';
import type { PagerView, Paging } from './queuePaging';
import { CLOCK_TICK_MS, DEFAULT_PAGE_SIZE, SCOPE_OPTIONS, STAGE_OPTIONS, STAGE_TEXT } from './queueSettings';
import { toPageSize, toScope } from './queueSettings';

export { CLOCK_TICK_MS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './queueSettings';
export { MESSAGE_SOURCE } from './queueMessages';

type Scope = LeadQueueController.Scope;
type Stage = LeadQueueController.Stage;
type LeadQueueItem = LeadQueueController.LeadQueueItem;
type LeadQueuePage = LeadQueueController.LeadQueuePage;

/**
 * The SDR queue: MQLs waiting for the current user or their queues, most urgent SLA first (or sorted by
 * any column, on the server), and the accepted leads (SAL) still to qualify. Accept, reject (with a
 * reason) and qualify, one lead or a selection; results are reported per lead, the queue refreshes and
 * the change is published on Baton_Lead_Change__c. One timer keeps every SLA clock on the page current.
 */
export default class LeadQueue extends LightningElement {
    scope: Scope = 'Mine';
    stage: Stage = 'MQL';
    sort: QueueSort = DEFAULT_SORT;
    requestPageSize = DEFAULT_PAGE_SIZE;
    paging: Paging = FIRST_PAGE;

    queuePage: LeadQueuePage | undefined;
    loadError: unknown;
    loading = true;

    selectedIds: string[] = [];
    busy = false;
    lastOutcome: ActionOutcome | null = null;
    actionError: unknown;
    actionErrorMessage = '';

    /** Current time (epoch ms) on the server's clock, advanced by the component's one timer. */
    now = Date.now();
    private serverOffsetMs = 0;
    private clockTimer: ReturnType<typeof setInterval> | undefined;
    private subscription: Subscription | undefined;
    private readonly messageSource = newMessageSource();
    private wiredPageResult: LightningApex.WiredResult<LeadQueuePage> | undefined;

    readonly scopeOptions = SCOPE_OPTIONS;
    readonly stageOptions = STAGE_OPTIONS;

    /** App Builder: which leads the queue opens on (Mine, MyQueues or All). */
    @api
    get defaultScope(): Scope {
        return this.scope;
    }
    set defaultScope(value: Scope) {
        const scope = toScope(value);
        if (scope !== this.scope) {
            this.scope = scope;
            this.showPage(FIRST_PAGE);
        }
    }

    /** App Builder: leads per page, 1 to 200. */
    @api
    get pageSize(): number {
        return this.requestPageSize;
    }
    set pageSize(value: number) {
        const size = toPageSize(value);
        if (size !== this.requestPageSize) {
            this.requestPageSize = size;
            this.showPage(FIRST_PAGE);
        }
    }

    @wire(MessageContext)
    messageContext!: MessageContextValue;

    @wire(getQueuePage, {
        scope: '$scope',
        stage: '$stage',
        pageSize: '$requestPageSize',
        cursor: '$paging.cursor',
        sortBy: '$sort.sortBy',
        sortDirection: '$sort.sortDirection'
    })
    wiredPage(result: LightningApex.WiredResult<LeadQueuePage>): void {
        this.wiredPageResult = result;
        const { data, error } = result;
        if (data) {
            if (data.items.length === 0 && pageBefore(this.paging)) {
                // Every lead from this page on was handled: go back to the page before, which still has leads.
                this.handlePrevious();
                return;
            }
            this.queuePage = data;
            this.loadError = undefined;
            this.loading = false;
            this.serverOffsetMs = serverOffsetMs(data.serverTime, Date.now());
            this.tick();
            const onPage = new Set(idsOf(data.items));
            this.selectedIds = this.selectedIds.filter((id) => onPage.has(id));
        } else if (error) {
            this.queuePage = undefined;
            this.loadError = error;
            this.loading = false;
        }
    }

    override connectedCallback(): void {
        // One timer for every clock on the page; cleared when the component leaves the page.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.clockTimer = setInterval(() => this.tick(), CLOCK_TICK_MS);
        this.subscription ??= listenForLeadChanges(this.messageContext, this.messageSource, () => this.refreshQueue());
    }

    override disconnectedCallback(): void {
        clearInterval(this.clockTimer);
        this.clockTimer = undefined;
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }

    // ----- what the template shows -----

    get items(): LeadQueueItem[] {
        return this.queuePage?.items ?? [];
    }

    get hasError(): boolean {
        return !this.loading && Boolean(this.loadError);
    }

    get isEmpty(): boolean {
        return !this.loading && !this.loadError && this.items.length === 0;
    }

    get hasItems(): boolean {
        return !this.loading && !this.loadError && this.items.length > 0;
    }

    get text() {
        return STAGE_TEXT[this.stage];
    }

    get pager(): PagerView & { previousDisabled: boolean; nextDisabled: boolean; range: string } {
        const view = pagerView(this.paging, this.queuePage, this.requestPageSize, (n) => n.toLocaleString(LOCALE));
        return {
            ...view,
            range: `${view.rangeLabel} ${this.text.waiting}`,
            previousDisabled: this.busy || !view.hasPrevious,
            nextDisabled: this.busy || !view.hasNext
        };
    }

    get selectedCount(): number {
        return this.selectedIds.length;
    }

    // ----- view changes -----

    handleStageChange(event: CustomEvent<{ value: Stage }>): void {
        this.stage = event.detail.value;
        this.resetView();
    }

    handleScopeChange(event: CustomEvent<{ value: Scope }>): void {
        this.scope = toScope(event.detail.value);
        this.resetView();
    }

    handleSort(event: CustomEvent<QueueSort>): void {
        this.sort = event.detail;
        this.showPage(FIRST_PAGE);
    }

    handlePrevious(): void {
        const previous = pageBefore(this.paging);
        if (previous) {
            this.showPage(previous);
        }
    }

    handleNext(): void {
        const next = this.queuePage?.nextCursor;
        if (next) {
            this.showPage(pageAfter(this.paging, next));
        }
    }

    handleFirstPage(): void {
        this.showPage(FIRST_PAGE);
    }

    async handleRefresh(): Promise<void> {
        await this.refreshQueue();
    }

    handleRowSelect(event: CustomEvent<LeadSelectEventDetail>): void {
        const { leadId, selected } = event.detail;
        const others = this.selectedIds.filter((id) => id !== leadId);
        this.selectedIds = selected ? [...others, leadId] : others;
    }

    handleSelectAll(event: CustomEvent<{ selected: boolean }>): void {
        this.selectedIds = event.detail.selected ? idsOf(this.items) : [];
    }

    handleDismissResults(): void {
        this.lastOutcome = null;
    }

    // ----- actions -----

    handleRowAction(event: CustomEvent<LeadRowEventDetail>): Promise<void> {
        return this.act(event.type as LeadAction, this.itemsById([event.detail.leadId]), event.detail.index);
    }

    handleBulkAction(event: CustomEvent<BulkActionEventDetail>): Promise<void> {
        return this.act(event.detail.action, this.itemsById(this.selectedIds), null);
    }

    /** Asks what the action needs to know, runs it, reports it and puts the focus back where work goes on. */
    private async act(action: LeadAction, items: LeadQueueItem[], rowIndex: number | null): Promise<void> {
        if (items.length === 0) {
            return;
        }
        const perform = await PLANS[action](items);
        if (perform) {
            await this.runAction(action, perform);
            this.focusAfterAction(rowIndex);
        }
    }

    /** Runs an action, reports it (toast, per-lead list), publishes what changed and refreshes the queue. */
    private async runAction(action: LeadAction, perform: Perform): Promise<void> {
        this.busy = true;
        this.actionError = undefined;
        this.lastOutcome = null;
        const report = await carryOut(action, perform);
        this.busy = false;
        this.dispatchEvent(new ShowToastEvent(report.toast));
        this.lastOutcome = report.failures;
        this.actionError = report.error;
        this.actionErrorMessage = report.errorMessage ?? '';
        const { changed } = report;
        if (changed.length > 0) {
            publishLeadChange(this.messageContext, this.messageSource, action, changed);
            this.selectedIds = this.selectedIds.filter((id) => !changed.includes(id));
        }
        await this.refreshQueue();
    }

    /**
     * The row acted on may have left the page: keyboard users go on from the row now in its place, or read the
     * per-lead results when some failed; a bulk action returns to the queue's heading. Nobody is dropped on the
     * page body.
     */
    private focusAfterAction(rowIndex: number | null): void {
        const table = this.refs?.table as unknown as { focusRow(index: number): void } | undefined;
        if (this.lastOutcome) {
            (this.refs?.results as HTMLElement | undefined)?.focus();
        } else if (rowIndex !== null && table && this.items.length > 0) {
            table.focusRow(rowIndex);
        } else {
            (this.refs?.heading as HTMLElement | undefined)?.focus();
        }
    }

    private async refreshQueue(): Promise<void> {
        if (!this.wiredPageResult) {
            return;
        }
        try {
            await refreshApex(this.wiredPageResult);
        } catch (error) {
            this.loadError = error;
        }
    }

    private itemsById(ids: string[]): LeadQueueItem[] {
        const wanted = new Set(ids);
        return this.items.filter((item) => wanted.has(item.leadId));
    }

    private resetView(): void {
        this.showPage(FIRST_PAGE);
        this.lastOutcome = null;
        this.actionError = undefined;
    }

    private showPage(paging: Paging): void {
        this.paging = paging;
        this.selectedIds = [];
        this.loading = true;
    }

    private tick(): void {
        this.now = Date.now() + this.serverOffsetMs;
    }
}
