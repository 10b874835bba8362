declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title?: string;
        message?: string;
        /** Values for `{0}`, `{1}` placeholders in the message; links as `{ url, label }`. */
        messageData?: Array<string | { url: string; label: string }>;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }

    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(toast: ShowToastEventInit);
    }
}
