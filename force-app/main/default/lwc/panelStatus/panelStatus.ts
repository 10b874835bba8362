import { LightningElement, api } from 'lwc';

/**
 * Where a panel's figures stand, above the figures: a spinner while they load, the error panel when they could not be
 * read (it replaces the spinner), a note on the figures shown (their range, where they come from) and the message of
 * a range with nothing in it. The panel decides each; this component draws them the same way in every panel.
 */
export default class PanelStatus extends LightningElement {
    /** The figures are on their way. */
    @api loading = false;
    /** What the spinner says to screen readers: what is loading ("Loading the funnel"). */
    @api loadingText = 'Loading';
    /** A wire's, an Apex call's or any error: shown with the friendly message, details behind a toggle. */
    @api errors: unknown;
    @api friendlyMessage: string | undefined;
    /** A sentence on the figures shown; none while there are none. */
    @api note: string | undefined;
    /** Said instead of figures when the range holds nothing; none otherwise. */
    @api emptyMessage: string | undefined;

    get showSpinner(): boolean {
        return this.loading && !this.errors;
    }
}
