/**
 * `lightning/modal`. `@salesforce/lightning-types` declares the instance API but not the static
 * `open()` every caller uses, and a default-exported class cannot be augmented, so the tsconfig
 * files leave that package's modal declaration out and this one replaces it.
 */
declare module 'lightning/modal' {
    import { LightningElement } from 'lwc';

    export interface ModalOpenOptions {
        size?: 'small' | 'medium' | 'large' | 'full';
        /** Header text, also the dialog's accessible name. */
        label: string;
        description?: string;
        disableClose?: boolean;
        /** Public (@api) properties of the modal subclass are passed alongside the options. */
        [publicProperty: string]: unknown;
    }

    export default class LightningModal extends LightningElement {
        /** Opens the modal; resolves with the value passed to `close()`, or undefined when dismissed. */
        static open<Result = unknown>(options: ModalOpenOptions): Promise<Result | undefined>;

        size: 'small' | 'medium' | 'large' | 'full';
        label: string;
        description: string;
        disableClose: boolean;
        close(result?: unknown): Promise<void>;
    }
}
