/**
 * `@salesforce/schema/Object` resolves to `{ objectApiName }` and `@salesforce/schema/Object.Field`
 * to `{ objectApiName, fieldApiName }`. A wildcard cannot tell the two apart, so both are typed as
 * the field shape; object imports simply leave `fieldApiName` unused.
 */
declare module '@salesforce/schema/*' {
    interface SchemaReference {
        readonly objectApiName: string;
        readonly fieldApiName: string;
    }
    const reference: SchemaReference;
    export default reference;
}
