/**
 * Keeps seeded picklist values inside the org's own picklists. Client orgs customise values
 * such as Lead Source or Industry; a seed value the org does not offer is written as "Other"
 * when the org has it, or left blank, and the substitution is reported.
 */
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { SeedRecord } from './plan.ts';

export interface PicklistSubstitution {
    field: string;
    value: string;
    replacement: string | null;
    records: number;
}

export function fitPicklists(
    object: string,
    records: SeedRecord[],
    describe: DescribeSObjectResult | undefined
): PicklistSubstitution[] {
    const substitutions = new Map<string, PicklistSubstitution>();
    for (const field of describe?.fields ?? []) {
        if (field.type !== 'picklist') continue;
        const allowed = new Set(
            ((field.picklistValues ?? []) as { value: string; active: boolean }[])
                .filter((option) => option.active)
                .map((option) => option.value)
        );
        const replacement = allowed.has('Other') ? 'Other' : null;
        for (const record of records) {
            const value = record[field.name];
            if (typeof value !== 'string' || allowed.has(value)) continue;
            record[field.name] = replacement;
            const key = `${field.name}|${value}`;
            const substitution = substitutions.get(key) ?? {
                field: `${object}.${field.name}`,
                value,
                replacement,
                records: 0
            };
            substitution.records++;
            substitutions.set(key, substitution);
        }
    }
    return [...substitutions.values()];
}
