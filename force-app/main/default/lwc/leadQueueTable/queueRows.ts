/**
 * What one lead of the queue table shows: formatted cells, labels that name the lead for screen readers,
 * and the state of its row (selected, expanded, the row keyboard shortcuts act on).
 */
import { formatDuration, formatDurationInWords, parseTimestamp } from 'c/slaClock';

type LeadQueueItem = LeadQueueController.LeadQueueItem;
type LeadRuleResult = LeadQueueController.LeadRuleResult;
type Stage = LeadQueueController.Stage;

export interface QueueRow {
    key: string;
    detailKey: string;
    detailId: string;
    selectId: string;
    index: number;
    leadId: string;
    name: string;
    title: string;
    company: string;
    leadSource: string;
    ownerName: string;
    fitScore: string;
    interestScore: string;
    timeInQueue: string;
    timeInQueueWords: string;
    slaDueAt: string | null;
    slaWarningAt: string | null;
    selected: boolean;
    expanded: boolean;
    /** 0 for the row keyboard focus enters the table on, -1 for the others (one tab stop for the rows). */
    tabIndex: number;
    rowClass: string;
    checksFail: boolean;
    checksText: string;
    failingRules: LeadRuleResult[];
    suggestedReason: string;
    rules: LeadRuleResult[];
    rulesEmptyMessage: string;
    rulesHeading: string;
    /** SAL view: the SQL gate's summary for this rep (the controller's qualificationSummary on a SAL page). */
    readiness: string;
    expandedText: string;
    /** The details row's id while it is shown; absent otherwise (aria-controls may only name what exists). */
    controls: string | null;
    selectLabel: string;
    openLabel: string;
    acceptLabel: string;
    rejectLabel: string;
    qualifyLabel: string;
    expandLabel: string;
}

export interface RowState {
    stage: Stage;
    now: number;
    selectedIds: ReadonlySet<string>;
    expandedIds: ReadonlySet<string>;
    activeIndex: number;
}

const NO_VALUE = '–';

function timeInQueueMs(item: LeadQueueItem, now: number): number | null {
    if (!item.stageEnteredAt) {
        return null;
    }
    try {
        return Math.max(0, now - parseTimestamp(item.stageEnteredAt));
    } catch {
        return null;
    }
}

function score(value: number | null | undefined): string {
    return value == null ? NO_VALUE : String(value);
}

function checks(count: number): string {
    return count === 1 ? '1 check fails' : `${count} checks fail`;
}

export function toRows(items: LeadQueueItem[], state: RowState): QueueRow[] {
    const isMql = state.stage === 'MQL';
    return items.map((item, index) => {
        const inQueue = timeInQueueMs(item, state.now);
        const failingRules = isMql ? (item.failingAcceptanceRules ?? []) : [];
        const selected = state.selectedIds.has(item.leadId);
        const expanded = state.expandedIds.has(item.leadId);
        const active = index === state.activeIndex;
        const detailId = `details-${item.leadId}`;
        return {
            key: item.leadId,
            detailKey: `${item.leadId}-details`,
            detailId,
            selectId: `select-${item.leadId}`,
            index,
            leadId: item.leadId,
            name: item.name,
            title: item.title ?? '',
            company: item.company ?? NO_VALUE,
            leadSource: item.leadSource || 'Unknown',
            ownerName: item.ownerName ?? NO_VALUE,
            fitScore: score(item.fitScore),
            interestScore: score(item.interestScore),
            timeInQueue: inQueue === null ? 'unknown' : formatDuration(inQueue),
            timeInQueueWords:
                inQueue === null ? 'In queue for an unknown time' : `In queue for ${formatDurationInWords(inQueue)}`,
            slaDueAt: item.slaDueAt ?? null,
            slaWarningAt: item.slaWarningAt ?? null,
            selected,
            expanded,
            tabIndex: active ? 0 : -1,
            rowClass: `lead-row${selected ? ' slds-is-selected' : ''}${expanded ? ' is-expanded' : ''}`,
            checksFail: failingRules.length > 0,
            checksText: checks(failingRules.length),
            failingRules,
            suggestedReason: item.suggestedRejectionReason ?? '',
            rules: item.rules ?? [],
            // On an MQL page the summary is the MQL gate's, on a SAL page the SQL gate's (LeadQueueController).
            rulesEmptyMessage:
                (isMql ? item.qualificationSummary : null) || 'No rule results were recorded for this lead.',
            rulesHeading: isMql ? 'Why this is an MQL' : 'Why this was an MQL',
            readiness: isMql ? '' : (item.qualificationSummary ?? ''),
            expandedText: String(expanded),
            controls: expanded ? detailId : null,
            selectLabel: `Select ${item.name}`,
            openLabel: `Open ${item.name}`,
            acceptLabel: `Accept ${item.name}`,
            rejectLabel: `Reject ${item.name}`,
            qualifyLabel: `Qualify ${item.name}`,
            expandLabel: `${expanded ? 'Hide' : 'Show'} details of ${item.name}`
        };
    });
}
