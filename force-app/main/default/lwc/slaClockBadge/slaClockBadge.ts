import { LightningElement, api } from 'lwc';
import { readSlaClock } from 'c/slaClock';
import type { SlaClockReading, SlaClockState } from 'c/slaClock';

interface StateLook {
    word: string;
    icon: string;
    badgeClass: string;
    iconVariant: string;
}

// The word carries the meaning; the colour and icon only repeat it.
const LOOKS: Record<SlaClockState, StateLook> = {
    'on-track': { word: 'On track', icon: 'utility:clock', badgeClass: 'slds-theme_success', iconVariant: 'inverse' },
    'at-risk': { word: 'At risk', icon: 'utility:warning', badgeClass: 'slds-theme_warning', iconVariant: '' },
    breached: { word: 'Breached', icon: 'utility:error', badgeClass: 'slds-theme_error', iconVariant: 'inverse' },
    completed: { word: 'Completed', icon: 'utility:check', badgeClass: '', iconVariant: '' }
};

/**
 * One SLA clock as a badge: state word and time left ("At risk · 2 h 10 m left"), with the same reading
 * in words for screen readers. The parent passes `now`, so one timer can drive every badge on a page.
 */
export default class SlaClockBadge extends LightningElement {
    @api dueAt: string | null | undefined;
    @api warningAt: string | null | undefined;
    @api completedAt: string | null | undefined;
    /** Current time in epoch milliseconds. */
    @api now = Date.now();

    get reading(): SlaClockReading | null {
        if (!this.dueAt) {
            return null;
        }
        try {
            return readSlaClock(
                { dueAt: this.dueAt, warningAt: this.warningAt, completedAt: this.completedAt },
                this.now
            );
        } catch {
            // A malformed timestamp must not break the whole queue; the badge says the clock is unknown.
            return null;
        }
    }

    get hasClock(): boolean {
        return this.reading !== null;
    }

    get look(): StateLook {
        return LOOKS[this.reading?.state ?? 'on-track'];
    }

    get badgeClass(): string {
        return `slds-badge sla-badge ${this.look.badgeClass}`.trim();
    }

    get visibleText(): string {
        return `${this.look.word} · ${this.reading?.label ?? ''}`;
    }

    get assistiveText(): string {
        return this.reading?.assistiveText ?? '';
    }

    get state(): string {
        return this.reading?.state ?? 'none';
    }
}
