/**
 * The preview states of the leaders' panels: revenue and campaign influence, team commitments and the weekly review,
 * served from their Jest fixtures.
 */
import { apexError } from 'preview/scenario';
import type { ApexAnswer, ApexParams } from 'preview/scenario';
import revenueBaton from '../../../../force-app/main/default/lwc/revenuePanel/__tests__/data/revenueBaton.json';
import revenueSalesforce from '../../../../force-app/main/default/lwc/revenuePanel/__tests__/data/revenueSalesforce.json';
import revenueNotComputed from '../../../../force-app/main/default/lwc/revenuePanel/__tests__/data/revenueNotComputed.json';
import targetsCurrent from '../../../../force-app/main/default/lwc/teamTargets/__tests__/data/targetsCurrent.json';
import targetsPast from '../../../../force-app/main/default/lwc/teamTargets/__tests__/data/targetsPast.json';
import targetsNotSet from '../../../../force-app/main/default/lwc/teamTargets/__tests__/data/targetsNotSet.json';
import targetHistory from '../../../../force-app/main/default/lwc/teamTargets/__tests__/data/targetHistory.json';
import weeklyReview from '../../../../force-app/main/default/lwc/weeklyReview/__tests__/data/weeklyReview.json';
import weeklyReviewEmpty from '../../../../force-app/main/default/lwc/weeklyReview/__tests__/data/weeklyReviewEmpty.json';
import { PENDING, answerWith, failWith, today } from './answers';
import { click } from './dom';
import type { PreviewState } from './states';

const REVENUE = ['c-revenue-panel'];
const TARGETS = ['c-team-targets'];
const REVIEW = ['c-weekly-review'];

/** This month's first day in the time zone the components read dates in. */
function thisMonth(): string {
    return `${today().slice(0, 8)}01`;
}

/** The current month's targets, the month before's when the panel moves back. */
const TARGETS_BY_MONTH: ApexAnswer = (params: ApexParams) =>
    Promise.resolve(String(params.month) < thisMonth() ? targetsPast : targetsCurrent);

const TARGET_ANSWERS: Record<string, ApexAnswer> = {
    'TeamTargetController.getTargets': TARGETS_BY_MONTH,
    'TeamTargetController.getHistory': answerWith(targetHistory),
    'TeamTargetController.saveTarget': answerWith(null)
};

/** The MQLs row's button of the targets table. */
function mqlButton(button: string): string[] {
    return [...TARGETS, `lightning-button.${button}[data-metric="MQLs"]`, 'button'];
}

export const LEADER_STATES: PreviewState[] = [
    {
        id: 'revenue-loading',
        component: 'revenue',
        label: 'Revenue: loading',
        description: 'The revenue rollups have not arrived yet.',
        answers: { 'RevenueController.getRevenue': PENDING },
        ready: [...REVENUE, 'c-panel-status', 'lightning-spinner']
    },
    {
        id: 'revenue-baton',
        component: 'revenue',
        label: "Revenue: Baton's attribution",
        description:
            "This quarter under position-based attribution, each campaign's cost and return, every model side by side (revenueBaton.json).",
        answers: { 'RevenueController.getRevenue': answerWith(revenueBaton) },
        ready: [...REVENUE, '.campaign-table tbody tr']
    },
    {
        id: 'revenue-salesforce',
        component: 'revenue',
        label: 'Revenue: Salesforce Campaign Influence',
        description:
            'An org with Customizable Campaign Influence on: its records are shown, and said so (revenueSalesforce.json).',
        answers: { 'RevenueController.getRevenue': answerWith(revenueSalesforce) },
        ready: [...REVENUE, '.campaign-table tbody tr']
    },
    {
        id: 'revenue-not-computed',
        component: 'revenue',
        label: 'Revenue: job not run yet',
        description: 'No revenue rollup covers the range yet (revenueNotComputed.json).',
        answers: { 'RevenueController.getRevenue': answerWith(revenueNotComputed) },
        ready: [...REVENUE, 'c-panel-status', '.empty']
    },
    {
        id: 'revenue-error',
        component: 'revenue',
        label: 'Revenue: not for reps',
        description: 'A rep asks: revenue rollups count every opportunity, so they are for leaders only.',
        answers: {
            'RevenueController.getRevenue': failWith(
                apexError(
                    'Revenue and campaign influence are computed nightly from every opportunity, so only managers and admins read them (permission sets Baton Manager and Baton Admin).'
                )
            )
        },
        ready: [...REVENUE, 'c-panel-status', 'c-error-panel']
    },
    {
        id: 'targets-loading',
        component: 'targets',
        label: 'Targets: loading',
        description: 'The targets and actuals have not arrived yet.',
        answers: { 'TeamTargetController.getTargets': PENDING },
        ready: [...TARGETS, 'c-panel-status', 'lightning-spinner']
    },
    {
        id: 'targets-current',
        component: 'targets',
        label: 'Targets: this month, with pace',
        description: "This month's targets against the actuals so far, with the pace to date (targetsCurrent.json).",
        answers: TARGET_ANSWERS,
        ready: [...TARGETS, '.targets-table tbody tr']
    },
    {
        id: 'targets-past',
        component: 'targets',
        label: 'Targets: last month, met or missed',
        description: 'The month before, over: each actual against its whole target (targetsPast.json).',
        answers: TARGET_ANSWERS,
        act: async (roots) => {
            await click(roots, [...TARGETS, 'c-period-stepper', 'lightning-button-icon.previous', 'button']);
        },
        ready: [...TARGETS, '.targets-table .status_bad']
    },
    {
        id: 'targets-set',
        component: 'targets',
        label: 'Targets: setting a target',
        description: 'A leader sets a new MQL target: it becomes a new version, the old one stays in the history.',
        answers: TARGET_ANSWERS,
        act: (roots) => click(roots, mqlButton('set-button')),
        ready: [...TARGETS, '.target-form lightning-input']
    },
    {
        id: 'targets-history',
        component: 'targets',
        label: 'Targets: history of a target',
        description: 'Every version of the MQL target, who set it, when and why (targetHistory.json).',
        answers: TARGET_ANSWERS,
        act: (roots) => click(roots, mqlButton('history-button')),
        ready: [...TARGETS, '.history-table tbody tr']
    },
    {
        id: 'targets-rep',
        component: 'targets',
        label: 'Targets: a rep, none set',
        description: 'A rep reads the actuals they may count; no target set, no Set button (targetsNotSet.json).',
        answers: { 'TeamTargetController.getTargets': answerWith(targetsNotSet) },
        ready: [...TARGETS, '.targets-table tbody tr']
    },
    {
        id: 'review-loading',
        component: 'review',
        label: 'Weekly review: loading',
        description: 'The review of last week has not arrived yet.',
        answers: { 'WeeklyReviewController.getReview': PENDING },
        ready: [...REVIEW, 'c-panel-status', 'lightning-spinner']
    },
    {
        id: 'review-week',
        component: 'review',
        label: 'Weekly review: last week',
        description:
            'Last week against the week before and its targets, conversion by source, rejections with notes (weeklyReview.json).',
        answers: { 'WeeklyReviewController.getReview': answerWith(weeklyReview) },
        ready: [...REVIEW, '.rejection-table tbody tr']
    },
    {
        id: 'review-empty',
        component: 'review',
        label: 'Weekly review: a quiet week',
        description: 'No MQL, no ranking, no rejection (weeklyReviewEmpty.json).',
        answers: { 'WeeklyReviewController.getReview': answerWith(weeklyReviewEmpty) },
        ready: [...REVIEW, '.no-sources']
    },
    {
        id: 'review-error',
        component: 'review',
        label: 'Weekly review: cannot load',
        description: 'The controller refused the week.',
        answers: {
            'WeeklyReviewController.getReview': failWith(
                apexError('The weekly review could not be read: No such column MQL_Date__c on entity Lead.')
            )
        },
        ready: [...REVIEW, 'c-panel-status', 'c-error-panel']
    }
];
