/**
 * Keyset paging of the queue: the controller hands out an opaque cursor for the page after the one it
 * returned; going back replays the cursors kept on the way. Page numbers are counted from the first page,
 * and leads others handle meanwhile shift the queue under them, so page and range labels are a guide.
 */
export interface Paging {
    /** Where the page shown starts: null for the first page, else a nextCursor the controller gave. */
    cursor: string | null;
    /** The cursors of the pages before this one, the nearest last. */
    previousCursors: Array<string | null>;
}

export const FIRST_PAGE: Paging = { cursor: null, previousCursors: [] };

export function pageAfter(paging: Paging, nextCursor: string): Paging {
    return { cursor: nextCursor, previousCursors: [...paging.previousCursors, paging.cursor] };
}

/** The page before, or undefined on the first page. */
export function pageBefore(paging: Paging): Paging | undefined {
    if (paging.previousCursors.length === 0) {
        return undefined;
    }
    return {
        cursor: paging.previousCursors[paging.previousCursors.length - 1],
        previousCursors: paging.previousCursors.slice(0, -1)
    };
}

export function pageNumber(paging: Paging): number {
    return paging.previousCursors.length + 1;
}

export interface PagerView {
    /** "Page 2 of 3": at least one more page while the controller says more follow, whatever the total. */
    pageLabel: string;
    /** "51–100 of 120": where the leads shown sit in the whole queue. */
    rangeLabel: string;
    hasPrevious: boolean;
    hasNext: boolean;
}

export function pagerView(
    paging: Paging,
    page: LeadQueueController.LeadQueuePage | undefined,
    pageSize: number,
    format: (value: number) => string
): PagerView {
    const number = pageNumber(paging);
    const pages = Math.max(number + (page?.nextCursor ? 1 : 0), Math.ceil((page?.totalCount ?? 0) / pageSize));
    const first = (number - 1) * pageSize + 1;
    const last = first + (page?.items.length ?? 0) - 1;
    return {
        pageLabel: `Page ${format(number)} of ${format(pages)}`,
        rangeLabel: `${format(first)}–${format(last)} of ${format(page?.totalCount ?? 0)}`,
        hasPrevious: paging.previousCursors.length > 0,
        hasNext: Boolean(page?.nextCursor)
    };
}
