/** The subset of `lightning/uiRecordApi` (User Interface API) that LWCs use. */
declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';

    type FieldReference = string | { readonly objectApiName: string; readonly fieldApiName: string };

    export interface FieldValueRepresentation {
        displayValue: string | null;
        value: unknown;
    }

    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValueRepresentation>;
        childRelationships: Record<string, unknown>;
        lastModifiedDate: string;
        systemModstamp: string;
        recordTypeId: string | null;
    }

    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
        allowSaveOnDuplicate?: boolean;
    }

    export interface GetRecordConfig {
        recordId: string;
        fields?: FieldReference | FieldReference[];
        optionalFields?: FieldReference | FieldReference[];
        layoutTypes?: Array<'Compact' | 'Full'>;
        modes?: Array<'Create' | 'Edit' | 'View'>;
    }

    export const getRecord: WireAdapterConstructor<GetRecordConfig, { data?: RecordRepresentation; error?: unknown }>;

    export function getFieldValue(record: RecordRepresentation | undefined, field: FieldReference): unknown;
    export function getFieldDisplayValue(
        record: RecordRepresentation | undefined,
        field: FieldReference
    ): string | null | undefined;
    export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function updateRecord(
        recordInput: RecordInput,
        clientOptions?: { ifUnmodifiedSince?: string }
    ): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
    /** Tells Lightning Data Service that records changed outside it, so wires and pages refresh. */
    export function notifyRecordUpdateAvailable(recordIds: Array<{ recordId: string }>): Promise<void>;
}
