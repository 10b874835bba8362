import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import LightningConfirm from 'lightning/confirm';
import { APPLICATION_SCOPE, MessageContext, publish, subscribe, unsubscribe } from 'lightning/messageService';
import type { MessageContextValue, Subscription } from 'lightning/messageService';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import BATON_LEAD_CHANGE from '@salesforce/messageChannel/Baton_Lead_Change__c';
import getQueuePage from '@salesforce/apex/LeadQueueController.getQueuePage';
import acceptLeads from '@salesforce/apex/LeadQueueController.acceptLeads';
import rejectLeads from '@salesforce/apex/LeadQueueController.rejectLeads';
import qualifyLeads from '@salesforce/apex/LeadQueueController.qualifyLeads';
import LeadRejectModal from 'c/leadRejectModal';
import type { RejectDecision } from 'c/leadRejectModal';
import { failedLeads, mergeOutcome, succeededIds, summarize, toOutcome } from 'c/leadActionOutcome';
import type { ActionOutcome, LeadAction } from 'c/leadActionOutcome';
import type { LeadRowEventDetail, LeadSelectEventDetail } from 'c/leadQueueRow';
import { reduceErrors } from 'c/ldsUtils';
import { parseTimestamp } from 'c/slaClock';

type Scope = LeadQueueController.Scope;
type Stage = LeadQueueController.Stage;
type LeadQueueItem = LeadQueueController.LeadQueueItem;
type LeadQueuePage = LeadQueueController.LeadQueuePage;
type LeadRuleResult = LeadQueueController.LeadRuleResult;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Clock labels show minutes, so a tick every 30 s keeps them exact to the minute they display. */
export const CLOCK_TICK_MS = 30_000;
/**
 * Messages this component publishes carry `leadQueue:<instance>` as their source: other components
 * recognise the queue by the prefix, and each queue (a tab and the utility bar can both hold one)
 * ignores only its own messages.
 */
export const MESSAGE_SOURCE = 'leadQueue';

interface LeadChangeMessage {
    leadIds?: string[];
    action?: string;
    source?: string;
}
const CONFIRM_LISTED_LEADS = 10;

const SCOPE_OPTIONS: Array<{ label: string; value: Scope }> = [
    { label: 'Mine', value: 'Mine' },
    { label: 'My queues', value: 'MyQueues' },
    { label: 'All I can see', value: 'All' }
];

const STAGE_OPTIONS: Array<{ label: string; value: Stage }> = [
    { label: 'To accept (MQL)', value: 'MQL' },
    { label: 'To qualify (SAL)', value: 'SAL' }
];

const ACTION_FAILURE: Record<LeadAction, string> = {
    accept: 'The leads could not be accepted.',
    reject: 'The leads could not be rejected.',
    qualify: 'The leads could not be qualified.'
};

function toScope(value: unknown): Scope {
    return SCOPE_OPTIONS.some((option) => option.value === value) ? (value as Scope) : 'Mine';
}

function toPageSize(value: unknown): number {
    const size = Math.floor(Number(value));
    if (!Number.isFinite(size) || size < 1) {
        return DEFAULT_PAGE_SIZE;
    }
    return Math.min(size, MAX_PAGE_SIZE);
}

function failsAcceptance(item: LeadQueueItem): boolean {
    return (item.failingAcceptanceRules ?? []).length > 0;
}

function idsOf(leads: Array<{ leadId: string }>): string[] {
    return leads.map((lead) => lead.leadId);
}

function namesOf(items: LeadQueueItem[]): Array<{ leadId: string; name: string }> {
    return items.map(({ leadId, name }) => ({ leadId, name }));
}

/**
 * Accepts one batch. When an earlier batch of the same action already changed leads, a failing call
 * must not hide that: its own leads are reported as failed with the error instead of aborting.
 */
async function acceptBatch(
    leadIds: string[],
    overrideAcceptanceRules: boolean,
    earlierChanges: boolean
): Promise<LeadQueueController.LeadActionResult[]> {
    if (leadIds.length === 0) {
        return [];
    }
    try {
        return await acceptLeads({ leadIds, overrideAcceptanceRules });
    } catch (error) {
        if (!earlierChanges) {
            throw error;
        }
        const message = reduceErrors(error).join(' ') || 'The server did not answer. Refresh and try again.';
        return leadIds.map((leadId) => ({ leadId, success: false, message }));
    }
}

/**
 * The SDR queue: MQLs waiting for the current user or their queues, most urgent SLA first, and the
 * accepted leads (SAL) still to qualify. Accept, reject (with a reason, through LeadRejectModal) and
 * qualify, one lead or a selection; results are reported per lead, the queue refreshes and the change
 * is published on Baton_Lead_Change__c. One timer keeps every SLA clock on the page current.
 */
export default class LeadQueue extends LightningElement {
    scope: Scope = 'Mine';
    stage: Stage = 'MQL';
    requestPageSize = DEFAULT_PAGE_SIZE;
    /** Where the page shown starts: null for the first page, else a nextCursor the controller gave. */
    cursor: string | null = null;
    /** The cursors of the pages before this one, the nearest last: Previous page goes back through them. */
    previousCursors: Array<string | null> = [];

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
    private readonly messageSource = `${MESSAGE_SOURCE}:${Math.random().toString(36).slice(2, 10)}`;
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
            this.resetPaging();
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
            this.resetPaging();
        }
    }

    @wire(MessageContext)
    messageContext!: MessageContextValue;

    @wire(getQueuePage, {
        scope: '$scope',
        stage: '$stage',
        pageSize: '$requestPageSize',
        cursor: '$cursor'
    })
    wiredPage(result: LightningApex.WiredResult<LeadQueuePage>): void {
        this.wiredPageResult = result;
        const { data, error } = result;
        if (data) {
            if (data.items.length === 0 && this.previousCursors.length > 0) {
                // Every lead from this page on was handled: go back to the page before, which still has leads.
                this.handlePrevious();
                return;
            }
            this.queuePage = data;
            this.loadError = undefined;
            this.loading = false;
            this.alignClock(data.serverTime);
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
        if (!this.subscription) {
            this.subscription = subscribe<LeadChangeMessage>(
                this.messageContext,
                BATON_LEAD_CHANGE,
                (message) => this.handleLeadChange(message),
                { scope: APPLICATION_SCOPE }
            );
        }
    }

    override disconnectedCallback(): void {
        clearInterval(this.clockTimer);
        this.clockTimer = undefined;
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }

    /** Another component (or another queue) changed leads: reload, unless this queue sent the message. */
    private handleLeadChange(message: LeadChangeMessage | undefined): void {
        if (message?.source !== this.messageSource) {
            this.refreshQueue();
        }
    }

    // ----- what the template shows -----

    get items(): LeadQueueItem[] {
        return this.queuePage?.items ?? [];
    }

    get rows(): Array<{ item: LeadQueueItem; selected: boolean }> {
        const selected = new Set(this.selectedIds);
        return this.items.map((item) => ({ item, selected: selected.has(item.leadId) }));
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

    get isMql(): boolean {
        return this.stage === 'MQL';
    }

    get emptyMessage(): string {
        return this.isMql ? 'Nothing waiting — nice.' : 'Nothing to qualify — nice.';
    }

    get listLabel(): string {
        return this.isMql ? 'Leads waiting to be accepted or rejected' : 'Accepted leads to qualify';
    }

    get rangeLabel(): string {
        const total = this.queuePage?.totalCount ?? 0;
        const first = (this.pageNumber - 1) * this.requestPageSize + 1;
        const last = first + this.items.length - 1;
        const what = this.isMql ? 'waiting' : 'to qualify';
        return `${this.formatNumber(first)}–${this.formatNumber(last)} of ${this.formatNumber(total)} ${what}`;
    }

    /**
     * Counted in pages of the current size from the first page. Leads others handle meanwhile shift the queue
     * under the count, so the page and range labels are a guide.
     */
    get pageNumber(): number {
        return this.previousCursors.length + 1;
    }

    get pageLabel(): string {
        const following = this.queuePage?.nextCursor ? 1 : 0;
        const pages = Math.max(
            this.pageNumber + following,
            Math.ceil((this.queuePage?.totalCount ?? 0) / this.requestPageSize)
        );
        return `Page ${this.formatNumber(this.pageNumber)} of ${this.formatNumber(pages)}`;
    }

    get previousDisabled(): boolean {
        return this.busy || this.previousCursors.length === 0;
    }

    get nextDisabled(): boolean {
        return this.busy || !this.queuePage?.nextCursor;
    }

    /**
     * A later page can fail on its own: the controller refuses a page link it cannot read (one issued before an
     * upgrade, say) and says to reload the first page. This is the way back.
     */
    get showFirstPageLink(): boolean {
        return this.previousCursors.length > 0;
    }

    get selectedCount(): number {
        return this.selectedIds.length;
    }

    get selectionLabel(): string {
        return `${this.selectedCount} selected`;
    }

    get bulkDisabled(): boolean {
        return this.busy || this.selectedCount === 0;
    }

    get allSelected(): boolean {
        return this.items.length > 0 && this.selectedCount === this.items.length;
    }

    get selectAllLabel(): string {
        return `Select all ${this.items.length} leads on this page`;
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

    handlePrevious(): void {
        if (this.previousCursors.length > 0) {
            const previous = this.previousCursors[this.previousCursors.length - 1];
            this.previousCursors = this.previousCursors.slice(0, -1);
            this.showPage(previous);
        }
    }

    handleNext(): void {
        const next = this.queuePage?.nextCursor;
        if (next) {
            this.previousCursors = [...this.previousCursors, this.cursor];
            this.showPage(next);
        }
    }

    handleFirstPage(): void {
        this.resetPaging();
    }

    async handleRefresh(): Promise<void> {
        await this.refreshQueue();
    }

    handleRowSelect(event: CustomEvent<LeadSelectEventDetail>): void {
        const { leadId, selected } = event.detail;
        const others = this.selectedIds.filter((id) => id !== leadId);
        this.selectedIds = selected ? [...others, leadId] : others;
    }

    handleSelectAll(event: Event): void {
        this.selectedIds = (event.target as HTMLInputElement).checked ? idsOf(this.items) : [];
    }

    handleDismissResults(): void {
        this.lastOutcome = null;
    }

    // ----- actions -----

    handleRowAccept(event: CustomEvent<LeadRowEventDetail>): Promise<void> {
        return this.accept(this.itemsById([event.detail.leadId]));
    }

    handleBulkAccept(): Promise<void> {
        return this.accept(this.itemsById(this.selectedIds));
    }

    handleRowReject(event: CustomEvent<LeadRowEventDetail>): Promise<void> {
        return this.reject(this.itemsById([event.detail.leadId]));
    }

    handleBulkReject(): Promise<void> {
        return this.reject(this.itemsById(this.selectedIds));
    }

    handleRowQualify(event: CustomEvent<LeadRowEventDetail>): Promise<void> {
        return this.qualify(this.itemsById([event.detail.leadId]));
    }

    handleBulkQualify(): Promise<void> {
        return this.qualify(this.itemsById(this.selectedIds));
    }

    /**
     * Leads that fail acceptance checks are accepted only after the rep confirms, and then with the
     * override; the others without it. If the checks changed since the page loaded, the controller
     * refuses (needsConfirmation) and the rep is asked again for those leads.
     */
    private async accept(items: LeadQueueItem[]): Promise<void> {
        if (items.length === 0) {
            return;
        }
        const flagged = items.filter(failsAcceptance);
        const clean = items.filter((item) => !failsAcceptance(item));
        const confirmedUpfront =
            flagged.length === 0 ||
            (await this.confirmOverride(
                flagged.map((item) => ({ name: item.name, rules: item.failingAcceptanceRules ?? [] }))
            ));
        if (!confirmedUpfront) {
            return;
        }
        await this.runAction('accept', async () => {
            const results = await acceptBatch(idsOf(clean), false, false);
            results.push(
                ...(await acceptBatch(
                    idsOf(flagged),
                    true,
                    results.some((result) => result.success)
                ))
            );
            const outcome = toOutcome('accept', namesOf(items), results);
            const refused = outcome.leads.filter((lead) => lead.needsConfirmation);
            if (
                refused.length === 0 ||
                !(await this.confirmOverride(refused.map(({ name, missingRules }) => ({ name, rules: missingRules }))))
            ) {
                return outcome;
            }
            const retry = await acceptBatch(idsOf(refused), true, succeededIds(outcome).length > 0);
            return mergeOutcome(outcome, toOutcome('accept', refused, retry));
        });
    }

    private async reject(items: LeadQueueItem[]): Promise<void> {
        if (items.length === 0) {
            return;
        }
        const suggestions = new Set(items.map((item) => item.suggestedRejectionReason || ''));
        const leads = namesOf(items);
        const decision = await LeadRejectModal.open<RejectDecision>({
            label: leads.length === 1 ? `Reject ${leads[0].name}` : `Reject ${leads.length} leads`,
            size: 'small',
            description: 'Choose a rejection reason, add notes for marketing, and recycle or disqualify.',
            leads,
            // Pre-fill only a reason every selected lead agrees on.
            suggestedReason: suggestions.size === 1 ? [...suggestions][0] || null : null
        });
        if (!decision) {
            return;
        }
        await this.runAction('reject', async () => {
            const results = await rejectLeads({ leadIds: idsOf(items), ...decision });
            return toOutcome('reject', leads, results);
        });
    }

    private async qualify(items: LeadQueueItem[]): Promise<void> {
        if (items.length === 0) {
            return;
        }
        await this.runAction('qualify', async () => {
            const results = await qualifyLeads({ leadIds: idsOf(items) });
            return toOutcome('qualify', namesOf(items), results);
        });
    }

    /** Runs an action, reports it (toast, per-lead list), publishes what changed and refreshes the queue. */
    private async runAction(action: LeadAction, perform: () => Promise<ActionOutcome>): Promise<void> {
        this.busy = true;
        this.actionError = undefined;
        this.lastOutcome = null;
        try {
            const outcome = await perform();
            const summary = summarize(outcome);
            this.toast(summary.title, summary.message, summary.variant);
            this.lastOutcome = failedLeads(outcome).length > 0 ? outcome : null;
            const changed = succeededIds(outcome);
            if (changed.length > 0) {
                publish(this.messageContext, BATON_LEAD_CHANGE, {
                    leadIds: changed,
                    action,
                    source: this.messageSource
                });
                this.selectedIds = this.selectedIds.filter((id) => !changed.includes(id));
            }
        } catch (error) {
            this.actionError = error;
            this.actionErrorMessage = ACTION_FAILURE[action];
            this.toast(ACTION_FAILURE[action], reduceErrors(error).join(' '), 'error');
        } finally {
            this.busy = false;
        }
        await this.refreshQueue();
        this.focusAfterAction();
    }

    /**
     * The button that started the action may have left with its row: send focus to the per-lead results
     * when some failed, otherwise to the queue's heading, so keyboard users are never dropped on the page body.
     */
    private focusAfterAction(): void {
        const target = this.lastOutcome ? this.refs?.results : this.refs?.heading;
        (target as HTMLElement | undefined)?.focus();
    }

    private confirmOverride(leads: Array<{ name: string; rules: LeadRuleResult[] }>): Promise<boolean> {
        const listed = leads.slice(0, CONFIRM_LISTED_LEADS).map(({ name, rules }) => {
            const checks = rules.map((rule) => rule.description || rule.ruleName).join('; ');
            return `${name}: ${checks || 'acceptance checks fail'}`;
        });
        if (leads.length > CONFIRM_LISTED_LEADS) {
            listed.push(`and ${leads.length - CONFIRM_LISTED_LEADS} more`);
        }
        const subject = leads.length === 1 ? 'This lead fails' : `${leads.length} leads fail`;
        return LightningConfirm.open({
            label: 'Accept despite failing checks?',
            theme: 'warning',
            message: `${subject} acceptance checks. Accept anyway? ${listed.join('. ')}.`
        });
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
        this.resetPaging();
        this.lastOutcome = null;
        this.actionError = undefined;
    }

    /** Back to the first page, forgetting the cursors of the pages before. */
    private resetPaging(): void {
        this.previousCursors = [];
        this.showPage(null);
    }

    private showPage(cursor: string | null): void {
        this.cursor = cursor;
        this.selectedIds = [];
        this.loading = true;
    }

    /** Clocks run on the server's time, so a wrong laptop clock cannot turn a lead green or red. */
    private alignClock(serverTime: string | null | undefined): void {
        if (serverTime) {
            try {
                this.serverOffsetMs = parseTimestamp(serverTime) - Date.now();
            } catch {
                this.serverOffsetMs = 0;
            }
        }
        this.tick();
    }

    private tick(): void {
        this.now = Date.now() + this.serverOffsetMs;
    }

    private toast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }

    private formatNumber(value: number): string {
        return value.toLocaleString(LOCALE);
    }
}
