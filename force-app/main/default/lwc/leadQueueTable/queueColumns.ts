/**
 * The queue's sortable columns. The controller sorts and pages on the server (LeadQueueController,
 * getQueuePage's sortBy and sortDirection), so a sort always covers the whole queue, not the page shown.
 */
export type SortField = LeadQueueController.SortField;
export type SortDirection = LeadQueueController.SortDirection;

export interface QueueSort {
    sortBy: SortField;
    sortDirection: SortDirection;
}

export interface SortColumn {
    field: SortField;
    label: string;
    /** The direction a click on a column that is not the sort column starts with. */
    firstDirection: SortDirection;
    /** How the rows read in each direction, for the sort menu and screen readers. */
    ascendingWords: string;
    descendingWords: string;
    /**
     * Whether the value shown grows with the field: time in queue is shown, entry time is sorted, so an
     * ascending entry time lists the longest wait first (aria-sort "descending" on that column).
     */
    shownAscending: boolean;
}

/** Most urgent SLA first: the order an SDR works the queue in. */
export const DEFAULT_SORT: QueueSort = { sortBy: 'slaDueAt', sortDirection: 'asc' };

export const SORT_COLUMNS: SortColumn[] = [
    {
        field: 'slaDueAt',
        label: 'SLA',
        firstDirection: 'asc',
        ascendingWords: 'due soonest first',
        descendingWords: 'due latest first',
        shownAscending: true
    },
    {
        field: 'fitScore',
        label: 'Fit',
        firstDirection: 'desc',
        ascendingWords: 'lowest first',
        descendingWords: 'highest first',
        shownAscending: true
    },
    {
        field: 'interestScore',
        label: 'Interest',
        firstDirection: 'desc',
        ascendingWords: 'lowest first',
        descendingWords: 'highest first',
        shownAscending: true
    },
    {
        field: 'leadSource',
        label: 'Source',
        firstDirection: 'asc',
        ascendingWords: 'in picklist order',
        descendingWords: 'in reverse picklist order',
        shownAscending: true
    },
    {
        field: 'company',
        label: 'Company',
        firstDirection: 'asc',
        ascendingWords: 'A to Z',
        descendingWords: 'Z to A',
        shownAscending: true
    },
    {
        field: 'ownerName',
        label: 'Owner',
        firstDirection: 'asc',
        ascendingWords: 'A to Z',
        descendingWords: 'Z to A',
        shownAscending: true
    },
    {
        field: 'stageEnteredAt',
        label: 'In queue',
        firstDirection: 'asc',
        ascendingWords: 'longest first',
        descendingWords: 'newest first',
        shownAscending: false
    }
];

export function columnOf(field: SortField): SortColumn {
    return SORT_COLUMNS.find((column) => column.field === field) ?? SORT_COLUMNS[0];
}

/** "SLA, due soonest first". */
export function describeSort({ sortBy, sortDirection }: QueueSort): string {
    const column = columnOf(sortBy);
    return `${column.label}, ${sortDirection === 'asc' ? column.ascendingWords : column.descendingWords}`;
}

/** A click on a column header: the other direction on the sort column, the column's first direction elsewhere. */
export function nextSort(current: QueueSort, field: SortField): QueueSort {
    if (current.sortBy === field) {
        return { sortBy: field, sortDirection: current.sortDirection === 'asc' ? 'desc' : 'asc' };
    }
    return { sortBy: field, sortDirection: columnOf(field).firstDirection };
}

/** The sort menu of the narrow layout: every column in both directions, as `field:direction` values. */
export function sortOptions(): Array<{ label: string; value: string }> {
    return SORT_COLUMNS.flatMap((column) =>
        (['asc', 'desc'] as const).map((direction) => ({
            label: describeSort({ sortBy: column.field, sortDirection: direction }),
            value: `${column.field}:${direction}`
        }))
    );
}

export function parseSortOption(value: string): QueueSort | undefined {
    const [field, direction] = value.split(':');
    const column = SORT_COLUMNS.find((candidate) => candidate.field === field);
    return column && (direction === 'asc' || direction === 'desc')
        ? { sortBy: column.field, sortDirection: direction }
        : undefined;
}
