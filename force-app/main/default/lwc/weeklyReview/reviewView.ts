/**
 * What the weekly review shows, computed from a WeeklyReviewResult: each figure against the week before and its
 * target, conversion by Lead Source, the best and worst sources and the rejections, formatted. Pure functions.
 */
import type { ReviewFigure, ReviewSource, WeeklyReviewResult } from '@salesforce/apex/WeeklyReviewController.getReview';
import { NO_VALUE, formatCount, formatInstant, formatPercent, rangeText } from 'c/batonFormat';

function formatFigure(figure: Pick<ReviewFigure, 'unit'>, value: number | null | undefined): string {
    if (value === null || value === undefined) {
        return NO_VALUE;
    }
    if (figure.unit === 'percent') {
        return formatPercent(value);
    }
    return figure.unit === 'minutes' ? `${value.toFixed(1)} min` : formatCount(value);
}

/** "▲ 25 (+8.7%)", "▼ 3.2 pts", "▼ 4.5 min"; good or bad as the figure reads (fewer minutes is better). */
function change(figure: ReviewFigure): { text: string; className: string } {
    const { value, previous } = figure;
    if (value === null || value === undefined || previous === null || previous === undefined) {
        return { text: NO_VALUE, className: 'change' };
    }
    const delta = Math.round((value - previous) * 10) / 10;
    if (delta === 0) {
        return { text: 'No change', className: 'change' };
    }
    const arrow = delta > 0 ? '▲' : '▼';
    const words = delta > 0 ? 'up' : 'down';
    let size: string;
    if (figure.unit === 'percent') {
        size = `${Math.abs(delta).toFixed(1)} pts`;
    } else if (figure.unit === 'minutes') {
        size = `${Math.abs(delta).toFixed(1)} min`;
    } else {
        const relative =
            previous > 0 ? ` (${delta > 0 ? '+' : '−'}${formatPercent(Math.abs((delta * 100) / previous))})` : '';
        size = `${formatCount(Math.abs(delta))}${relative}`;
    }
    const better = delta > 0 === figure.higherIsBetter;
    return { text: `${arrow} ${words} ${size}`, className: `change ${better ? 'change_good' : 'change_bad'}` };
}

/** Against the week's share of the monthly target. */
function againstTarget(figure: ReviewFigure): string {
    const { value, target } = figure;
    if (target === null || target === undefined || value === null || value === undefined) {
        return NO_VALUE;
    }
    if (figure.unit === 'percent') {
        return value >= target ? 'Meets target' : `${(target - value).toFixed(1)} pts below`;
    }
    return target > 0 ? `${formatPercent((value * 100) / target)} of target` : NO_VALUE;
}

export function figureRows(review: WeeklyReviewResult) {
    return review.figures.map((figure) => {
        const difference = change(figure);
        return {
            key: figure.key,
            label: figure.label,
            value: formatFigure(figure, figure.value),
            previous: formatFigure(figure, figure.previous),
            change: difference.text,
            changeClass: difference.className,
            target: formatFigure(figure, figure.target),
            againstTarget: againstTarget(figure)
        };
    });
}

export function sourceRows(review: WeeklyReviewResult) {
    return review.sources.map((source) => ({
        key: source.label,
        label: source.label,
        mqls: formatCount(source.mqls),
        previousMqls: formatCount(source.previousMqls),
        accepted: formatCount(source.accepted),
        rate: formatPercent(source.acceptedRate),
        previousRate: formatPercent(source.previousAcceptedRate)
    }));
}

function ranked(sources: ReviewSource[]) {
    return sources.map((source) => ({
        key: source.label,
        label: source.label,
        detail: `: ${formatPercent(source.acceptedRate)} accepted (${formatCount(source.accepted)} of ${formatCount(source.mqls)} MQLs)`
    }));
}

/** The best accepted sources, then the least accepted (when there are any). */
export function rankings(review: WeeklyReviewResult) {
    return [
        { key: 'top', heading: 'Best accepted', listClass: 'top-sources', sources: ranked(review.topSources) },
        { key: 'bottom', heading: 'Least accepted', listClass: 'bottom-sources', sources: ranked(review.bottomSources) }
    ].filter((ranking) => ranking.sources.length > 0);
}

export function rejectionRows(review: WeeklyReviewResult) {
    return review.rejections.map((rejection, index) => ({
        key: `${rejection.leadId ?? 'lead'}-${index}`,
        lead: rejection.leadName ?? NO_VALUE,
        company: rejection.company ?? NO_VALUE,
        leadSource: rejection.leadSource ?? NO_VALUE,
        stage: rejection.stage,
        reason: rejection.reason,
        notes: rejection.notes || 'No notes',
        notesClass: rejection.notes ? 'notes' : 'notes notes_missing',
        rep: rejection.rep ?? NO_VALUE,
        rejectedAt: formatInstant(rejection.rejectedAt),
        feedback: `${rejection.hoursToFeedback.toFixed(1)} h`,
        inTime: rejection.within48Hours ? 'Within 48 h' : 'Late',
        inTimeClass: rejection.within48Hours ? 'in-time in-time_yes' : 'in-time in-time_no'
    }));
}

export function rejectionSummary(review: WeeklyReviewResult): string {
    if (review.rejectionCount === 0) {
        return 'No handoff was rejected this week.';
    }
    const listed = review.rejections.length;
    const scope = listed < review.rejectionCount ? ` Of the first ${listed} listed:` : '';
    const rejections =
        review.rejectionCount === 1
            ? '1 handoff was rejected'
            : `${formatCount(review.rejectionCount)} handoffs were rejected`;
    return `${rejections}.${scope} ${formatCount(review.rejectionsWithNotes)} came with notes for marketing, ${formatCount(review.rejectionsWithin48Hours)} within 48 hours of the handoff (the feedback both teams agreed to give).`;
}

export function weekText(review: WeeklyReviewResult): string {
    return `Week of ${rangeText({ startDate: review.weekStart, endDate: review.weekEnd })}, compared with ${rangeText({ startDate: review.previousStart, endDate: review.previousEnd })}`;
}
