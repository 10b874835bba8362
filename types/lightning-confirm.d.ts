/**
 * `lightning/confirm`. Like the modal, `@salesforce/lightning-types` omits the static `open()`,
 * so the tsconfig files leave that package's declaration out and this one replaces it.
 */
declare module 'lightning/confirm' {
    import { LightningElement } from 'lwc';

    type Theme = 'default' | 'shade' | 'inverse' | 'alt-inverse' | 'success' | 'info' | 'warning' | 'error' | 'offline';

    export interface ConfirmOpenOptions {
        message: string;
        label?: string;
        variant?: 'header' | 'headerless';
        theme?: Theme;
    }

    export default class LightningConfirm extends LightningElement {
        /** Resolves true when the user confirms, false when they cancel or dismiss. */
        static open(options: ConfirmOpenOptions): Promise<boolean>;

        label: string;
        message: string;
        variant: 'header' | 'headerless';
        theme: Theme;
    }
}
