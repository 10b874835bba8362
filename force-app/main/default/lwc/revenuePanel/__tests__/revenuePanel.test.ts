import { atFixedNow, mockApexWire, mount, type ApexTestWireAdapter } from '../../../../../test/jest-helpers/component';
import RevenuePanel from '../revenuePanel';
import getRevenue from '@salesforce/apex/RevenueController.getRevenue';
import { $, $$, change, flush, panelStatus, rangeFilter, rows, texts } from '../../../../../test/jest-helpers/dom';
import BATON from './data/revenueBaton.json';
import SALESFORCE from './data/revenueSalesforce.json';
import EMPTY from './data/revenueEmpty.json';
import NOT_COMPUTED from './data/revenueNotComputed.json';

jest.mock('@salesforce/apex/RevenueController.getRevenue', () => mockApexWire(), { virtual: true });

const revenueAdapter = getRevenue as unknown as ApexTestWireAdapter;

function render(): HTMLElement {
    return mount('c-revenue-panel', RevenuePanel);
}

describe('c-revenue-panel', () => {
    atFixedNow();

    it('shows a spinner and asks for this quarter under the default model', async () => {
        const element = render();
        await flush();

        expect(panelStatus(element)).toEqual({ loading: 'Loading revenue' });
        expect(revenueAdapter.getLastConfig()).toEqual({ startDate: '2026-10-01', endDate: '2026-11-26', model: '' });
        await expect(element).toBeAccessible();
    });

    it("leads with revenue, pipeline, deal size and win rate, and says the credits are Baton's", async () => {
        const element = render();
        revenueAdapter.emit(BATON);
        await flush();

        expect(panelStatus(element).loading).toBeUndefined();
        expect(rows($(element, '.headlines c-headline-figures')!, '.headline')).toEqual([
            'Won revenue $590,000 42 won deals',
            'Pipeline $265,500 21 open deals',
            'Average deal size $14,047.62 won revenue ÷ won deals',
            'Win rate 57.5% 42 won of 73 closed'
        ]);
        expect(panelStatus(element).note).toBe(
            "Oct 1, 2026 – Nov 26, 2026. Credits come from Baton's attribution models, computed by its nightly job " +
                'from the campaign responses of converted leads and their contacts, last computed Nov 26, 2026, 2:00 AM.'
        );
        await expect(element).toBeAccessible();
    });

    it('lists each campaign with its cost, MQLs, revenue and return; the uncredited share last', async () => {
        const element = render();
        revenueAdapter.emit(BATON);
        await flush();

        expect(texts(element, '.campaigns .section-heading')).toEqual(['By campaign: Position-based (40/20/40)']);
        const campaigns = rows(element, '.campaign-table tbody tr');
        expect(campaigns[0]).toBe(
            'Pipeline Summit 2026 Conference $48,000 62 $184,200 $95,300 9 $774.19 $5,333.33 283.8%'
        );
        expect(campaigns[3]).toBe(
            'Pricing Page Retargeting Advertisement $22,000 31 $20,100 $18,750 3 $709.68 $7,333.33 -8.6%'
        );
        expect(campaigns[4]).toBe('Partner Referral Program Referral Program — 18 $96,400 $12,000 4 — — —');
        expect(campaigns[campaigns.length - 1]).toBe('No campaign — — 0 $12,450 $5,000 1 — — —');
        expect($$(element, '.campaign-table .roi_loss').map((node) => node.textContent)).toEqual(['-8.6%', '-100.0%']);
        expect(rows(element, '.channel-table tbody tr')[0]).toBe(
            'Conference 1 $48,000 62 $184,200 $95,300 9 $774.19 $5,333.33 283.8%'
        );
    });

    it('compares every model side by side and lists Lead Sources', async () => {
        const element = render();
        revenueAdapter.emit(BATON);
        await flush();

        expect(texts(element, '.section-heading')).toEqual([
            'By campaign: Position-based (40/20/40)',
            'By channel (Campaign Type)',
            'Won revenue by model',
            'By Lead Source'
        ]);
        expect(texts(element, '.models .note')).toEqual([
            'The same won revenue, credited to each campaign under every model.'
        ]);
        expect(texts(element, '.model-table caption')).toEqual([
            'Won revenue credited to each campaign under each model'
        ]);
        expect(texts(element, '.model-table thead th')).toEqual([
            'Campaign',
            'Position-based (40/20/40)',
            'First touch',
            'Last touch before MQL',
            'Last touch before opportunity',
            'Even (linear)',
            'Primary Campaign Source'
        ]);
        expect(rows(element, '.model-table tbody tr')[0]).toBe(
            'Pipeline Summit 2026 $184,200 $212,000 $171,500 $160,300 $178,900 $201,000'
        );
        expect(rows(element, '.source-table tbody tr')[0]).toBe('Trade Show $201,000 $95,300 10 7 $20,100.00 58.8%');
    });

    it('asks for another model when one is chosen', async () => {
        const element = render();
        revenueAdapter.emit(BATON);
        await flush();
        const modelFilter = $(element, '.model-filter') as HTMLElement & { disabled: boolean };
        expect(modelFilter.disabled).toBe(false);

        await change(element, '.model-filter', 'First_Touch');

        expect(revenueAdapter.getLastConfig()).toEqual({
            startDate: '2026-10-01',
            endDate: '2026-11-26',
            model: 'First_Touch'
        });
        expect(panelStatus(element)).toEqual({ loading: 'Loading revenue' });
        // One model at a time: the picker waits for the figures it asked for.
        expect(modelFilter.disabled).toBe(true);
        expect($(element, 'c-headline-figures')).toBeNull();
    });

    it('says when the credits are read from Salesforce Campaign Influence, and from which model', async () => {
        const element = render();
        revenueAdapter.emit(SALESFORCE);
        await flush();

        expect(panelStatus(element).note).toContain(
            'Credits come from Salesforce Customizable Campaign Influence, model “Even Split Model”'
        );
        expect(texts(element, '.model-table thead th')).toEqual([
            'Campaign',
            'Salesforce Campaign Influence',
            'Primary Campaign Source'
        ]);
        await expect(element).toBeAccessible();
    });

    it('says when nothing closed in the range, and when the nightly job has not run', async () => {
        const element = render();
        revenueAdapter.emit(EMPTY);
        await flush();
        expect(panelStatus(element).empty).toBe(
            'No opportunity created by converting a lead closed, or was opened and is still open, between Oct 1, 2026 and Nov 26, 2026.'
        );
        expect($(element, 'c-headline-figures')).toBeNull();

        revenueAdapter.emit(NOT_COMPUTED);
        await flush();
        expect(panelStatus(element).note).toContain('The job has not computed this range yet');
        await expect(element).toBeAccessible();
    });

    it('shows the error panel when the controller refuses, and a range error without asking', async () => {
        const element = render();
        revenueAdapter.error({
            message:
                'Revenue and campaign influence are computed nightly from every opportunity, so only managers and admins read them.'
        });
        await flush();
        expect(panelStatus(element)).toEqual({ error: 'Revenue could not be loaded.' });
        await expect(element).toBeAccessible();

        await change(rangeFilter(element), '.preset-filter', 'custom');
        await change(rangeFilter(element), '.custom-start', '2026-11-30');
        expect(texts(rangeFilter(element), '.range-error')).toEqual([
            'The start date must be on or before the end date.'
        ]);
        expect(revenueAdapter.getLastConfig()).toEqual({ startDate: undefined, endDate: undefined, model: '' });
        expect($(element, 'c-panel-status')).toBeNull();
    });
});
