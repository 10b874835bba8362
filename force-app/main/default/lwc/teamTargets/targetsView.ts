/**
 * What the team commitments panel shows, computed from a TeamTargetResult: each metric's target, actual, pace and
 * status, formatted by its unit, and the sentences around them. Pure functions.
 */
import type { TargetRow, TargetStatus, TeamTargetResult } from '@salesforce/apex/TeamTargetController.getTargets';
import type { TargetVersion } from '@salesforce/apex/TeamTargetController.getHistory';
import {
    NO_VALUE,
    formatCount,
    formatDay,
    formatInstant,
    formatMoney,
    formatMonth,
    formatPercent
} from 'c/batonFormat';

const STATUS: Record<TargetStatus, { text: string; className: string }> = {
    met: { text: 'Met', className: 'status status_good' },
    missed: { text: 'Missed', className: 'status status_bad' },
    'on-pace': { text: 'On pace', className: 'status status_good' },
    behind: { text: 'Behind', className: 'status status_bad' },
    'not-started': { text: 'Not started', className: 'status status_none' },
    'no-target': { text: 'No target', className: 'status status_none' },
    unavailable: { text: 'Not available', className: 'status status_none' }
};

/** A metric's value in its unit: a percentage, an amount, or a whole count (expectations and projections rounded). */
export function formatValue(row: Pick<TargetRow, 'unit'>, value: number | null | undefined): string {
    if (row.unit === 'percent') {
        return formatPercent(value);
    }
    if (row.unit === 'currency') {
        return formatMoney(value);
    }
    return formatCount(value === null || value === undefined ? value : Math.round(value));
}

/** Where the month stands: what pace means today. */
export function paceText(result: TeamTargetResult): string {
    if (result.daysElapsed === 0) {
        return 'This month has not started: targets can be set, nothing is counted yet.';
    }
    if (result.daysElapsed >= result.daysInMonth) {
        return 'The month is over: each actual is compared with its whole target.';
    }
    return `Day ${result.daysElapsed} of ${result.daysInMonth}: pace compares each actual with ${result.daysElapsed}/${result.daysInMonth} of its target; the projection continues the month at the same daily rate. Shares of MQLs are compared with their target directly.`;
}

export interface DisplayRow {
    key: string;
    metric: string;
    label: string;
    target: string;
    actual: string;
    expected: string;
    pace: string;
    projected: string;
    status: string;
    statusClass: string;
    /** Why there is no actual, or who set the target in force and why. */
    detail: string;
    hasHistory: boolean;
    setLabel: string;
    historyLabel: string;
}

export function displayRows(result: TeamTargetResult): DisplayRow[] {
    return result.rows.map((row) => {
        const status = STATUS[row.status];
        let detail = '';
        if (row.unavailableReason) {
            detail = row.unavailableReason;
        } else if (row.setBy) {
            const note = row.note ? `: ${row.note}` : '';
            detail = `Set by ${row.setBy}, ${formatInstant(row.setAt)}${note}`;
        }
        return {
            key: row.metric,
            metric: row.metric,
            label: row.label,
            target: formatValue(row, row.target),
            actual: row.status === 'not-started' ? NO_VALUE : formatValue(row, row.actual),
            expected: formatValue(row, row.expectedToDate),
            pace: formatPercent(row.pacePercent),
            projected: formatValue(row, row.projected),
            status: status.text,
            statusClass: status.className,
            detail,
            hasHistory: row.versions > 0,
            setLabel: `Set the ${row.label} target`,
            historyLabel: `History of the ${row.label} target (${row.versions} ${row.versions === 1 ? 'version' : 'versions'})`
        };
    });
}

export function historyRows(row: Pick<TargetRow, 'unit'>, versions: TargetVersion[]) {
    return versions.map((version, index) => ({
        key: version.name,
        target: formatValue(row, version.target),
        setBy: version.setBy ?? NO_VALUE,
        setAt: formatInstant(version.setAt),
        note: version.note ?? '',
        state: index === 0 ? 'In force' : 'Replaced'
    }));
}

/** "Target for MQLs, November 2026 (team Everyone)". */
export function formHeading(row: Pick<TargetRow, 'label'>, result: TeamTargetResult): string {
    return `New ${row.label} target for ${formatMonth(result.month)}, ${result.teamLabel}`;
}

export function monthRangeText(result: TeamTargetResult): string {
    const lastDay = `${result.month.slice(0, 8)}${String(result.daysInMonth).padStart(2, '0')}`;
    return `${formatDay(result.month)} – ${formatDay(lastDay)}`;
}
