/**
 * What Baton's component tests read from a rendered component: elements and texts inside its shadow root, table rows
 * as their values, a panel's status, and a way to let wire provisioning and re-rendering finish.
 */

/** Lets wire provisioning and re-rendering (microtasks) finish. */
export async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

export function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>(selector));
}

/** Each element's text, whitespace collapsed. */
export function texts(element: HTMLElement, selector: string): string[] {
    return $$(element, selector).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
}

/** Each table row's values, space-separated (without the column names the stacked layout shows). */
export function rows(element: HTMLElement, selector: string): string[] {
    return $$(element, selector).map((row) =>
        Array.from(row.children)
            .map((cell) => {
                const values = cell.querySelector('.cell-label') ? Array.from(cell.children).slice(1) : [cell];
                return values.map((value) => value.textContent!.trim()).join(' ');
            })
            .join(' ')
    );
}

/** Fires a base component's change event with a value, as lightning-combobox and lightning-input do. */
export async function change(element: HTMLElement, selector: string, value: string): Promise<void> {
    $(element, selector)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

/** The date range filter (c-date-range-filter) of a panel, to reach its fields. */
export function rangeFilter(element: HTMLElement): HTMLElement {
    return $(element, 'c-date-range-filter')!;
}

/** Steps a panel's period (c-period-stepper) back or on, as its buttons do. */
export async function step(element: HTMLElement, direction: 'previous' | 'next'): Promise<void> {
    $(element, 'c-period-stepper')!.dispatchEvent(new CustomEvent(direction));
    await flush();
}

/** The period a panel's stepper shows. */
export function periodLabel(element: HTMLElement): string | undefined {
    return ($(element, 'c-period-stepper') as (HTMLElement & { label?: string }) | null)?.label;
}

/** What a panel's status (c-panel-status) shows; a part it does not show is undefined. */
export interface PanelStatusView {
    /** The spinner's alternative text. */
    loading?: string;
    /** The error panel's sentence. */
    error?: string;
    note?: string;
    empty?: string;
}

/** Reads a panel's status (c-panel-status); `selector` picks one of several (the targets' history has its own). */
export function panelStatus(element: HTMLElement, selector = 'c-panel-status'): PanelStatusView {
    const status = $(element, selector);
    if (!status) {
        throw new Error(`${element.tagName.toLowerCase()} shows no ${selector}`);
    }
    const spinner = $(status, 'lightning-spinner') as (HTMLElement & { alternativeText: string }) | null;
    const errorPanel = $(status, 'c-error-panel') as (HTMLElement & { friendlyMessage: string }) | null;
    return {
        loading: spinner?.alternativeText,
        error: errorPanel?.friendlyMessage,
        note: texts(status, '.note')[0],
        empty: texts(status, '.empty')[0]
    };
}

/** Removes every component the test rendered. */
export function cleanUp(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}
