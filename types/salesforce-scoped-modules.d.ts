/** Scoped `@salesforce/*` modules that `@salesforce/lightning-types` does not declare. */
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/customPermission/*' {
    /** True when the running user has the custom permission, undefined otherwise. */
    const hasPermission: boolean | undefined;
    export default hasPermission;
}

declare module '@salesforce/userPermission/*' {
    const hasPermission: boolean | undefined;
    export default hasPermission;
}

declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}

declare module '@salesforce/messageChannel/*' {
    const channel: import('lightning/messageService').MessageChannel;
    export default channel;
}

declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}

declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

declare module '@salesforce/i18n/currency' {
    /** The user's currency ISO code (the org's corporate currency in a single-currency org). */
    const currency: string;
    export default currency;
}
