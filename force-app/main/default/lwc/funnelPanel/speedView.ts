/**
 * What the funnel panel shows of speed to lead, from LeadFunnelController.getSpeedToLead: the headline
 * figures of every MQL handoff in the range, and the Lead Source and rep tables. Pure functions.
 */
import type { LeadSpeedToLead, SpeedRow } from '@salesforce/apex/LeadFunnelController.getSpeedToLead';
import { NO_VALUE, formatPercent } from 'c/batonFormat';
import type { HeadlineFigure } from 'c/headlineFigures';

export interface SpeedTableRow {
    key: string;
    label: string;
    handoffs: string;
    touched: string;
    median: string;
    within5Minutes: string;
    within1Hour: string;
    withinTarget: string;
}

/** Business minutes as a duration people read: "4 min", "1 h 21 min", "5 h". */
export function durationText(minutes: number | null | undefined): string {
    if (minutes === null || minutes === undefined) {
        return NO_VALUE;
    }
    const whole = Math.round(minutes);
    if (whole < 60) {
        return `${whole} min`;
    }
    const hours = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function share(percent: number | null | undefined): string {
    return percent === null || percent === undefined ? NO_VALUE : formatPercent(percent);
}

/** The four figures of every MQL handoff in the range. */
export function speedFigures(speed: LeadSpeedToLead): HeadlineFigure[] {
    const all = speed.overall;
    return [
        {
            key: 'median',
            label: 'Median time to first touch',
            value: durationText(all.medianMinutes),
            detail: `business time, ${all.touched} of ${all.handoffs} MQLs touched`
        },
        {
            key: 'within5',
            label: 'Touched within 5 minutes',
            value: share(all.within5MinutesPercent),
            detail: `${all.within5Minutes} of ${all.handoffs} MQLs`
        },
        {
            key: 'within1h',
            label: 'Touched within 1 hour',
            value: share(all.within1HourPercent),
            detail: `${all.within1Hour} of ${all.handoffs} MQLs`
        },
        {
            key: 'withinTarget',
            label: 'Touched within the SLA',
            value: share(all.withinTargetPercent),
            detail: `${all.withinTarget} of ${all.withTarget} MQLs with a due time`
        }
    ];
}

export interface SpeedTable {
    key: string;
    heading: string;
    firstColumn: string;
    caption: string;
    className: string;
    rows: SpeedTableRow[];
}

const TABLE_CLASS = 'slds-table slds-table_bordered slds-table_cell-buffer stack-table funnel-table';

/** The Lead Source table and the rep table. */
export function speedTables(speed: LeadSpeedToLead): SpeedTable[] {
    return [
        {
            key: 'source',
            heading: 'By Lead Source',
            firstColumn: 'Lead Source',
            caption: 'Speed to lead of the MQL handoffs in the range, by Lead Source',
            className: `${TABLE_CLASS} speed-by-source`,
            rows: speedRows(speed.bySource, 'source')
        },
        {
            key: 'rep',
            heading: 'By rep (who touched the lead first, else its owner)',
            firstColumn: 'Rep',
            caption:
                'Speed to lead of the MQL handoffs in the range, by the rep who touched the lead first, else its owner',
            className: `${TABLE_CLASS} speed-by-rep`,
            rows: speedRows(speed.byRep, 'rep')
        }
    ];
}

/** One table row per Lead Source or rep, most MQLs first (the order Apex sends). */
function speedRows(rows: SpeedRow[], kind: 'source' | 'rep'): SpeedTableRow[] {
    return rows.map((row, index) => ({
        key: `${kind}-${row.key ?? 'none'}-${index}`,
        label: row.label,
        handoffs: String(row.handoffs),
        touched: String(row.touched),
        median: durationText(row.medianMinutes),
        within5Minutes: share(row.within5MinutesPercent),
        within1Hour: share(row.within1HourPercent),
        withinTarget: share(row.withinTargetPercent)
    }));
}
