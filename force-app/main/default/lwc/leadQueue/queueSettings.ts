/** What the queue can be asked to show: App Builder properties and the view and scope toggles. */
type Scope = LeadQueueController.Scope;
type Stage = LeadQueueController.Stage;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Clock labels show minutes, so a tick every 30 s keeps them exact to the minute they display. */
export const CLOCK_TICK_MS = 30_000;

export const SCOPE_OPTIONS: Array<{ label: string; value: Scope }> = [
    { label: 'Mine', value: 'Mine' },
    { label: 'My queues', value: 'MyQueues' },
    { label: 'All I can see', value: 'All' }
];

export const STAGE_OPTIONS: Array<{ label: string; value: Stage }> = [
    { label: 'To accept (MQL)', value: 'MQL' },
    { label: 'To qualify (SAL)', value: 'SAL' }
];

export function toScope(value: unknown): Scope {
    return SCOPE_OPTIONS.some((option) => option.value === value) ? (value as Scope) : 'Mine';
}

export function toPageSize(value: unknown): number {
    const size = Math.floor(Number(value));
    if (!Number.isFinite(size) || size < 1) {
        return DEFAULT_PAGE_SIZE;
    }
    return Math.min(size, MAX_PAGE_SIZE);
}

/** What the queue says in each view. */
export const STAGE_TEXT: Record<Stage, { list: string; empty: string; waiting: string; help: string }> = {
    MQL: {
        list: 'Leads waiting to be accepted or rejected',
        empty: 'Nothing waiting — nice.',
        waiting: 'waiting',
        help: 'Accept moves a lead from MQL to SAL (sales accepted) and makes you its owner. Reject sends it back to marketing with a reason.'
    },
    SAL: {
        list: 'Accepted leads to qualify',
        empty: 'Nothing to qualify — nice.',
        waiting: 'to qualify',
        help: 'Qualify moves an accepted lead from SAL to SQL once its readiness checks (budget, authority, need, timeline) pass.'
    }
};
