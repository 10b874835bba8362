/**
 * Every state the preview shows, served from the components' Jest fixtures: what each Apex method answers,
 * and the clicks that bring the component there (open the reject modal, accept a selection that partly
 * fails). `ready` names the element whose presence says the state is on screen; the browser tests wait
 * for it, then check the page.
 */
import { apexError } from 'preview/scenario';
import type { ApexAnswer, ApexParams } from 'preview/scenario';
import salPage from '../../../../force-app/main/default/lwc/leadQueue/__tests__/data/salPage.json';
import emptyPage from '../../../../force-app/main/default/lwc/leadQueue/__tests__/data/emptyPage.json';
import mqlPage from '../../../../force-app/main/default/lwc/leadQueue/__tests__/data/mqlPage.json';
import queueLoadError from '../../../../force-app/main/default/lwc/leadQueue/__tests__/data/queueLoadError.json';
import acceptPartialFailure from '../../../../force-app/main/default/lwc/leadQueue/__tests__/data/acceptPartialFailure.json';
import rejectionReasons from '../../../../force-app/main/default/lwc/leadRejectModal/__tests__/data/rejectionReasons.json';
import funnelLive from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/funnelLive.json';
import funnelPrevious from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/funnelPrevious.json';
import funnelRep from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/funnelRep.json';
import funnelRollup from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/funnelRollup.json';
import funnelRollupNotComputed from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/funnelRollupNotComputed.json';
import funnelEmpty from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/funnelEmpty.json';
import speedToLead from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/speedToLead.json';
import speedToLeadEmpty from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/speedToLeadEmpty.json';
import speedToLeadNotComputed from '../../../../force-app/main/default/lwc/funnelPanel/__tests__/data/speedToLeadNotComputed.json';
import { PENDING, answerWith, failWith, today } from './answers';
import { click, waitFor } from './dom';
import type { Root } from './dom';
import { firstPage } from './leads';
import { LEADER_STATES } from './leaderStates';

export type PreviewComponent = 'queue' | 'funnel' | 'revenue' | 'targets' | 'review';

export interface PreviewState {
    id: string;
    component: PreviewComponent;
    label: string;
    /** One sentence: what the state shows and where its data comes from. */
    description: string;
    answers: Record<string, ApexAnswer>;
    /** Clicks that bring the mounted component into the state; paths start at the roots given. */
    act?: (roots: Root[]) => Promise<void>;
    /** Path of an element that exists once the state is shown (see dom.ts). */
    ready: string[];
}

const QUEUE = ['c-lead-queue'];
const TABLE = [...QUEUE, 'c-lead-queue-table'];
const FUNNEL = ['c-funnel-panel'];

const QUEUE_PAGE = firstPage(57, 25);

/** The MQL page or the SAL page, as the view asks. */
function queueByStage(mql: unknown): ApexAnswer {
    return (params: ApexParams) => Promise.resolve(params.stage === 'SAL' ? salPage : mql);
}

/** Every lead sent succeeds, moving to the stage the action leads to. */
function succeed(stageAfter: (params: ApexParams) => string): ApexAnswer {
    return (params: ApexParams) =>
        Promise.resolve(
            (params.leadIds as string[]).map((leadId) => ({
                leadId,
                success: true,
                lifecycleStage: stageAfter(params)
            }))
        );
}

const ACTIONS_SUCCEED: Record<string, ApexAnswer> = {
    'LeadQueueController.getRejectionReasons': answerWith(rejectionReasons),
    'LeadQueueController.acceptLeads': succeed(() => 'SAL'),
    'LeadQueueController.rejectLeads': succeed((params) => {
        return params.disposition === 'Recycle' ? 'Recycled' : 'Disqualified';
    }),
    'LeadQueueController.qualifyLeads': succeed(() => 'SQL')
};

const QUEUE_ANSWERS: Record<string, ApexAnswer> = {
    ...ACTIONS_SUCCEED,
    'LeadQueueController.getQueuePage': queueByStage(QUEUE_PAGE)
};

/**
 * Preset ranges end today; the comparison range ends before the range starts. Speed to lead is read beside
 * the funnel, for the range on screen only.
 */
function funnelAnswer(current: unknown, speed: unknown = speedToLead): Record<string, ApexAnswer> {
    return {
        'LeadFunnelController.getFunnel': (params: ApexParams) =>
            Promise.resolve(String(params.endDate) < today() ? funnelPrevious : current),
        'LeadFunnelController.getSpeedToLead': answerWith(speed)
    };
}

/** Grace Hopper (mqlPage.json) fails an acceptance check that suggests a rejection reason. */
const GRACE = '00Q000000000002AAA';

function rowControl(leadId: string, control: string): string[] {
    return [...TABLE, `${control}[data-lead-id="${leadId}"]`];
}

export const STATES: PreviewState[] = [
    {
        id: 'queue-loading',
        component: 'queue',
        label: 'Queue: loading',
        description: 'The first page has not arrived yet.',
        answers: { 'LeadQueueController.getQueuePage': PENDING },
        ready: [...QUEUE, 'lightning-spinner']
    },
    {
        id: 'queue-mql',
        component: 'queue',
        label: 'Queue: MQLs to accept',
        description:
            'The first page of 25 of 57 waiting MQLs, most urgent SLA first (mqlPage.json and generated leads).',
        answers: QUEUE_ANSWERS,
        ready: [...TABLE, 'tr.lead-row']
    },
    {
        id: 'queue-small',
        component: 'queue',
        label: 'Queue: four MQLs',
        description: 'The four MQLs of mqlPage.json, most urgent first; accepting and rejecting succeed.',
        answers: { ...ACTIONS_SUCCEED, 'LeadQueueController.getQueuePage': answerWith(firstPage(4, 50)) },
        ready: [...TABLE, 'tr.lead-row']
    },
    {
        id: 'queue-deep',
        component: 'queue',
        label: 'Queue: 2,000 waiting',
        description:
            'The first page of 2,000 waiting MQLs, as many as the page size asks for (the UI benchmark measures it).',
        answers: {
            'LeadQueueController.getQueuePage': (params: ApexParams) =>
                Promise.resolve(firstPage(2000, Number(params.pageSize)))
        },
        ready: [...TABLE, 'tr.lead-row:last-child c-sla-clock-badge']
    },
    {
        id: 'queue-details',
        component: 'queue',
        label: 'Queue: details row open',
        description:
            'A lead that fails an acceptance check, with its details row open: the failing check and why it is an MQL.',
        answers: QUEUE_ANSWERS,
        act: (roots) => click(roots, rowControl(GRACE, '.details-toggle')),
        ready: [...TABLE, 'tr.detail-row c-lead-rule-list']
    },
    {
        id: 'queue-sal',
        component: 'queue',
        label: 'Queue: SALs to qualify',
        description: 'The accepted leads still to qualify (salPage.json).',
        answers: QUEUE_ANSWERS,
        act: async (roots) => {
            await waitFor(roots, [...TABLE, 'tr.lead-row']);
            await click(roots, [...QUEUE, '.stage-toggle', 'input[value="SAL"]']);
        },
        ready: [...TABLE, 'tr.lead-row .qualify-button']
    },
    {
        id: 'queue-empty',
        component: 'queue',
        label: 'Queue: empty',
        description: 'Nothing waiting (emptyPage.json).',
        answers: { 'LeadQueueController.getQueuePage': answerWith(emptyPage) },
        ready: [...QUEUE, '.empty-message']
    },
    {
        id: 'queue-error',
        component: 'queue',
        label: 'Queue: cannot load',
        description: 'The controller refused the page (queueLoadError.json); details open.',
        answers: { 'LeadQueueController.getQueuePage': failWith(queueLoadError) },
        act: (roots) => click(roots, [...QUEUE, '.queue-error c-error-panel', '.details-toggle']),
        ready: [...QUEUE, '.queue-error c-error-panel', '.error-details']
    },
    {
        id: 'queue-partial-failure',
        component: 'queue',
        label: 'Queue: bulk accept partly failed',
        description:
            'Three leads accepted at once; two fail, one accepted by someone else first (acceptPartialFailure.json).',
        answers: {
            'LeadQueueController.getQueuePage': answerWith(mqlPage),
            'LeadQueueController.acceptLeads': answerWith(acceptPartialFailure)
        },
        act: async (roots) => {
            for (const leadId of ['00Q000000000001AAA', '00Q000000000003AAA', '00Q000000000004AAA']) {
                // Each selection re-renders the table: select one lead at a time.
                // eslint-disable-next-line no-await-in-loop
                await click(roots, [...TABLE, `input[data-lead-id="${leadId}"]`]);
            }
            await click(roots, [...QUEUE, 'c-lead-queue-bulk-bar', '.bulk-accept']);
        },
        ready: [...QUEUE, 'c-lead-action-results', '.failed-lead']
    },
    {
        id: 'queue-reject-modal',
        component: 'queue',
        label: 'Queue: reject modal open',
        description: 'Rejecting a lead whose failing check suggests a reason (rejectionReasons.json).',
        answers: QUEUE_ANSWERS,
        act: (roots) => click(roots, rowControl(GRACE, '.reject-button')),
        // LightningModal.open() renders the modal as <lightning-modal> in the page's overlay container.
        ready: ['lightning-overlay-container', 'lightning-modal-base', 'lightning-modal', 'lightning-combobox']
    },
    {
        id: 'funnel-loading',
        component: 'funnel',
        label: 'Funnel: loading',
        description: 'The funnel has not arrived yet.',
        answers: { 'LeadFunnelController.getFunnel': PENDING, 'LeadFunnelController.getSpeedToLead': PENDING },
        ready: [...FUNNEL, 'c-panel-status', 'lightning-spinner']
    },
    {
        id: 'funnel-live',
        component: 'funnel',
        label: 'Funnel: live, cohort',
        description:
            'Counted live, compared with the 30 days before, with speed to lead (funnelLive.json, funnelPrevious.json, speedToLead.json).',
        answers: funnelAnswer(funnelLive),
        ready: [...FUNNEL, '.speed-by-rep']
    },
    {
        id: 'funnel-rep',
        component: 'funnel',
        label: 'Funnel: a rep without access to opportunities',
        description:
            'Counted live for a reader who may not read opportunities: Closed Won is not counted, and the panel says why (funnelRep.json).',
        answers: funnelAnswer(funnelRep),
        ready: [...FUNNEL, '.speed-by-rep']
    },
    {
        id: 'funnel-speed-too-many',
        component: 'funnel',
        label: 'Funnel: speed to lead over a range too large',
        description:
            'Speed to lead asks for a shorter range when it has more handoffs than one request may read (speedToLeadNotComputed.json).',
        answers: funnelAnswer(funnelLive, speedToLeadNotComputed),
        ready: [...FUNNEL, '.speed-not-computed']
    },
    {
        id: 'funnel-period',
        component: 'funnel',
        label: 'Funnel: live, period view',
        description: 'Stage entries in the range rather than the cohort (funnelLive.json).',
        answers: funnelAnswer(funnelLive),
        act: async (roots) => {
            await waitFor(roots, [...FUNNEL, '.stage-link']);
            await click(roots, [...FUNNEL, '.view-toggle', 'input[value="period"]']);
        },
        ready: [...FUNNEL, '.is-period-view .stage-link']
    },
    {
        id: 'funnel-rollup',
        component: 'funnel',
        label: 'Funnel: from daily rollups',
        description: 'A range too large to count live, read from the daily rollups (funnelRollup.json).',
        answers: funnelAnswer(funnelRollup),
        ready: [...FUNNEL, '.stage-link']
    },
    {
        id: 'funnel-rollup-pending',
        component: 'funnel',
        label: 'Funnel: rollups not computed yet',
        description: 'A range too large to count live, before the rollup job ran (funnelRollupNotComputed.json).',
        answers: funnelAnswer(funnelRollupNotComputed),
        ready: [...FUNNEL, 'c-panel-status', '.empty']
    },
    {
        id: 'funnel-empty',
        component: 'funnel',
        label: 'Funnel: nothing in the range',
        description: 'No lead became MQL in the range (funnelEmpty.json).',
        answers: funnelAnswer(funnelEmpty, speedToLeadEmpty),
        ready: [...FUNNEL, 'c-panel-status', '.empty']
    },
    {
        id: 'funnel-error',
        component: 'funnel',
        label: 'Funnel: cannot load',
        description: 'The controller refused the range.',
        answers: {
            'LeadFunnelController.getFunnel': failWith(
                apexError('The funnel could not be read: No such column Lead_SLA__c.Business_Hours_Elapsed__c.')
            ),
            'LeadFunnelController.getSpeedToLead': answerWith(speedToLead)
        },
        ready: [...FUNNEL, 'c-panel-status', 'c-error-panel']
    },
    ...LEADER_STATES
];

export function stateById(id: string | null): PreviewState {
    return STATES.find((state) => state.id === id) ?? STATES[1];
}
