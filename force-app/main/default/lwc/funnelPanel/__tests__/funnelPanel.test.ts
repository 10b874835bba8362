import { atFixedNow, mockApexWire, mount, type ApexTestWireAdapter } from '../../../../../test/jest-helpers/component';
import FunnelPanel from '../funnelPanel';
import { $, $$, change, flush, panelStatus, rangeFilter, rows, texts } from '../../../../../test/jest-helpers/dom';
import getFunnel from '@salesforce/apex/LeadFunnelController.getFunnel';
import getSpeedToLead from '@salesforce/apex/LeadFunnelController.getSpeedToLead';
import { refreshApex } from '@salesforce/apex';
import { subscribe, unsubscribe } from 'lightning/messageService';
import LIVE from './data/funnelLive.json';
import PARTNER from './data/funnelPartner.json';
import ROLLUP from './data/funnelRollup.json';
import EMPTY from './data/funnelEmpty.json';
import ROLLUP_NOT_COMPUTED from './data/funnelRollupNotComputed.json';
import PREVIOUS from './data/funnelPrevious.json';
import REP from './data/funnelRep.json';
import SPEED from './data/speedToLead.json';
import SPEED_EMPTY from './data/speedToLeadEmpty.json';
import SPEED_NOT_COMPUTED from './data/speedToLeadNotComputed.json';

jest.mock('@salesforce/apex/LeadFunnelController.getFunnel', () => mockApexWire(), { virtual: true });
jest.mock('@salesforce/apex/LeadFunnelController.getSpeedToLead', () => mockApexWire(), { virtual: true });

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageReference: unknown) {
                mockNavigate(pageReference);
            }
            [GenerateUrl]() {
                return Promise.resolve('');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin };
});

const funnelAdapter = getFunnel as unknown as ApexTestWireAdapter;
const speedAdapter = getSpeedToLead as unknown as ApexTestWireAdapter;

function render(): HTMLElement {
    return mount('c-funnel-panel', FunnelPanel);
}

/** The headline tiles (c-headline-figures) at the top of the funnel. */
function headlines(element: HTMLElement): HTMLElement {
    return $(element, '.headlines c-headline-figures')!;
}

describe('c-funnel-panel', () => {
    atFixedNow();

    it('shows a spinner and asks for the last 30 days of every source until figures arrive', async () => {
        const element = render();
        await flush();

        expect(panelStatus(element)).toEqual({ loading: 'Loading the funnel' });
        expect(funnelAdapter.getLastConfig()).toEqual({
            startDate: '2026-10-28',
            endDate: '2026-11-26',
            leadSource: ''
        });
        await expect(element).toBeAccessible();
    });

    it('draws the cohort as stage bars proportional to counts, with the rate between steps', async () => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        expect(panelStatus(element).loading).toBeUndefined();
        expect(texts(element, '.funnel .section-heading')).toEqual(['Funnel: leads that became MQL in the range']);
        expect(texts(element, '.stage-count')).toEqual(['14 leads', '8 leads', '4 leads', '2 leads', '1 lead']);
        const widths = $$(element, '.stage-bar').map((bar) => bar.style.width);
        expect(widths).toEqual(['100.0%', '57.1%', '28.6%', '14.3%', '7.1%']);
        expect(texts(element, '.stage-rate')).toEqual([
            '',
            '57.1% of MQL',
            '50.0% of SAL',
            '50.0% of SQL',
            '50.0% of Opportunity'
        ]);
        // Text equivalents: the bars are hidden from screen readers, the counts and rates are text.
        expect($$(element, '.stage-bar-area').every((bar) => bar.getAttribute('aria-hidden') === 'true')).toBe(true);
        expect(texts(element, '.stage-link')[0]).toBe('MQL, open the list of leads now at MQL');
        await expect(element).toBeAccessible();
    });

    it('leads with the headline figures, compared with the period of the same length before', async () => {
        (getFunnel as unknown as jest.Mock).mockResolvedValue(PREVIOUS);
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        expect(getFunnel).toHaveBeenCalledWith({ startDate: '2026-09-25', endDate: '2026-10-24', leadSource: '' });
        expect(rows(headlines(element), '.headline')).toEqual([
            'Became MQL 14 14 leads ▲ up 3 (+27.3%) from the period before',
            'Accepted (MQL → SAL) 57.1% 8 of 14 ▼ down 6.5 pts from the period before',
            'Won (MQL → Closed Won) 7.1% 1 of 14 ▼ down 2.0 pts from the period before',
            'MQL SLA met 61.5% Goal 90% ▼ down 20.3 pts from the period before'
        ]);
        expect(texts(element, '.comparison')).toEqual([
            'Changes compare with Sep 25, 2026 – Oct 24, 2026, the period of the same length before.'
        ]);
        expect($(headlines(element), '.headline .change_up')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the figures without a comparison when the period before cannot be read', async () => {
        (getFunnel as unknown as jest.Mock).mockRejectedValue({ body: { message: 'Too many query rows' } });
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        expect($$(headlines(element), '.headline')).toHaveLength(4);
        expect($$(headlines(element), '.headline .change')).toHaveLength(0);
        expect(texts(element, '.comparison')).toEqual(['No comparison with the period before yet.']);
    });

    it('shows velocity, SLA compliance, rejection reasons and the source breakdown', async () => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        expect(rows(element, '.velocity tbody tr')).toEqual([
            'MQL 15.6 h 8–24 h 11 5 3 2 1 0',
            'SAL 35.0 h 24–40 h 4 0 1 1 2 0',
            'SQL 54.0 h 8–24 h 2 0 1 0 0 1'
        ]);
        expect(texts(element, '.velocity thead th')).toEqual([
            'Stage',
            'Average',
            'Median falls in',
            'Completed',
            'Under 8 h',
            '8–24 h',
            '24–40 h',
            '40–80 h',
            '80 h or more'
        ]);
        expect(rows(element, '.sla tbody tr')).toEqual([
            'MQL 24 business hours 8 4 1 61.5% Below goal',
            'SAL 40 business hours 3 1 1 60.0% Below goal',
            'SQL 80 business hours 1 1 1 33.3% Below goal'
        ]);
        expect(texts(element, '.sla-goal')).toEqual(['Goal: 90% of handoffs meet their SLA.']);
        expect(texts(element, '.rejection .reason')).toEqual(['Not In Target Market', 'Duplicate', 'Not Sales Ready']);
        expect(texts(element, '.rejection .reason-count')).toEqual(['3', '1', '1']);
        expect(rows(element, '.sources tbody tr')).toEqual([
            'Web 10 6 4 2 1 60.0% 10.0%',
            'Partner Referral 4 2 0 0 0 50.0% 0.0%'
        ]);
        expect(panelStatus(element).note).toBe(
            'Oct 25, 2026 – Nov 23, 2026. Live figures, computed Nov 23, 2026, 10:00 AM.'
        );
    });

    it('says Closed Won is not counted for a reader who may not read opportunities, instead of showing zeros', async () => {
        (getFunnel as unknown as jest.Mock).mockResolvedValue(REP);
        const element = render();
        funnelAdapter.emit(REP);
        await flush();

        expect(rows(headlines(element), '.headline')[2]).toBe(
            'Won (MQL → Closed Won) — Needs read access to opportunities'
        );
        expect(texts(element, '.stage-count')).toEqual(['14 leads', '8 leads', '4 leads', '2 leads', 'Not counted']);
        expect(texts(element, '.stage-rate')[4]).toBe('');
        expect($$(element, '.stage-bar').map((bar) => bar.style.width)[4]).toBe('0%');
        expect(rows(element, '.sources tbody tr')).toEqual([
            'Web 10 6 4 2 — 60.0% —',
            'Partner Referral 4 2 0 0 — 50.0% —'
        ]);
        expect(panelStatus(element).note).toBe(
            'Oct 25, 2026 – Nov 23, 2026. Live figures, computed Nov 23, 2026, 10:00 AM. Closed Won is not counted: you cannot read opportunities. Ask your admin for read access to opportunities if you need it.'
        );
        await expect(element).toBeAccessible();
    });

    it('switches to the period view: entries per stage, no conversion rates', async () => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        await change(element, '.view-toggle', 'period');

        expect(texts(element, '.funnel .section-heading')).toEqual(['Funnel: stage entries in the range']);
        expect(texts(element, '.stage-count')).toEqual([
            '14 entries',
            '9 entries',
            '4 entries',
            '2 entries',
            '1 entry'
        ]);
        expect(texts(element, '.stage-rate').filter(Boolean)).toHaveLength(0);
        expect(texts(element, '.view-description')[0]).toContain('An entry is not a conversion');
        await expect(element).toBeAccessible();
    });

    it.each([
        ['thisWeek', '2026-11-23'],
        ['last30', '2026-10-28'],
        ['last90', '2026-08-29'],
        ['thisQuarter', '2026-10-01']
    ])('asks for the %s preset ending today', async (preset, startDate) => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        await change(rangeFilter(element), '.preset-filter', preset);

        expect(funnelAdapter.getLastConfig()).toEqual({ startDate, endDate: '2026-11-26', leadSource: '' });
    });

    it('reads a custom range from two date inputs, starting from the range on screen', async () => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        await change(rangeFilter(element), '.preset-filter', 'custom');
        expect(($(rangeFilter(element), '.custom-start') as HTMLInputElement).value).toBe('2026-10-28');
        expect(($(rangeFilter(element), '.custom-end') as HTMLInputElement).value).toBe('2026-11-26');

        await change(rangeFilter(element), '.custom-start', '2026-07-01');
        await change(rangeFilter(element), '.custom-end', '2026-09-30');
        expect(funnelAdapter.getLastConfig()).toEqual({
            startDate: '2026-07-01',
            endDate: '2026-09-30',
            leadSource: ''
        });
        expect(panelStatus(element).loading).toBe('Loading the funnel');
        await expect(element).toBeAccessible();
    });

    it('explains an invalid custom range and does not query it', async () => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        await change(rangeFilter(element), '.preset-filter', 'custom');
        await change(rangeFilter(element), '.custom-start', '2026-12-01');

        expect(texts(rangeFilter(element), '.range-error')).toEqual([
            'The start date must be on or before the end date.'
        ]);
        // An undefined parameter keeps the Apex wire from calling the server.
        expect(funnelAdapter.getLastConfig()).toEqual({
            startDate: undefined,
            endDate: undefined,
            leadSource: ''
        });
        expect($(element, '.stages')).toBeNull();
        // Neither spinner, nor error, nor the figures of the range before: only the filter, which says why.
        expect($(element, 'c-panel-status')).toBeNull();
        await expect(element).toBeAccessible();

        // Back to the range it had: asked for again.
        await change(rangeFilter(element), '.custom-start', '2026-10-28');
        expect(funnelAdapter.getLastConfig()).toEqual({
            startDate: '2026-10-28',
            endDate: '2026-11-26',
            leadSource: ''
        });
        expect(panelStatus(element).loading).toBe('Loading the funnel');
    });

    it('filters by Lead Source, offering the picklist values', async () => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        const options = ($(element, '.source-filter') as unknown as { options: Array<{ value: string }> }).options;
        expect(options.map((option) => option.value)).toEqual([
            '',
            'Web',
            'Phone Inquiry',
            'Partner Referral',
            'Purchased List',
            'Other'
        ]);

        await change(element, '.source-filter', 'Partner Referral');
        expect(funnelAdapter.getLastConfig()).toEqual({
            startDate: '2026-10-28',
            endDate: '2026-11-26',
            leadSource: 'Partner Referral'
        });
        funnelAdapter.emit(PARTNER);
        await flush();
        expect(texts(element, '.stage-count')).toEqual(['4 leads', '2 leads', '0 leads', '0 leads', '0 leads']);
        expect(texts(element, '.stage-rate')).toEqual([
            '',
            '50.0% of MQL',
            '0.0% of SAL',
            'No SQL to convert',
            'No Opportunity to convert'
        ]);
    });

    it('says when figures come from daily rollups and how fresh they are', async () => {
        const element = render();
        funnelAdapter.emit(ROLLUP);
        await flush();

        expect(panelStatus(element).note).toBe(
            'Aug 26, 2026 – Nov 23, 2026. This range holds more leads than can be counted live: figures come from daily rollups, last computed Nov 22, 2026, 6:05 PM.'
        );
        await expect(element).toBeAccessible();
    });

    it('asks for the rollup job when a large range has no rollups yet', async () => {
        const element = render();
        funnelAdapter.emit(ROLLUP_NOT_COMPUTED);
        await flush();

        const status = panelStatus(element);
        expect(status.note).toContain('Ask your Salesforce admin to schedule the funnel rollup job.');
        expect(status.empty).toBeDefined();
    });

    it('shows an empty state when nothing happened in the range', async () => {
        const element = render();
        funnelAdapter.emit(EMPTY);
        await flush();

        expect(panelStatus(element).empty).toBe(
            'No lead became MQL, entered a stage or started a handoff between Oct 25, 2026 and Nov 23, 2026.'
        );
        expect($(element, '.stages')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error panel when the funnel cannot be read', async () => {
        const element = render();
        funnelAdapter.error({ message: 'The funnel could not be read: No access to Lead_SLA__c' });
        await flush();

        expect(panelStatus(element)).toEqual({ error: 'The funnel could not be loaded.' });
        expect($(element, '.stages')).toBeNull();
        await expect(element).toBeAccessible();

        // Changing a filter tries again: the spinner replaces the error until the answer arrives.
        await change(element, '.source-filter', 'Web');
        expect(panelStatus(element)).toEqual({ loading: 'Loading the funnel' });
    });

    it('opens the matching Lead list view when a stage is clicked', async () => {
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        const links = $$(element, '.stage-link');
        links[1].click();
        links[4].click();

        expect(mockNavigate).toHaveBeenNthCalledWith(1, {
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Lead', actionName: 'list' },
            state: { filterName: 'Baton_SAL_Leads' }
        });
        expect(mockNavigate).toHaveBeenNthCalledWith(2, {
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Opportunity', actionName: 'list' },
            state: { filterName: 'Baton_Won_Handoff_Opportunities' }
        });
    });

    describe('speed to lead', () => {
        it('asks for the same range and Lead Source as the funnel, and says it is reading meanwhile', async () => {
            const element = render();
            funnelAdapter.emit(LIVE);
            await flush();

            expect(speedAdapter.getLastConfig()).toEqual(funnelAdapter.getLastConfig());
            expect(texts(element, '.speed-loading')).toEqual(['Reading speed to lead…']);
            await change(element, '.source-filter', 'Web');
            expect(speedAdapter.getLastConfig()).toEqual(expect.objectContaining({ leadSource: 'Web' }));
        });

        it('shows the median and the shares within 5 minutes, 1 hour and the SLA, by Lead Source and by rep', async () => {
            const element = render();
            funnelAdapter.emit(LIVE);
            speedAdapter.emit(SPEED);
            await flush();

            const figures = $(element, '.speed-figures')!;
            expect(texts(figures, '.headline-value')).toEqual(['17 min', '37.5%', '50.0%', '57.1%']);
            expect(texts(figures, '.headline-detail')).toEqual([
                'business time, 6 of 8 MQLs touched',
                '3 of 8 MQLs',
                '4 of 8 MQLs',
                '4 of 7 MQLs with a due time'
            ]);
            expect(rows(element, '.speed-by-source tbody tr')).toEqual([
                'Web 5 4 17 min 40.0% 60.0% 60.0%',
                'Partner Referral 3 2 5 h 2 min 33.3% 33.3% 50.0%'
            ]);
            expect(rows(element, '.speed-by-rep tbody tr')).toEqual([
                'Ann Rivera 3 3 3 min 100.0% 100.0% 100.0%',
                'Bo Chen 3 3 1 h 30 min 0.0% 33.3% 33.3%',
                'Unassigned (a queue) 2 0 — 0.0% 0.0% 0.0%'
            ]);
            expect($(element, '.speed-loading')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('asks for a shorter range when there are too many handoffs to read, and says when there are none', async () => {
            const element = render();
            funnelAdapter.emit(LIVE);
            speedAdapter.emit(SPEED_NOT_COMPUTED);
            await flush();

            expect(texts(element, '.speed-not-computed')).toEqual([SPEED_NOT_COMPUTED.notComputedReason]);
            expect($(element, '.speed-figures')).toBeNull();

            speedAdapter.emit(SPEED_EMPTY);
            await flush();
            expect(texts(element, '.speed-empty')).toEqual(['No MQL handoff started in the range.']);
            expect($(element, '.speed-not-computed')).toBeNull();
        });

        it('shows its own error panel when speed to lead cannot be read, and the rest of the funnel', async () => {
            const element = render();
            funnelAdapter.emit(LIVE);
            speedAdapter.error({
                message: 'Speed to lead could not be read: No access to Lead_SLA__c.First_Touch_At__c'
            });
            await flush();

            const panels = $$(element, 'c-error-panel') as unknown as { friendlyMessage: string }[];
            expect(panels.map((panel) => panel.friendlyMessage)).toEqual(['Speed to lead could not be loaded.']);
            expect(panelStatus(element).error).toBeUndefined();
            expect($(element, '.stages')).not.toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    it('refreshes when the queue publishes a lead change, and stops listening when removed', async () => {
        const subscription = { id: 'funnel-subscription' };
        (subscribe as unknown as jest.Mock).mockReturnValue(subscription);
        const element = render();
        funnelAdapter.emit(LIVE);
        await flush();

        const subscribeMock = subscribe as unknown as jest.Mock;
        expect(subscribeMock).toHaveBeenCalledTimes(1);
        const listener = subscribeMock.mock.calls[0][2] as (message: unknown) => void;
        speedAdapter.emit(SPEED);
        await flush();
        listener({ leadIds: ['00Q000000000001AAA'], action: 'accept', source: 'leadQueue' });

        expect(refreshApex).toHaveBeenCalledTimes(2);
        expect((refreshApex as jest.Mock).mock.calls.map((call) => call[0])).toEqual([
            expect.objectContaining({ data: LIVE }),
            expect.objectContaining({ data: SPEED })
        ]);

        document.body.removeChild(element);
        expect(unsubscribe).toHaveBeenCalledWith(subscription);
    });
});
