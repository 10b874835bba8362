declare module 'lightning/refresh' {
    /** Asks the surrounding Lightning page to refresh its views (the standard record page refresh). */
    export class RefreshEvent extends CustomEvent<null> {
        constructor();
    }
}
