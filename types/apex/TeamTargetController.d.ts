/** TeamTargetController (Apex) as the team commitments panel sees it (Dates as `YYYY-MM-DD`, Datetimes as ISO-8601). */
declare module '@salesforce/apex/TeamTargetController.getTargets' {
    export type TargetMetric = 'Leads' | 'MQLs' | 'MQLs_Touched_Within_SLA' | 'Meetings' | 'Opportunities' | 'Revenue';
    export type TargetStatus = 'met' | 'missed' | 'on-pace' | 'behind' | 'not-started' | 'no-target' | 'unavailable';

    export interface TeamOption {
        value: string;
        label: string;
    }

    export interface TargetRow {
        metric: TargetMetric;
        label: string;
        unit: 'count' | 'percent' | 'currency';
        target?: number | null;
        actual?: number | null;
        unavailableReason?: string | null;
        expectedToDate?: number | null;
        pacePercent?: number | null;
        projected?: number | null;
        status: TargetStatus;
        setBy?: string | null;
        setAt?: string | null;
        note?: string | null;
        versions: number;
    }

    export interface TeamTargetResult {
        month: string;
        team?: string | null;
        teamLabel: string;
        teams: TeamOption[];
        canEdit: boolean;
        daysInMonth: number;
        daysElapsed: number;
        rows: TargetRow[];
    }

    export interface GetTargetsParams {
        /** Any day of the month. */
        month: string;
        /** A group's or queue's DeveloperName; empty for everyone. */
        team?: string | null;
    }

    const getTargets: LightningApex.Method<GetTargetsParams, TeamTargetResult>;
    export default getTargets;
}

declare module '@salesforce/apex/TeamTargetController.saveTarget' {
    export interface SaveTargetParams {
        team?: string | null;
        month: string;
        metric: string;
        target: number;
        note?: string | null;
    }

    const saveTarget: LightningApex.Method<SaveTargetParams, void>;
    export default saveTarget;
}

declare module '@salesforce/apex/TeamTargetController.getHistory' {
    export interface TargetVersion {
        name: string;
        target: number;
        note?: string | null;
        setBy?: string | null;
        setAt: string;
    }

    export interface GetHistoryParams {
        team?: string | null;
        month: string;
        metric: string;
    }

    const getHistory: LightningApex.Method<GetHistoryParams, TargetVersion[]>;
    export default getHistory;
}
