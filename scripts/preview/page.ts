/**
 * Opening one state of the preview in a browser page, the way the browser tests, the screenshot command and
 * the UI benchmark all do: the component alone (chrome=0) at a given window size, every console error and
 * page error kept, and the page handed back once the state is on screen.
 */
import type { Browser, Page } from 'playwright-core';

export interface ViewportSize {
    width: number;
    height: number;
}

export const WIDE: ViewportSize = { width: 1440, height: 900 };
export const UTILITY_BAR: ViewportSize = { width: 420, height: 900 };
export const PHONE: ViewportSize = { width: 360, height: 800 };

export interface PreviewStateInfo {
    id: string;
    component: 'queue' | 'funnel';
    label: string;
    description: string;
}

export interface OpenedState {
    page: Page;
    /** Console errors and uncaught page errors, in the order they happened. */
    errors: string[];
    /** performance.now() at mount and once the state was painted (see preview/app). */
    timing: { mountedAt: number; paintedAt: number };
}

export function stateUrl(baseUrl: string, stateId: string, query: Record<string, string> = {}): string {
    const params = new URLSearchParams({ state: stateId, chrome: '0', ...query });
    return `${baseUrl}?${params.toString()}`;
}

/** Waits until the state is ready; throws with the reason the page gave when it is not. */
export async function waitForState(page: Page, stateId: string): Promise<OpenedState['timing']> {
    const handle = await page.waitForFunction(
        (id) => window.batonPreview.ready === id || window.batonPreview.failure,
        stateId,
        { timeout: 30_000 }
    );
    const outcome = (await handle.jsonValue()) as string | true;
    if (outcome !== true) {
        throw new Error(`The preview could not show ${stateId}: ${outcome}`);
    }
    const timing = await page.evaluate(() => window.batonPreview.timing);
    if (!timing) {
        throw new Error(`The preview showed ${stateId} without timing`);
    }
    return timing;
}

export async function openState(
    browser: Browser,
    baseUrl: string,
    stateId: string,
    viewport: ViewportSize = WIDE,
    query: Record<string, string> = {}
): Promise<OpenedState> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('console', (message) => {
        if (message.type() === 'error') {
            errors.push(message.text());
        }
    });
    page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
    await page.goto(stateUrl(baseUrl, stateId, query));
    const timing = await waitForState(page, stateId);
    return { page, errors, timing };
}

/** The states the preview offers, as the page lists them. */
export async function listStates(browser: Browser, baseUrl: string): Promise<PreviewStateInfo[]> {
    const { page } = await openState(browser, baseUrl, 'queue-empty');
    try {
        return await page.evaluate(() => window.batonPreview.states);
    } finally {
        await page.close();
    }
}

export interface FocusedElement {
    tag: string;
    className: string;
    text: string;
    /** aria-expanded, for a combobox: whether its list is open. */
    expanded: string | null;
    /** For a combobox with its list open: the value of the option its aria-activedescendant names. */
    activeOption: string | null;
}

/** The element that holds the keyboard focus, through shadow roots: its tag, classes, text and state. */
export function focused(page: Page): Promise<FocusedElement> {
    return page.evaluate(() => {
        const activeOption = (combobox: Element | null): string | null => {
            const id = combobox?.getAttribute('aria-activedescendant');
            const root = combobox?.getRootNode();
            // Synthetic shadow forbids getElementById on a shadow root; an attribute selector finds the same.
            const option = id && root instanceof ShadowRoot ? root.querySelector(`[id="${CSS.escape(id)}"]`) : null;
            // lightning-combobox's options carry their value (the option's text is in its own shadow root).
            return option?.getAttribute('data-value') ?? null;
        };
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) {
            element = element.shadowRoot.activeElement;
        }
        return {
            tag: element?.tagName.toLowerCase() ?? '',
            className: typeof element?.className === 'string' ? element.className : '',
            text: (element?.textContent ?? '').replace(/\s+/g, ' ').trim(),
            expanded: element?.getAttribute('aria-expanded') ?? null,
            activeOption: activeOption(element)
        };
    });
}

/** Waits until the focused element is as `matches` wants it (components answer keys asynchronously). */
export async function waitForFocus(
    page: Page,
    matches: (element: FocusedElement) => boolean,
    timeoutMs = 5000
): Promise<FocusedElement> {
    const started = Date.now();
    for (;;) {
        const element = await focused(page);
        if (matches(element)) {
            return element;
        }
        if (Date.now() - started > timeoutMs) {
            throw new Error(`The focus never got where wanted (last: ${JSON.stringify(element)})`);
        }
        await page.waitForTimeout(50);
    }
}

/** Presses Tab until `matches` says the focused element is the one wanted; fails after `limit` presses. */
export async function tabTo(page: Page, matches: (element: FocusedElement) => boolean, limit = 60): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
        if (matches(await focused(page))) {
            return;
        }
        await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached the element wanted (last: ${JSON.stringify(await focused(page))})`);
}
