/**
 * What the preview page exposes on `window` (set by preview/app), read by the browser tests, the screenshot
 * command and the UI benchmark.
 */
interface BatonPreview {
    states: Array<{ id: string; component: 'queue' | 'funnel'; label: string; description: string }>;
    /** The id of the state on screen once it is ready, else null. */
    ready: string | null;
    /** The error that kept the state from getting ready, if any. */
    failure: string | null;
    /** When the state was mounted and when it was painted once ready (performance.now() milliseconds). */
    timing: { mountedAt: number; paintedAt: number } | null;
    /** Every Apex call, published message, navigation and toast since the state was mounted. */
    log: () => Array<{ kind: 'apex' | 'message' | 'navigate' | 'toast'; name: string; detail: unknown }>;
    /** Mounts a state again in this page (the benchmark's warm runs). */
    show: (stateId: string) => Promise<void>;
    /**
     * The first element / every element a path leads to: one selector per shadow root, outermost first, from
     * the component's frame (or the page, for a modal), e.g. ['c-lead-queue', 'c-lead-queue-table', 'tr'].
     */
    find: (path: string[]) => HTMLElement | null;
    findAll: (path: string[]) => HTMLElement[];
}

interface Window {
    batonPreview: BatonPreview;
}
