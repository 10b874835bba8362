import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { commandFor, shortcuts } from './queueKeys';
import type { RowCommand, Shortcut } from './queueKeys';
import { toRows } from './queueRows';
import type { QueueRow } from './queueRows';
import { DEFAULT_SORT, SORT_COLUMNS, describeSort, nextSort, parseSortOption, sortOptions } from './queueColumns';
import type { QueueSort, SortField } from './queueColumns';

export { DEFAULT_SORT, SORT_COLUMNS, describeSort } from './queueColumns';
export type { QueueSort, SortDirection, SortField } from './queueColumns';

export interface LeadRowEventDetail {
    leadId: string;
    /** The row's position on the page, so the queue can put the focus back there after the action. */
    index: number;
}

export interface LeadSelectEventDetail {
    leadId: string;
    selected: boolean;
}

interface HeaderCell {
    field: SortField;
    label: string;
    className: string;
    ariaSort: string;
    arrow: string;
    sortLabel: string;
}

/** Selection, lead, the sortable columns, actions. */
const COLUMN_COUNT = 3 + SORT_COLUMNS.length;

/**
 * The queue as a dense table for triage: one line per lead (SLA clock, fit, interest, source, company,
 * owner, time in queue), sortable by any of those columns, with the rules that made the lead an MQL and
 * the acceptance checks it fails in a details row. Keyboard shortcuts move between leads and act on the
 * focused one; below 600 px of width (utility bar, phone) each lead becomes a compact card.
 * Actions are announced as events (`accept`, `reject`, `qualify`, `select`, `sort`); the table opens
 * records itself.
 */
export default class LeadQueueTable extends NavigationMixin(LightningElement) {
    @api items: LeadQueueController.LeadQueueItem[] = [];
    @api stage: LeadQueueController.Stage = 'MQL';
    /** Current time in epoch milliseconds, from the queue's single timer. */
    @api now = Date.now();
    @api selectedIds: string[] = [];
    /** True while an action on the queue is running. */
    @api disabled = false;
    @api sort: QueueSort = DEFAULT_SORT;
    /** The table's accessible name. */
    @api label = '';

    expandedIds = new Set<string>();
    activeIndex = 0;

    get isMql(): boolean {
        return this.stage === 'MQL';
    }

    get rows(): QueueRow[] {
        return toRows(this.items, {
            stage: this.stage,
            now: this.now,
            selectedIds: new Set(this.selectedIds),
            expandedIds: this.expandedIds,
            activeIndex: Math.min(this.activeIndex, Math.max(0, this.items.length - 1))
        });
    }

    get headers(): HeaderCell[] {
        return SORT_COLUMNS.map((column) => {
            const sorted = this.sort.sortBy === column.field;
            const shownAscending = (this.sort.sortDirection === 'asc') === column.shownAscending;
            const next = nextSort(this.sort, column.field);
            return {
                field: column.field,
                label: column.label,
                className: `col-${column.field}${sorted ? ' is-sorted' : ''}`,
                ariaSort: sorted ? (shownAscending ? 'ascending' : 'descending') : 'none',
                arrow: sorted ? (shownAscending ? '▲' : '▼') : '',
                sortLabel: `Sort by ${describeSort(next)}`
            };
        });
    }

    get sortMenuOptions(): Array<{ label: string; value: string; selected: boolean }> {
        const current = `${this.sort.sortBy}:${this.sort.sortDirection}`;
        return sortOptions().map((option) => ({ ...option, selected: option.value === current }));
    }

    get sortText(): string {
        return `Sorted by ${describeSort(this.sort)}`;
    }

    /** Each shortcut with the words after its key, commas included, so the list reads as a sentence. */
    get shortcutList(): Array<Shortcut & { text: string }> {
        const list = shortcuts(this.stage);
        return list.map((shortcut, index) => ({
            ...shortcut,
            text: ` ${shortcut.action}${index < list.length - 1 ? ', ' : ''}`
        }));
    }

    get columnCount(): number {
        return COLUMN_COUNT;
    }

    /** Moves the keyboard focus to a row (the last one when fewer remain), e.g. after the row it was on left. */
    @api
    focusRow(index: number): void {
        if (this.items.length === 0) {
            return;
        }
        this.activeIndex = Math.max(0, Math.min(index, this.items.length - 1));
        // The row may only now be rendered with tabindex 0: focus it once the template caught up.
        Promise.resolve().then(() => this.rowElement(this.activeIndex)?.focus());
    }

    handleSortClick(event: Event): void {
        const field = (event.currentTarget as HTMLElement).dataset.field as SortField;
        this.notify('sort', nextSort(this.sort, field));
    }

    handleSortMenuChange(event: Event): void {
        const sort = parseSortOption((event.target as HTMLSelectElement).value);
        if (sort) {
            this.notify('sort', sort);
        }
    }

    handleRowFocus(event: FocusEvent): void {
        const row = (event.target as HTMLElement).closest('tr[data-index]') as HTMLElement | null;
        if (row) {
            this.activeIndex = Number(row.dataset.index);
        }
    }

    handleKeyDown(event: KeyboardEvent): void {
        const command = commandFor(event, this.stage);
        const row = this.rows[this.activeIndex];
        if (!command || !row || (event.target as HTMLElement).tagName === 'SELECT') {
            return;
        }
        event.preventDefault();
        this.run(command, row);
    }

    handleSelect(event: Event): void {
        const input = event.target as HTMLInputElement;
        this.notify<LeadSelectEventDetail>('select', { leadId: input.dataset.leadId ?? '', selected: input.checked });
    }

    handleToggle(event: Event): void {
        this.toggleExpanded((event.currentTarget as HTMLElement).dataset.leadId ?? '');
    }

    handleAction(event: Event): void {
        const { action, index } = (event.currentTarget as HTMLElement).dataset;
        const row = this.rows[Number(index)];
        if (row && (action === 'accept' || action === 'reject' || action === 'qualify')) {
            this.run(action, row);
        }
    }

    handleOpen(event: Event): void {
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: {
                recordId: (event.currentTarget as HTMLElement).dataset.leadId,
                objectApiName: 'Lead',
                actionName: 'view'
            }
        });
    }

    private run(command: RowCommand, row: QueueRow): void {
        switch (command) {
            case 'next':
            case 'previous':
            case 'first':
            case 'last':
                this.focusRow(
                    { next: row.index + 1, previous: row.index - 1, first: 0, last: this.items.length - 1 }[command]
                );
                break;
            case 'expand':
                this.toggleExpanded(row.leadId);
                break;
            case 'select':
                if (!this.disabled) {
                    this.notify<LeadSelectEventDetail>('select', { leadId: row.leadId, selected: !row.selected });
                }
                break;
            default:
                if (!this.disabled) {
                    this.notify<LeadRowEventDetail>(command, { leadId: row.leadId, index: row.index });
                }
        }
    }

    private toggleExpanded(leadId: string): void {
        const expanded = new Set(this.expandedIds);
        if (!expanded.delete(leadId)) {
            expanded.add(leadId);
        }
        this.expandedIds = expanded;
    }

    private rowElement(index: number): HTMLElement | null {
        return this.template?.querySelector(`tr[data-index="${index}"]`) ?? null;
    }

    private notify<Detail>(name: string, detail: Detail): void {
        this.dispatchEvent(new CustomEvent<Detail>(name, { detail }));
    }
}
