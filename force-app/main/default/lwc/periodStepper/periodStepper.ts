import { LightningElement, api } from 'lwc';

/**
 * Previous and next buttons around an optional label (the period on screen), for panels that step through months or
 * weeks. Fires `previous` and `next`; the panel decides what the period becomes.
 */
export default class PeriodStepper extends LightningElement {
    /** What one step is, in words: `month`, `week`. Names the group and the buttons. */
    @api unit = 'month';
    /** The period on screen, read out when it changes; none when the panel shows it elsewhere. */
    @api label: string | undefined;

    get groupLabel(): string {
        return this.unit.charAt(0).toUpperCase() + this.unit.slice(1);
    }

    get previousText(): string {
        return `Previous ${this.unit}`;
    }

    get nextText(): string {
        return `Next ${this.unit}`;
    }

    handlePrevious(): void {
        this.dispatchEvent(new CustomEvent('previous'));
    }

    handleNext(): void {
        this.dispatchEvent(new CustomEvent('next'));
    }
}
