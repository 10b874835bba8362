import { LightningElement, createElement } from 'lwc';
import LeadQueue from 'c/leadQueue';
import FunnelPanel from 'c/funnelPanel';
import { onRecord, readLog, record, setAnswers } from 'preview/scenario';
import type { LogEntry } from 'preview/scenario';
import { STATES, stateById } from 'preview/states';
import type { PreviewComponent, PreviewState } from 'preview/states';
import { find, findAll, waitFor } from '../states/dom';
import type { Root } from '../states/dom';
import { TOAST_EVENT } from '../../platform/platformShowToastEvent';

interface Toast {
    key: number;
    title: string;
    message: string;
    className: string;
}

interface ToastDetail {
    title?: string;
    message?: string;
    variant?: string;
}

const COMPONENTS: Record<PreviewComponent, { tag: string; constructor: typeof LightningElement }> = {
    queue: { tag: 'c-lead-queue', constructor: LeadQueue },
    funnel: { tag: 'c-funnel-panel', constructor: FunnelPanel }
};

const WIDTHS = [
    { label: 'Page (full width)', value: 'full' },
    { label: 'Utility bar (420 px)', value: '420' },
    { label: 'Phone (360 px)', value: '360' }
];

function nextFrame(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The preview page: a switcher over every state of the queue and the funnel, a frame as wide as a page, a
 * utility bar or a phone, the toasts the component raised and a log of what it asked the platform for.
 * `?state=<id>&width=<full|420|360>&chrome=0` opens a state directly; chrome=0 shows the component alone.
 */
export default class App extends LightningElement {
    state: PreviewState = stateById(new URLSearchParams(window.location.search).get('state'));
    width = new URLSearchParams(window.location.search).get('width') ?? 'full';
    showChrome = new URLSearchParams(window.location.search).get('chrome') !== '0';
    /** `pageSize` in the query string sets the queue's App Builder page size. */
    pageSize = Number(new URLSearchParams(window.location.search).get('pageSize')) || undefined;
    toasts: Toast[] = [];
    entries: Array<LogEntry & { key: number; text: string }> = [];
    private mounted: HTMLElement | undefined;
    private toastCount = 0;
    private stopLog: (() => void) | undefined;

    readonly widthOptions = WIDTHS;

    override connectedCallback(): void {
        // Toasts bubble out of the component, composed, as on the platform (lightning/platformShowToastEvent).
        this.template?.addEventListener(TOAST_EVENT, (event) => this.handleToast(event as CustomEvent<ToastDetail>));
        window.batonPreview = {
            states: STATES.map(({ id, component, label, description }) => ({ id, component, label, description })),
            ready: null,
            failure: null,
            timing: null,
            log: readLog,
            show: (stateId: string) => {
                this.state = stateById(stateId);
                return this.mount();
            },
            find: (path: string[]) => find(this.roots(), path),
            findAll: (path: string[]) => findAll(this.roots(), path)
        };
        this.stopLog = onRecord((entry) => {
            this.entries = [
                { ...entry, key: this.entries.length, text: `${entry.name} ${JSON.stringify(entry.detail)}` },
                ...this.entries
            ].slice(0, 12);
        });
    }

    override disconnectedCallback(): void {
        this.stopLog?.();
    }

    override renderedCallback(): void {
        if (!this.mounted) {
            this.mount();
        }
    }

    get stateGroups() {
        return (['queue', 'funnel'] as const).map((component) => ({
            key: component,
            label: component === 'queue' ? 'Lead queue' : 'Lead funnel',
            options: STATES.filter((state) => state.component === component).map((state) => ({
                value: state.id,
                label: state.label,
                selected: state.id === this.state.id
            }))
        }));
    }

    get widths() {
        return WIDTHS.map((option) => ({ ...option, selected: option.value === this.width }));
    }

    get frameStyle(): string {
        return this.width === 'full' ? '' : `max-width: ${this.width}px`;
    }

    get frameClass(): string {
        return this.showChrome ? 'frame with-chrome' : 'frame';
    }

    handleStateChange(event: Event): void {
        this.state = stateById((event.target as HTMLSelectElement).value);
        this.remember();
        this.mount();
    }

    handleWidthChange(event: Event): void {
        this.width = (event.target as HTMLSelectElement).value;
        this.remember();
    }

    handleToast(event: CustomEvent<ToastDetail>): void {
        const { title = '', message = '', variant = 'info' } = event.detail;
        record({ kind: 'toast', name: variant, detail: event.detail });
        this.toasts = [
            {
                key: ++this.toastCount,
                title,
                message,
                className: `slds-notify slds-notify_toast slds-theme_${variant}`
            },
            ...this.toasts
        ].slice(0, 3);
    }

    handleCloseToast(event: Event): void {
        const key = Number((event.currentTarget as HTMLElement).dataset.key);
        this.toasts = this.toasts.filter((toast) => toast.key !== key);
    }

    /** Puts a fresh component in the frame with the state's answers, then brings it into the state. */
    private async mount(): Promise<void> {
        const container = this.template?.querySelector('.mount');
        if (!container) {
            return;
        }
        window.batonPreview.ready = null;
        window.batonPreview.failure = null;
        window.batonPreview.timing = null;
        this.toasts = [];
        // A modal the previous state left open lives in the page's overlay container, outside this shell.
        // eslint-disable-next-line @lwc/lwc/no-document-query
        document.querySelector('lightning-overlay-container')?.remove();
        this.mounted?.remove();
        const state = this.state;
        setAnswers(state.answers);
        const { tag, constructor } = COMPONENTS[state.component];
        const mountedAt = performance.now();
        this.mounted = createElement(tag, { is: constructor });
        if (this.pageSize && state.component === 'queue') {
            Object.assign(this.mounted, { pageSize: this.pageSize });
        }
        container.appendChild(this.mounted);
        const roots = this.roots();
        try {
            await state.act?.(roots);
            await waitFor(roots, state.ready, 10_000);
            // The frame after the one the state appeared in starts once that one is painted.
            await nextFrame();
            window.batonPreview.timing = { mountedAt, paintedAt: performance.now() };
            await nextFrame();
            window.batonPreview.ready = state.id;
        } catch (error) {
            window.batonPreview.failure = error instanceof Error ? error.message : String(error);
        }
    }

    /** Where paths to elements start: the frame the component is mounted in, then the page (for a modal). */
    private roots(): Root[] {
        const container = this.template?.querySelector('.mount');
        return container ? [container, document] : [document];
    }

    private remember(): void {
        const params = new URLSearchParams(window.location.search);
        params.set('state', this.state.id);
        params.set('width', this.width);
        window.history.replaceState(null, '', `?${params.toString()}`);
    }
}
