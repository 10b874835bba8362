/**
 * What the funnel panel shows, computed from a LeadFunnelResult (and the result of the period before, for
 * the comparison): the headline figures, the funnel steps, and the rows of the velocity, SLA, rejection
 * and Lead Source sections. Pure functions: the component only wires and renders them.
 */
import type {
    FunnelStage,
    FunnelStep,
    LeadFunnelResult,
    StageSla,
    StageVelocity
} from '@salesforce/apex/LeadFunnelController.getFunnel';
import { NO_VALUE, formatPercent, plural } from 'c/batonFormat';
import type { HeadlineChange, HeadlineFigure } from 'c/headlineFigures';

export type FunnelView = 'cohort' | 'period';

/** numerator / denominator in percent, or null without a denominator (as LeadFunnelResult.percent). */
function percent(numerator: number, denominator: number): number | null {
    return denominator > 0 ? Math.round((numerator * 1000) / denominator) / 10 : null;
}

function countOf(result: LeadFunnelResult, stage: FunnelStage): number {
    return result.cohort.find((step) => step.stage === stage)?.count ?? 0;
}

/** Whether Closed Won was left out (the reader may not read opportunities): its zeros are not figures. */
function wonHidden(result: LeadFunnelResult): boolean {
    return Boolean(result.wonUnavailableReason);
}

/** Shown instead of Closed Won figures the reader's access left out. */
export const WON_NOT_COUNTED = 'Not counted';

// ---- headline figures ----------------------------------------------------------------------------

/** "▲ 3 (+27.3%)" for counts, "▼ 4.2 pts" for rates; up is good for every funnel figure. */
function change(
    current: number | null,
    previous: number | null,
    kind: 'count' | 'rate',
    period: string
): HeadlineChange | null {
    if (current === null || previous === null) {
        return null;
    }
    const delta = Math.round((current - previous) * 10) / 10;
    if (delta === 0) {
        return { text: `No change from ${period}`, direction: 'none' };
    }
    const arrow = delta > 0 ? '▲' : '▼';
    const words = delta > 0 ? 'up' : 'down';
    const size =
        kind === 'count'
            ? `${Math.abs(delta)}${previous > 0 ? ` (${delta > 0 ? '+' : '−'}${formatPercent(Math.abs((delta * 100) / previous))})` : ''}`
            : `${Math.abs(delta).toFixed(1)} pts`;
    return {
        text: `${arrow} ${words} ${size} from ${period}`,
        direction: delta > 0 ? 'up' : 'down'
    };
}

/**
 * The figures a leader reads first: MQLs, MQL → SAL, overall MQL → Won (cohort), each against the period
 * of the same length before, and the MQL SLA against the goal.
 */
export function headlines(
    result: LeadFunnelResult,
    previous: LeadFunnelResult | undefined,
    previousLabel: string,
    slaGoalPercent: number
): HeadlineFigure[] {
    const mql = countOf(result, 'MQL');
    const rate = (from: LeadFunnelResult, stage: FunnelStage) => percent(countOf(from, stage), countOf(from, 'MQL'));
    const compare = (current: number | null, before: number | null, kind: 'count' | 'rate') => {
        return previous ? change(current, before, kind, previousLabel) : null;
    };
    const mqlSla = result.sla.find((sla) => sla.stage === 'MQL');
    return [
        {
            key: 'mql',
            label: 'Became MQL',
            value: String(mql),
            detail: plural(mql, 'lead', 'leads'),
            change: compare(mql, previous ? countOf(previous, 'MQL') : null, 'count')
        },
        {
            key: 'accepted',
            label: 'Accepted (MQL → SAL)',
            value: formatPercent(rate(result, 'SAL')),
            detail: `${countOf(result, 'SAL')} of ${mql}`,
            change: compare(rate(result, 'SAL'), previous ? rate(previous, 'SAL') : null, 'rate')
        },
        wonHidden(result)
            ? {
                  key: 'won',
                  label: 'Won (MQL → Closed Won)',
                  value: NO_VALUE,
                  detail: 'Needs read access to opportunities',
                  change: null
              }
            : {
                  key: 'won',
                  label: 'Won (MQL → Closed Won)',
                  value: formatPercent(rate(result, 'Won')),
                  detail: `${countOf(result, 'Won')} of ${mql}`,
                  change: compare(rate(result, 'Won'), previous ? rate(previous, 'Won') : null, 'rate')
              },
        {
            key: 'sla',
            label: 'MQL SLA met',
            value: formatPercent(mqlSla?.compliancePercent),
            detail: `Goal ${slaGoalPercent}%`,
            change: compare(
                mqlSla?.compliancePercent ?? null,
                previous?.sla.find((sla) => sla.stage === 'MQL')?.compliancePercent ?? null,
                'rate'
            )
        }
    ];
}

// ---- funnel steps ----------------------------------------------------------------------------------

export interface StepRow {
    key: string;
    stage: FunnelStage;
    label: string;
    countText: string;
    barStyle: string;
    rateText: string;
}

/**
 * Cohort: leads, and the share of the step before that reached this one. Period: stage entries, which
 * are not conversions, so no rates.
 */
export function stepRows(result: LeadFunnelResult, view: FunnelView): StepRow[] {
    const steps: FunnelStep[] = result[view];
    const largest = Math.max(1, ...steps.map((step) => step.count));
    return steps.map((step, index) => {
        const previous = index > 0 ? steps[index - 1] : undefined;
        if (step.stage === 'Won' && wonHidden(result)) {
            return {
                key: step.stage,
                stage: step.stage,
                label: step.label,
                countText: WON_NOT_COUNTED,
                barStyle: 'width: 0%',
                rateText: ''
            };
        }
        const rate = step.rateFromPrevious;
        let rateText = '';
        if (view === 'cohort' && previous) {
            rateText =
                rate === null || rate === undefined
                    ? `No ${previous.label} to convert`
                    : `${formatPercent(rate)} of ${previous.label}`;
        }
        return {
            key: step.stage,
            stage: step.stage,
            label: step.label,
            countText: view === 'cohort' ? plural(step.count, 'lead', 'leads') : plural(step.count, 'entry', 'entries'),
            barStyle: `width: ${((step.count / largest) * 100).toFixed(1)}%`,
            rateText
        };
    });
}

// ---- velocity, SLA, reasons, sources ---------------------------------------------------------------

export function velocityRows(result: LeadFunnelResult) {
    return result.velocity.map((velocity: StageVelocity) => ({
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
            label: bucket.label,
            count: bucket.count
        }))
    }));
}

/** Against the goal: met it, within 10 points below it, or further below. The words carry it; colour repeats. */
function goalStatus(compliance: number | null | undefined, goal: number): { text: string; className: string } {
    if (compliance === null || compliance === undefined) {
        return { text: 'No handoffs', className: 'goal goal_none' };
    }
    if (compliance >= goal) {
        return { text: 'Meets goal', className: 'goal goal_met' };
    }
    return compliance >= goal - 10
        ? { text: 'Near goal', className: 'goal goal_near' }
        : { text: 'Below goal', className: 'goal goal_below' };
}

export function slaRows(result: LeadFunnelResult, goal: number) {
    return result.sla.map((sla: StageSla) => ({
        key: sla.stage,
        stage: sla.stage,
        target:
            sla.targetHours === null || sla.targetHours === undefined
                ? NO_VALUE
                : `${sla.targetHours} business ${sla.targetHours === 1 ? 'hour' : 'hours'}`,
        met: sla.met,
        breached: sla.breached,
        overdue: sla.overdue,
        compliance: formatPercent(sla.compliancePercent),
        status: goalStatus(sla.compliancePercent, goal)
    }));
}

export function rejectionRows(result: LeadFunnelResult) {
    const largest = Math.max(1, ...result.rejectionReasons.map((reason) => reason.count));
    return result.rejectionReasons.map((reason) => ({
        key: reason.reason,
        reason: reason.reason,
        count: reason.count,
        barStyle: `width: ${((reason.count / largest) * 100).toFixed(1)}%`
    }));
}

export function sourceRows(result: LeadFunnelResult) {
    const hidden = wonHidden(result);
    return result.sources.map((source) => ({
        key: source.label,
        label: source.label,
        mql: source.mql,
        sal: source.sal,
        sqlCount: source.sqlCount,
        opportunity: source.opportunity,
        won: hidden ? NO_VALUE : String(source.won),
        mqlToSal: formatPercent(source.mqlToSalRate),
        mqlToWon: hidden ? NO_VALUE : formatPercent(source.mqlToWonRate)
    }));
}
