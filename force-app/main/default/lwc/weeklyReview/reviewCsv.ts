/**
 * The weekly review as a CSV file (RFC 4180: comma-separated, double quotes around values that hold a comma, a quote
 * or a line break, CRLF line endings), one section after another with a blank line between them. Numbers are written
 * plain (no thousands separator, a dot for decimals) and days as YYYY-MM-DD, so spreadsheets read them as numbers and
 * dates. Text a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return: reps' notes
 * are free text) is prefixed with an apostrophe.
 */
import type { WeeklyReviewResult } from '@salesforce/apex/WeeklyReviewController.getReview';

type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
    if (value === null || value === undefined) {
        return '';
    }
    if (typeof value !== 'string') {
        return String(value);
    }
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(values: Cell[]): string {
    return values.map(cell).join(',');
}

export function reviewCsv(review: WeeklyReviewResult): string {
    const lines: string[] = [
        line(['Baton weekly review', `${review.weekStart} to ${review.weekEnd}`]),
        line(['Compared with', `${review.previousStart} to ${review.previousEnd}`]),
        '',
        line(['Figure', 'Unit', 'Week', 'Week before', 'Target for the week'])
    ];
    for (const figure of review.figures) {
        lines.push(line([figure.label, figure.unit, figure.value, figure.previous, figure.target]));
    }
    lines.push(
        '',
        line([
            'Lead Source',
            'MQLs',
            'Accepted',
            'Won',
            'MQL to SAL %',
            'MQLs the week before',
            'MQL to SAL % the week before'
        ])
    );
    for (const source of review.sources) {
        lines.push(
            line([
                source.label,
                source.mqls,
                source.accepted,
                source.won,
                source.acceptedRate,
                source.previousMqls,
                source.previousAcceptedRate
            ])
        );
    }
    lines.push('', line(['Ranking', 'Lead Source', 'MQLs', 'MQL to SAL %']));
    for (const [ranking, sources] of [
        ['Best', review.topSources],
        ['Worst', review.bottomSources]
    ] as const) {
        for (const source of sources) {
            lines.push(line([ranking, source.label, source.mqls, source.acceptedRate]));
        }
    }
    lines.push(
        '',
        line([
            'Lead',
            'Company',
            'Lead Source',
            'Rejected from',
            'Reason',
            'Notes',
            'Rep',
            'Rejected at (UTC)',
            'Hours to feedback',
            'Within 48 hours'
        ])
    );
    for (const rejection of review.rejections) {
        lines.push(
            line([
                rejection.leadName,
                rejection.company,
                rejection.leadSource,
                rejection.stage,
                rejection.reason,
                rejection.notes,
                rejection.rep,
                rejection.rejectedAt,
                rejection.hoursToFeedback,
                rejection.within48Hours ? 'yes' : 'no'
            ])
        );
    }
    return `${lines.join('\r\n')}\r\n`;
}

/** A link target that downloads the text as a CSV file. */
export function csvHref(csv: string): string {
    return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
