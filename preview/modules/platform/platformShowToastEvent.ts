/**
 * Preview stand-in for `lightning/platformShowToastEvent`: the event bubbles out of the component, and the
 * preview shell shows it as Lightning Experience would show the toast.
 */
export interface ShowToastEventInit {
    title?: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export const TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(toast: ShowToastEventInit) {
        super(TOAST_EVENT, { detail: toast, bubbles: true, composed: true });
    }
}
