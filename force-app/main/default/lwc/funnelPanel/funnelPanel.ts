import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { MessageContext, APPLICATION_SCOPE, subscribe, unsubscribe } from 'lightning/messageService';
import type { MessageContextValue, Subscription } from 'lightning/messageService';
import { refreshApex } from '@salesforce/apex';
import getFunnel from '@salesforce/apex/LeadFunnelController.getFunnel';
import type { FunnelStage, LeadFunnelResult } from '@salesforce/apex/LeadFunnelController.getFunnel';
import getSpeedToLead from '@salesforce/apex/LeadFunnelController.getSpeedToLead';
import type { LeadSpeedToLead } from '@salesforce/apex/LeadFunnelController.getSpeedToLead';
import BATON_LEAD_CHANGE from '@salesforce/messageChannel/Baton_Lead_Change__c';
import { PRESET_OPTIONS, previousRange } from 'c/dateRanges';
import type { RangeChange } from 'c/dateRangeFilter';
import { rangeText } from 'c/batonFormat';
import { dataSourceText, emptyText } from './funnelText';
import { headlines, rejectionRows, slaRows, sourceRows, stepRows, velocityRows } from './funnelView';
import type { FunnelView } from './funnelView';
import { speedFigures, speedTables } from './speedView';
import { STAGE_LIST_VIEWS, listPage } from './stageLinks';

export { STAGE_LIST_VIEWS } from './stageLinks';

/** What a wire provisions; kept whole for refreshApex. */
interface Wired<T> {
    data?: T;
    error?: unknown;
}

export const DEFAULT_SLA_GOAL_PERCENT = 90;

const VIEW_OPTIONS = [
    { label: 'Cohort', value: 'cohort' },
    { label: 'Period', value: 'period' }
];

/**
 * The funnel both teams read: the headline figures against the period before, MQL → SAL → SQL →
 * Opportunity → Closed Won as a cohort (leads that became MQL in the range and how far they got) or as
 * stage entries, velocity, SLA compliance against the goal, speed to lead (first touch of the MQLs, by Lead
 * Source and by rep), rejection reasons and a Lead Source breakdown.
 * Refreshes when the lead queue publishes on Baton_Lead_Change__c.
 */
export default class FunnelPanel extends NavigationMixin(LightningElement) {
    /** App Builder: the share of handoffs that should meet their SLA, in percent. */
    @api slaGoalPercent = DEFAULT_SLA_GOAL_PERCENT;

    view: FunnelView = 'cohort';
    leadSource = '';

    /** Wire parameters; undefined (no query) until the date range filter gives a range. */
    startDate: string | undefined;
    endDate: string | undefined;

    result: LeadFunnelResult | undefined;
    /** The same figures for the range of the same length just before, once read; undefined if unavailable. */
    previous: LeadFunnelResult | undefined;
    error: unknown;
    isLoading = true;
    sourceOptions: Array<{ label: string; value: string }> = [{ label: 'All sources', value: '' }];
    stageUrls: Partial<Record<FunnelStage, string>> = {};

    presetOptions = PRESET_OPTIONS;
    viewOptions = VIEW_OPTIONS;

    @wire(MessageContext)
    messageContext!: MessageContextValue;

    /** Speed to lead of the same range and source, read beside the funnel (its own query). */
    speed: LeadSpeedToLead | undefined;
    speedError: unknown;

    private wiredFunnel: Wired<LeadFunnelResult> | undefined;
    private wiredSpeed: Wired<LeadSpeedToLead> | undefined;
    private subscription: Subscription | undefined;

    @wire(getFunnel, { startDate: '$startDate', endDate: '$endDate', leadSource: '$leadSource' })
    handleFunnel(value: Wired<LeadFunnelResult>): void {
        this.wiredFunnel = value;
        const { data, error } = value;
        if (data) {
            this.result = data;
            this.error = undefined;
            this.isLoading = false;
            this.sourceOptions = [
                { label: 'All sources', value: '' },
                ...data.leadSourceOptions.map(({ label, value: optionValue }) => ({ label, value: optionValue }))
            ];
            this.loadPrevious(data);
        } else if (error) {
            this.error = error;
            this.result = undefined;
            this.isLoading = false;
        }
    }

    @wire(getSpeedToLead, { startDate: '$startDate', endDate: '$endDate', leadSource: '$leadSource' })
    handleSpeed(value: Wired<LeadSpeedToLead>): void {
        this.wiredSpeed = value;
        this.speed = value.data;
        this.speedError = value.data ? undefined : value.error;
    }

    override connectedCallback(): void {
        if (!this.subscription) {
            this.subscription = subscribe(this.messageContext, BATON_LEAD_CHANGE, () => this.refresh(), {
                scope: APPLICATION_SCOPE
            });
        }
        this.generateStageUrls();
    }

    override disconnectedCallback(): void {
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }

    // ---- filters -------------------------------------------------------------------------------

    /** Each range the filter gives is new; no dates (the Apex wire does not call the server) while it is invalid. */
    handleRangeChange(event: CustomEvent<RangeChange>): void {
        this.startDate = event.detail.startDate;
        this.endDate = event.detail.endDate;
        if (this.startDate) {
            this.startLoading();
        }
    }

    handleSourceChange(event: CustomEvent<{ value: string }>): void {
        this.leadSource = event.detail.value ?? '';
        this.startLoading();
    }

    handleViewChange(event: CustomEvent<{ value: FunnelView }>): void {
        this.view = event.detail.value;
    }

    /** A new query is on its way: show the spinner, not the previous query's error or comparison. */
    private startLoading(): void {
        this.isLoading = true;
        this.error = undefined;
        this.previous = undefined;
        this.speed = undefined;
        this.speedError = undefined;
    }

    private refresh(): Promise<unknown> {
        return Promise.all(
            [this.wiredFunnel, this.wiredSpeed].map((wired) => (wired ? refreshApex(wired) : undefined))
        );
    }

    /**
     * The comparison is read after the figures (the panel never waits for it) and dropped when the filters
     * moved on meanwhile; without it the headline figures simply show no change.
     */
    private async loadPrevious(current: LeadFunnelResult): Promise<void> {
        const range = previousRange(current);
        try {
            const previous = await getFunnel({ ...range, leadSource: current.leadSource ?? '' });
            if (this.result === current) {
                this.previous = previous;
            }
        } catch {
            this.previous = undefined;
        }
    }

    private async generateStageUrls(): Promise<void> {
        const stages = Object.keys(STAGE_LIST_VIEWS) as FunnelStage[];
        const urls = await Promise.all(stages.map((stage) => this[NavigationMixin.GenerateUrl](listPage(stage))));
        this.stageUrls = Object.fromEntries(stages.map((stage, index) => [stage, urls[index]]));
    }

    // ---- what the template shows ----------------------------------------------------------------

    /** Only the filters while the custom range is incomplete or invalid (the filter says why): no query either. */
    get hasRange(): boolean {
        return Boolean(this.startDate);
    }

    /** The figures of the range before stay on screen under the spinner while new ones load. */
    get hasResult(): boolean {
        return this.hasRange && Boolean(this.result) && !this.error;
    }

    get hasData(): boolean {
        return this.hasResult && this.result!.hasData;
    }

    get sourceNote(): string {
        if (!this.hasResult) {
            return '';
        }
        const won = this.result!.wonUnavailableReason;
        return `${rangeText(this.result!)}. ${dataSourceText(this.result!)}${won ? ` ${won}` : ''}`;
    }

    get emptyMessage(): string {
        return this.hasResult && !this.result!.hasData ? emptyText(this.result!) : '';
    }

    get comparisonText(): string {
        return this.previous
            ? `Changes compare with ${rangeText(previousRange(this.result!))}, the period of the same length before.`
            : 'No comparison with the period before yet.';
    }

    get headlineFigures() {
        return headlines(this.result!, this.previous, 'the period before', this.slaGoalPercent);
    }

    get isCohortView(): boolean {
        return this.view === 'cohort';
    }

    get panelClass(): string {
        return `slds-p-horizontal_medium panel-body ${this.isCohortView ? 'is-cohort-view' : 'is-period-view'}`;
    }

    get funnelHeading(): string {
        return this.isCohortView ? 'Funnel: leads that became MQL in the range' : 'Funnel: stage entries in the range';
    }

    get viewDescription(): string {
        return this.isCohortView
            ? 'How many of the leads that became MQL in the range reached each later stage, and the share of the stage before.'
            : 'How many times leads entered each stage in the range. An entry is not a conversion, so no rates are shown.';
    }

    get steps() {
        return stepRows(this.result!, this.view).map((step) => ({
            ...step,
            url: this.stageUrls[step.stage] || '#',
            openText: `, open the list of ${STAGE_LIST_VIEWS[step.stage].text}`
        }));
    }

    handleStageClick(event: Event): void {
        event.preventDefault();
        const stage = (event.currentTarget as HTMLElement).dataset.stage as FunnelStage;
        this[NavigationMixin.Navigate](listPage(stage));
    }

    get bucketLabels(): string[] {
        return this.result?.velocity[0]?.buckets.map((bucket) => bucket.label) ?? [];
    }

    get velocityRows() {
        return velocityRows(this.result!);
    }

    get slaRows() {
        return slaRows(this.result!, this.slaGoalPercent);
    }

    get speedLoading(): boolean {
        return !this.speed && !this.speedError;
    }

    get speedNotComputed(): boolean {
        return this.speed?.computed === false;
    }

    get speedEmpty(): boolean {
        return this.speed?.computed === true && this.speed.overall.handoffs === 0;
    }

    get hasSpeed(): boolean {
        return this.speed?.computed === true && this.speed.overall.handoffs > 0;
    }

    get speedFigures() {
        return speedFigures(this.speed!);
    }

    get speedTables() {
        return speedTables(this.speed!);
    }

    get slaGoalText(): string {
        return `Goal: ${this.slaGoalPercent}% of handoffs meet their SLA.`;
    }

    get hasRejections(): boolean {
        return (this.result?.rejectionReasons.length ?? 0) > 0;
    }

    get rejectionRows() {
        return rejectionRows(this.result!);
    }

    get hasSources(): boolean {
        return (this.result?.sources.length ?? 0) > 0;
    }

    get sourceRows() {
        return sourceRows(this.result!);
    }
}
