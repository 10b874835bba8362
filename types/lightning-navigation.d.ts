declare module 'lightning/navigation' {
    import type { LightningElement, WireAdapterConstructor } from 'lwc';

    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, string | undefined>;
    }

    export interface NavigationCapable {
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin base accepts any constructor
    type Constructor<T> = abstract new (...args: any[]) => T;

    /** Adds `this[NavigationMixin.Navigate]` and `this[NavigationMixin.GenerateUrl]` to a component. */
    export function NavigationMixin<Base extends Constructor<LightningElement>>(
        base: Base
    ): Base & Constructor<NavigationCapable>;

    export namespace NavigationMixin {
        const Navigate: unique symbol;
        const GenerateUrl: unique symbol;
    }

    export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
