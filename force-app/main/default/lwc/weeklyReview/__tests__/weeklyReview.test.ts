import { atFixedNow, mockApexWire, mount, type ApexTestWireAdapter } from '../../../../../test/jest-helpers/component';
import WeeklyReview from '../weeklyReview';
import getReview from '@salesforce/apex/WeeklyReviewController.getReview';
import type { WeeklyReviewResult } from '@salesforce/apex/WeeklyReviewController.getReview';
import { reviewCsv } from '../reviewCsv';
import { $, $$, flush, panelStatus, rows, step, texts } from '../../../../../test/jest-helpers/dom';
import REVIEW from './data/weeklyReview.json';
import EMPTY from './data/weeklyReviewEmpty.json';

jest.mock('@salesforce/apex/WeeklyReviewController.getReview', () => mockApexWire(), { virtual: true });

const reviewAdapter = getReview as unknown as ApexTestWireAdapter;

function render(): HTMLElement {
    return mount('c-weekly-review', WeeklyReview);
}

describe('c-weekly-review', () => {
    atFixedNow();

    it('asks for last week, Monday to Sunday, with a spinner until it arrives', async () => {
        const element = render();
        await flush();

        expect(reviewAdapter.getLastConfig()).toEqual({ weekStart: '2026-11-16' });
        expect(panelStatus(element)).toEqual({ loading: 'Loading the weekly review' });
        expect($(element, '.export-csv')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows each figure against the week before and the target', async () => {
        const element = render();
        reviewAdapter.emit(REVIEW);
        await flush();

        expect(texts(element, '.week-heading')).toEqual([
            'Week of Nov 16, 2026 – Nov 22, 2026, compared with Nov 9, 2026 – Nov 15, 2026'
        ]);
        expect(rows(element, '.figure-table tbody tr')).toEqual([
            'Leads in 312 287 ▲ up 25 (+8.7%) — —',
            'MQLs 78 84 ▼ down 6 (−7.1%) 84 92.9% of target',
            'MQLs responded to within 5 minutes 41.0% 35.7% ▲ up 5.3 pts — —',
            'MQLs touched within the SLA 88.5% 91.7% ▼ down 3.2 pts 90.0% 1.5 pts below',
            'Median minutes to first touch 9.5 min 14.0 min ▼ down 4.5 min — —',
            'MQLs accepted by sales 64.1% 58.3% ▲ up 5.8 pts — —'
        ]);
        // Fewer minutes to the first touch is better: the fall reads as good.
        expect($$(element, '.figure-table .change_good').map((node) => node.textContent)).toEqual([
            '▲ up 25 (+8.7%)',
            '▲ up 5.3 pts',
            '▼ down 4.5 min',
            '▲ up 5.8 pts'
        ]);
        await expect(element).toBeAccessible();
    });

    it('lists conversion by source, the best and the worst sources', async () => {
        const element = render();
        reviewAdapter.emit(REVIEW);
        await flush();

        expect(rows(element, '.source-table tbody tr')[0]).toBe('Web 26 19 73.1% 30 63.3%');
        expect(texts(element, '.top-sources li')).toEqual([
            'Trade Show: 75.0% accepted (9 of 12 MQLs)',
            'Web: 73.1% accepted (19 of 26 MQLs)',
            'Webinar: 70.6% accepted (12 of 17 MQLs)'
        ]);
        expect(texts(element, '.bottom-sources li')[0]).toBe('Paid Search: 30.0% accepted (3 of 10 MQLs)');
    });

    it("lists the week's rejections with the reps' notes and whether feedback came within 48 hours", async () => {
        const element = render();
        reviewAdapter.emit(REVIEW);
        await flush();

        expect(texts(element, '.rejection-summary')).toEqual([
            '3 handoffs were rejected. 2 came with notes for marketing, 2 within 48 hours of the handoff (the feedback both teams agreed to give).'
        ]);
        const rejections = rows(element, '.rejection-table tbody tr');
        expect(rejections[0]).toContain(
            'Paid Search Not In Target Market Based in Brazil; we do not sell there yet. Jordan Lee'
        );
        expect(rejections[2]).toContain('No notes');
        expect(texts(element, '.in-time')).toEqual(['Within 48 h', 'Within 48 h', 'Late']);
    });

    it('exports everything as a CSV file named after the week', async () => {
        const element = render();
        reviewAdapter.emit(REVIEW);
        await flush();

        const link = $(element, '.export-csv') as HTMLAnchorElement;
        expect(link.getAttribute('download')).toBe('baton-weekly-review-2026-11-16.csv');
        const csv = decodeURIComponent(link.getAttribute('href')!.replace('data:text/csv;charset=utf-8,', ''));
        expect(csv).toBe(reviewCsv(REVIEW as WeeklyReviewResult));
    });

    it('prints the page', async () => {
        const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
        const element = render();
        reviewAdapter.emit(REVIEW);
        await flush();

        $(element, '.print-button')!.click();
        expect(print).toHaveBeenCalled();
    });

    it('moves a week back and forth', async () => {
        const element = render();
        reviewAdapter.emit(REVIEW);
        await flush();

        await step(element, 'previous');
        expect(reviewAdapter.getLastConfig()).toEqual({ weekStart: '2026-11-09' });
        await step(element, 'next');
        await step(element, 'next');
        expect(reviewAdapter.getLastConfig()).toEqual({ weekStart: '2026-11-23' });
    });

    it('says when the week had no MQL, no ranking and no rejection', async () => {
        const element = render();
        reviewAdapter.emit(EMPTY);
        await flush();

        expect(texts(element, '.no-sources')).toEqual(['No lead became MQL this week.']);
        expect(texts(element, '.no-ranking')).toEqual(['No source had 3 MQLs or more this week.']);
        expect(texts(element, '.rejection-summary')).toEqual(['No handoff was rejected this week.']);
        expect(rows(element, '.figure-table tbody tr')[2]).toBe('MQLs accepted by sales — — — — —');
        await expect(element).toBeAccessible();
    });

    it('shows the error panel when the review cannot be read', async () => {
        const element = render();
        reviewAdapter.error({ message: 'The weekly review could not be read: No such column MQL_Date__c.' });
        await flush();

        expect(panelStatus(element)).toEqual({ error: 'The weekly review could not be loaded.' });
        await expect(element).toBeAccessible();
    });
});

describe('weekly review CSV', () => {
    const csv = reviewCsv(REVIEW as WeeklyReviewResult);
    const lines = csv.split('\r\n');

    it('writes the sections one after another, numbers plain, with CRLF line endings', () => {
        expect(lines[0]).toBe('Baton weekly review,2026-11-16 to 2026-11-22');
        expect(lines[4]).toBe('Leads in,count,312,287,');
        expect(lines[5]).toBe('MQLs,count,78,84,84');
        expect(lines).toContain('Web,26,19,1,73.1,30,63.3');
        expect(lines).toContain('Best,Trade Show,12,75');
        expect(csv.endsWith('\r\n')).toBe(true);
    });

    it('quotes commas and quotes, and defuses notes a spreadsheet would run as a formula', () => {
        const rejection = lines.find((line) => line.startsWith('Mateo Silva'));
        expect(rejection).toBe(
            `Mateo Silva,Brightline Retail,Paid Search,MQL,Competitor Or Student,"'=HYPERLINK(""http://example.com"") student project, not a buyer",Jordan Lee,2026-11-17T15:05:00.000Z,22.8,yes`
        );
        expect(lines.find((line) => line.startsWith('Priya Raman'))).toContain(
            ',Based in Brazil; we do not sell there yet.,'
        );
    });
});
