/**
 * LeadFunnelController (Apex) as the funnel panel sees it. Apex `Date` values arrive as
 * `YYYY-MM-DD` strings, `Datetime` values as ISO-8601 strings with a zone, and null properties
 * may be left out of the JSON altogether, hence the optional members.
 */
declare module '@salesforce/apex/LeadFunnelController.getFunnel' {
    export type FunnelStage = 'MQL' | 'SAL' | 'SQL' | 'Opportunity' | 'Won';
    export type ClockStage = 'MQL' | 'SAL' | 'SQL';

    export interface FunnelStep {
        stage: FunnelStage;
        label: string;
        count: number;
        /**
         * Cohort view: percent of the previous step; absent for the first step, a zero denominator, the period view
         * and Won when wonUnavailableReason is set.
         */
        rateFromPrevious?: number | null;
    }

    export interface VelocityBucket {
        label: string;
        count: number;
    }

    export interface StageVelocity {
        stage: ClockStage;
        /** Average business hours in the stage over completed handoffs; absent without any. */
        averageHours?: number | null;
        completed: number;
        buckets: VelocityBucket[];
        /** Label of the bucket holding the median handoff; absent without completed handoffs. */
        medianBucket?: string | null;
    }

    export interface StageSla {
        stage: ClockStage;
        met: number;
        breached: number;
        overdue: number;
        compliancePercent?: number | null;
        /** Business hours the stage's general SLA policy allows (the active policy without a segment). */
        targetHours?: number | null;
    }

    export interface ReasonCount {
        reason: string;
        count: number;
    }

    export interface SourceRow {
        /** Absent for leads without a Lead Source. */
        leadSource?: string | null;
        label: string;
        mql: number;
        sal: number;
        sqlCount: number;
        opportunity: number;
        won: number;
        mqlToSalRate?: number | null;
        mqlToWonRate?: number | null;
    }

    export interface FunnelOption {
        label: string;
        value: string;
    }

    export interface LeadFunnelResult {
        startDate: string;
        endDate: string;
        leadSource?: string | null;
        dataSource: 'Live' | 'Rollup';
        /** Absent when the rollup path found no rollups in the range. */
        computedAt?: string | null;
        hasData: boolean;
        cohort: FunnelStep[];
        period: FunnelStep[];
        velocity: StageVelocity[];
        sla: StageSla[];
        rejectionReasons: ReasonCount[];
        sources: SourceRow[];
        leadSourceOptions: FunnelOption[];
        /**
         * Why Closed Won is not counted: the reader may not read opportunities (a rep on the Minimum Access profile).
         * The Won counts are then 0 and the rates into Won absent. Absent when Won is counted.
         */
        wonUnavailableReason?: string | null;
    }

    export interface GetFunnelParams {
        /** Inclusive, `YYYY-MM-DD`, in the user's time zone. */
        startDate: string;
        endDate: string;
        /** A Lead Source value; empty or null for every source. */
        leadSource?: string | null;
    }

    const getFunnel: LightningApex.Method<GetFunnelParams, LeadFunnelResult>;
    export default getFunnel;
}

/** LeadFunnelController.getSpeedToLead (Apex LeadSpeedToLead) as the funnel panel sees it. */
declare module '@salesforce/apex/LeadFunnelController.getSpeedToLead' {
    import type { GetFunnelParams } from '@salesforce/apex/LeadFunnelController.getFunnel';

    export interface SpeedRow {
        /** The Lead Source value or the rep's user Id; absent for no Lead Source, unassigned and the overall row. */
        key?: string | null;
        label: string;
        handoffs: number;
        touched: number;
        /** Median business minutes from the handoff to the first touch; absent without a touched handoff. */
        medianMinutes?: number | null;
        within5Minutes: number;
        within1Hour: number;
        /** Handoffs whose clock has a due time, and how many of them were first touched by it. */
        withTarget: number;
        withinTarget: number;
        within5MinutesPercent?: number | null;
        within1HourPercent?: number | null;
        withinTargetPercent?: number | null;
    }

    export interface LeadSpeedToLead {
        /** False when the range holds more MQL handoffs than one request may read. */
        computed: boolean;
        notComputedReason?: string | null;
        overall: SpeedRow;
        bySource: SpeedRow[];
        byRep: SpeedRow[];
    }

    const getSpeedToLead: LightningApex.Method<GetFunnelParams, LeadSpeedToLead>;
    export default getSpeedToLead;
}
