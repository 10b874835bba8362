/**
 * Speed to lead of the seeded MQL handoffs, computed from their clocks as the funnel panel's figures
 * are defined (force-app/main/default/classes/funnel/LeadSpeedToLead.cls): how many handoffs were
 * touched, the median business minutes to the first touch, and how many were first touched within
 * 5 business minutes, within 1 business hour and before the clock's due time — overall, by Lead
 * Source and by rep (whoever touched first, else the clock's assignee).
 */
import type { OrgConnection } from './connection.ts';
import { formatTable } from './output.ts';
import { queryAll } from './query.ts';

export interface HandoffClock {
    First_Touch_At__c: string | null;
    First_Touch_Business_Minutes__c: number | null;
    Due_At__c: string | null;
    First_Touch_By__r: { Name: string } | null;
    Assignee__r: { Name: string } | null;
    Lead__r: { LeadSource: string | null } | null;
}

export interface SpeedRow {
    label: string;
    handoffs: number;
    touched: number;
    medianMinutes: number | null;
    within5Minutes: number;
    within1Hour: number;
    withTarget: number;
    withinTarget: number;
}

export interface SpeedToLead {
    overall: SpeedRow;
    bySource: SpeedRow[];
    byRep: SpeedRow[];
}

export const NO_SOURCE_LABEL = 'No Lead Source';
export const UNASSIGNED_LABEL = 'Unassigned (a queue)';

/** The middle value, or the mean of the two middle values, to one decimal; null for none. */
export function median(values: number[]): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const value =
        sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    return Math.round(value * 10) / 10;
}

function rowOf(label: string, clocks: HandoffClock[]): SpeedRow {
    const touched = clocks.filter((clock) => clock.First_Touch_At__c && clock.First_Touch_Business_Minutes__c !== null);
    const minutes = touched.map((clock) => Number(clock.First_Touch_Business_Minutes__c));
    return {
        label,
        handoffs: clocks.length,
        touched: touched.length,
        medianMinutes: median(minutes),
        within5Minutes: minutes.filter((value) => value <= 5).length,
        within1Hour: minutes.filter((value) => value <= 60).length,
        withTarget: clocks.filter((clock) => clock.Due_At__c).length,
        withinTarget: touched.filter(
            (clock) => clock.Due_At__c && Date.parse(String(clock.First_Touch_At__c)) <= Date.parse(clock.Due_At__c)
        ).length
    };
}

function grouped(clocks: HandoffClock[], labelOf: (clock: HandoffClock) => string): SpeedRow[] {
    const groups = new Map<string, HandoffClock[]>();
    for (const clock of clocks) {
        const label = labelOf(clock);
        groups.set(label, [...(groups.get(label) ?? []), clock]);
    }
    return [...groups]
        .map(([label, members]) => rowOf(label, members))
        .sort((a, b) => b.handoffs - a.handoffs || a.label.localeCompare(b.label));
}

export function computeSpeedToLead(clocks: HandoffClock[]): SpeedToLead {
    return {
        overall: rowOf('All MQLs', clocks),
        bySource: grouped(clocks, (clock) => clock.Lead__r?.LeadSource ?? NO_SOURCE_LABEL),
        byRep: grouped(clocks, (clock) => clock.First_Touch_By__r?.Name ?? clock.Assignee__r?.Name ?? UNASSIGNED_LABEL)
    };
}

function share(part: number, whole: number): string {
    return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

export function formatSpeedToLead(speed: SpeedToLead): string {
    const table = (title: string, rows: SpeedRow[]): string =>
        formatTable(
            [title, 'MQLs', 'touched', 'median min', '≤ 5 min', '≤ 1 h', 'within SLA'],
            rows.map((row) => [
                row.label,
                String(row.handoffs),
                String(row.touched),
                row.medianMinutes === null ? '—' : row.medianMinutes.toFixed(1),
                share(row.within5Minutes, row.handoffs),
                share(row.within1Hour, row.handoffs),
                share(row.withinTarget, row.withTarget)
            ])
        );
    return [table('', [speed.overall]), table('Lead Source', speed.bySource), table('rep', speed.byRep)].join('\n\n');
}

/** Reads the seeded MQL handoffs' clocks (one query). */
export async function readSpeedToLead(org: OrgConnection): Promise<SpeedToLead> {
    return computeSpeedToLead(
        await queryAll<HandoffClock & Record<string, unknown>>(
            org,
            "SELECT First_Touch_At__c, First_Touch_Business_Minutes__c, Due_At__c, First_Touch_By__r.Name, Assignee__r.Name, Lead__r.LeadSource FROM Lead_SLA__c WHERE Stage__c = 'MQL' AND Baton_Seed_Key__c != null"
        )
    );
}
