/**
 * Apex methods imported as `@salesforce/apex/Class.method` are both a promise-returning function
 * (imperative calls) and a wire adapter (`@wire`, provisioning `{ data, error }`).
 *
 * The wildcard module below types any Apex import loosely. Controllers that components call declare
 * their exact parameter and result types in `types/apex/<Class>.d.ts`; a named module declaration
 * takes precedence over the wildcard.
 */
declare namespace LightningApex {
    interface WiredResult<Result> {
        data?: Result;
        error?: unknown;
    }

    type Method<Params extends object, Result> = import('lwc').WireAdapterConstructor<Params, WiredResult<Result>> &
        ((params?: Params) => Promise<Result>);
}

declare module '@salesforce/apex' {
    /** Re-provisions a wired Apex value; pass the exact object the wire provisioned. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
    /** Reads a field from an SObject returned by Apex. */
    export function getSObjectValue(
        sObject: Record<string, unknown>,
        field: string | { readonly objectApiName: string; readonly fieldApiName: string }
    ): unknown;
}

declare module '@salesforce/apex/*' {
    const apexMethod: LightningApex.Method<Record<string, unknown>, unknown>;
    export default apexMethod;
}
