/**
 * What Baton's component tests share around a rendered component: Apex methods as wire adapters the test drives, a
 * fixed "now", and mounting and clearing components between tests.
 */
import { createElement, type LightningElement } from 'lwc';
import { cleanUp } from './dom';

export interface ApexTestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown>;
}

/**
 * An Apex method module whose method is a wire adapter the test drives, for a jest.mock factory (factories may only
 * use names starting with mock): jest.mock('@salesforce/apex/Class.method', () => mockApexWire(), { virtual: true }).
 */
export function mockApexWire(): { default: unknown } {
    const { createApexTestWireAdapter } = jest.requireActual<{
        createApexTestWireAdapter: (fn: unknown) => unknown;
    }>('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
}

/** Thursday 26 November 2026, 10:00 in America/Los_Angeles (the Jest user time zone). */
export const NOW = Date.parse('2026-11-26T18:00:00Z');

/** Every test of the file runs at NOW, and starts with no component on the page and no recorded mock call. */
export function atFixedNow(): void {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
    });
    afterEach(() => {
        cleanUp();
        jest.clearAllMocks();
        jest.restoreAllMocks();
    });
}

/** Renders a component on the page, its public properties set first, as a parent's template sets them. */
export function mount(tag: string, is: typeof LightningElement, props: Record<string, unknown> = {}): HTMLElement {
    const element = createElement(tag, { is });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}
