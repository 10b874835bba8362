import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { MessageContext, APPLICATION_SCOPE, subscribe, unsubscribe } from 'lightning/messageService';
import type { MessageContextValue, Subscription } from 'lightning/messageService';
import { refreshApex } from '@salesforce/apex';
import getFunnel from '@salesforce/apex/LeadFunnelController.getFunnel';
import type {
    FunnelStage,
    FunnelStep,
    LeadFunnelResult,
    StageSla,
    StageVelocity
} from '@salesforce/apex/LeadFunnelController.getFunnel';
import BATON_LEAD_CHANGE from '@salesforce/messageChannel/Baton_Lead_Change__c';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import { PRESET_OPTIONS, customRangeError, presetRange, todayIn } from './dateRanges';
import type { RangePreset } from './dateRanges';

type FunnelView = 'cohort' | 'period';

/** What the funnel's wire provisions; kept whole for refreshApex. */
interface WiredFunnel {
    data?: LeadFunnelResult;
    error?: unknown;
}

/**
 * The list view a stage bar opens (shipped in objects/Lead/listViews and objects/Opportunity/listViews):
 * leads now at that stage, or the opportunities created from handoffs. Converted leads never
 * appear in Lead list views, so the last two steps open opportunities.
 */
export const STAGE_LIST_VIEWS: Record<FunnelStage, { objectApiName: string; filterName: string; text: string }> = {
    MQL: { objectApiName: 'Lead', filterName: 'Baton_MQL_Leads', text: 'Open the list of leads now at MQL' },
    SAL: { objectApiName: 'Lead', filterName: 'Baton_SAL_Leads', text: 'Open the list of leads now at SAL' },
    SQL: { objectApiName: 'Lead', filterName: 'Baton_SQL_Leads', text: 'Open the list of leads now at SQL' },
    Opportunity: {
        objectApiName: 'Opportunity',
        filterName: 'Baton_Handoff_Opportunities',
        text: 'Open the list of opportunities created from handoffs'
    },
    Won: {
        objectApiName: 'Opportunity',
        filterName: 'Baton_Won_Handoff_Opportunities',
        text: 'Open the list of won opportunities created from handoffs'
    }
};

const VIEW_OPTIONS = [
    { label: 'Cohort', value: 'cohort' },
    { label: 'Period', value: 'period' }
];

const NO_VALUE = '—';

/**
 * The funnel both teams read: MQL → SAL → SQL → Opportunity → Closed Won as a cohort (leads that
 * became MQL in the range and how far they got) or as period entries, with velocity, SLA
 * compliance, rejection reasons and a Lead Source breakdown. Refreshes when the lead queue
 * publishes on Baton_Lead_Change__c.
 */
export default class FunnelPanel extends NavigationMixin(LightningElement) {
    preset: RangePreset = 'last30';
    view: FunnelView = 'cohort';
    leadSource = '';
    customStartDate = '';
    customEndDate = '';

    /** Wire parameters; undefined (no query) while a custom range is incomplete or invalid. */
    startDate: string | undefined;
    endDate: string | undefined;

    result: LeadFunnelResult | undefined;
    error: unknown;
    isLoading = true;
    sourceOptions: Array<{ label: string; value: string }> = [{ label: 'All sources', value: '' }];

    presetOptions = PRESET_OPTIONS;
    viewOptions = VIEW_OPTIONS;

    @wire(MessageContext)
    messageContext!: MessageContextValue;

    private wiredFunnel: WiredFunnel | undefined;
    private subscription: Subscription | undefined;

    @wire(getFunnel, { startDate: '$startDate', endDate: '$endDate', leadSource: '$leadSource' })
    handleFunnel(value: WiredFunnel): void {
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
        } else if (error) {
            this.error = error;
            this.result = undefined;
            this.isLoading = false;
        }
    }

    override connectedCallback(): void {
        this.applyRange();
        if (!this.subscription) {
            this.subscription = subscribe(this.messageContext, BATON_LEAD_CHANGE, () => this.refresh(), {
                scope: APPLICATION_SCOPE
            });
        }
    }

    override disconnectedCallback(): void {
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }

    // ---- filters -------------------------------------------------------------------------------

    get isCustom(): boolean {
        return this.preset === 'custom';
    }

    get rangeError(): string | undefined {
        return this.isCustom ? customRangeError(this.customStartDate, this.customEndDate) : undefined;
    }

    handlePresetChange(event: CustomEvent<{ value: RangePreset }>): void {
        this.preset = event.detail.value;
        if (this.isCustom && !this.customStartDate && this.startDate && this.endDate) {
            // Start the custom range from what is on screen.
            this.customStartDate = this.startDate;
            this.customEndDate = this.endDate;
        }
        this.applyRange();
    }

    handleCustomStartChange(event: CustomEvent<{ value: string }>): void {
        this.customStartDate = event.detail.value ?? '';
        this.applyRange();
    }

    handleCustomEndChange(event: CustomEvent<{ value: string }>): void {
        this.customEndDate = event.detail.value ?? '';
        this.applyRange();
    }

    handleSourceChange(event: CustomEvent<{ value: string }>): void {
        this.leadSource = event.detail.value ?? '';
        this.startLoading();
    }

    handleViewChange(event: CustomEvent<{ value: FunnelView }>): void {
        this.view = event.detail.value;
    }

    private applyRange(): void {
        let range;
        if (this.isCustom) {
            range = this.rangeError ? undefined : { startDate: this.customStartDate, endDate: this.customEndDate };
        } else {
            range = presetRange(this.preset, todayIn(TIME_ZONE, new Date(Date.now())));
        }
        const changed = range?.startDate !== this.startDate || range?.endDate !== this.endDate;
        this.startDate = range?.startDate;
        this.endDate = range?.endDate;
        if (changed && range) {
            this.startLoading();
        }
    }

    /** A new query is on its way: show the spinner, not the previous query's error. */
    private startLoading(): void {
        this.isLoading = true;
        this.error = undefined;
    }

    private refresh(): Promise<void> | undefined {
        return this.wiredFunnel ? refreshApex(this.wiredFunnel) : undefined;
    }

    // ---- states --------------------------------------------------------------------------------

    get showSpinner(): boolean {
        return this.isLoading && !this.rangeError && !this.error;
    }

    get showError(): boolean {
        return Boolean(this.error) && !this.rangeError;
    }

    get hasResult(): boolean {
        return Boolean(this.result) && !this.showError && !this.rangeError;
    }

    get isEmpty(): boolean {
        return this.hasResult && !this.result!.hasData;
    }

    get hasData(): boolean {
        return this.hasResult && this.result!.hasData;
    }

    get emptyMessage(): string {
        const result = this.result!;
        return `No lead became MQL, entered a stage or started a handoff between ${formatDay(result.startDate)} and ${formatDay(result.endDate)}.`;
    }

    get dataSourceText(): string {
        const result = this.result;
        if (!result) {
            return '';
        }
        if (result.dataSource === 'Live') {
            return `Live figures, computed ${formatInstant(result.computedAt)}.`;
        }
        if (!result.computedAt) {
            return 'This range holds more leads than can be counted live, and no daily rollup covers it yet. Ask your Salesforce admin to schedule the funnel rollup job.';
        }
        return `This range holds more leads than can be counted live: figures come from daily rollups, last computed ${formatInstant(result.computedAt)}.`;
    }

    get rangeText(): string {
        const result = this.result;
        return result ? `${formatDay(result.startDate)} – ${formatDay(result.endDate)}` : '';
    }

    // ---- funnel --------------------------------------------------------------------------------

    get isCohortView(): boolean {
        return this.view === 'cohort';
    }

    get viewDescription(): string {
        return this.isCohortView
            ? 'Leads that became MQL in the range, and how many of them reached each later stage.'
            : 'How many times leads entered each stage in the range. Entries are not conversions, so no rates are shown.';
    }

    get steps() {
        const steps: FunnelStep[] = this.result ? this.result[this.view] : [];
        const largest = Math.max(1, ...steps.map((step) => step.count));
        return steps.map((step, index) => {
            const previous = index > 0 ? steps[index - 1] : undefined;
            const rate = step.rateFromPrevious;
            return {
                key: step.stage,
                stage: step.stage,
                label: step.label,
                count: step.count,
                countText: `${step.count} ${step.count === 1 ? 'lead' : 'leads'}`,
                barStyle: `width: ${((step.count / largest) * 100).toFixed(1)}%`,
                hasRate: this.isCohortView && previous !== undefined,
                rateText:
                    previous && rate !== null && rate !== undefined
                        ? `${formatPercent(rate)} of ${previous.label} reached ${step.label}`
                        : `No ${previous?.label ?? ''} to convert to ${step.label}`,
                openText: STAGE_LIST_VIEWS[step.stage].text
            };
        });
    }

    handleStageClick(event: Event): void {
        const stage = (event.currentTarget as HTMLElement).dataset.stage as FunnelStage;
        const { objectApiName, filterName } = STAGE_LIST_VIEWS[stage];
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName, actionName: 'list' },
            state: { filterName }
        });
    }

    // ---- velocity, SLA, reasons, sources -------------------------------------------------------

    get bucketLabels(): string[] {
        const first = this.result?.velocity[0];
        return first ? first.buckets.map((bucket) => bucket.label) : [];
    }

    get velocityRows() {
        return (this.result?.velocity ?? []).map((velocity: StageVelocity) => ({
            key: velocity.stage,
            stage: velocity.stage,
            average:
                velocity.averageHours === null || velocity.averageHours === undefined
                    ? NO_VALUE
                    : `${velocity.averageHours.toFixed(1)} h`,
            median: velocity.medianBucket ?? NO_VALUE,
            completed: velocity.completed,
            buckets: velocity.buckets.map((bucket) => ({
                key: `${velocity.stage}-${bucket.label}`,
                count: bucket.count
            }))
        }));
    }

    get slaRows() {
        return (this.result?.sla ?? []).map((sla: StageSla) => ({
            key: sla.stage,
            stage: sla.stage,
            met: sla.met,
            breached: sla.breached,
            overdue: sla.overdue,
            compliance:
                sla.compliancePercent === null || sla.compliancePercent === undefined
                    ? NO_VALUE
                    : formatPercent(sla.compliancePercent)
        }));
    }

    get hasRejections(): boolean {
        return (this.result?.rejectionReasons.length ?? 0) > 0;
    }

    get rejectionRows() {
        const reasons = this.result?.rejectionReasons ?? [];
        const largest = Math.max(1, ...reasons.map((reason) => reason.count));
        return reasons.map((reason) => ({
            key: reason.reason,
            reason: reason.reason,
            count: reason.count,
            barStyle: `width: ${((reason.count / largest) * 100).toFixed(1)}%`
        }));
    }

    get hasSources(): boolean {
        return (this.result?.sources.length ?? 0) > 0;
    }

    get sourceRows() {
        return (this.result?.sources ?? []).map((source) => ({
            key: source.label,
            label: source.label,
            mql: source.mql,
            sal: source.sal,
            sqlCount: source.sqlCount,
            opportunity: source.opportunity,
            won: source.won,
            mqlToSal: formatOptionalPercent(source.mqlToSalRate),
            mqlToWon: formatOptionalPercent(source.mqlToWonRate)
        }));
    }
}

function formatPercent(value: number): string {
    return `${value.toFixed(1)}%`;
}

function formatOptionalPercent(value: number | null | undefined): string {
    return value === null || value === undefined ? NO_VALUE : formatPercent(value);
}

/** A `YYYY-MM-DD` day as the user reads dates (the day itself, whatever the time zone). */
function formatDay(day: string): string {
    const [year, month, date] = day.split('-').map(Number);
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, date))
    );
}

function formatInstant(iso: string | null | undefined): string {
    if (!iso) {
        return NO_VALUE;
    }
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(
        new Date(iso)
    );
}
