/** The shape of seeded records: field values, and lookups written by the related record's seed key. */
export const SEED_KEY = 'Baton_Seed_Key__c';

/** A lookup written by the related record's seed key (resolved by the API; no Ids needed). */
export interface SeedReference {
    attributes: { type: string };
    Baton_Seed_Key__c: string;
}

export type FieldValue = string | number | boolean | null | SeedReference;

export type SeedRecord = Record<string, FieldValue>;
