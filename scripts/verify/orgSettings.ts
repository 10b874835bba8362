/** Reads the org's LeadConvertSettings through the Metadata API (readMetadata). */
import type { OrgConnection } from '../lib/connection.ts';
import { explainError } from '../lib/errors.ts';
import type { LeadConvertSettings, ObjectMapping } from '../lib/projectMetadata.ts';

type OneOrMany<T> = T | T[] | undefined;

interface ReadSettings {
    fullName?: string;
    allowOwnerChange?: boolean | string;
    opportunityCreationOptions?: string;
    objectMapping?: OneOrMany<{
        inputObject: string;
        outputObject: string;
        mappingFields?: OneOrMany<{ inputField: string; outputField: string }>;
    }>;
}

const many = <T>(value: OneOrMany<T>): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export async function readOrgLeadConvertSettings(org: OrgConnection): Promise<LeadConvertSettings> {
    let read: ReadSettings;
    try {
        read = (await org.conn.metadata.read('LeadConvertSettings', 'LeadConvert')) as unknown as ReadSettings;
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
    const objectMapping: ObjectMapping[] = many(read.objectMapping).map((mapping) => ({
        inputObject: mapping.inputObject,
        outputObject: mapping.outputObject,
        mappingFields: many(mapping.mappingFields).map((field) => ({
            inputField: field.inputField,
            outputField: field.outputField
        }))
    }));
    const settings: LeadConvertSettings = { objectMapping };
    if (read.allowOwnerChange !== undefined) settings.allowOwnerChange = String(read.allowOwnerChange) === 'true';
    if (read.opportunityCreationOptions !== undefined)
        settings.opportunityCreationOptions = read.opportunityCreationOptions;
    return settings;
}
