import { atFixedNow, mockApexWire, mount, type ApexTestWireAdapter } from '../../../../../test/jest-helpers/component';
import TeamTargets from '../teamTargets';
import getTargets from '@salesforce/apex/TeamTargetController.getTargets';
import saveTarget from '@salesforce/apex/TeamTargetController.saveTarget';
import getHistory from '@salesforce/apex/TeamTargetController.getHistory';
import { refreshApex } from '@salesforce/apex';
import {
    $,
    $$,
    change,
    flush,
    panelStatus,
    periodLabel,
    rows,
    step,
    texts
} from '../../../../../test/jest-helpers/dom';
import CURRENT from './data/targetsCurrent.json';
import PAST from './data/targetsPast.json';
import NOT_SET from './data/targetsNotSet.json';
import HISTORY from './data/targetHistory.json';

jest.mock('@salesforce/apex/TeamTargetController.getTargets', () => mockApexWire(), { virtual: true });
jest.mock('@salesforce/apex/TeamTargetController.saveTarget', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TeamTargetController.getHistory', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const targetsAdapter = getTargets as unknown as ApexTestWireAdapter;
const saveMock = saveTarget as unknown as jest.Mock;
const historyMock = getHistory as unknown as jest.Mock;

function render(): HTMLElement {
    return mount('c-team-targets', TeamTargets);
}

async function click(element: HTMLElement, selector: string): Promise<void> {
    $(element, selector)!.click();
    await flush();
}

describe('c-team-targets', () => {
    atFixedNow();

    it('asks for this month of everyone, with a spinner until the targets arrive', async () => {
        const element = render();
        await flush();

        expect(panelStatus(element)).toEqual({ loading: 'Loading the targets' });
        expect(targetsAdapter.getLastConfig()).toEqual({ month: '2026-11-01', team: '' });
        expect(periodLabel(element)).toBe('November 2026');
        await expect(element).toBeAccessible();
    });

    it('shows each target against the actual with the pace to date', async () => {
        const element = render();
        targetsAdapter.emit(CURRENT);
        await flush();

        expect(texts(element, '.range')[0]).toBe(
            'Everyone, Nov 1, 2026 – Nov 30, 2026. Day 26 of 30: pace compares each actual with 26/30 of its target; ' +
                'the projection continues the month at the same daily rate. Shares of MQLs are compared with their target directly.'
        );
        expect(texts(element, '.metric')[1]).toBe('MQLs');
        expect(texts(element, '.detail')[1]).toBe('Set by Maya Chen, Nov 3, 2026, 7:40 AM: Two new SDRs from November');
        const targets = rows(element, '.targets-table tbody tr');
        expect(targets[0]).toContain('1,200 1,046 1,040 100.6% 1,207 On pace');
        expect(targets[1]).toContain('360 288 312 92.3% 332 Behind');
        expect(targets[2]).toContain('90.0% 93.1% — — — On pace');
        expect(targets[5]).toContain('$450,000 $371,251 $390,000 95.2% $428,366 Behind');
        expect($$(element, '.status_bad').map((node) => node.textContent)).toEqual(['Behind', 'Behind', 'Behind']);
        expect($$(element, '.set-button')).toHaveLength(6);
        expect($$(element, '.history-button')).toHaveLength(6);
        await expect(element).toBeAccessible();
    });

    it('a past month is met or missed, without pace', async () => {
        const element = render();
        targetsAdapter.emit(CURRENT);
        await flush();
        await step(element, 'previous');

        expect(targetsAdapter.getLastConfig()).toEqual({ month: '2026-10-01', team: '' });
        targetsAdapter.emit(PAST);
        await flush();
        expect(texts(element, '.range')[0]).toContain('The month is over');
        expect(rows(element, '.targets-table tbody tr')[1]).toContain('330 318 — — — Missed');
        expect(rows(element, '.targets-table tbody tr')[3]).toContain('— 129 — — — No target');
    });

    it('sets a new target with a note, then refreshes and confirms', async () => {
        saveMock.mockResolvedValue(undefined);
        const element = render();
        targetsAdapter.emit(CURRENT);
        await flush();

        $$(element, '.set-button')[1].click();
        await flush();
        expect(texts(element, '.target-form .section-heading')).toEqual([
            'New MQLs target for November 2026, Everyone'
        ]);
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        await change(element, '.target-input', '400');
        await change(element, '.note-input', 'Trade show in November');
        await click(element, '.save-button');
        await flush();

        expect(saveMock).toHaveBeenCalledWith({
            team: '',
            month: '2026-11-01',
            metric: 'MQLs',
            target: 400,
            note: 'Trade show in November'
        });
        expect(refreshApex).toHaveBeenCalled();
        expect(toast.mock.calls[0][0].detail).toEqual({
            title: 'Target set',
            message: 'The new MQLs target is in force; the one before stays in its history.',
            variant: 'success'
        });
        expect($(element, '.target-form')).toBeNull();
    });

    it('keeps the form open with the reason when the target is refused', async () => {
        saveMock.mockRejectedValue({ body: { message: 'A share of MQLs is a percentage: enter 100 or less.' } });
        const element = render();
        targetsAdapter.emit(CURRENT);
        await flush();

        $$(element, '.set-button')[2].click();
        await flush();
        await change(element, '.target-input', '95');
        await click(element, '.save-button');
        await flush();

        expect(panelStatus(element, '.target-form c-panel-status')).toEqual({
            error: 'The target could not be set.'
        });
        expect($(element, '.target-form')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('opens the history of a target, newest version first', async () => {
        historyMock.mockResolvedValue(HISTORY);
        const element = render();
        targetsAdapter.emit(CURRENT);
        await flush();

        $$(element, '.history-button')[1].click();
        await flush();

        expect(historyMock).toHaveBeenCalledWith({ team: '', month: '2026-11-01', metric: 'MQLs' });
        expect(texts(element, '.history .section-heading')).toEqual(['History of the MQLs target, November 2026']);
        expect(rows(element, '.history-table tbody tr')).toEqual([
            '360 In force Maya Chen Nov 3, 2026, 7:40 AM Two new SDRs from November',
            '300 Replaced Maya Chen Oct 28, 2026, 9:03 AM Q4 plan'
        ]);
        await expect(element).toBeAccessible();
        await click(element, '.close-history');
        expect($(element, '.history')).toBeNull();
    });

    it('shows a spinner while the history loads, and the error panel when it cannot be read', async () => {
        historyMock.mockReturnValue(new Promise(() => undefined));
        const element = render();
        targetsAdapter.emit(CURRENT);
        await flush();

        $$(element, '.history-button')[1].click();
        await flush();
        expect(panelStatus(element, '.history c-panel-status')).toEqual({ loading: 'Loading the history' });
        await expect(element).toBeAccessible();

        historyMock.mockRejectedValue({ body: { message: 'You cannot read the history of this target.' } });
        await click(element, '.close-history');
        $$(element, '.history-button')[1].click();
        await flush();
        expect(panelStatus(element, '.history c-panel-status')).toEqual({ error: 'The history could not be loaded.' });
        expect(panelStatus(element)).toEqual({});
        await expect(element).toBeAccessible();
    });

    it('a reader who cannot set targets sees no Set button, and why an actual is missing', async () => {
        const element = render();
        targetsAdapter.emit(NOT_SET);
        await flush();

        expect($$(element, '.set-button')).toHaveLength(0);
        expect(texts(element, '.detail')[5]).toBe('You cannot read opportunity amounts.');
        expect(rows(element, '.targets-table tbody tr')[5]).toContain('— — — — — Not available');
        expect(rows(element, '.targets-table tbody tr')[0]).toContain('— 412 — — 475 No target');
    });

    it('shows another team when chosen, and the error panel when the targets cannot be read', async () => {
        const element = render();
        targetsAdapter.emit(CURRENT);
        await flush();
        await change(element, '.team-filter', 'SDR_Team');
        expect(targetsAdapter.getLastConfig()).toEqual({ month: '2026-11-01', team: 'SDR_Team' });

        targetsAdapter.error({ message: 'No public group or queue is named SDR_Team. Choose another team.' });
        await flush();
        expect(panelStatus(element)).toEqual({ error: 'The targets could not be loaded.' });
        await expect(element).toBeAccessible();
    });
});
